-- A region's smallest number of answers any survey breakdown shows (5 at the least).
ALTER TABLE regions ADD COLUMN survey_min_answers INTEGER NOT NULL DEFAULT 5;
