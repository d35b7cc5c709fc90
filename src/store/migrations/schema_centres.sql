-- Centres and levels (issue 14): the county's tree. A database from before has one centre, the
-- one it always was: number_prefix '' keeps its case numbers (and its day counters) exactly as
-- they were; every staff member, room and case belongs to it. Centres are disabled, never
-- deleted.
CREATE TABLE centres (
    id            INTEGER PRIMARY KEY,
    code          TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    level         TEXT NOT NULL CHECK (level IN ('village', 'township', 'county')),
    parent_id     INTEGER REFERENCES centres(id),
    number_prefix TEXT NOT NULL UNIQUE,
    address       TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    active        INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT NOT NULL,
    CHECK ((level = 'county') = (parent_id IS NULL))
);
CREATE INDEX centres_parent ON centres (parent_id);
CREATE TRIGGER centres_no_delete BEFORE DELETE ON centres
BEGIN SELECT RAISE(ABORT, 'centres are disabled, never deleted'); END;

INSERT INTO centres (id, code, name, level, parent_id, number_prefix, created_at)
VALUES (1, 'MAIN', coalesce((SELECT value FROM settings WHERE key = 'centre_name'), ''),
        'county', NULL, '', strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime'));

-- Where people, rooms and cases belong. A case has the centre that received it (受理) and the
-- centre handling it now (承办); both start as the desk's centre.
ALTER TABLE staff ADD COLUMN centre_id INTEGER NOT NULL DEFAULT 1;
ALTER TABLE rooms ADD COLUMN centre_id INTEGER NOT NULL DEFAULT 1;
ALTER TABLE cases ADD COLUMN centre_id INTEGER NOT NULL DEFAULT 1;
ALTER TABLE cases ADD COLUMN received_centre_id INTEGER NOT NULL DEFAULT 1;

-- A centre's open work in urgency order, and its cases newest first: every scoped list and
-- count starts from the centre.
CREATE INDEX cases_centre_urgency ON cases (centre_id, colour, received_at DESC, id DESC)
    WHERE active = 1;
CREATE INDEX cases_centre_received ON cases (centre_id, received_at DESC, id DESC);
CREATE INDEX staff_centre ON staff (centre_id);
CREATE INDEX rooms_centre ON rooms (centre_id);
