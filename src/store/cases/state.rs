//! What every workflow step of a case shares, read and written inside its write transaction:
//! the case's state, the status machine's transition check, required texts, the audit line and
//! the status change. The workflow files (workflow, ladder, waiting, term, closing) import
//! these; none imports another for them.
use super::super::db::Db;
pub(super) use super::queries::state;
use super::{Actor, Result, StoreError, audit, queries};
use crate::domain::case_rule::CaseRule;
use crate::domain::ladder::Ladder;
use crate::domain::risk::Colour;
use crate::domain::status::Status;
use chrono::NaiveDateTime;

/// The deadline as the audit log writes it ("" for none).
pub(super) fn deadline_text(d: Option<NaiveDateTime>) -> String {
    d.map(super::time::to_sql).unwrap_or_default()
}

/// What the actions need to know about a case, read inside the write transaction (`state`).
pub(super) struct State {
    pub(super) status: Status,
    pub(super) owner: Option<i64>,
    pub(super) colour: Colour,
    pub(super) ladder: Ladder,
    /// When the handling centre's clock started: the intake, or the sign-off of the hand-over
    /// that brought the case there (its mediation term counts from then).
    pub(super) received: NaiveDateTime,
    pub(super) deadline: Option<NaiveDateTime>,
    /// The handling centre: its working time counts the case's deadlines.
    pub(super) centre: i64,
}

pub(super) fn transition(from: Status, to: Status) -> Result<()> {
    from.check(to).map_err(|e| StoreError::Case(e.into()))
}

pub(super) fn required(text: &str, rule: CaseRule) -> Result<String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(StoreError::Case(rule));
    }
    Ok(t.to_string())
}

/// One line of the case's audit log by `by` (`case`: a case id, or None for an event on no
/// case, such as a merge of parties linked to none).
#[allow(clippy::too_many_arguments)]
pub(super) fn log<'c>(
    tx: impl Into<Db<'c>>,
    at: &str,
    by: Actor,
    case: impl Into<Option<i64>>,
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
            case_id: case.into(),
            action,
            field,
            old,
            new,
        },
    )
}

pub(super) fn set_status<'c>(
    tx: impl Into<Db<'c>>,
    at: &str,
    by: Actor,
    id: i64,
    from: Status,
    to: Status,
) -> Result<()> {
    let tx = tx.into();
    queries::set_status(tx, id, to, at)?;
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
