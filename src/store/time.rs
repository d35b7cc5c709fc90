//! Times are stored as local 'YYYY-MM-DD HH:MM:SS' text: human-readable and sortable.
use chrono::{NaiveDate, NaiveDateTime};

pub const FORMAT: &str = "%Y-%m-%d %H:%M:%S";

pub fn to_sql(t: NaiveDateTime) -> String {
    t.format(FORMAT).to_string()
}

pub fn from_sql(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s, FORMAT).ok()
}

/// Column `idx` of `row` as a time; text that is not a stored time is an error naming `table`,
/// the column and the value (`StoreError::UnknownCode`), never a default.
pub(crate) fn read(
    row: &rusqlite::Row,
    idx: usize,
    table: &'static str,
) -> rusqlite::Result<NaiveDateTime> {
    super::convert::code::<super::convert::Stamp>(row, idx, table).map(|t| t.0)
}

/// `read` for a column that may be NULL.
pub(crate) fn read_opt(
    row: &rusqlite::Row,
    idx: usize,
    table: &'static str,
) -> rusqlite::Result<Option<NaiveDateTime>> {
    Ok(super::convert::code::<Option<super::convert::Stamp>>(row, idx, table)?.map(|t| t.0))
}

pub fn date_to_sql(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}
