//! Waiting (for a party, an agency, documents): the clock stops and the time left is kept;
//! any action that moves the case on ends the wait and the deadline comes back.
use super::super::centres::check_handles;
use super::state::{log, state};
use super::time::to_sql;
use super::{Actor, Result, Store, StoreError, queries};
use crate::domain::case_filter::Waiting;
use crate::domain::case_rule::CaseRule;
use chrono::{Duration, NaiveDateTime};
use rusqlite::Transaction;

/// Ends a wait, if any: the deadline comes back with the time that was left. Every action
/// that moves the case on calls this first ("the clock restarts when the case moves on").
pub(super) fn resume(
    tx: &Transaction,
    at: &str,
    by: Actor,
    id: i64,
    now: NaiveDateTime,
) -> Result<()> {
    let (waiting, left) = queries::waiting(tx, id)?;
    let Some(waiting) = waiting else {
        return Ok(());
    };
    let deadline = left.map(|s| to_sql(now + Duration::seconds(s)));
    queries::end_waiting(tx, id, deadline.as_deref())?;
    log(
        tx,
        at,
        by,
        id,
        "case.resume",
        "waiting",
        &waiting,
        deadline.as_deref().unwrap_or(""),
    )
}

impl Store {
    /// Pauses the clock while the case waits for a party, an agency or documents.
    pub fn start_waiting(
        &mut self,
        by: Actor,
        id: i64,
        what: Waiting,
        note: &str,
        now: NaiveDateTime,
    ) -> Result<()> {
        self.write(|tx| {
            check_handles(tx, by, id)?;
            let s = state(tx, id)?;
            if !by.role.may_work(by.staff_id, s.owner) {
                return Err(StoreError::Forbidden);
            }
            if !s.status.is_active() {
                return Err(StoreError::Case(CaseRule::NotOpen));
            }
            if queries::waiting(tx, id)?.0.is_some() {
                return Err(StoreError::Case(CaseRule::AlreadyWaiting));
            }
            let left = s.deadline.map(|d| (d - now).num_seconds().max(0));
            let at = to_sql(now);
            queries::start_waiting(tx, id, what.code(), &at, left)?;
            let new = if note.trim().is_empty() {
                what.code().to_string()
            } else {
                format!("{} ({})", what.code(), note.trim())
            };
            log(tx, &at, by, id, "case.wait", "waiting", "", &new)
        })
    }

    /// Ends a wait by hand (the party came back, the documents arrived).
    pub fn stop_waiting(&mut self, by: Actor, id: i64, now: NaiveDateTime) -> Result<()> {
        self.write(|tx| {
            check_handles(tx, by, id)?;
            let s = state(tx, id)?;
            if !by.role.may_work(by.staff_id, s.owner) {
                return Err(StoreError::Forbidden);
            }
            resume(tx, &to_sql(now), by, id, now)
        })
    }
}
