//! What every workflow step of a case shares, read and written inside its write transaction:
//! the case's state, the status machine's transition check, required texts, the audit line and
//! the status change. The workflow files (workflow, ladder, waiting, term, closing) import
//! these; none imports another for them.
use super::convert::code;
use super::time;
use super::{Actor, Result, StoreError, audit};
use crate::domain::case_rule::CaseRule;
use crate::domain::ladder::Ladder;
use crate::domain::risk::Colour;
use crate::domain::status::Status;
use chrono::NaiveDateTime;
use rusqlite::{Transaction, params};

/// The deadline as the audit log writes it ("" for none).
pub(super) fn deadline_text(d: Option<NaiveDateTime>) -> String {
    d.map(super::time::to_sql).unwrap_or_default()
}

/// What the actions need to know about a case, read inside the write transaction.
pub(super) struct State {
    pub(super) status: Status,
    pub(super) owner: Option<i64>,
    pub(super) colour: Colour,
    pub(super) ladder: Ladder,
    pub(super) received: NaiveDateTime,
    pub(super) deadline: Option<NaiveDateTime>,
}

pub(super) fn state(tx: &Transaction, id: i64) -> Result<State> {
    tx.query_row(
        "SELECT status, owner_id, colour, level, attempts_village, attempts_township,
            attempts_county, received_at, deadline_at FROM cases WHERE id = ?1",
        [id],
        |r| {
            Ok(State {
                status: code(r, 0, "cases")?,
                owner: r.get(1)?,
                colour: code(r, 2, "cases")?,
                ladder: Ladder {
                    level: code(r, 3, "cases")?,
                    attempts: [r.get(4)?, r.get(5)?, r.get(6)?],
                },
                received: time::read(r, 7, "cases")?,
                deadline: time::read_opt(r, 8, "cases")?,
            })
        },
    )
    .map_err(StoreError::from)
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
