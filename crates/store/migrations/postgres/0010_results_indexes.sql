-- What a round's results read, from the index alone: the kept counts of
-- one round (or of the rounds of a trend) in the order results group them
-- (centre, question, option), with the language and channel to filter on
-- and the count itself, so the table rows are never visited and no sort is
-- needed, whatever the filter.
CREATE INDEX answer_counts_results
    ON answer_counts (round_id, centre_id, question_key, option_key, language, channel, count);
