-- Accounts: sessions know their account (so a password change or a block ends
-- them), API tokens get an expiry and a last use, a county coordinator blocks
-- an account's grants in their own region only, and failed logins are counted
-- per account and per address. Minutes are rendered once, when saved.

ALTER TABLE sessions ADD COLUMN user_id INTEGER REFERENCES users (id);
CREATE INDEX sessions_user ON sessions (user_id);

ALTER TABLE api_tokens ADD COLUMN expires_on TEXT;
ALTER TABLE api_tokens ADD COLUMN last_used_at TEXT;
CREATE INDEX api_tokens_user ON api_tokens (user_id);

ALTER TABLE grants ADD COLUMN disabled_at TEXT;
CREATE INDEX grants_region ON grants (region_id, user_id);

CREATE TABLE login_failures (
    throttle_key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    since INTEGER NOT NULL
);

ALTER TABLE meetings ADD COLUMN minutes_html TEXT;

-- One-time links to set a password (a new account, or a reset a county
-- coordinator sends); only the hash of the link's secret is kept.
CREATE TABLE password_resets (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at TEXT
);
CREATE INDEX password_resets_user ON password_resets (user_id);
