//! Workflow actions on a case. Each checks the operator's role and the status machine here in
//! the store (whatever the UI did), changes the case and writes the audit log in one
//! transaction. Outcomes, closing, reopening and referrals are in case_closing.rs, waiting in
//! case_waiting.rs, what every attempt does in attempts.rs.
use super::case_waiting::resume;
use super::convert::code;
use super::time::{from_sql, to_sql};
use super::{Actor, Result, Store, StoreError, audit};
use crate::domain::ladder::{Ladder, Level};
use crate::domain::risk::{self, Colour, ResponseHours};
use crate::domain::role::{Permission, Role};
use crate::domain::status::Status;
use chrono::NaiveDateTime;
use rusqlite::{Transaction, params};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttemptRecorded {
    pub level: Level,
    pub attempts: u32,
    /// The level's attempts are used up: the system proposes escalation.
    pub escalate_proposed: bool,
}

/// What the actions need to know about a case, read inside the write transaction.
pub(super) struct State {
    pub(super) status: Status,
    pub(super) owner: Option<i64>,
    pub(super) colour: Colour,
    pub(super) ladder: Ladder,
    pub(super) received: NaiveDateTime,
    pub(super) deadline: Option<String>,
}

pub(super) fn state(tx: &Transaction, id: i64) -> Result<State> {
    tx.query_row(
        "SELECT status, owner_id, colour, level, attempts_village, attempts_township,
            attempts_county, received_at, deadline_at FROM cases WHERE id = ?1",
        [id],
        |r| {
            let received: String = r.get(7)?;
            Ok(State {
                status: code(r, 0, "cases")?,
                owner: r.get(1)?,
                colour: code(r, 2, "cases")?,
                ladder: Ladder {
                    level: code(r, 3, "cases")?,
                    attempts: [r.get(4)?, r.get(5)?, r.get(6)?],
                },
                received: from_sql(&received).unwrap_or_default(),
                deadline: r.get(8)?,
            })
        },
    )
    .map_err(StoreError::from)
}

pub(super) fn transition(from: Status, to: Status) -> Result<()> {
    from.check(to).map_err(|e| StoreError::Rule(e.i18n_key()))
}

pub(super) fn required(text: &str, key: &'static str) -> Result<String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(StoreError::Rule(key));
    }
    Ok(t.to_string())
}

#[allow(clippy::too_many_arguments)]
pub(super) fn log(
    tx: &Transaction,
    at: &str,
    by: Actor,
    id: i64,
    action: &str,
    field: &str,
    old: &str,
    new: &str,
) -> Result<()> {
    audit::append(
        tx,
        audit::Entry {
            at,
            staff_id: Some(by.staff_id),
            case_id: Some(id),
            action,
            field,
            old,
            new,
        },
    )
}

pub(super) fn set_status(
    tx: &Transaction,
    at: &str,
    by: Actor,
    id: i64,
    from: Status,
    to: Status,
) -> Result<()> {
    tx.execute(
        "UPDATE cases SET status = ?2, active = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, to.code(), to.is_active(), at],
    )?;
    log(
        tx,
        at,
        by,
        id,
        "case.status",
        "status",
        from.code(),
        to.code(),
    )
}

impl Store {
    /// Gives a case to a mediator (routing needs `Route`, taking it from someone `Reassign`
    /// and a reason). An unassigned registered case becomes assigned.
    pub fn assign_case(
        &mut self,
        by: Actor,
        id: i64,
        to: i64,
        reason: &str,
        now: NaiveDateTime,
    ) -> Result<()> {
        self.write(|tx| {
            let s = state(tx, id)?;
            let perm = if s.owner.is_some() {
                Permission::Reassign
            } else {
                Permission::Route
            };
            if !by.role.may(perm) {
                return Err(StoreError::Forbidden);
            }
            if !s.status.is_active() {
                return Err(StoreError::Rule("err.cases.not_open"));
            }
            if s.owner == Some(to) {
                return Err(StoreError::Rule("err.cases.same_owner"));
            }
            let reason = reason.trim();
            if s.owner.is_some() && reason.is_empty() {
                return Err(StoreError::Rule("err.cases.reason"));
            }
            let role: Option<String> = tx
                .query_row(
                    "SELECT role FROM staff WHERE id = ?1 AND active = 1",
                    [to],
                    |r| r.get(0),
                )
                .map(Some)
                .or_else(|e| match e {
                    rusqlite::Error::QueryReturnedNoRows => Ok(None),
                    e => Err(e),
                })?;
            if !matches!(
                role.as_deref().and_then(Role::from_code),
                Some(Role::Mediator | Role::Lead)
            ) {
                return Err(StoreError::Rule("err.cases.not_mediator"));
            }
            let at = to_sql(now);
            tx.execute(
                "UPDATE cases SET owner_id = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, to, at],
            )?;
            let old = s.owner.map(|o| o.to_string()).unwrap_or_default();
            let new = if reason.is_empty() {
                to.to_string()
            } else {
                format!("{to} ({reason})")
            };
            log(tx, &at, by, id, "case.assign", "owner_id", &old, &new)?;
            if s.status == Status::Registered {
                set_status(tx, &at, by, id, s.status, Status::Assigned)?;
            }
            Ok(())
        })
    }

    /// A note in the case's timeline. Mediators note their own cases; desk and leads any.
    pub fn add_case_note(
        &mut self,
        by: Actor,
        id: i64,
        text: &str,
        now: NaiveDateTime,
    ) -> Result<()> {
        let text = required(text, "err.cases.note_empty")?;
        self.write(|tx| {
            let s = state(tx, id)?;
            if !by.role.may(Permission::AddNote)
                || (by.role == Role::Mediator && s.owner != Some(by.staff_id))
            {
                return Err(StoreError::Forbidden);
            }
            audit::event(
                tx,
                &to_sql(now),
                Some(by.staff_id),
                Some(id),
                "case.note",
                &text,
            )
        })
    }

    /// Raising the colour is free; lowering it needs a reason. A raised open case gets the
    /// new colour's response deadline if that is sooner.
    pub fn change_colour(
        &mut self,
        by: Actor,
        id: i64,
        to: Colour,
        reason: &str,
        hours: &ResponseHours,
        now: NaiveDateTime,
    ) -> Result<()> {
        let work = self.work.clone();
        self.write(|tx| {
            let s = state(tx, id)?;
            if !by.role.may_work(by.staff_id, s.owner) {
                return Err(StoreError::Forbidden);
            }
            if s.colour == to {
                return Ok(());
            }
            risk::check_override(s.colour, to, reason)
                .map_err(|e| StoreError::Rule(e.i18n_key()))?;
            let at = to_sql(now);
            tx.execute(
                "UPDATE cases SET colour = ?2, colour_reason = ?3, updated_at = ?4 WHERE id = ?1",
                params![id, to.rank(), reason.trim(), at],
            )?;
            let new = if reason.trim().is_empty() {
                to.code().to_string()
            } else {
                format!("{} ({})", to.code(), reason.trim())
            };
            log(
                tx,
                &at,
                by,
                id,
                "case.colour",
                "colour",
                s.colour.code(),
                &new,
            )?;
            let sooner = super::deadlines::response(tx, &work, hours, to, now)?
                .map(to_sql)
                .filter(|_| to.above(s.colour) && s.status.is_active())
                .filter(|d| s.deadline.as_ref().is_none_or(|old| d < old));
            if let Some(d) = sooner {
                tx.execute(
                    "UPDATE cases SET deadline_at = ?2 WHERE id = ?1",
                    params![id, d],
                )?;
                let old = s.deadline.as_deref().unwrap_or("");
                log(tx, &at, by, id, "case.deadline", "deadline_at", old, &d)?;
            }
            Ok(())
        })
    }

    /// One mediation attempt at the case's current level, with its result. The first attempt
    /// starts mediation; the deadline becomes the end of the 30-day mediation term.
    pub fn record_attempt(
        &mut self,
        by: Actor,
        id: i64,
        result: &str,
        now: NaiveDateTime,
    ) -> Result<AttemptRecorded> {
        let result = required(result, "err.cases.result_empty")?;
        let work = self.work.clone();
        self.write(|tx| {
            let mut s = state(tx, id)?;
            if !by.role.may_work(by.staff_id, s.owner) {
                return Err(StoreError::Forbidden);
            }
            resume(tx, &to_sql(now), by, id, now)?;
            s.deadline = state(tx, id)?.deadline;
            if !matches!(s.status, Status::Assigned | Status::InMediation) {
                return Err(StoreError::Rule("err.cases.not_in_mediation"));
            }
            super::attempts::check_manual(tx, id, s.ladder.level, now)?;
            s.ladder
                .record_attempt()
                .map_err(|e| StoreError::Rule(e.i18n_key()))?;
            let level = s.ladder.level;
            let n = s.ladder.attempts_at(level);
            let at = to_sql(now);
            let col = match level {
                Level::Village => "attempts_village",
                Level::Township => "attempts_township",
                Level::County => "attempts_county",
            };
            tx.execute(
                &format!("UPDATE cases SET {col} = ?2, updated_at = ?3 WHERE id = ?1"),
                params![id, n, at],
            )?;
            log(
                tx,
                &at,
                by,
                id,
                "case.attempt",
                level.code(),
                &format!("{n}/{}", level.max_attempts()),
                &result,
            )?;
            super::attempts::start_mediation(tx, &work, by, id, &s, now)?;
            Ok(AttemptRecorded {
                level,
                attempts: n,
                escalate_proposed: s.ladder.should_escalate(),
            })
        })
    }

    /// Moves the case up the 3-2-1 ladder (village → township → county).
    pub fn escalate_case(
        &mut self,
        by: Actor,
        id: i64,
        reason: &str,
        now: NaiveDateTime,
    ) -> Result<Level> {
        self.write(|tx| {
            let mut s = state(tx, id)?;
            if !by.role.may_work(by.staff_id, s.owner) {
                return Err(StoreError::Forbidden);
            }
            if !s.status.is_active() {
                return Err(StoreError::Rule("err.cases.not_open"));
            }
            resume(tx, &to_sql(now), by, id, now)?;
            let from = s.ladder.level;
            let to = s
                .ladder
                .escalate()
                .map_err(|e| StoreError::Rule(e.i18n_key()))?;
            let at = to_sql(now);
            tx.execute(
                "UPDATE cases SET level = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, to.code(), at],
            )?;
            let new = if reason.trim().is_empty() {
                to.code().to_string()
            } else {
                format!("{} ({})", to.code(), reason.trim())
            };
            log(tx, &at, by, id, "case.escalate", "level", from.code(), &new)
        })?;
        self.case_level(id)
    }

    fn case_level(&self, id: i64) -> Result<Level> {
        let l: String =
            self.conn
                .query_row("SELECT level FROM cases WHERE id = ?1", [id], |r| r.get(0))?;
        Ok(Level::from_code(&l).unwrap_or(Level::Village))
    }
}

#[cfg(test)]
#[path = "case_actions_tests.rs"]
mod tests;
