//! Every SQL statement of the reports by centre: the cohort of cases received in a period that
//! this connection sees (handled or received by a visible centre), their held sessions,
//! recorded outcomes and signed hand-overs by id range, and the hand-overs of the period.
//! Rows are handed to a callback, never collected per case.
use super::super::Result;
use super::super::centres::visible;
use super::super::convert::code;
use crate::domain::status::Status;
use crate::domain::transfer::TransferKind;
use rusqlite::{Connection, params};
use std::collections::HashSet;

/// A borrowed text column (no allocation per row).
fn txt<'a>(r: &'a rusqlite::Row, i: usize) -> rusqlite::Result<Option<&'a str>> {
    r.get_ref(i)?.as_str_or_null().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// The lowest and highest id of the cases received in `[s, e)`.
pub(super) fn cohort_ids(c: &Connection, s: &str, e: &str) -> Result<(Option<i64>, Option<i64>)> {
    Ok(c.query_row(
        "SELECT MIN(id), MAX(id) FROM cases WHERE received_at >= ?1 AND received_at < ?2",
        [s, e],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

/// A case of the cohort.
pub(super) struct CohortCase<'a> {
    pub id: i64,
    pub received_at: &'a str,
    pub received_centre: i64,
    pub centre: i64,
    pub category: &'a str,
    pub status: Status,
    pub active: bool,
    pub deadline: Option<&'a str>,
    pub closed_at: Option<&'a str>,
}

/// Every case received in `[s, e)` that a visible centre handles or received.
pub(super) fn cohort(
    c: &Connection,
    s: &str,
    e: &str,
    mut each: impl FnMut(CohortCase<'_>),
) -> Result<()> {
    let sql = concat!(
        "SELECT id, received_at, received_centre_id, centre_id, category, status, active,
                deadline_at, closed_at
         FROM cases WHERE received_at >= ?1 AND received_at < ?2
         AND (centre_id ",
        visible!(),
        " OR received_centre_id ",
        visible!(),
        ")"
    );
    let mut stmt = c.prepare_cached(sql)?;
    let mut rows = stmt.query([s, e])?;
    while let Some(r) = rows.next()? {
        each(CohortCase {
            id: r.get(0)?,
            received_at: txt(r, 1)?.unwrap_or_default(),
            received_centre: r.get(2)?,
            centre: r.get(3)?,
            category: txt(r, 4)?.unwrap_or_default(),
            status: code(r, 5, "cases")?,
            active: r.get::<_, i64>(6)? != 0,
            deadline: txt(r, 7)?,
            closed_at: txt(r, 8)?,
        });
    }
    Ok(())
}

/// The cases with an id in `[lo, hi]` that had a session held.
pub(super) fn held(c: &Connection, lo: i64, hi: i64) -> Result<HashSet<i64>> {
    let mut stmt = c.prepare_cached(
        "SELECT DISTINCT case_id FROM sessions
         WHERE status = 'held' AND case_id >= ?1 AND case_id <= ?2",
    )?;
    let rows = stmt.query_map([lo, hi], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every audited change to an outcome of a case with an id in `[lo, hi]`: (case, audit id,
/// when, the outcome).
pub(super) fn outcomes(
    c: &Connection,
    lo: i64,
    hi: i64,
    mut each: impl FnMut(i64, i64, &str, Status),
) -> Result<()> {
    let mut stmt = c.prepare_cached(
        "SELECT case_id, id, at, new FROM audit WHERE action = 'case.status'
         AND case_id >= ?1 AND case_id <= ?2
         AND new IN ('agreement', 'no_agreement', 'referred_out', 'withdrawn', 'answered')",
    )?;
    let mut rows = stmt.query([lo, hi])?;
    while let Some(r) = rows.next()? {
        each(
            r.get(0)?,
            r.get(1)?,
            txt(r, 2)?.unwrap_or_default(),
            code(r, 3, "audit")?,
        );
    }
    Ok(())
}

/// Hand-overs that moved a case with an id in `[lo, hi]` (signed, or overruled after a
/// return): (case, the centre it moved to, when).
pub(super) fn moves(
    c: &Connection,
    lo: i64,
    hi: i64,
    mut each: impl FnMut(i64, i64, &str),
) -> Result<()> {
    let mut stmt = c.prepare_cached(
        "SELECT case_id, to_centre,
                CASE state WHEN 'signed' THEN answered_at ELSE overruled_at END
         FROM transfers WHERE case_id >= ?1 AND case_id <= ?2
         AND state IN ('signed', 'overruled') ORDER BY case_id, id",
    )?;
    let mut rows = stmt.query([lo, hi])?;
    while let Some(r) = rows.next()? {
        each(r.get(0)?, r.get(1)?, txt(r, 2)?.unwrap_or_default());
    }
    Ok(())
}

/// Hand-overs sent in `[s, e)` by visible centres: (centre, kind, how many).
pub(super) fn sent(c: &Connection, s: &str, e: &str) -> Result<Vec<(i64, TransferKind, i64)>> {
    let sql = concat!(
        "SELECT from_centre, kind, COUNT(*) FROM transfers
         WHERE sent_at >= ?1 AND sent_at < ?2 AND from_centre ",
        visible!(),
        " GROUP BY from_centre, kind"
    );
    let mut stmt = c.prepare_cached(sql)?;
    let rows = stmt.query_map(params![s, e], |r| {
        Ok((r.get(0)?, code(r, 1, "transfers")?, r.get(2)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Hand-overs visible centres sent back (退回 / 退单) in `[s, e)`, overruled since or not:
/// (centre, how many).
pub(super) fn returned(c: &Connection, s: &str, e: &str) -> Result<Vec<(i64, i64)>> {
    let sql = concat!(
        "SELECT to_centre, COUNT(*) FROM transfers
         WHERE state IN ('returned', 'overruled') AND answered_at >= ?1 AND answered_at < ?2
         AND to_centre ",
        visible!(),
        " GROUP BY to_centre"
    );
    let mut stmt = c.prepare_cached(sql)?;
    let rows = stmt.query_map(params![s, e], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
