//! Follow-ups (回访): scheduling after an agreement, adding, moving and cancelling them
//! (schedule.rs), recording them with the case changes a result brings — retry, reopen on
//! breach, close when fulfilled (record.rs) — and the work list (list.rs). Every change is
//! role-checked and audited in the same transaction; the rules are `domain::followup` and
//! `domain::followup_rule`, every SQL statement is in queries.rs.
#[cfg(test)]
mod engines_tests;
mod list;
mod queries;
mod record;
mod schedule;
#[cfg(test)]
mod tests;

pub use list::{FollowupCounts, FollowupFilter, FollowupKey, FollowupRow, FollowupScope};

use super::db::Db;
use super::time::date_to_sql;
use super::{Actor, Result, StoreError, audit};
use crate::domain::followup::{self, Consequence, Method, Performance};
use crate::domain::followup_rule::{self as rule, FollowupRule};
use crate::domain::risk::Colour;
use crate::domain::status::Status;
use queries::NewFollowup;

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

impl From<FollowupRule> for StoreError {
    fn from(rule: FollowupRule) -> Self {
        StoreError::Followup(rule)
    }
}

/// Moves the case to `to` if the status machine allows it, audited.
fn set_status(tx: Db, by: Actor, case: &FollowupCase, to: Status, at: &str) -> Result<()> {
    case.status.check(to).map_err(FollowupRule::Transition)?;
    let closed = if to == Status::Closed { Some(at) } else { None };
    queries::set_case_status(tx, case.id, to, at, closed)?;
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

/// Adds a follow-up, audited.
fn add(tx: Db, by: Actor, f: &NewFollowup, at: &str) -> Result<i64> {
    let id = queries::insert(tx, f, at, by.staff_id)?;
    let what = format!("#{id} {} {}", f.kind.code(), date_to_sql(f.due));
    audit::event(
        tx,
        at,
        Some(by.staff_id),
        Some(f.case_id),
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

/// A follow-up `by` may change (role first), still due.
fn load_followup(tx: Db, by: Actor, id: i64) -> Result<Current> {
    let (case_id, owner, due_on, status, attempt) = queries::followup(tx, id)?;
    // Only the handling centre works its follow-ups (a check SQLite-only still:
    // centres/access.rs).
    super::centres::check_handles(tx, by, case_id)?;
    let case = queries::case_by_id(tx, case_id)?;
    if !followup::may_handle(by.role, by.staff_id, owner, case.owner_id) {
        return Err(StoreError::Forbidden);
    }
    rule::check_still_due(&status)?;
    Ok(Current {
        case,
        owner,
        due_on,
        status,
        attempt,
    })
}
