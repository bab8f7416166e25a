-- What a round's results read, from the index alone and in its order (so
-- no sort): after the round, the answered counts (option '') per question
-- and centre, for the tree of breakdowns; then each option's counts per
-- question, summed for the selection. The centre, language and channel to
-- filter on and the count itself are in the index, so the table rows are
-- never visited.
CREATE INDEX answer_counts_results
    ON answer_counts (round_id, option_key, question_key, centre_id, language, channel, count);
