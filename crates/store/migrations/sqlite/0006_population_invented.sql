-- Population numbers that nobody counted: the demo's made-up years. Pages
-- say so beside the numbers. An import of real numbers clears the mark.

ALTER TABLE population ADD COLUMN invented INTEGER NOT NULL DEFAULT 0;
