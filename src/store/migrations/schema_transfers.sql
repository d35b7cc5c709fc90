-- Hand-overs between centres (issue 14): up the ladder (上报), down (交办), across (转办). A
-- hand-over is pending (待签收) until the receiver signs (签收) or returns it (退回/退单), or the
-- sender withdraws it; a returned hand-over down or across may be overruled by the sender
-- (审定: it stands as signed). Rows are never deleted: they are the case's passage through the
-- centres.
CREATE TABLE transfers (
    id            INTEGER PRIMARY KEY,
    case_id       INTEGER NOT NULL REFERENCES cases(id),
    kind          TEXT NOT NULL CHECK (kind IN ('up', 'down', 'across')),
    from_centre   INTEGER NOT NULL REFERENCES centres(id),
    to_centre     INTEGER NOT NULL REFERENCES centres(id),
    reason        TEXT NOT NULL DEFAULT '',   -- the sender's reason or instructions
    sent_at       TEXT NOT NULL,
    sent_by       INTEGER NOT NULL REFERENCES staff(id),
    reply_by      TEXT,                       -- answer due (down, across); none up
    state         TEXT NOT NULL DEFAULT 'pending'
                  CHECK (state IN ('pending', 'signed', 'returned', 'overruled', 'withdrawn')),
    answered_at   TEXT,                       -- signed, returned or withdrawn
    answered_by   INTEGER REFERENCES staff(id),
    return_code   TEXT CHECK (return_code IN ('not_exhausted', 'outside_remit', 'wrong_locality',
                                              'unclear_responsibility', 'overlapping_duties',
                                              'other')),
    return_other  TEXT NOT NULL DEFAULT '',   -- the words of an "other" reason
    return_note   TEXT NOT NULL DEFAULT '',
    overruled_at  TEXT,
    overruled_by  INTEGER REFERENCES staff(id),
    overrule_note TEXT NOT NULL DEFAULT '',
    CHECK (from_centre <> to_centre),
    CHECK ((state = 'pending') = (answered_at IS NULL)),
    CHECK ((state = 'returned' OR state = 'overruled') = (return_code IS NOT NULL)),
    CHECK ((state = 'overruled') = (overruled_at IS NOT NULL))
);
-- At most one pending hand-over per case: two desks sending at once cannot both succeed.
CREATE UNIQUE INDEX transfers_one_pending ON transfers (case_id) WHERE state = 'pending';
-- A case's passage, in order.
CREATE INDEX transfers_case ON transfers (case_id, id);
-- A centre's intake (待签收) by reply deadline, and what a centre sent.
CREATE INDEX transfers_intake ON transfers (to_centre, reply_by) WHERE state = 'pending';
CREATE INDEX transfers_sent ON transfers (from_centre, state, sent_at);
CREATE TRIGGER transfers_no_delete BEFORE DELETE ON transfers
BEGIN SELECT RAISE(ABORT, 'hand-overs are kept'); END;

-- On the case, for list views and the clock: the centre a pending hand-over is addressed to
-- (the "awaiting sign-off" view reads it by index), and when the handling centre took the case
-- (its mediation term counts from then; none: from the intake).
ALTER TABLE cases ADD COLUMN pending_to INTEGER REFERENCES centres(id);
ALTER TABLE cases ADD COLUMN handled_since TEXT;
CREATE INDEX cases_pending_to ON cases (pending_to, received_at DESC, id DESC)
    WHERE pending_to IS NOT NULL;
