//! The statistics' passes: the cohort of cases received in a period, their first held
//! sessions and recorded outcomes, and the follow-ups of the period. A year's pass reads some
//! 300 k rows: rows are handed to a callback with borrowed text, never collected.
use super::super::super::Result;
use super::super::super::centres::{visible, visible_case};
use super::super::super::convert::code;
use crate::domain::channel::Channel;
use crate::domain::followup::Performance;
use crate::domain::risk::Colour;
use crate::domain::status::Status;
use rusqlite::Connection;
use std::collections::HashMap;

/// A borrowed text column (no allocation per row).
fn txt<'a>(r: &'a rusqlite::Row, i: usize) -> rusqlite::Result<Option<&'a str>> {
    r.get_ref(i)?.as_str_or_null().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// The lowest and highest id of the cases received in `[s, e)`.
pub(in crate::store::handover) fn cohort_ids(
    conn: &Connection,
    s: &str,
    e: &str,
) -> Result<(Option<i64>, Option<i64>)> {
    Ok(conn.query_row(
        concat!(
            "SELECT MIN(id), MAX(id) FROM cases WHERE received_at >= ?1 AND received_at < ?2
             AND +centre_id ",
            visible!()
        ),
        [s, e],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

/// The start of the first held session of each case with an id in `[lo, hi]`.
pub(in crate::store::handover) fn first_held(
    conn: &Connection,
    lo: i64,
    hi: i64,
) -> Result<HashMap<i64, String>> {
    let mut out = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT case_id, MIN(starts_at) FROM sessions
         WHERE status = 'held' AND case_id >= ?1 AND case_id <= ?2 GROUP BY case_id",
    )?;
    let mut rows = stmt.query([lo, hi])?;
    while let Some(r) = rows.next()? {
        out.insert(r.get(0)?, r.get(1)?);
    }
    Ok(out)
}

/// Every audited change of a case with an id in `[lo, hi]` to an outcome: (case, audit id,
/// the outcome).
pub(in crate::store::handover) fn outcome_changes(
    conn: &Connection,
    lo: i64,
    hi: i64,
    mut each: impl FnMut(i64, i64, Status),
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT case_id, id, new FROM audit WHERE action = 'case.status'
         AND case_id >= ?1 AND case_id <= ?2
         AND new IN ('agreement', 'no_agreement', 'referred_out', 'withdrawn', 'answered')",
    )?;
    let mut rows = stmt.query([lo, hi])?;
    while let Some(r) = rows.next()? {
        each(r.get(0)?, r.get(1)?, code(r, 2, "audit")?);
    }
    Ok(())
}

pub(in crate::store::handover) fn staff_names(conn: &Connection) -> Result<HashMap<i64, String>> {
    let mut out = HashMap::new();
    let mut stmt = conn.prepare_cached("SELECT id, name FROM staff")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        out.insert(r.get(0)?, r.get(1)?);
    }
    Ok(out)
}

/// A case of the cohort.
pub(in crate::store::handover) struct CohortCase<'a> {
    pub id: i64,
    pub received_at: &'a str,
    pub category: &'a str,
    pub colour: Colour,
    pub channel: Channel,
    pub status: Status,
    pub active: bool,
    pub owner: Option<i64>,
    pub visits: i64,
}

/// Every case received in `[s, e)`.
pub(in crate::store::handover) fn cohort(
    conn: &Connection,
    s: &str,
    e: &str,
    mut each: impl FnMut(CohortCase<'_>),
) -> Result<()> {
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT id, received_at, category, colour, channel, status, active, owner_id, visits
         FROM cases WHERE received_at >= ?1 AND received_at < ?2 AND +centre_id ",
        visible!()
    ))?;
    let mut rows = stmt.query([s, e])?;
    while let Some(r) = rows.next()? {
        each(CohortCase {
            id: r.get(0)?,
            received_at: txt(r, 1)?.unwrap_or_default(),
            category: txt(r, 2)?.unwrap_or_default(),
            colour: code(r, 3, "cases")?,
            channel: code(r, 4, "cases")?,
            status: code(r, 5, "cases")?,
            active: r.get::<_, i64>(6)? != 0,
            owner: r.get(7)?,
            visits: r.get(8)?,
        });
    }
    Ok(())
}

/// Follow-ups due on a day of `[ds, de)` ('YYYY-MM-DD'), whatever became of them.
pub(in crate::store::handover) fn followups_due(
    conn: &Connection,
    ds: &str,
    de: &str,
) -> Result<i64> {
    super::count(
        conn,
        concat!(
            "SELECT COUNT(*) FROM followups WHERE due_on >= ?1 AND due_on < ?2 AND ",
            visible_case!("followups.case_id")
        ),
        [ds, de],
    )
}

/// A follow-up done in the period.
pub(in crate::store::handover) struct DoneFollowup {
    pub performance: Option<Performance>,
    pub satisfaction: Option<i64>,
    /// Done on or before its due date.
    pub on_time: bool,
}

/// Every follow-up done in `[s, e)`.
pub(in crate::store::handover) fn followups_done(
    conn: &Connection,
    s: &str,
    e: &str,
    mut each: impl FnMut(DoneFollowup),
) -> Result<()> {
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT performance, satisfaction, substr(done_at, 1, 10) <= due_on
         FROM followups WHERE status = 'done' AND done_at >= ?1 AND done_at < ?2 AND ",
        visible_case!("followups.case_id")
    ))?;
    let mut rows = stmt.query([s, e])?;
    while let Some(r) = rows.next()? {
        each(DoneFollowup {
            performance: code(r, 0, "followups")?,
            satisfaction: r.get(1)?,
            on_time: r.get(2)?,
        });
    }
    Ok(())
}
