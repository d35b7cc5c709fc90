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
-- The case's colour and category, copied so the list's filters are index ranges too (a join
-- filter scans thousands of rows for a rare colour at 1 M cases). Triggers keep the copies
-- right whoever changes a case.
ALTER TABLE followups ADD COLUMN case_colour INTEGER;
ALTER TABLE followups ADD COLUMN case_category TEXT;
UPDATE followups SET
    case_colour = (SELECT colour FROM cases WHERE cases.id = followups.case_id),
    case_category = (SELECT category FROM cases WHERE cases.id = followups.case_id);
CREATE TRIGGER followups_copy_case AFTER INSERT ON followups
BEGIN
    UPDATE followups SET
        case_colour = (SELECT colour FROM cases WHERE id = NEW.case_id),
        case_category = (SELECT category FROM cases WHERE id = NEW.case_id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER followups_follow_case AFTER UPDATE OF colour, category ON cases
BEGIN
    UPDATE followups SET case_colour = NEW.colour, case_category = NEW.category
    WHERE case_id = NEW.id;
END;
CREATE INDEX followups_colour_due ON followups (case_colour, due_on, id) WHERE status = 'due';
CREATE INDEX followups_category_due ON followups (case_category, due_on, id) WHERE status = 'due';
