-- Surveys (enkäter): instruments and their versions, rounds with their
-- centres' anonymous links, personal invitations, and the responses with
-- their answers and the running counts that results read.
--
-- Answers are anonymous. A response holds its round, centre, language,
-- channel and the day it came in: no time of day, no address, no browser,
-- no token, no session, no person. An invitation records only whether it
-- was used, never when, and nothing links it to a response.

CREATE TABLE instruments (
    id INTEGER PRIMARY KEY,
    -- NULL: built in, offered to every region.
    region_id INTEGER REFERENCES regions (id),
    key TEXT NOT NULL,
    created_at TEXT NOT NULL
);
-- UNIQUE treats NULLs as distinct: built-in keys are made unique this way.
CREATE UNIQUE INDEX instruments_key ON instruments (COALESCE(region_id, 0), key);

CREATE TABLE instrument_versions (
    id INTEGER PRIMARY KEY,
    instrument_id INTEGER NOT NULL REFERENCES instruments (id),
    version INTEGER NOT NULL,
    -- The definition document (JSON); never changed once published.
    definition TEXT NOT NULL,
    -- NULL: a draft.
    published_on TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (instrument_id, version)
);

CREATE TABLE rounds (
    id INTEGER PRIMARY KEY,
    region_id INTEGER NOT NULL REFERENCES regions (id),
    version_id INTEGER NOT NULL REFERENCES instrument_versions (id),
    title TEXT NOT NULL,
    respondent_group TEXT NOT NULL,
    opens_on TEXT NOT NULL,
    closes_on TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX rounds_region ON rounds (region_id, opens_on);
CREATE INDEX rounds_version ON rounds (version_id);

CREATE TABLE round_centres (
    round_id INTEGER NOT NULL REFERENCES rounds (id),
    centre_id INTEGER NOT NULL REFERENCES centres (id),
    -- The code of the centre's anonymous link.
    link_code TEXT NOT NULL UNIQUE,
    PRIMARY KEY (round_id, centre_id)
);

CREATE TABLE invitations (
    id INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES rounds (id),
    person_id INTEGER NOT NULL REFERENCES people (id),
    centre_id INTEGER REFERENCES centres (id),
    token_hash TEXT NOT NULL UNIQUE,
    sent_on TEXT NOT NULL,
    reminded_on TEXT,
    -- 0 or 1; when it was used is never recorded.
    used INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX invitations_round ON invitations (round_id, used, centre_id);
CREATE INDEX invitations_person ON invitations (person_id);

CREATE TABLE responses (
    id INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES rounds (id),
    centre_id INTEGER REFERENCES centres (id),
    language TEXT NOT NULL,
    channel TEXT NOT NULL,
    -- A day only.
    submitted_on TEXT NOT NULL
);
CREATE INDEX responses_round ON responses (round_id, id);

-- One row per chosen option (position 0, 1, ... for multiple choice); a
-- number, a text, or a yes/no with its comment in one row at position 0.
CREATE TABLE answers (
    response_id INTEGER NOT NULL REFERENCES responses (id),
    question_key TEXT NOT NULL,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    option_key TEXT,
    number INTEGER,
    text TEXT,
    comment TEXT,
    PRIMARY KEY (response_id, question_key, position)
);

-- What results read: per round, centre (0 for none), language and channel,
-- the responses that answered each question (option_key '') and chose each
-- option (a number counts under its decimal key). Kept up to date in the
-- transaction that stores each response; rebuilt from the answers after an
-- import.
CREATE TABLE answer_counts (
    round_id INTEGER NOT NULL REFERENCES rounds (id),
    centre_id INTEGER NOT NULL,
    language TEXT NOT NULL,
    channel TEXT NOT NULL,
    question_key TEXT NOT NULL,
    option_key TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (round_id, centre_id, language, channel, question_key, option_key)
);
