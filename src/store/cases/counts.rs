//! Counting cases: a filter's total at once (CLI) or on a second read-only connection so a
//! slow COUNT never blocks a keystroke (the list's total); the status bar's urgent counts
//! (cheap, a partial index, but callers cache them: never per frame).
use super::{Result, Store, StoreError, queries};
use crate::domain::case_filter::CaseFilter;
use chrono::NaiveDateTime;
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

impl Store {
    /// Counts the cases matching `f` now (blocking; use `spawn_count` from the UI).
    pub fn count_cases(&self, f: &CaseFilter, now: NaiveDateTime) -> Result<i64> {
        queries::count(self.lite()?, &queries::count_of(f, now, self.scope))
    }

    /// Counts in the background on a second, read-only connection (in memory: right away).
    pub fn spawn_count(&self, f: &CaseFilter, now: NaiveDateTime) -> CountJob {
        let (tx, rx) = channel();
        let q = queries::count_of(f, now, self.scope);
        match self.path.clone() {
            None => {
                let _ = tx.send(self.lite().and_then(|c| queries::count(c, &q)));
            }
            Some(path) => {
                // The same centres as this connection (nothing, if they cannot be read).
                let visible = self.visible_centres().unwrap_or_default();
                std::thread::spawn(move || {
                    let _ = tx.send(queries::count_read_only(&path, &q, &visible));
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
    /// Hand-overs awaiting the desk's own centre's sign-off (transfers `awaiting_count`); read
    /// only in a record of several centres.
    pub awaiting: i64,
}

impl Store {
    /// Open (active) red and orange cases.
    pub fn urgent_counts(&self) -> Result<UrgentCounts> {
        let mut out = UrgentCounts::default();
        for row in queries::open_red_orange(self.lite()?)? {
            match row {
                (0, n) => out.red = n,
                (1, n) => out.orange = n,
                _ => {}
            }
        }
        Ok(out)
    }
}
