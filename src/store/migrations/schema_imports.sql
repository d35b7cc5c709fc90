-- Every file imported (onedoor import): its SHA-256 over the raw bytes, so the same file is not
-- imported twice by mistake, and which case each of its lines became, so the "line → case
-- number" list can always be printed again (onedoor import --show ID), even when the output
-- of the import itself was lost. Written in the import's own transaction.
CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL,
    file_name TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    row_count INTEGER NOT NULL,
    first_case_no TEXT NOT NULL,
    last_case_no TEXT NOT NULL,
    -- Imported again on purpose (--again): the earlier import of the same file.
    again_of INTEGER REFERENCES imports (id)
);
CREATE INDEX imports_sha256 ON imports (sha256, id);
CREATE TABLE import_rows (
    import_id INTEGER NOT NULL REFERENCES imports (id),
    line INTEGER NOT NULL,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    PRIMARY KEY (import_id, line)
) WITHOUT ROWID;
