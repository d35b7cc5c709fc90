//! The workflow's reads and writes of a case: its state, status, owner, colour, deadline,
//! waiting, outcome and closing time, and the staff member it is given to.
use super::super::super::Result;
use super::super::super::convert::code;
use super::super::super::time;
use super::super::state::State;
use super::{first, run};
use crate::domain::ladder::Ladder;
use crate::domain::role::Role;
use crate::domain::status::Status;
use rusqlite::{Connection, params};

/// What the actions need to know about a case.
pub(crate) fn state(conn: &Connection, id: i64) -> Result<State> {
    Ok(conn.query_row(
        "SELECT status, owner_id, colour, level, attempts_village, attempts_township,
            attempts_county, coalesce(handled_since, received_at), deadline_at, centre_id
         FROM cases WHERE id = ?1",
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
                centre: r.get(9)?,
            })
        },
    )?)
}

/// The case's status, or None when there is no such case.
pub(crate) fn status(conn: &Connection, id: i64) -> Result<Option<Status>> {
    let sql = "SELECT status FROM cases WHERE id = ?1";
    first(conn, sql, [id], |r| code(r, 0, "cases"))
}

pub(crate) fn set_status(c: &Connection, id: i64, to: Status, at: &str) -> Result<usize> {
    let sql = "UPDATE cases SET status = ?2, active = ?3, updated_at = ?4 WHERE id = ?1";
    run(c, sql, params![id, to.code(), to.is_active(), at])
}

/// A member of staff's role and whether the account is active; None for no such member.
pub(crate) fn staff_role(conn: &Connection, id: i64) -> Result<Option<(Role, bool)>> {
    let sql = "SELECT role, active FROM staff WHERE id = ?1";
    first(conn, sql, [id], |r| Ok((code(r, 0, "staff")?, r.get(1)?)))
}

pub(crate) fn set_owner(c: &Connection, id: i64, to: i64, at: &str) -> Result<usize> {
    let sql = "UPDATE cases SET owner_id = ?2, updated_at = ?3 WHERE id = ?1";
    run(c, sql, params![id, to, at])
}

/// The colour as set by hand (`rank`), with its reason.
pub(crate) fn set_colour(c: &Connection, id: i64, rank: i64, why: &str, at: &str) -> Result<usize> {
    let sql = "UPDATE cases SET colour = ?2, colour_reason = ?3, updated_at = ?4 WHERE id = ?1";
    run(c, sql, params![id, rank, why, at])
}

/// The deadline alone (the change that caused it wrote `updated_at`).
pub(crate) fn set_deadline(c: &Connection, id: i64, deadline: &str) -> Result<usize> {
    let sql = "UPDATE cases SET deadline_at = ?2 WHERE id = ?1";
    run(c, sql, params![id, deadline])
}

/// A new term end, as a change of its own.
pub(crate) fn extend_deadline(c: &Connection, id: i64, to: &str, at: &str) -> Result<usize> {
    let sql = "UPDATE cases SET deadline_at = ?2, updated_at = ?3 WHERE id = ?1";
    run(c, sql, params![id, to, at])
}

/// What the case waits for (its code) and the seconds that were left on its clock.
pub(crate) fn waiting(c: &Connection, id: i64) -> Result<(Option<String>, Option<i64>)> {
    let sql = "SELECT waiting, waiting_left FROM cases WHERE id = ?1";
    Ok(c.query_row(sql, [id], |r| Ok((r.get(0)?, r.get(1)?)))?)
}

/// Ends a wait: the deadline comes back as `deadline`.
pub(crate) fn end_waiting(c: &Connection, id: i64, deadline: Option<&str>) -> Result<usize> {
    let sql = "UPDATE cases SET waiting = NULL, waiting_since = NULL, waiting_left = NULL,
            deadline_at = ?2 WHERE id = ?1";
    run(c, sql, params![id, deadline])
}

/// Starts a wait for `what` at `at`: the clock stops with `left` seconds kept.
pub(crate) fn start_waiting(
    c: &Connection,
    id: i64,
    what: &str,
    at: &str,
    left: Option<i64>,
) -> Result<usize> {
    let sql = "UPDATE cases SET waiting = ?2, waiting_since = ?3, waiting_left = ?4,
                    deadline_at = NULL, updated_at = ?3 WHERE id = ?1";
    run(c, sql, params![id, what, at, left])
}

/// An outcome as recorded.
pub(crate) struct OutcomeInsert<'a> {
    pub case_id: i64,
    pub at: &'a str,
    pub staff_id: i64,
    pub kind: Status,
    pub terms: &'a str,
    pub judicial: bool,
    pub referred_to: &'a str,
    pub reply_due: Option<&'a str>,
}

pub(crate) fn insert_outcome(c: &Connection, o: &OutcomeInsert) -> Result<usize> {
    let sql = "INSERT INTO case_outcomes (case_id, at, staff_id, kind, terms, judicial, referred_to, reply_due)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
    let (id, kind) = (o.case_id, o.kind.code());
    let p = params![
        id,
        o.at,
        o.staff_id,
        kind,
        o.terms,
        o.judicial,
        o.referred_to,
        o.reply_due
    ];
    run(c, sql, p)
}

pub(crate) fn set_closed_at(c: &Connection, id: i64, at: &str) -> Result<usize> {
    run(
        c,
        "UPDATE cases SET closed_at = ?2 WHERE id = ?1",
        params![id, at],
    )
}

/// Open again: no closing time, a fresh deadline.
pub(crate) fn reopen(c: &Connection, id: i64, deadline: Option<&str>) -> Result<usize> {
    let sql = "UPDATE cases SET closed_at = NULL, deadline_at = ?2 WHERE id = ?1";
    run(c, sql, params![id, deadline])
}

/// The case this one was merged into, if it was.
pub(crate) fn merged_into_id(c: &Connection, id: i64) -> Result<Option<i64>> {
    Ok(
        c.query_row("SELECT merged_into FROM cases WHERE id = ?1", [id], |r| {
            r.get(0)
        })?,
    )
}
