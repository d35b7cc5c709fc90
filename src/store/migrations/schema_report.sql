-- Handover sheet and statistics (issue 8): the lead's notes and the indexes the sheet and the
-- statistics read through, so a day's sheet and a year's figures stay fast at 1 M cases.
CREATE TABLE IF NOT EXISTS handover_notes (
    day        TEXT NOT NULL,             -- 'YYYY-MM-DD'
    shift      TEXT NOT NULL,             -- day / am / pm
    body       TEXT NOT NULL,
    staff_id   INTEGER REFERENCES staff(id),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (day, shift)
);
-- Open cases still waiting for their first response, by deadline.
CREATE INDEX IF NOT EXISTS cases_waiting_deadline ON cases (deadline_at)
    WHERE active = 1 AND status IN ('registered', 'assigned');
-- First held session of a case, answered from the index alone.
CREATE INDEX IF NOT EXISTS sessions_case_held ON sessions (case_id, starts_at) WHERE status = 'held';
-- Recorded outcomes of a case (status changes), newest last.
CREATE INDEX IF NOT EXISTS audit_case_status ON audit (case_id, new) WHERE action = 'case.status';
-- Escalations of the day: explicit escalations or any change of the ladder level.
CREATE INDEX IF NOT EXISTS audit_escalations ON audit (at)
    WHERE action = 'case.escalate' OR field = 'level';
CREATE INDEX IF NOT EXISTS followups_done ON followups (done_at) WHERE status = 'done';
CREATE INDEX IF NOT EXISTS followups_due_on ON followups (due_on);
