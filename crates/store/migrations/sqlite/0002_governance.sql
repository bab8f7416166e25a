-- Governance: people and their dated assignments, groups and the centres they
-- govern, meetings with attendance and minutes, decisions, matters to steering
-- groups, introductions; the mail outbox and job leases that let several
-- server instances share one database.

ALTER TABLE regions ADD COLUMN min_management_meetings INTEGER NOT NULL DEFAULT 4;
ALTER TABLE regions ADD COLUMN min_steering_meetings INTEGER NOT NULL DEFAULT 1;
ALTER TABLE regions ADD COLUMN minutes_within_days INTEGER NOT NULL DEFAULT 14;
ALTER TABLE regions ADD COLUMN introduction_within_days INTEGER NOT NULL DEFAULT 90;
ALTER TABLE regions ADD COLUMN matter_within_days INTEGER NOT NULL DEFAULT 90;

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    region_id INTEGER NOT NULL REFERENCES regions (id),
    name TEXT NOT NULL,
    email TEXT,
    phone TEXT,
    profession TEXT,
    employer_kind TEXT,
    employer_name TEXT,
    unit_id INTEGER REFERENCES units (id),
    user_id INTEGER REFERENCES users (id),
    erased_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX people_region ON people (region_id);

CREATE TABLE groups (
    id INTEGER PRIMARY KEY,
    region_id INTEGER NOT NULL REFERENCES regions (id),
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    municipality_id INTEGER REFERENCES municipalities (id),
    reports_to INTEGER REFERENCES groups (id),
    health_forum INTEGER NOT NULL DEFAULT 0,
    closed_on TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX groups_region ON groups (region_id);

CREATE TABLE group_centres (
    group_id INTEGER NOT NULL REFERENCES groups (id),
    centre_id INTEGER NOT NULL REFERENCES centres (id),
    PRIMARY KEY (group_id, centre_id)
);
CREATE INDEX group_centres_centre ON group_centres (centre_id);

CREATE TABLE assignments (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id),
    kind TEXT NOT NULL,
    region_id INTEGER NOT NULL REFERENCES regions (id),
    centre_id INTEGER REFERENCES centres (id),
    group_id INTEGER REFERENCES groups (id),
    share_percent INTEGER,
    paid_by TEXT,
    minutes_per_week INTEGER,
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX assignments_person ON assignments (person_id);
CREATE INDEX assignments_group ON assignments (group_id);
CREATE INDEX assignments_centre ON assignments (centre_id);

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES groups (id),
    held_on TEXT NOT NULL,
    status TEXT NOT NULL,
    agenda TEXT,
    minutes_md TEXT,
    minutes_published_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX meetings_group ON meetings (group_id, held_on);

CREATE TABLE attendance (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    person_id INTEGER NOT NULL REFERENCES people (id),
    status TEXT NOT NULL,
    PRIMARY KEY (meeting_id, person_id)
);

CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    category TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX decisions_meeting ON decisions (meeting_id);

CREATE TABLE decision_centres (
    decision_id INTEGER NOT NULL REFERENCES decisions (id),
    centre_id INTEGER NOT NULL REFERENCES centres (id),
    PRIMARY KEY (decision_id, centre_id)
);

CREATE TABLE matters (
    id INTEGER PRIMARY KEY,
    region_id INTEGER NOT NULL REFERENCES regions (id),
    from_group_id INTEGER REFERENCES groups (id),
    to_group_id INTEGER NOT NULL REFERENCES groups (id),
    title TEXT NOT NULL,
    body TEXT,
    status TEXT NOT NULL,
    decision_id INTEGER REFERENCES decisions (id),
    created_at TEXT NOT NULL
);
CREATE INDEX matters_to ON matters (to_group_id);

CREATE TABLE matter_events (
    id INTEGER PRIMARY KEY,
    matter_id INTEGER NOT NULL REFERENCES matters (id),
    status TEXT NOT NULL,
    on_date TEXT NOT NULL,
    person_id INTEGER REFERENCES people (id),
    note TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX matter_events_matter ON matter_events (matter_id);

CREATE TABLE introduction_sessions (
    id INTEGER PRIMARY KEY,
    region_id INTEGER NOT NULL REFERENCES regions (id),
    held_on TEXT NOT NULL,
    held_by INTEGER REFERENCES people (id),
    title TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE introductions (
    assignment_id INTEGER PRIMARY KEY REFERENCES assignments (id),
    session_id INTEGER REFERENCES introduction_sessions (id),
    introduced_on TEXT NOT NULL
);

CREATE TABLE mail_outbox (
    id INTEGER PRIMARY KEY,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
);
CREATE INDEX mail_outbox_unsent ON mail_outbox (sent_at, id);

CREATE TABLE leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
