//! Supervision from above (督办): a lead of a centre above the handling centre follows a case
//! — adds notes, sets a deadline — while only the handling centre works it. Audited
//! `case.supervise` (the note), and `case.deadline` when the deadline moves.
use super::super::centres::{reach, refusal};
use super::state::{deadline_text, log, required, state};
use super::time::to_sql;
use super::{Actor, Result, Store, StoreError, queries};
use crate::domain::case_rule::CaseRule;
use crate::domain::centre::Reach;
use chrono::NaiveDateTime;
use rusqlite::Transaction;

/// The supervision itself, inside the caller's transaction (a lead above noting a case is
/// supervising it: `add_case_note` comes here too).
pub(super) fn supervise(
    tx: &Transaction,
    by: Actor,
    id: i64,
    note: &str,
    deadline: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> Result<()> {
    if reach(tx, by, id)? != Reach::Supervises {
        return Err(refusal(tx, by, id)?);
    }
    let s = state(tx, id)?;
    let at = to_sql(now);
    if let Some(d) = deadline {
        // A deadline for work still to do: not on a finished case, nor on a paused clock
        // (the wait keeps the time that was left; it comes back when the case moves on).
        if !s.status.is_active() {
            return Err(StoreError::Case(CaseRule::NotOpen));
        }
        if queries::waiting(tx, id)?.0.is_some() {
            return Err(StoreError::Case(CaseRule::AlreadyWaiting));
        }
        let d = to_sql(d);
        queries::set_deadline(tx, id, &d)?;
        let old = deadline_text(s.deadline);
        log(tx, &at, by, id, "case.deadline", "deadline_at", &old, &d)?;
    }
    log(tx, &at, by, id, "case.supervise", "note", "", note)
}

impl Store {
    /// A lead of a centre above the handling centre supervises a case (督办): a note, and a
    /// deadline if given (the case's deadline from now on). The handling centre's own staff
    /// work the case instead (Forbidden); another centre's case is not found.
    pub fn supervise_case(
        &mut self,
        by: Actor,
        id: i64,
        note: &str,
        deadline: Option<NaiveDateTime>,
        now: NaiveDateTime,
    ) -> Result<()> {
        let note = required(note, CaseRule::NoteEmpty)?;
        self.write(|tx| supervise(tx, by, id, &note, deadline, now))
    }
}
