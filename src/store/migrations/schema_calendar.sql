-- Calendar: public holidays, mediator leave and co-mediators of a session.
CREATE TABLE holidays (
    day        TEXT PRIMARY KEY,          -- 'YYYY-MM-DD'
    name       TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES staff(id)
);

CREATE TABLE staff_leave (
    id         INTEGER PRIMARY KEY,
    staff_id   INTEGER NOT NULL REFERENCES staff(id),
    from_day   TEXT NOT NULL,             -- first day away, 'YYYY-MM-DD'
    to_day     TEXT NOT NULL,             -- last day away (inclusive)
    note       TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES staff(id),
    created_at TEXT NOT NULL,
    CHECK (from_day <= to_day)
);
CREATE INDEX staff_leave_staff ON staff_leave (staff_id, to_day);

-- Further mediators of a session (一案一专班); sessions.mediator_id is the one in charge.
CREATE TABLE session_mediators (
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    staff_id   INTEGER NOT NULL REFERENCES staff(id),
    PRIMARY KEY (session_id, staff_id)
);
CREATE INDEX session_mediators_staff ON session_mediators (staff_id, session_id);
