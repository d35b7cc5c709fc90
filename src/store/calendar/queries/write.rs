//! The calendar's writes, and the reads a write checks first (the staff, room, case and
//! session it concerns).
use super::super::super::Result;
use super::super::super::convert::code;
use super::super::super::time::{date_to_sql, to_sql};
use super::time;
use crate::domain::ladder::{Ladder, Level};
use crate::domain::role::Role;
use crate::domain::session::SessionStatus;
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, params};

/// A member of staff as a booking sees them: code, name, role, whether active.
pub(in crate::store::calendar) fn staff_brief(
    conn: &Connection,
    id: i64,
) -> Result<Option<(String, String, Role, bool)>> {
    Ok(conn
        .query_row(
            "SELECT code, name, role, active FROM staff WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, code(r, 2, "staff")?, r.get(3)?)),
        )
        .optional()?)
}

/// The name of a room in use.
pub(in crate::store::calendar) fn active_room(
    conn: &Connection,
    id: i64,
) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT name FROM rooms WHERE id = ?1 AND active = 1",
            [id],
            |x| x.get(0),
        )
        .optional()?)
}

/// A case's place on the ladder and whether it is still active.
pub(in crate::store::calendar) fn case_ladder(
    conn: &Connection,
    case_id: i64,
) -> Result<Option<(Ladder, bool)>> {
    Ok(conn
        .query_row(
            "SELECT level, active, attempts_village, attempts_township, attempts_county
             FROM cases WHERE id = ?1",
            [case_id],
            |r| {
                let ladder = Ladder {
                    level: code(r, 0, "cases")?,
                    attempts: [r.get(2)?, r.get(3)?, r.get(4)?],
                };
                Ok((ladder, r.get(1)?))
            },
        )
        .optional()?)
}

/// Adds a session with its mediator in charge; co-mediators go in with `add_co_mediator`.
pub(in crate::store::calendar) fn insert_session(
    conn: &Connection,
    case_id: i64,
    mediator: i64,
    room: Option<i64>,
    start: NaiveDateTime,
    end: NaiveDateTime,
    level: Level,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO sessions (case_id, mediator_id, room_id, starts_at, ends_at, level)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![case_id, mediator, room, to_sql(start), to_sql(end), level],
    )?;
    Ok(conn.last_insert_rowid())
}

pub(in crate::store::calendar) fn add_co_mediator(
    conn: &Connection,
    session: i64,
    staff: i64,
) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO session_mediators (session_id, staff_id) VALUES (?1, ?2)",
        params![session, staff],
    )?;
    Ok(())
}

/// A session as a change to it checks it, with its case's owner.
pub(in crate::store::calendar) struct SessionCase {
    pub case_id: i64,
    pub status: SessionStatus,
    pub start: NaiveDateTime,
    pub level: Level,
    pub owner: Option<i64>,
    pub room: Option<i64>,
}

pub(in crate::store::calendar) fn session_case(conn: &Connection, id: i64) -> Result<SessionCase> {
    Ok(conn.query_row(
        "SELECT s.case_id, s.status, s.starts_at, s.level, c.owner_id, s.room_id FROM sessions s
         JOIN cases c ON c.id = s.case_id WHERE s.id = ?1",
        [id],
        |r| {
            Ok(SessionCase {
                case_id: r.get(0)?,
                status: code(r, 1, "sessions")?,
                start: time(r, 2)?,
                level: code(r, 3, "sessions")?,
                owner: r.get(4)?,
                room: r.get(5)?,
            })
        },
    )?)
}

/// The mediators of a session: in charge first, then co-mediators.
pub(in crate::store::calendar) fn mediators_of(conn: &Connection, id: i64) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT mediator_id FROM sessions WHERE id = ?1
         UNION ALL SELECT staff_id FROM session_mediators WHERE session_id = ?1",
    )?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(in crate::store::calendar) fn move_session(
    conn: &Connection,
    id: i64,
    start: NaiveDateTime,
    end: NaiveDateTime,
    room: Option<i64>,
) -> Result<()> {
    conn.execute(
        "UPDATE sessions SET starts_at = ?2, ends_at = ?3, room_id = ?4 WHERE id = ?1",
        params![id, to_sql(start), to_sql(end), room],
    )?;
    Ok(())
}

pub(in crate::store::calendar) fn cancel_session(conn: &Connection, id: i64) -> Result<()> {
    conn.execute(
        "UPDATE sessions SET status = 'cancelled' WHERE id = ?1",
        [id],
    )?;
    Ok(())
}

pub(in crate::store::calendar) fn set_outcome(
    conn: &Connection,
    id: i64,
    outcome: SessionStatus,
    result: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE sessions SET status = ?2, result = ?3 WHERE id = ?1",
        params![id, outcome, result],
    )?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
pub(in crate::store::calendar) fn insert_leave(
    conn: &Connection,
    staff: i64,
    from: NaiveDate,
    to: NaiveDate,
    note: &str,
    by: i64,
    now: NaiveDateTime,
) -> Result<i64> {
    let mut insert = conn.prepare_cached(
        "INSERT INTO staff_leave (staff_id, from_day, to_day, note, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    Ok(insert.insert(params![
        staff,
        date_to_sql(from),
        date_to_sql(to),
        note,
        by,
        to_sql(now)
    ])?)
}
