-- Exports of a round (its responses or its results, as CSV or XLSX), made
-- in the background. A request is a job; an instance claims it with a
-- lease (holder and expiry) that it renews while it works, so that one
-- instance makes each file and a job whose instance died is taken over and
-- started again. The file is kept here in chunks, so that any instance can
-- serve the download. Neither is in the backup; files are swept when they
-- expire.

CREATE TABLE export_jobs (
    id INTEGER PRIMARY KEY,
    -- responses | results
    kind TEXT NOT NULL,
    round_id INTEGER NOT NULL REFERENCES rounds (id),
    -- csv | xlsx
    format TEXT NOT NULL,
    -- Which responses (JSON: centre, municipality, language, channel).
    filter TEXT NOT NULL,
    -- The language of the file's texts.
    language TEXT NOT NULL,
    -- The account that asked: the only one that sees the job and its file.
    requested_by INTEGER NOT NULL REFERENCES users (id),
    -- queued | running | done | failed
    status TEXT NOT NULL,
    -- How far it is: rows written of all it will write.
    done INTEGER NOT NULL DEFAULT 0,
    total INTEGER NOT NULL DEFAULT 0,
    -- The instance working on it, until when (seconds since 1970).
    lease_holder TEXT,
    lease_expires_at INTEGER,
    -- How many times it was started; its chunks are those of the last start.
    attempts INTEGER NOT NULL DEFAULT 0,
    -- Why it failed (a code).
    error TEXT,
    -- The file made.
    file_name TEXT,
    content_type TEXT,
    size INTEGER,
    created_at TEXT NOT NULL,
    finished_at TEXT,
    -- When the file is removed (seconds since 1970).
    expires_at INTEGER
);
CREATE INDEX export_jobs_status ON export_jobs (status, id);
CREATE INDEX export_jobs_round ON export_jobs (round_id, requested_by, id);

CREATE TABLE export_chunks (
    job_id INTEGER NOT NULL REFERENCES export_jobs (id),
    attempt INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (job_id, attempt, seq)
);
