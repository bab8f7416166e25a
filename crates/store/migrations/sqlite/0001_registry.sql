-- The registry: regions, municipalities, population, centres and their units;
-- accounts, grants, API tokens, sessions and the audit trail.
-- Dates are ISO text, timestamps RFC 3339 text (UTC), yes/no as 0/1.

CREATE TABLE regions (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    code TEXT,
    like_partners TEXT NOT NULL DEFAULT 'of,soc',
    require_shared_entrance INTEGER NOT NULL DEFAULT 0,
    min_shared_opening_minutes INTEGER,
    created_at TEXT NOT NULL
);

CREATE TABLE municipalities (
    id INTEGER PRIMARY KEY,
    region_id INTEGER NOT NULL REFERENCES regions (id),
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    UNIQUE (region_id, name)
);

CREATE TABLE population (
    municipality_id INTEGER NOT NULL REFERENCES municipalities (id),
    year INTEGER NOT NULL,
    total INTEGER NOT NULL,
    children_0_6 INTEGER NOT NULL,
    PRIMARY KEY (municipality_id, year)
);

CREATE TABLE centres (
    id INTEGER PRIMARY KEY,
    region_id INTEGER NOT NULL REFERENCES regions (id),
    municipality_id INTEGER NOT NULL REFERENCES municipalities (id),
    name TEXT NOT NULL,
    address TEXT,
    opened_on TEXT,
    closed_on TEXT,
    shared_opening_minutes INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX centres_region ON centres (region_id, municipality_id);

CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    centre_id INTEGER NOT NULL REFERENCES centres (id),
    service TEXT NOT NULL,
    name TEXT,
    principal_kind TEXT,
    principal_name TEXT,
    building TEXT,
    shared_entrance INTEGER,
    full_operation INTEGER,
    minutes_per_week INTEGER,
    closed_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX units_centre ON units (centre_id);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

CREATE TABLE grants (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    role TEXT NOT NULL,
    region_id INTEGER REFERENCES regions (id),
    centre_id INTEGER REFERENCES centres (id),
    created_at TEXT NOT NULL
);
CREATE INDEX grants_user ON grants (user_id);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    token_hash TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);

CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user_id INTEGER,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    region_id INTEGER,
    before_json TEXT,
    after_json TEXT
);
CREATE INDEX audit_region ON audit_log (region_id, id);
