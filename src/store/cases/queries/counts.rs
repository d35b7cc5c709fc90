//! Counting cases: a filter's total (on the store's connection or a read-only one of its own),
//! and the status bar's counts of urgent, overdue and idle red cases.
use super::super::super::Result;
use super::super::super::StoreError;
use super::super::super::centres::{Scope, visible};
use super::super::super::time::to_sql;
use super::all;
use super::list::where_sql;
use crate::domain::case_filter::CaseFilter;
use chrono::NaiveDateTime;
use rusqlite::Connection;
use rusqlite::types::Value;
use std::path::Path;

/// A filter's COUNT, built once and run on any connection (it may move to another thread).
pub(crate) struct CountQuery {
    sql: String,
    params: Vec<Value>,
}

pub(crate) fn count_of(f: &CaseFilter, now: NaiveDateTime, scope: Scope) -> CountQuery {
    let (filter, params) = where_sql(f, None, now, scope);
    CountQuery {
        sql: format!("SELECT COUNT(*) FROM cases c WHERE {filter}"),
        params,
    }
}

pub(crate) fn count(conn: &Connection, q: &CountQuery) -> Result<i64> {
    Ok(conn.query_row(&q.sql, rusqlite::params_from_iter(&q.params), |r| r.get(0))?)
}

/// The count on a read-only connection of its own to the file at `path`.
pub(crate) fn count_read_only(path: &Path, q: &CountQuery, visible: &[i64]) -> Result<i64> {
    rusqlite::Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(StoreError::from)
    .and_then(|c| {
        super::super::super::diagnostics::watch(&c);
        super::super::super::centres::same_view(&c, visible)?;
        count(&c, q)
    })
}

/// (colour rank, count) of the open red and orange cases of the visible centres (each centre
/// a range of `cases_centre_urgency`).
pub(crate) fn open_red_orange(conn: &Connection) -> Result<Vec<(i64, i64)>> {
    let sql = concat!(
        "SELECT colour, COUNT(*) FROM cases WHERE active = 1 AND colour <= 1 AND centre_id ",
        visible!(),
        " GROUP BY colour"
    );
    all(conn, sql, [], |r| Ok((r.get(0)?, r.get(1)?)))
}

/// Open cases of the visible centres past their deadline at `now` (a range of the
/// cases_active_deadline index; paused cases have no deadline).
pub(crate) fn overdue(conn: &Connection, now: NaiveDateTime) -> Result<i64> {
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT COUNT(*) FROM cases
             WHERE active = 1 AND ifnull(deadline_at, '9999-12-31 23:59:59') < ?1
             AND +centre_id ",
        visible!()
    ))?;
    Ok(stmt.query_row([to_sql(now)], |r| r.get(0))?)
}

/// Open red cases of the visible centres whose last action (reveals excluded; the intake if
/// none) is before `since`. One index probe into the audit log per open red case.
pub(crate) fn red_idle(conn: &Connection, since: NaiveDateTime) -> Result<i64> {
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT COUNT(*) FROM cases c WHERE c.active = 1 AND c.colour = 0 AND c.centre_id ",
        visible!(),
        " AND ifnull((SELECT a.at FROM audit a WHERE a.case_id = c.id
                         AND a.action <> 'case.reveal' ORDER BY a.id DESC LIMIT 1),
                        c.received_at) < ?1"
    ))?;
    Ok(stmt.query_row([to_sql(since)], |r| r.get(0))?)
}
