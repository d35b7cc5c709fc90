//! What the triage desk reads and writes besides parties: a repeat visit, the mediators'
//! load and booked time for routing, and the intake slip.
use super::super::super::Result;
use super::super::super::calendar::blocking;
use super::super::super::centres::{readable, visible};
use super::super::super::convert::Stamp;
use super::super::super::db::Db;
use super::super::super::time;
use super::super::earlier::SlipData;
use super::{all, run};
use chrono::NaiveDateTime;
use rusqlite::{Connection, params};
use std::collections::HashMap;

/// A repeat visit on a case; returns the case's visit count after it.
pub(crate) fn add_visit(
    c: &Connection,
    case: i64,
    at: &str,
    by: i64,
    channel: &str,
    note: &str,
) -> Result<u32> {
    let sql =
        "INSERT INTO visits (case_id, at, staff_id, channel, note) VALUES (?1, ?2, ?3, ?4, ?5)";
    run(c, sql, params![case, at, by, channel, note])?;
    let sql =
        "UPDATE cases SET visits = visits + 1, updated_at = ?2 WHERE id = ?1 RETURNING visits";
    Ok(c.query_row(sql, params![case, at], |r| r.get(0))?)
}

/// Active cases of the visible centres per owner: one grouped query over the owner index.
pub(crate) fn open_load(c: &Connection) -> Result<HashMap<i64, u32>> {
    let sql = concat!(
        "SELECT owner_id, COUNT(*) FROM cases WHERE active = 1 AND owner_id IS NOT NULL
             AND +centre_id ",
        visible!(),
        " GROUP BY owner_id"
    );
    Ok(all(c, sql, [], |r| Ok((r.get(0)?, r.get(1)?)))?
        .into_iter()
        .collect())
}

/// (start, end) of a mediator's sessions starting in [from, until) that occupy them
/// (`SessionStatus::BLOCKING`: booked or held).
pub(crate) fn busy(
    c: &Connection,
    mediator: i64,
    from: &str,
    until: &str,
) -> Result<Vec<(NaiveDateTime, NaiveDateTime)>> {
    let sql = format!(
        "SELECT starts_at, ends_at FROM sessions
             WHERE mediator_id = ?1 AND starts_at >= ?2 AND starts_at < ?3
               AND status IN {}",
        blocking()
    );
    all(c, &sql, params![mediator, from, until], |r| {
        Ok((time::read(r, 0, "sessions")?, time::read(r, 1, "sessions")?))
    })
}

/// The facts of a visitor's intake slip, by case number (a case this connection may read).
/// One text for both engines.
pub(crate) fn slip(db: Db, case_no: &str) -> Result<Option<SlipData>> {
    let sql = concat!(
        "SELECT c.case_no, c.received_at, c.category, c.colour, c.deadline_at, c.team,
                        s.name, p.name,
                        CASE WHEN (SELECT count(*) FROM centres) > 1 THEN rc.name END
                 FROM cases c LEFT JOIN staff s ON s.id = c.owner_id
                 LEFT JOIN parties p ON p.id = c.first_party_id
                 LEFT JOIN centres rc ON rc.id = c.received_centre_id
                 WHERE c.case_no = ?1 AND ",
        readable!("c")
    );
    db.query_opt(sql, &[&case_no], |r| {
        const T: &str = "cases";
        Ok(SlipData {
            case_no: r.get(0, T)?,
            received_at: Some(r.get::<Stamp>(1, T)?.0),
            category: r.get(2, T)?,
            colour: r.get(3, T)?,
            deadline_at: r.get::<Option<Stamp>>(4, T)?.map(|t| t.0),
            team: r.get(5, T)?,
            owner_name: r.get(6, T)?,
            applicant: r.get(7, T)?,
            received_centre: r.get(8, T)?,
        })
    })
}
