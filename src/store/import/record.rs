//! The record of each imported file: found by the file's SHA-256 so the same file is not
//! imported twice by mistake, and read back as the import's "line → case number" list.
use super::super::{Imported, Result, Store};
use super::queries;
use crate::domain::import_rule::ImportRule;
use chrono::NaiveDateTime;
use rusqlite::Connection;

/// The file an import comes from.
#[derive(Debug, Clone, Copy)]
pub struct ImportSource<'a> {
    /// Its name, as shown in messages and the audit (not its path).
    pub file_name: &'a str,
    /// SHA-256 of its raw bytes, in lowercase hex.
    pub sha256: &'a str,
    /// Import it even if this very file was imported before (audited).
    pub again: bool,
}

/// A file that was imported: when, by whom, and the case numbers it became.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRecord {
    pub id: i64,
    pub sha256: String,
    pub file_name: String,
    pub imported_at: NaiveDateTime,
    pub staff_code: String,
    pub staff_name: String,
    pub rows: usize,
    /// The first and last case numbers given (numbers follow the time received).
    pub first_case_no: String,
    pub last_case_no: String,
    /// Imported again on purpose: the earlier import of the same file.
    pub again_of: Option<i64>,
}

/// Records an import and the case of each line, inside the import's transaction. `cases` are
/// in the order they were numbered; an import of no case is refused.
pub(super) fn record(
    conn: &Connection,
    source: &ImportSource,
    staff_id: i64,
    cases: &[Imported],
    again_of: Option<i64>,
    now: NaiveDateTime,
) -> Result<i64> {
    let (Some(first), Some(last)) = (cases.first(), cases.last()) else {
        return Err(ImportRule::NoRows.into());
    };
    queries::insert(conn, source, staff_id, cases, first, last, again_of, now)
}

impl Store {
    /// One import's record, if there is such an import by someone of a visible centre.
    pub fn import_record(&self, id: i64) -> Result<Option<ImportRecord>> {
        queries::by_id(self.lite()?, id)
    }

    /// The import's "line → case number" list of visible cases, in line order (empty for no
    /// such import).
    pub fn import_lines(&self, id: i64) -> Result<Vec<(u64, String)>> {
        queries::lines(self.lite()?, id)
    }
}
