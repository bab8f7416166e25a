-- The kept counts summed over languages and channels: what a round's
-- results read when they are not filtered by language or channel (the
-- results page, a round beside it, the trend over rounds). It holds an
-- eighth of the rows of answer_counts or fewer when a round is answered
-- in four languages on two channels. Kept up to date in the transaction
-- that stores each response, and rebuilt with answer_counts.
--
-- The key is in the order the results read it: after the round, the
-- answered counts (option '') per question and centre, then each option's
-- counts, so a read walks the key alone and needs no sort.
CREATE TABLE answer_totals (
    round_id INTEGER NOT NULL REFERENCES rounds (id),
    option_key TEXT NOT NULL,
    question_key TEXT NOT NULL,
    centre_id INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (round_id, option_key, question_key, centre_id)
) WITHOUT ROWID;

INSERT INTO answer_totals (round_id, option_key, question_key, centre_id, count)
SELECT round_id, option_key, question_key, centre_id, SUM(count)
  FROM answer_counts
 GROUP BY round_id, option_key, question_key, centre_id;
