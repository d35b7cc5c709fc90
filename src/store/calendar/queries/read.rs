//! Reading sessions, case briefs, rooms, holidays and leave.
use super::super::super::Result;
use super::super::super::centres::{readable, visible};
use super::super::super::convert::code;
use super::super::super::time::{date_to_sql, to_sql};
use super::super::{CaseBrief, Leave, Room, SessionView};
use super::time;
use crate::domain::booking::Window;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};

const SESSION_COLS: &str = "s.id, s.case_id, c.case_no, c.colour, c.owner_id,
    COALESCE(p.name, ''), s.mediator_id,
    (SELECT group_concat(staff_id) FROM session_mediators m WHERE m.session_id = s.id),
    s.room_id, COALESCE(r.name, ''), s.starts_at, s.ends_at, s.level, s.status, s.result";
const SESSION_FROM: &str = "sessions s JOIN cases c ON c.id = s.case_id
    LEFT JOIN parties p ON p.id = c.first_party_id LEFT JOIN rooms r ON r.id = s.room_id";

fn session_row(r: &Row) -> rusqlite::Result<SessionView> {
    let mut mediators = vec![r.get::<_, i64>(6)?];
    let co: Option<String> = r.get(7)?;
    mediators.extend(
        co.unwrap_or_default()
            .split(',')
            .filter_map(|x| x.parse::<i64>().ok()),
    );
    Ok(SessionView {
        id: r.get(0)?,
        case_id: r.get(1)?,
        case_no: r.get(2)?,
        colour: code(r, 3, "cases")?,
        case_owner: r.get(4)?,
        party: r.get(5)?,
        mediators,
        room_id: r.get(8)?,
        room: r.get(9)?,
        start: time(r, 10)?,
        end: time(r, 11)?,
        level: code(r, 12, "sessions")?,
        status: code(r, 13, "sessions")?,
        result: r.get(14)?,
    })
}

/// Sessions in the window (`domain::booking::window`), not cancelled, in time order.
pub(in crate::store::calendar) fn sessions_in(
    conn: &Connection,
    w: Window,
) -> Result<Vec<SessionView>> {
    let sql = format!(
        "SELECT {SESSION_COLS} FROM {SESSION_FROM}
         WHERE s.starts_at >= ?1 AND s.starts_at < ?2 AND s.ends_at > ?3 AND s.status != 'cancelled'
           AND {}
         ORDER BY s.starts_at, s.id",
        readable!("c")
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(
        params![
            to_sql(w.starts_after),
            to_sql(w.starts_before),
            to_sql(w.ends_after)
        ],
        session_row,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(in crate::store::calendar) fn session_by_id(conn: &Connection, id: i64) -> Result<SessionView> {
    let sql = format!(
        "SELECT {SESSION_COLS} FROM {SESSION_FROM} WHERE s.id = ?1 AND {}",
        readable!("c")
    );
    Ok(conn.query_row(&sql, [id], session_row)?)
}

fn brief_row(r: &Row) -> rusqlite::Result<CaseBrief> {
    Ok(CaseBrief {
        id: r.get(0)?,
        case_no: r.get(1)?,
        colour: code(r, 2, "cases")?,
        owner_id: r.get(3)?,
        level: code(r, 4, "cases")?,
        active: r.get(5)?,
        deadline: r
            .get::<_, Option<String>>(6)?
            .and_then(|s| super::super::super::time::from_sql(&s)),
        party: r.get(7)?,
        centre_id: r.get(8)?,
    })
}

const BRIEF: &str =
    "SELECT c.id, c.case_no, c.colour, c.owner_id, c.level, c.active, c.deadline_at,
    COALESCE(p.name, ''), c.centre_id FROM cases c LEFT JOIN parties p ON p.id = c.first_party_id";

/// A case by its number (`2026-1124-007`).
pub(in crate::store::calendar) fn brief_by_no(
    conn: &Connection,
    case_no: &str,
) -> Result<Option<CaseBrief>> {
    let sql = format!(
        "{BRIEF} WHERE c.case_no = ?1 AND c.centre_id {}",
        visible!()
    );
    Ok(conn.query_row(&sql, [case_no], brief_row).optional()?)
}

pub(in crate::store::calendar) fn brief_by_id(conn: &Connection, id: i64) -> Result<CaseBrief> {
    let sql = format!("{BRIEF} WHERE c.id = ?1 AND {}", readable!("c"));
    Ok(conn.query_row(&sql, [id], brief_row)?)
}

/// The rooms in use of the visible centres (a lead's: their centre's and those below).
pub(in crate::store::calendar) fn rooms(conn: &Connection) -> Result<Vec<Room>> {
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT id, name, centre_id FROM rooms WHERE active = 1 AND centre_id ",
        visible!(),
        " ORDER BY id"
    ))?;
    let rows = stmt.query_map([], |r| {
        Ok(Room {
            id: r.get(0)?,
            name: r.get(1)?,
            centre_id: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Leave of one member of staff (or anybody: None) overlapping [from, to].
pub(in crate::store::calendar) fn leave_in(
    conn: &Connection,
    staff: Option<i64>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Leave>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, staff_id, from_day, to_day, note FROM staff_leave
         WHERE (?1 IS NULL OR staff_id = ?1) AND to_day >= ?2 AND from_day <= ?3
         ORDER BY from_day, id",
    )?;
    let day = |s: String| NaiveDate::parse_from_str(&s, "%Y-%m-%d").unwrap_or_default();
    let rows = stmt.query_map(params![staff, date_to_sql(from), date_to_sql(to)], |r| {
        Ok(Leave {
            id: r.get(0)?,
            staff_id: r.get(1)?,
            from: day(r.get(2)?),
            to: day(r.get(3)?),
            note: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
