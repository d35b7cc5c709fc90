-- Working hours and days off per centre (issue 14: "working hours and holidays may differ per
-- centre"). A centre may carry its own working hours and days; NULL is the record's default
-- (the config's [hours]), so a centre alone sees no difference. All three are set together.
ALTER TABLE centres ADD COLUMN work_start TEXT;   -- 'HH:MM'
ALTER TABLE centres ADD COLUMN work_end TEXT;     -- 'HH:MM'
ALTER TABLE centres ADD COLUMN work_days TEXT;    -- ISO weekdays, '1,2,3,4,5,6'
CREATE TRIGGER centres_hours_whole BEFORE UPDATE OF work_start, work_end, work_days ON centres
WHEN NOT ((NEW.work_start IS NULL AND NEW.work_end IS NULL AND NEW.work_days IS NULL)
          OR (NEW.work_start IS NOT NULL AND NEW.work_end IS NOT NULL
              AND NEW.work_days IS NOT NULL AND NEW.work_start < NEW.work_end))
BEGIN SELECT RAISE(ABORT, 'a centre''s hours are set whole or not at all'); END;

-- Days per centre: a row with no centre applies to every centre (every holiday entered before
-- becomes one: nothing lost); a centre's own row is its own closure (a village's market-day
-- closure) or its own extra working day (open = 1), and wins over a county-wide row that day.
CREATE TABLE holidays_by_centre (
    id         INTEGER PRIMARY KEY,
    centre_id  INTEGER REFERENCES centres(id),
    day        TEXT NOT NULL,             -- 'YYYY-MM-DD'
    name       TEXT NOT NULL DEFAULT '',
    open       INTEGER NOT NULL DEFAULT 0 CHECK (open IN (0, 1)),
    created_by INTEGER REFERENCES staff(id)
);
INSERT INTO holidays_by_centre (centre_id, day, name, open, created_by)
    SELECT NULL, day, name, 0, created_by FROM holidays ORDER BY day;
DROP TABLE holidays;
ALTER TABLE holidays_by_centre RENAME TO holidays;
-- One row per (centre, day), the county-wide one included (NULL is centre 0 here).
CREATE UNIQUE INDEX holidays_centre_day ON holidays (ifnull(centre_id, 0), day);
CREATE INDEX holidays_day ON holidays (day);
