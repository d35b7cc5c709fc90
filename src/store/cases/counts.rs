//! Counting cases: a filter's total at once (CLI) or on a second read-only connection so a
//! slow COUNT never blocks a keystroke (the list's total); the status bar's urgent counts
//! (cheap, a partial index, but callers cache them: never per frame).
use super::list::where_sql;
use super::{Result, Store, StoreError};
use crate::domain::case_filter::CaseFilter;
use chrono::NaiveDateTime;
use rusqlite::types::Value;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// A count running on its own read-only connection, so a slow COUNT never blocks a keystroke.
pub struct CountJob {
    rx: Receiver<Result<i64>>,
}

impl CountJob {
    /// The count once it is ready; `Some(Err)` if it failed.
    pub fn poll(&self) -> Option<Result<i64>> {
        match self.rx.try_recv() {
            Ok(r) => Some(r),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(StoreError::NotFound)),
        }
    }
}

fn count_on(conn: &rusqlite::Connection, sql: &str, params: &[Value]) -> Result<i64> {
    Ok(conn.query_row(sql, rusqlite::params_from_iter(params), |r| r.get(0))?)
}

impl Store {
    /// Counts the cases matching `f` now (blocking; use `spawn_count` from the UI).
    pub fn count_cases(&self, f: &CaseFilter, now: NaiveDateTime) -> Result<i64> {
        let (filter, params) = where_sql(f, None, now);
        count_on(
            &self.conn,
            &format!("SELECT COUNT(*) FROM cases c WHERE {filter}"),
            &params,
        )
    }

    /// Counts in the background on a second, read-only connection (in memory: right away).
    pub fn spawn_count(&self, f: &CaseFilter, now: NaiveDateTime) -> CountJob {
        let (tx, rx) = channel();
        let (filter, params) = where_sql(f, None, now);
        let sql = format!("SELECT COUNT(*) FROM cases c WHERE {filter}");
        match self.path.clone() {
            None => {
                let _ = tx.send(count_on(&self.conn, &sql, &params));
            }
            Some(path) => {
                std::thread::spawn(move || {
                    let r = rusqlite::Connection::open_with_flags(
                        &path,
                        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                            | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
                    )
                    .map_err(StoreError::from)
                    .and_then(|c| {
                        super::super::diagnostics::watch(&c);
                        count_on(&c, &sql, &params)
                    });
                    let _ = tx.send(r);
                });
            }
        }
        CountJob { rx }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UrgentCounts {
    pub red: i64,
    pub orange: i64,
    /// Open cases past their deadline (deadlines.rs `overdue_count`).
    pub overdue: i64,
    /// Open red cases with no action yet today (deadlines.rs `red_idle_count`).
    pub red_idle: i64,
}

impl Store {
    /// Open (active) red and orange cases.
    pub fn urgent_counts(&self) -> Result<UrgentCounts> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT colour, COUNT(*) FROM cases WHERE active = 1 AND colour <= 1 GROUP BY colour",
        )?;
        let mut out = UrgentCounts::default();
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
        for row in rows {
            match row? {
                (0, n) => out.red = n,
                (1, n) => out.orange = n,
                _ => {}
            }
        }
        Ok(out)
    }
}
