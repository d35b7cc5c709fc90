//! Every SQL statement of the handover sheet (sheet.rs), the statistics (stats.rs) and the
//! lead's notes (notes.rs). Each list is bounded by an index and a LIMIT.
pub(super) mod notes;
pub(super) mod sheet;
pub(super) mod stats;

use super::super::Result;
use super::super::time::from_sql;
use chrono::NaiveDateTime;
use rusqlite::{Connection, Params};

fn opt_time(s: Option<String>) -> Option<NaiveDateTime> {
    s.as_deref().and_then(from_sql)
}

/// The number a `SELECT COUNT(*)` gives.
fn count(conn: &Connection, sql: &str, params: impl Params) -> Result<i64> {
    Ok(conn.query_row(sql, params, |r| r.get(0))?)
}
