-- Triage: repeat-visitor lookup while the clerk types a name (prefix on the name and on its
-- first pinyin reading), answered from an index with a LIMIT.
CREATE INDEX IF NOT EXISTS parties_name ON parties (name);
CREATE INDEX IF NOT EXISTS parties_name_keys ON parties (name_keys);
