-- Every closed case carries its closing time: the purge selects cases by it. Cases closed by a
-- merge, and demo cases closed in their last weeks, were left without one. Filled with the best
-- time known: the latest audit entry that closed the case, else the merge that closed it, else
-- its last update. From now on the schema refuses a closed case without its time.
UPDATE cases SET closed_at = coalesce(
    (SELECT max(a.at) FROM audit a
        WHERE a.case_id = cases.id AND a.action = 'case.status' AND a.new = 'closed'),
    (SELECT max(m.at) FROM merges m
        WHERE m.kind = 'case' AND m.gone_id = cases.id AND m.undone_at IS NULL),
    updated_at)
WHERE status = 'closed' AND closed_at IS NULL;
CREATE TRIGGER cases_closed_at_ins BEFORE INSERT ON cases
WHEN new.status = 'closed' AND new.closed_at IS NULL
BEGIN SELECT RAISE(ABORT, 'a closed case needs closed_at'); END;
CREATE TRIGGER cases_closed_at_upd BEFORE UPDATE OF status, closed_at ON cases
WHEN new.status = 'closed' AND new.closed_at IS NULL
BEGIN SELECT RAISE(ABORT, 'a closed case needs closed_at'); END;
