-- Follow-ups (回访): who was reached, why the follow-up exists, who made and recorded it, and
-- indexes for the work list (keyset on due date then id) and for one owner's list.
ALTER TABLE followups ADD COLUMN reached TEXT NOT NULL DEFAULT '';
ALTER TABLE followups ADD COLUMN kind TEXT NOT NULL DEFAULT 'agreement';
ALTER TABLE followups ADD COLUMN attempt INTEGER NOT NULL DEFAULT 1;
ALTER TABLE followups ADD COLUMN reason TEXT NOT NULL DEFAULT '';
ALTER TABLE followups ADD COLUMN created_at TEXT;
ALTER TABLE followups ADD COLUMN created_by INTEGER REFERENCES staff(id);
ALTER TABLE followups ADD COLUMN done_by INTEGER REFERENCES staff(id);
CREATE INDEX followups_due_id ON followups (due_on, id) WHERE status = 'due';
CREATE INDEX followups_owner_due ON followups (owner_id, due_on, id) WHERE status = 'due';
