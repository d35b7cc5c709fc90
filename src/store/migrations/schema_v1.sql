-- onedoor schema, version 1. Times are local 'YYYY-MM-DD HH:MM:SS' text (sorts as time).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE staff (
    id            INTEGER PRIMARY KEY,
    code          TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('desk', 'mediator', 'lead')),
    languages     TEXT NOT NULL DEFAULT '',   -- comma-separated, e.g. 'zh,hmn'
    specialties   TEXT NOT NULL DEFAULT '',   -- comma-separated category codes
    team          TEXT,
    active        INTEGER NOT NULL DEFAULT 1,
    pin_hash      TEXT NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until  TEXT,
    created_at    TEXT NOT NULL
);

CREATE TABLE rooms (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL UNIQUE,
    active INTEGER NOT NULL DEFAULT 1
);

-- Last case number handed out per day; only ever incremented, so numbers are never reused.
CREATE TABLE case_counters (
    day  TEXT PRIMARY KEY,
    last INTEGER NOT NULL
);

CREATE TABLE cases (
    id              INTEGER PRIMARY KEY,
    case_no         TEXT NOT NULL UNIQUE,
    received_at     TEXT NOT NULL,
    channel         TEXT NOT NULL,
    category        TEXT NOT NULL,
    colour          INTEGER NOT NULL CHECK (colour BETWEEN 0 AND 4),  -- 0 red … 4 green
    colour_computed INTEGER NOT NULL CHECK (colour_computed BETWEEN 0 AND 4),
    colour_flags    TEXT NOT NULL DEFAULT '',  -- comma-separated flag codes
    colour_reason   TEXT NOT NULL DEFAULT '',  -- why it was lowered, if it was
    status          TEXT NOT NULL,
    active          INTEGER NOT NULL,          -- 1 while registered/assigned/in mediation
    summary         TEXT NOT NULL,
    description     TEXT NOT NULL DEFAULT '',
    amount_yuan     INTEGER,
    people          INTEGER NOT NULL DEFAULT 1,
    team            TEXT,
    owner_id        INTEGER REFERENCES staff(id),
    received_by     INTEGER REFERENCES staff(id),
    first_party_id  INTEGER REFERENCES parties(id),
    level           TEXT NOT NULL DEFAULT 'village',
    attempts_village  INTEGER NOT NULL DEFAULT 0,
    attempts_township INTEGER NOT NULL DEFAULT 0,
    attempts_county   INTEGER NOT NULL DEFAULT 0,
    visits          INTEGER NOT NULL DEFAULT 1,
    deadline_at     TEXT,
    closed_at       TEXT,
    updated_at      TEXT NOT NULL
);
-- The urgency order of open work: colour, then newest. Partial, so it stays small and hot.
CREATE INDEX cases_active_urgency ON cases (colour, received_at DESC, id DESC) WHERE active = 1;
CREATE INDEX cases_owner_urgency ON cases (owner_id, colour, received_at DESC, id DESC) WHERE active = 1;
CREATE INDEX cases_received ON cases (received_at DESC, id DESC);
CREATE INDEX cases_status ON cases (status);

CREATE TABLE parties (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL,
    name_keys         TEXT NOT NULL DEFAULT '',  -- pinyin readings and initials, space-separated
    phone             TEXT,
    id_number         TEXT,
    address           TEXT NOT NULL DEFAULT '',
    language          TEXT NOT NULL DEFAULT '',
    needs_interpreter INTEGER NOT NULL DEFAULT 0,
    vulnerability     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX parties_phone ON parties (phone) WHERE phone IS NOT NULL;
CREATE INDEX parties_id_number ON parties (id_number) WHERE id_number IS NOT NULL;
CREATE INDEX parties_phone_tail ON parties (substr(phone, -4)) WHERE phone IS NOT NULL;
CREATE INDEX parties_id_tail ON parties (substr(id_number, -4)) WHERE id_number IS NOT NULL;

CREATE TABLE case_parties (
    case_id  INTEGER NOT NULL REFERENCES cases(id),
    party_id INTEGER NOT NULL REFERENCES parties(id),
    role     TEXT NOT NULL CHECK (role IN ('applicant', 'respondent', 'other')),
    PRIMARY KEY (case_id, party_id, role)
);
CREATE INDEX case_parties_party ON case_parties (party_id);

CREATE TABLE visits (
    id       INTEGER PRIMARY KEY,
    case_id  INTEGER NOT NULL REFERENCES cases(id),
    at       TEXT NOT NULL,
    staff_id INTEGER REFERENCES staff(id),
    channel  TEXT NOT NULL,
    note     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX visits_case ON visits (case_id);

CREATE TABLE sessions (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases(id),
    mediator_id INTEGER NOT NULL REFERENCES staff(id),
    room_id     INTEGER REFERENCES rooms(id),
    starts_at   TEXT NOT NULL,
    ends_at     TEXT NOT NULL,
    level       TEXT NOT NULL DEFAULT 'village',
    status      TEXT NOT NULL DEFAULT 'booked'
                CHECK (status IN ('booked', 'held', 'no_show', 'postponed', 'cancelled')),
    result      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_mediator_time ON sessions (mediator_id, starts_at);
CREATE INDEX sessions_room_time ON sessions (room_id, starts_at);
CREATE INDEX sessions_case ON sessions (case_id);
CREATE INDEX sessions_time ON sessions (starts_at);

CREATE TABLE followups (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES cases(id),
    owner_id     INTEGER REFERENCES staff(id),
    due_on       TEXT NOT NULL,            -- 'YYYY-MM-DD'
    status       TEXT NOT NULL DEFAULT 'due' CHECK (status IN ('due', 'done', 'cancelled')),
    method       TEXT,
    performance  TEXT,                     -- fulfilled / partly / breached / unreachable
    satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
    note         TEXT NOT NULL DEFAULT '',
    done_at      TEXT
);
CREATE INDEX followups_due ON followups (due_on) WHERE status = 'due';
CREATE INDEX followups_case ON followups (case_id);

-- Unsaved forms, saved as the clerk types so a crash loses nothing.
CREATE TABLE drafts (
    staff_id   INTEGER NOT NULL REFERENCES staff(id),
    kind       TEXT NOT NULL,
    body       TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (staff_id, kind)
);

-- Append-only: who did what to which case, old → new.
CREATE TABLE audit (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    staff_id INTEGER REFERENCES staff(id),
    case_id  INTEGER REFERENCES cases(id),
    action   TEXT NOT NULL,
    field    TEXT NOT NULL DEFAULT '',
    old      TEXT NOT NULL DEFAULT '',
    new      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_case ON audit (case_id, id) WHERE case_id IS NOT NULL;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
