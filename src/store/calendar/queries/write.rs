//! The calendar's writes, and the reads a write checks first (the staff, room, case and
//! session it concerns).
use super::super::super::db::{Db, Row};
use super::super::super::time::{date_to_sql, to_sql};
use super::super::super::{Result, StoreError};
use super::time;
use crate::domain::ladder::{Ladder, Level};
use crate::domain::role::Role;
use crate::domain::session::SessionStatus;
use chrono::{NaiveDate, NaiveDateTime};

/// A member of staff as a booking sees them: code, name, role, whether active.
pub(in crate::store::calendar) fn staff_brief(
    db: Db,
    id: i64,
) -> Result<Option<(String, String, Role, bool)>> {
    db.query_opt(
        "SELECT code, name, role, active FROM staff WHERE id = ?1",
        &[&id],
        |r| {
            Ok((
                r.get(0, "staff")?,
                r.get(1, "staff")?,
                r.get(2, "staff")?,
                r.get::<i64>(3, "staff")? == 1,
            ))
        },
    )
}

/// The name of a room in use.
pub(in crate::store::calendar) fn active_room(db: Db, id: i64) -> Result<Option<String>> {
    db.query_opt(
        "SELECT name FROM rooms WHERE id = ?1 AND active = 1",
        &[&id],
        |r| r.get(0, "rooms"),
    )
}

/// A case's place on the ladder and whether it is still active.
pub(in crate::store::calendar) fn case_ladder(
    db: Db,
    case_id: i64,
) -> Result<Option<(Ladder, bool)>> {
    db.query_opt(
        "SELECT level, active, attempts_village, attempts_township, attempts_county
         FROM cases WHERE id = ?1",
        &[&case_id],
        |r| {
            let ladder = Ladder {
                level: r.get(0, "cases")?,
                attempts: [attempts(r, 2)?, attempts(r, 3)?, attempts(r, 4)?],
            };
            Ok((ladder, r.get::<i64>(1, "cases")? == 1))
        },
    )
}

/// A count of attempts (BIGINT on PostgreSQL; a count past `u32` reads as the most).
fn attempts(r: &Row, i: usize) -> Result<u32> {
    Ok(u32::try_from(r.get::<i64>(i, "cases")?).unwrap_or(u32::MAX))
}

/// Whether an error is PostgreSQL's exclusion constraint refusing a mediator's or a room's
/// second session at the same time (SQLSTATE 23P01: another desk booked it between this
/// transaction's check and its write).
pub(in crate::store::calendar) fn is_overlap(e: &StoreError) -> bool {
    matches!(e, StoreError::Server { state, .. } if state == "23P01")
}

/// Adds a session with its mediator in charge; co-mediators go in with `add_co_mediator`.
pub(in crate::store::calendar) fn insert_session(
    db: Db,
    case_id: i64,
    mediator: i64,
    room: Option<i64>,
    start: NaiveDateTime,
    end: NaiveDateTime,
    level: Level,
) -> Result<i64> {
    db.one(
        "INSERT INTO sessions (case_id, mediator_id, room_id, starts_at, ends_at, level)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
        &[
            &case_id,
            &mediator,
            &room,
            &to_sql(start),
            &to_sql(end),
            &level,
        ],
    )
}

pub(in crate::store::calendar) fn add_co_mediator(db: Db, session: i64, staff: i64) -> Result<()> {
    db.execute(
        "INSERT INTO session_mediators (session_id, staff_id) VALUES (?1, ?2)
         ON CONFLICT DO NOTHING",
        &[&session, &staff],
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

pub(in crate::store::calendar) fn session_case(db: Db, id: i64) -> Result<SessionCase> {
    db.query_row(
        "SELECT s.case_id, s.status, s.starts_at, s.level, c.owner_id, s.room_id FROM sessions s
         JOIN cases c ON c.id = s.case_id WHERE s.id = ?1",
        &[&id],
        |r| {
            Ok(SessionCase {
                case_id: r.get(0, "sessions")?,
                status: r.get(1, "sessions")?,
                start: time(r, 2)?,
                level: r.get(3, "sessions")?,
                owner: r.get(4, "cases")?,
                room: r.get(5, "sessions")?,
            })
        },
    )
}

/// The mediators of a session: in charge first, then co-mediators.
pub(in crate::store::calendar) fn mediators_of(db: Db, id: i64) -> Result<Vec<i64>> {
    db.query_map(
        "SELECT mediator_id FROM sessions WHERE id = ?1
         UNION ALL SELECT staff_id FROM session_mediators WHERE session_id = ?1",
        &[&id],
        |r| r.get(0, "sessions"),
    )
}

pub(in crate::store::calendar) fn move_session(
    db: Db,
    id: i64,
    start: NaiveDateTime,
    end: NaiveDateTime,
    room: Option<i64>,
) -> Result<()> {
    db.execute(
        "UPDATE sessions SET starts_at = ?2, ends_at = ?3, room_id = ?4 WHERE id = ?1",
        &[&id, &to_sql(start), &to_sql(end), &room],
    )?;
    Ok(())
}

pub(in crate::store::calendar) fn cancel_session(db: Db, id: i64) -> Result<()> {
    db.execute(
        "UPDATE sessions SET status = 'cancelled' WHERE id = ?1",
        &[&id],
    )?;
    Ok(())
}

pub(in crate::store::calendar) fn set_outcome(
    db: Db,
    id: i64,
    outcome: SessionStatus,
    result: &str,
) -> Result<()> {
    db.execute(
        "UPDATE sessions SET status = ?2, result = ?3 WHERE id = ?1",
        &[&id, &outcome, &result],
    )?;
    Ok(())
}

pub(in crate::store::calendar) fn insert_leave(
    db: Db,
    staff: i64,
    from: NaiveDate,
    to: NaiveDate,
    note: &str,
    by: i64,
    now: NaiveDateTime,
) -> Result<i64> {
    db.one(
        "INSERT INTO staff_leave (staff_id, from_day, to_day, note, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
        &[
            &staff,
            &date_to_sql(from),
            &date_to_sql(to),
            &note,
            &by,
            &to_sql(now),
        ],
    )
}
