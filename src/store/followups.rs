//! Follow-ups (回访): scheduling after an agreement, adding, moving, cancelling and recording
//! them, with the case changes a result brings (retry, reopen on breach, close when fulfilled).
//! Every change is role-checked here and audited in the same transaction.
mod list;
mod record;
#[cfg(test)]
mod tests;

pub use list::{FollowupCounts, FollowupFilter, FollowupKey, FollowupRow, FollowupScope};

use super::time::{date_to_sql, to_sql};
use super::{Actor, Result, Store, StoreError, audit};
use crate::domain::followup::{self, Consequence, FollowupPlan, Kind, Method, Performance};
use crate::domain::risk::Colour;
use crate::domain::role::Permission;
use crate::domain::status::Status;
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, Transaction, params};

/// Longest reason, note or "who was reached" kept, in characters.
pub const TEXT_MAX: usize = 500;

/// A case as the follow-up forms need it (looked up by case number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowupCase {
    pub id: i64,
    pub case_no: String,
    pub status: Status,
    pub owner_id: Option<i64>,
    pub owner_name: String,
    pub category: String,
    pub colour: Colour,
    pub summary: String,
}

/// A result as typed in the record form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordResult {
    pub method: Method,
    pub reached: String,
    pub performance: Performance,
    pub satisfaction: Option<u8>,
    pub note: String,
}

/// What recording did, for the message line and the close offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordOutcome {
    pub case_id: i64,
    pub case_no: String,
    pub consequence: Consequence,
    /// The case was reopened into this status, with this colour.
    pub reopened: Option<(Status, Colour)>,
}

fn clean(s: &str) -> String {
    crate::domain::text::sanitize_multi_line(s, TEXT_MAX)
        .text
        .trim()
        .to_string()
}

fn case_row(r: &rusqlite::Row) -> rusqlite::Result<FollowupCase> {
    let status: String = r.get(2)?;
    Ok(FollowupCase {
        id: r.get(0)?,
        case_no: r.get(1)?,
        status: Status::from_code(&status).unwrap_or(Status::Registered),
        owner_id: r.get(3)?,
        owner_name: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
        category: r.get(5)?,
        colour: Colour::from_rank(r.get(6)?).unwrap_or(Colour::Blue),
        summary: r.get(7)?,
    })
}

const CASE_SQL: &str =
    "SELECT c.id, c.case_no, c.status, c.owner_id, s.name, c.category, c.colour, c.summary
     FROM cases c LEFT JOIN staff s ON s.id = c.owner_id";

fn load_case(tx: &Transaction, case_id: i64) -> Result<FollowupCase> {
    Ok(tx.query_row(&format!("{CASE_SQL} WHERE c.id = ?1"), [case_id], case_row)?)
}

fn set_status(
    tx: &Transaction,
    by: Actor,
    case: &FollowupCase,
    to: Status,
    at: &str,
) -> Result<()> {
    case.status
        .check(to)
        .map_err(|e| StoreError::Rule(e.i18n_key()))?;
    let closed = if to == Status::Closed { Some(at) } else { None };
    tx.execute(
        "UPDATE cases SET status = ?1, active = ?2, updated_at = ?3, closed_at = ?4 WHERE id = ?5",
        params![to.code(), to.is_active(), at, closed, case.id],
    )?;
    audit::append(
        tx,
        audit::Entry {
            at,
            staff_id: Some(by.staff_id),
            case_id: Some(case.id),
            action: "case.status",
            field: "status",
            old: case.status.code(),
            new: to.code(),
        },
    )
}

#[allow(clippy::too_many_arguments)]
fn insert(
    tx: &Transaction,
    by: Actor,
    case_id: i64,
    owner: Option<i64>,
    due: NaiveDate,
    kind: Kind,
    attempt: i64,
    reason: &str,
    at: &str,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO followups (case_id, owner_id, due_on, kind, attempt, reason, created_at, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![case_id, owner, date_to_sql(due), kind.code(), attempt, reason, at, by.staff_id],
    )?;
    let id = tx.last_insert_rowid();
    let what = format!("#{id} {} {}", kind.code(), date_to_sql(due));
    audit::event(
        tx,
        at,
        Some(by.staff_id),
        Some(case_id),
        "followup.add",
        &what,
    )?;
    Ok(id)
}

/// The follow-up's state and the case it belongs to, for the checks of a change.
struct Current {
    case: FollowupCase,
    owner: Option<i64>,
    due_on: String,
    status: String,
    attempt: i64,
}

fn load_followup(tx: &Transaction, by: Actor, id: i64) -> Result<Current> {
    let (case_id, owner, due_on, status, attempt) = tx.query_row(
        "SELECT case_id, owner_id, due_on, status, attempt FROM followups WHERE id = ?1",
        [id],
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, i64>(4)?,
            ))
        },
    )?;
    let case = load_case(tx, case_id)?;
    if !followup::may_handle(by.role, by.staff_id, owner, case.owner_id) {
        return Err(StoreError::Forbidden);
    }
    if status != "due" {
        return Err(StoreError::Rule("err.followup.not_due"));
    }
    Ok(Current {
        case,
        owner,
        due_on,
        status,
        attempt,
    })
}

impl Store {
    /// Creates the follow-ups of an agreement reached on `agreed_on`, at the plan's offsets for
    /// the case's category, owned by the case's mediator. Runs inside the caller's transaction so
    /// whatever records an outcome (this file, the Cases pane) schedules them the same way.
    pub fn schedule_followups(
        tx: &Transaction,
        by: Actor,
        case_id: i64,
        agreed_on: NaiveDate,
        plan: &FollowupPlan,
        now: NaiveDateTime,
    ) -> Result<Vec<NaiveDate>> {
        let case = load_case(tx, case_id)?;
        let at = to_sql(now);
        let dates = plan.due_dates(&case.category, agreed_on);
        for due in &dates {
            insert(
                tx,
                by,
                case_id,
                case.owner_id,
                *due,
                Kind::Agreement,
                1,
                "",
                &at,
            )?;
        }
        Ok(dates)
    }

    /// Records an agreement (达成协议) through the Cases pane's `record_outcome` (status, outcome
    /// row, audit), then schedules its follow-ups. Two transactions until `record_outcome` calls
    /// `schedule_followups` itself; the second only adds follow-ups, so nothing is half-changed.
    pub fn record_agreement(
        &mut self,
        by: Actor,
        case_id: i64,
        terms: &str,
        plan: &FollowupPlan,
        now: NaiveDateTime,
    ) -> Result<Vec<NaiveDate>> {
        let outcome = super::Outcome::Agreement {
            terms: clean(terms),
            judicial: false,
        };
        self.record_outcome(by, case_id, &outcome, plan, now)
    }

    /// The latest agreement terms of a case, if an agreement was recorded.
    pub fn agreement_terms(&self, case_id: i64) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT terms FROM case_outcomes WHERE case_id = ?1 AND kind = 'agreement'
                 ORDER BY id DESC LIMIT 1",
            )?
            .query_row([case_id], |r| r.get(0))
            .optional()?)
    }

    pub fn followup_case_by_no(&self, case_no: &str) -> Result<Option<FollowupCase>> {
        Ok(self
            .conn
            .query_row(
                &format!("{CASE_SQL} WHERE c.case_no = ?1"),
                [case_no.trim()],
                case_row,
            )
            .optional()?)
    }

    /// Adds one follow-up by hand. After an agreement: a lead or the case's mediator, with a
    /// reason. For a case answered at the desk (on the party's request): whoever asks owns it.
    pub fn add_followup(
        &mut self,
        by: Actor,
        case_id: i64,
        due: NaiveDate,
        reason: &str,
        now: NaiveDateTime,
    ) -> Result<i64> {
        let reason = clean(reason);
        self.write(|tx| {
            let case = load_case(tx, case_id)?;
            // The desk's own follow-up on request, or one more after an agreement.
            let (kind, owner, allowed) = match case.status {
                Status::AnsweredAtDesk => (
                    Kind::Desk,
                    Some(by.staff_id),
                    by.role.may(Permission::Register),
                ),
                Status::Agreement | Status::FollowUp => (
                    Kind::Manual,
                    case.owner_id.or(Some(by.staff_id)),
                    followup::may_handle(by.role, by.staff_id, None, case.owner_id),
                ),
                _ => return Err(StoreError::Rule("err.followup.case_state")),
            };
            if !allowed {
                return Err(StoreError::Forbidden);
            }
            if kind == Kind::Manual && reason.is_empty() {
                return Err(StoreError::Rule("err.followup.reason"));
            }
            if due < now.date() {
                return Err(StoreError::Rule("err.followup.past"));
            }
            insert(tx, by, case_id, owner, due, kind, 1, &reason, &to_sql(now))
        })
    }

    /// Moves a due follow-up to another day (with a reason).
    pub fn move_followup(
        &mut self,
        by: Actor,
        id: i64,
        due: NaiveDate,
        reason: &str,
        now: NaiveDateTime,
    ) -> Result<()> {
        let reason = clean(reason);
        self.write(|tx| {
            let cur = load_followup(tx, by, id)?;
            if reason.is_empty() {
                return Err(StoreError::Rule("err.followup.reason"));
            }
            if due < now.date() {
                return Err(StoreError::Rule("err.followup.past"));
            }
            let at = to_sql(now);
            tx.execute(
                "UPDATE followups SET due_on = ?1, reason = ?2 WHERE id = ?3",
                params![date_to_sql(due), reason, id],
            )?;
            audit::append(
                tx,
                audit::Entry {
                    at: &at,
                    staff_id: Some(by.staff_id),
                    case_id: Some(cur.case.id),
                    action: "followup.move",
                    field: "due_on",
                    old: &format!("#{id} {}", cur.due_on),
                    new: &format!("{} ({reason})", date_to_sql(due)),
                },
            )
        })
    }

    /// Cancels a due follow-up (with a reason).
    pub fn cancel_followup(
        &mut self,
        by: Actor,
        id: i64,
        reason: &str,
        now: NaiveDateTime,
    ) -> Result<()> {
        let reason = clean(reason);
        self.write(|tx| {
            let cur = load_followup(tx, by, id)?;
            if reason.is_empty() {
                return Err(StoreError::Rule("err.followup.reason"));
            }
            let at = to_sql(now);
            tx.execute(
                "UPDATE followups SET status = 'cancelled', reason = ?1, done_at = ?2, done_by = ?3
                 WHERE id = ?4",
                params![reason, at, by.staff_id, id],
            )?;
            audit::append(
                tx,
                audit::Entry {
                    at: &at,
                    staff_id: Some(by.staff_id),
                    case_id: Some(cur.case.id),
                    action: "followup.cancel",
                    field: "status",
                    old: &format!("#{id} {}", cur.status),
                    new: &format!("cancelled ({reason})"),
                },
            )
        })
    }
}
