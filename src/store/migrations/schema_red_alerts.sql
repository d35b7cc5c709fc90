-- Red alerts for shift leads (issue 16): when a case last became red and open, kept by triggers
-- whoever changes the case (registration, a raised colour, a reopened red case). A lead's
-- acknowledgement is an audit row ('red.ack') at or after that time. Cases red before this
-- version count from their last colour change, else from when they were received.
ALTER TABLE cases ADD COLUMN red_since TEXT;
UPDATE cases SET red_since = coalesce(
    (SELECT max(a.at) FROM audit a WHERE a.case_id = cases.id AND a.action = 'case.colour'),
    received_at)
WHERE colour = 0;
CREATE INDEX cases_red_since ON cases (red_since, id) WHERE active = 1 AND colour = 0;
CREATE TRIGGER cases_red_since_ins AFTER INSERT ON cases WHEN NEW.colour = 0
BEGIN
    UPDATE cases SET red_since = NEW.received_at WHERE id = NEW.id;
END;
CREATE TRIGGER cases_red_since_upd AFTER UPDATE OF colour, active ON cases
WHEN NEW.colour = 0 AND NEW.active = 1 AND (OLD.colour <> 0 OR OLD.active = 0)
BEGIN
    UPDATE cases SET red_since = NEW.updated_at WHERE id = NEW.id;
END;
-- A lead's acknowledgements of a case, found from the case.
CREATE INDEX audit_red_ack ON audit (case_id, staff_id, at) WHERE action = 'red.ack';
