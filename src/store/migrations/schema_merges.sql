-- Duplicates: a case merged into another (one dispute) and a party merged into another (one
-- person). The absorbed row stays, pointing to the survivor; what moved is recorded row by row
-- in merge_moves so a lead's undo puts back exactly what was there.
ALTER TABLE cases ADD COLUMN merged_into INTEGER REFERENCES cases(id);
CREATE INDEX cases_merged_into ON cases (merged_into) WHERE merged_into IS NOT NULL;
ALTER TABLE parties ADD COLUMN merged_into INTEGER REFERENCES parties(id);

CREATE TABLE merges (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('case', 'party')),
    keep_id      INTEGER NOT NULL,
    gone_id      INTEGER NOT NULL,
    at           TEXT NOT NULL,
    staff_id     INTEGER NOT NULL REFERENCES staff(id),
    -- The absorbed case as it was (case merges), restored on undo.
    old_status   TEXT,
    old_active   INTEGER,
    old_deadline TEXT,
    old_visits   INTEGER,          -- the survivor's visit count before
    -- Numbers copied onto the surviving party because it had none (party merges).
    phone_filled INTEGER NOT NULL DEFAULT 0,
    id_filled    INTEGER NOT NULL DEFAULT 0,
    undone_at    TEXT,
    undone_by    INTEGER REFERENCES staff(id)
);
CREATE INDEX merges_keep ON merges (kind, keep_id) WHERE undone_at IS NULL;
CREATE INDEX merges_gone ON merges (kind, gone_id) WHERE undone_at IS NULL;

-- One row per moved link: what ('visit', 'session', 'followup' by row id; 'link' a
-- case_parties row by the other side's id and role, `added` = 0 when the survivor already had
-- it; 'first_party' a case whose first party was repointed).
CREATE TABLE merge_moves (
    merge_id INTEGER NOT NULL REFERENCES merges(id),
    what     TEXT NOT NULL,
    row_id   INTEGER NOT NULL,
    role     TEXT NOT NULL DEFAULT '',
    added    INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX merge_moves_merge ON merge_moves (merge_id);

-- A dedicated team for a complex case (一案一专班): several mediators and a written plan.
CREATE TABLE case_teams (
    case_id    INTEGER PRIMARY KEY REFERENCES cases(id),
    plan       TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES staff(id)
);
CREATE TABLE case_team_members (
    case_id  INTEGER NOT NULL REFERENCES cases(id),
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    PRIMARY KEY (case_id, staff_id)
);
