//! The workflow's reads and writes of a case: its state, status, owner, colour, deadline,
//! waiting, outcome and closing time, and the staff member it is given to. One text for both
//! engines (store/db); each takes a `Db` or, from code still on SQLite, its transaction.
use super::super::super::Result;
use super::super::super::convert::Stamp;
use super::super::super::db::Db;
use super::super::state::State;
use crate::domain::ladder::Ladder;
use crate::domain::role::Role;
use crate::domain::status::Status;

/// Rows changed by a write.
fn run(db: Db, sql: &str, p: &[&dyn super::super::super::db::Param]) -> Result<usize> {
    Ok(db.execute(sql, p)? as usize)
}

/// An attempts counter (the ladder's checks keep it within 0..=3).
fn attempts(v: i64) -> u32 {
    u32::try_from(v).unwrap_or(0)
}

/// What the actions need to know about a case.
pub(crate) fn state<'c>(db: impl Into<Db<'c>>, id: i64) -> Result<State> {
    db.into().query_row(
        "SELECT status, owner_id, colour, level, attempts_village, attempts_township,
            attempts_county, coalesce(handled_since, received_at), deadline_at, centre_id
         FROM cases WHERE id = ?1",
        &[&id],
        |r| {
            const T: &str = "cases";
            Ok(State {
                status: r.get(0, T)?,
                owner: r.get(1, T)?,
                colour: r.get(2, T)?,
                ladder: Ladder {
                    level: r.get(3, T)?,
                    attempts: [
                        attempts(r.get(4, T)?),
                        attempts(r.get(5, T)?),
                        attempts(r.get(6, T)?),
                    ],
                },
                received: r.get::<Stamp>(7, T)?.0,
                deadline: r.get::<Option<Stamp>>(8, T)?.map(|t| t.0),
                centre: r.get(9, T)?,
            })
        },
    )
}

/// The case's status, or None when there is no such case.
pub(crate) fn status<'c>(db: impl Into<Db<'c>>, id: i64) -> Result<Option<Status>> {
    let sql = "SELECT status FROM cases WHERE id = ?1";
    db.into().query_opt(sql, &[&id], |r| r.get(0, "cases"))
}

pub(crate) fn set_status<'c>(
    db: impl Into<Db<'c>>,
    id: i64,
    to: Status,
    at: &str,
) -> Result<usize> {
    let sql = "UPDATE cases SET status = ?2, active = ?3, updated_at = ?4 WHERE id = ?1";
    let active = i64::from(to.is_active());
    run(db.into(), sql, &[&id, &to.code(), &active, &at])
}

/// A member of staff's role and whether the account is active; None for no such member.
pub(crate) fn staff_role<'c>(db: impl Into<Db<'c>>, id: i64) -> Result<Option<(Role, bool)>> {
    let sql = "SELECT role, active FROM staff WHERE id = ?1";
    db.into().query_opt(sql, &[&id], |r| {
        Ok((r.get(0, "staff")?, r.get::<i64>(1, "staff")? != 0))
    })
}

pub(crate) fn set_owner<'c>(db: impl Into<Db<'c>>, id: i64, to: i64, at: &str) -> Result<usize> {
    let sql = "UPDATE cases SET owner_id = ?2, updated_at = ?3 WHERE id = ?1";
    run(db.into(), sql, &[&id, &to, &at])
}

/// The colour as set by hand (`rank`), with its reason.
pub(crate) fn set_colour<'c>(
    db: impl Into<Db<'c>>,
    id: i64,
    rank: i64,
    why: &str,
    at: &str,
) -> Result<usize> {
    let sql = "UPDATE cases SET colour = ?2, colour_reason = ?3, updated_at = ?4 WHERE id = ?1";
    run(db.into(), sql, &[&id, &rank, &why, &at])
}

/// The deadline alone (the change that caused it wrote `updated_at`).
pub(crate) fn set_deadline<'c>(db: impl Into<Db<'c>>, id: i64, deadline: &str) -> Result<usize> {
    let sql = "UPDATE cases SET deadline_at = ?2 WHERE id = ?1";
    run(db.into(), sql, &[&id, &deadline])
}

/// A new term end, as a change of its own.
pub(crate) fn extend_deadline<'c>(
    db: impl Into<Db<'c>>,
    id: i64,
    to: &str,
    at: &str,
) -> Result<usize> {
    let sql = "UPDATE cases SET deadline_at = ?2, updated_at = ?3 WHERE id = ?1";
    run(db.into(), sql, &[&id, &to, &at])
}

/// What the case waits for (its code) and the seconds that were left on its clock.
pub(crate) fn waiting<'c>(db: impl Into<Db<'c>>, id: i64) -> Result<(Option<String>, Option<i64>)> {
    let sql = "SELECT waiting, waiting_left FROM cases WHERE id = ?1";
    db.into().query_row(sql, &[&id], |r| {
        Ok((r.get(0, "cases")?, r.get(1, "cases")?))
    })
}

/// Ends a wait: the deadline comes back as `deadline`.
pub(crate) fn end_waiting<'c>(
    db: impl Into<Db<'c>>,
    id: i64,
    deadline: Option<&str>,
) -> Result<usize> {
    let sql = "UPDATE cases SET waiting = NULL, waiting_since = NULL, waiting_left = NULL,
            deadline_at = ?2 WHERE id = ?1";
    run(db.into(), sql, &[&id, &deadline])
}

/// Starts a wait for `what` at `at`: the clock stops with `left` seconds kept.
pub(crate) fn start_waiting<'c>(
    db: impl Into<Db<'c>>,
    id: i64,
    what: &str,
    at: &str,
    left: Option<i64>,
) -> Result<usize> {
    let sql = "UPDATE cases SET waiting = ?2, waiting_since = ?3, waiting_left = ?4,
                    deadline_at = NULL, updated_at = ?3 WHERE id = ?1";
    run(db.into(), sql, &[&id, &what, &at, &left])
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

pub(crate) fn insert_outcome<'c>(db: impl Into<Db<'c>>, o: &OutcomeInsert) -> Result<usize> {
    let sql = "INSERT INTO case_outcomes (case_id, at, staff_id, kind, terms, judicial, referred_to, reply_due)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
    let judicial = i64::from(o.judicial);
    let p: [&dyn super::super::super::db::Param; 8] = [
        &o.case_id,
        &o.at,
        &o.staff_id,
        &o.kind,
        &o.terms,
        &judicial,
        &o.referred_to,
        &o.reply_due,
    ];
    run(db.into(), sql, &p)
}

pub(crate) fn set_closed_at<'c>(db: impl Into<Db<'c>>, id: i64, at: &str) -> Result<usize> {
    let sql = "UPDATE cases SET closed_at = ?2 WHERE id = ?1";
    run(db.into(), sql, &[&id, &at])
}

/// Open again: no closing time, a fresh deadline.
pub(crate) fn reopen<'c>(db: impl Into<Db<'c>>, id: i64, deadline: Option<&str>) -> Result<usize> {
    let sql = "UPDATE cases SET closed_at = NULL, deadline_at = ?2 WHERE id = ?1";
    run(db.into(), sql, &[&id, &deadline])
}

/// The case this one was merged into, if it was.
pub(crate) fn merged_into_id<'c>(db: impl Into<Db<'c>>, id: i64) -> Result<Option<i64>> {
    db.into()
        .query_row("SELECT merged_into FROM cases WHERE id = ?1", &[&id], |r| {
            r.get(0, "cases")
        })
}
