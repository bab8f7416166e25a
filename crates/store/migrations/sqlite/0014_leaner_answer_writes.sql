-- The tables every anonymous response writes to, each as one b-tree.
--
-- A response adds a row to `answers` per answer and adds one to a few dozen
-- counts in `answer_counts` and `answer_totals`. As rowid tables with their
-- keys beside them, that was two b-trees for `answers` and three for
-- `answer_counts` (the table, its key, and the index results read). Keyed
-- tables (WITHOUT ROWID) keep each row in its key's b-tree, so every write
-- touches one, and the write a response costs is about halved.
--
-- `answer_counts` is keyed in the order results read it (what the index
-- `answer_counts_results` gave): after the round, the answered counts
-- (option '') per question and centre, then each option's counts. The two
-- tables of counts no longer refer to `rounds`: they are derived from the
-- answers (a restore rebuilds them), the transaction that adds to them has
-- checked its round already, and a reference checked on each of a
-- response's few dozen counts cost as much as a tenth of its write.

CREATE TABLE answers_keyed (
    response_id INTEGER NOT NULL REFERENCES responses (id),
    question_key TEXT NOT NULL,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    option_key TEXT,
    number INTEGER,
    text TEXT,
    comment TEXT,
    PRIMARY KEY (response_id, question_key, position)
) WITHOUT ROWID;
INSERT INTO answers_keyed (response_id, question_key, position, kind, option_key, number, text, comment)
SELECT response_id, question_key, position, kind, option_key, number, text, comment FROM answers;
DROP TABLE answers;
ALTER TABLE answers_keyed RENAME TO answers;

CREATE TABLE answer_counts_keyed (
    round_id INTEGER NOT NULL,
    option_key TEXT NOT NULL,
    question_key TEXT NOT NULL,
    centre_id INTEGER NOT NULL,
    language TEXT NOT NULL,
    channel TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (round_id, option_key, question_key, centre_id, language, channel)
) WITHOUT ROWID;
INSERT INTO answer_counts_keyed (round_id, option_key, question_key, centre_id, language, channel, count)
SELECT round_id, option_key, question_key, centre_id, language, channel, count FROM answer_counts;
DROP TABLE answer_counts;
ALTER TABLE answer_counts_keyed RENAME TO answer_counts;

CREATE TABLE answer_totals_keyed (
    round_id INTEGER NOT NULL,
    option_key TEXT NOT NULL,
    question_key TEXT NOT NULL,
    centre_id INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (round_id, option_key, question_key, centre_id)
) WITHOUT ROWID;
INSERT INTO answer_totals_keyed (round_id, option_key, question_key, centre_id, count)
SELECT round_id, option_key, question_key, centre_id, count FROM answer_totals;
DROP TABLE answer_totals;
ALTER TABLE answer_totals_keyed RENAME TO answer_totals;
