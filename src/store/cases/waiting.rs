//! Waiting (for a party, an agency, documents): the clock stops and the time left is kept;
//! any action that moves the case on ends the wait and the deadline comes back.
use super::state::{log, state};
use super::time::to_sql;
use super::{Actor, Result, Store, StoreError};
use crate::domain::case_filter::Waiting;
use crate::domain::case_rule::CaseRule;
use chrono::{Duration, NaiveDateTime};
use rusqlite::{Transaction, params};

/// Ends a wait, if any: the deadline comes back with the time that was left. Every action
/// that moves the case on calls this first ("the clock restarts when the case moves on").
pub(super) fn resume(
    tx: &Transaction,
    at: &str,
    by: Actor,
    id: i64,
    now: NaiveDateTime,
) -> Result<()> {
    let (waiting, left): (Option<String>, Option<i64>) = tx.query_row(
        "SELECT waiting, waiting_left FROM cases WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let Some(waiting) = waiting else {
        return Ok(());
    };
    let deadline = left.map(|s| to_sql(now + Duration::seconds(s)));
    tx.execute(
        "UPDATE cases SET waiting = NULL, waiting_since = NULL, waiting_left = NULL,
            deadline_at = ?2 WHERE id = ?1",
        params![id, deadline],
    )?;
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
            let s = state(tx, id)?;
            if !by.role.may_work(by.staff_id, s.owner) {
                return Err(StoreError::Forbidden);
            }
            if !s.status.is_active() {
                return Err(StoreError::Case(CaseRule::NotOpen));
            }
            let waiting: Option<String> =
                tx.query_row("SELECT waiting FROM cases WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
            if waiting.is_some() {
                return Err(StoreError::Case(CaseRule::AlreadyWaiting));
            }
            let left = s.deadline.map(|d| (d - now).num_seconds().max(0));
            let at = to_sql(now);
            tx.execute(
                "UPDATE cases SET waiting = ?2, waiting_since = ?3, waiting_left = ?4,
                    deadline_at = NULL, updated_at = ?3 WHERE id = ?1",
                params![id, what.code(), at, left],
            )?;
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
            let s = state(tx, id)?;
            if !by.role.may_work(by.staff_id, s.owner) {
                return Err(StoreError::Forbidden);
            }
            resume(tx, &to_sql(now), by, id, now)
        })
    }
}
