-- Cases pane: search indexes, outcomes, and indexes for the list's filter/sort combinations.
-- Summary words: the summary pre-split into overlapping character bigrams (plus the last
-- character of each run), so two-character Chinese words (欠薪, 家暴) are found by an index;
-- a query is a phrase of its bigrams. Kept in sync by triggers calling od_grams(), a function
-- every onedoor connection registers (store/grams.rs).
CREATE VIRTUAL TABLE case_grams USING fts5(
    grams, content = '', contentless_delete = 1, prefix = '1',
    tokenize = 'unicode61 remove_diacritics 0');
INSERT INTO case_grams (rowid, grams) SELECT id, od_grams(summary) FROM cases;
CREATE TRIGGER case_grams_ins AFTER INSERT ON cases
BEGIN INSERT INTO case_grams (rowid, grams) VALUES (new.id, od_grams(new.summary)); END;
CREATE TRIGGER case_grams_upd AFTER UPDATE OF summary ON cases
BEGIN
    DELETE FROM case_grams WHERE rowid = old.id;
    INSERT INTO case_grams (rowid, grams) VALUES (new.id, od_grams(new.summary));
END;

-- Party names in Chinese: the name's bigrams (a one-character query uses the prefix index).
CREATE VIRTUAL TABLE party_grams USING fts5(
    grams, content = '', contentless_delete = 1, prefix = '1',
    tokenize = 'unicode61 remove_diacritics 0');
INSERT INTO party_grams (rowid, grams) SELECT id, od_grams(name) FROM parties;
CREATE TRIGGER party_grams_ins AFTER INSERT ON parties
BEGIN INSERT INTO party_grams (rowid, grams) VALUES (new.id, od_grams(new.name)); END;
CREATE TRIGGER party_grams_upd AFTER UPDATE OF name ON parties
BEGIN
    DELETE FROM party_grams WHERE rowid = old.id;
    INSERT INTO party_grams (rowid, grams) VALUES (new.id, od_grams(new.name));
END;

-- Pinyin keys one per row (zhangwei, zw…): a typed prefix is one b-tree range, shortest
-- (exact) keys first, newest party first within a key. FTS5 prefix queries over keys cost
-- 60–90 ms at 1 M parties for "zhang" (every zhang… term's list merged).
CREATE TABLE party_keys (
    key      TEXT NOT NULL,
    party_id INTEGER NOT NULL,
    PRIMARY KEY (key, party_id DESC)
) WITHOUT ROWID;
INSERT OR IGNORE INTO party_keys (key, party_id)
    SELECT k.value, p.id FROM parties p, json_each('["' || replace(p.name_keys, ' ', '","') || '"]') k
    WHERE p.name_keys <> '';
CREATE TRIGGER party_keys_ins AFTER INSERT ON parties WHEN new.name_keys <> ''
BEGIN
    INSERT OR IGNORE INTO party_keys (key, party_id)
    SELECT value, new.id FROM json_each('["' || replace(new.name_keys, ' ', '","') || '"]');
END;
CREATE TRIGGER party_keys_upd AFTER UPDATE OF name_keys ON parties
BEGIN
    DELETE FROM party_keys WHERE party_id = old.id;
    INSERT OR IGNORE INTO party_keys (key, party_id)
    SELECT value, new.id FROM json_each('["' || replace(new.name_keys, ' ', '","') || '"]')
    WHERE new.name_keys <> '';
END;

-- Outcomes as recorded (the latest row is the current one); the audit log has the event too.
CREATE TABLE case_outcomes (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases(id),
    at          TEXT NOT NULL,
    staff_id    INTEGER REFERENCES staff(id),
    kind        TEXT NOT NULL,
    terms       TEXT NOT NULL DEFAULT '',
    judicial    INTEGER NOT NULL DEFAULT 0,
    referred_to TEXT NOT NULL DEFAULT '',
    reply_due   TEXT
);
CREATE INDEX case_outcomes_case ON case_outcomes (case_id, id);

-- Filter/sort combinations of the list; every one ends (received_at DESC, id DESC) for keyset.
CREATE INDEX cases_colour_recv ON cases (colour, received_at DESC, id DESC);
CREATE INDEX cases_cat_recv ON cases (category, received_at DESC, id DESC);
CREATE INDEX cases_status_recv ON cases (status, received_at DESC, id DESC);
CREATE INDEX cases_owner_recv ON cases (owner_id, received_at DESC, id DESC);
CREATE INDEX cases_active_cat ON cases (category, colour, received_at DESC, id DESC) WHERE active = 1;
CREATE INDEX cases_active_deadline ON cases (ifnull(deadline_at, '9999-12-31 23:59:59'), received_at DESC, id DESC) WHERE active = 1;
CREATE INDEX cases_active_level ON cases (level, received_at DESC, id DESC) WHERE active = 1;
CREATE INDEX cases_active_owner ON cases (ifnull(owner_id, 0), received_at DESC, id DESC) WHERE active = 1;
CREATE INDEX cases_active_recv ON cases (received_at DESC, id DESC) WHERE active = 1;
CREATE INDEX IF NOT EXISTS parties_name ON parties (name);

-- Planner statistics for the new indexes: without them a big database picks the unfiltered
-- owner index and sorts (160 ms) instead of the partial urgency index (0.1 ms).
ANALYZE cases;
ANALYZE parties;
