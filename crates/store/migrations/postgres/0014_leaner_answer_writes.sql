-- The tables every anonymous response writes to, with fewer structures to
-- keep up to date on each write (SQLite makes them keyed tables in the same
-- migration).
--
-- `answer_counts` gets its key in the order results read it, with the
-- count carried in the key's index (INCLUDE), so the separate index
-- `answer_counts_results` goes: a response's few dozen counts each update
-- the table and one index instead of two. The two tables of counts no
-- longer refer to `rounds`: they are derived from the answers (a restore
-- rebuilds them), and the transaction that adds to them has checked its
-- round already.

ALTER TABLE answer_counts DROP CONSTRAINT answer_counts_pkey;
DROP INDEX answer_counts_results;
ALTER TABLE answer_counts
    ADD PRIMARY KEY (round_id, option_key, question_key, centre_id, language, channel) INCLUDE (count);
ALTER TABLE answer_counts DROP CONSTRAINT answer_counts_round_id_fkey;
ALTER TABLE answer_totals DROP CONSTRAINT answer_totals_round_id_fkey;
