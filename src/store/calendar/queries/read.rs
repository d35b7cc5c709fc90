//! Reading sessions, case briefs, rooms, holidays and leave.
use super::super::super::Result;
use super::super::super::centres::{readable, visible};
use super::super::super::db::{Db, Engine, Row};
use super::super::super::time::{date_to_sql, to_sql};
use super::super::{CaseBrief, Leave, Room, SessionView};
use super::time;
use crate::domain::booking::Window;
use chrono::NaiveDate;

/// The session columns; the co-mediators as one comma-separated list (each engine's aggregate).
fn session_cols(db: Db) -> String {
    let co = match db.engine() {
        Engine::Sqlite => "group_concat(staff_id)",
        Engine::Postgres => "string_agg(CAST(staff_id AS TEXT), ',')",
    };
    format!(
        "s.id, s.case_id, c.case_no, c.colour, c.owner_id,
    COALESCE(p.name, ''), s.mediator_id,
    (SELECT {co} FROM session_mediators m WHERE m.session_id = s.id),
    s.room_id, COALESCE(r.name, ''), s.starts_at, s.ends_at, s.level, s.status, s.result"
    )
}
const SESSION_FROM: &str = "sessions s JOIN cases c ON c.id = s.case_id
    LEFT JOIN parties p ON p.id = c.first_party_id LEFT JOIN rooms r ON r.id = s.room_id";

fn session_row(r: &Row) -> Result<SessionView> {
    let mut mediators = vec![r.get::<i64>(6, "sessions")?];
    let co: Option<String> = r.get(7, "session_mediators")?;
    mediators.extend(
        co.unwrap_or_default()
            .split(',')
            .filter_map(|x| x.parse::<i64>().ok()),
    );
    Ok(SessionView {
        id: r.get(0, "sessions")?,
        case_id: r.get(1, "sessions")?,
        case_no: r.get(2, "cases")?,
        colour: r.get(3, "cases")?,
        case_owner: r.get(4, "cases")?,
        party: r.get(5, "parties")?,
        mediators,
        room_id: r.get(8, "sessions")?,
        room: r.get(9, "rooms")?,
        start: time(r, 10)?,
        end: time(r, 11)?,
        level: r.get(12, "sessions")?,
        status: r.get(13, "sessions")?,
        result: r.get(14, "sessions")?,
    })
}

/// Sessions in the window (`domain::booking::window`), not cancelled, in time order.
pub(in crate::store::calendar) fn sessions_in(db: Db, w: Window) -> Result<Vec<SessionView>> {
    let sql = format!(
        "SELECT {} FROM {SESSION_FROM}
         WHERE s.starts_at >= ?1 AND s.starts_at < ?2 AND s.ends_at > ?3 AND s.status != 'cancelled'
           AND {}
         ORDER BY s.starts_at, s.id",
        session_cols(db),
        readable!("c")
    );
    db.query_map(
        &sql,
        &[
            &to_sql(w.starts_after),
            &to_sql(w.starts_before),
            &to_sql(w.ends_after),
        ],
        session_row,
    )
}

pub(in crate::store::calendar) fn session_by_id(db: Db, id: i64) -> Result<SessionView> {
    let sql = format!(
        "SELECT {} FROM {SESSION_FROM} WHERE s.id = ?1 AND {}",
        session_cols(db),
        readable!("c")
    );
    db.query_row(&sql, &[&id], session_row)
}

fn brief_row(r: &Row) -> Result<CaseBrief> {
    Ok(CaseBrief {
        id: r.get(0, "cases")?,
        case_no: r.get(1, "cases")?,
        colour: r.get(2, "cases")?,
        owner_id: r.get(3, "cases")?,
        level: r.get(4, "cases")?,
        active: r.get::<i64>(5, "cases")? == 1,
        deadline: r
            .get::<Option<String>>(6, "cases")?
            .and_then(|s| super::super::super::time::from_sql(&s)),
        party: r.get(7, "parties")?,
        centre_id: r.get(8, "cases")?,
    })
}

const BRIEF: &str =
    "SELECT c.id, c.case_no, c.colour, c.owner_id, c.level, c.active, c.deadline_at,
    COALESCE(p.name, ''), c.centre_id FROM cases c LEFT JOIN parties p ON p.id = c.first_party_id";

/// A case by its number (`2026-1124-007`).
pub(in crate::store::calendar) fn brief_by_no(db: Db, case_no: &str) -> Result<Option<CaseBrief>> {
    let sql = format!(
        "{BRIEF} WHERE c.case_no = ?1 AND c.centre_id {}",
        visible!()
    );
    db.query_opt(&sql, &[&case_no], brief_row)
}

pub(in crate::store::calendar) fn brief_by_id(db: Db, id: i64) -> Result<CaseBrief> {
    let sql = format!("{BRIEF} WHERE c.id = ?1 AND {}", readable!("c"));
    db.query_row(&sql, &[&id], brief_row)
}

/// The rooms in use of the visible centres (a lead's: their centre's and those below).
pub(in crate::store::calendar) fn rooms(db: Db) -> Result<Vec<Room>> {
    db.query_map(
        concat!(
            "SELECT id, name, centre_id FROM rooms WHERE active = 1 AND centre_id ",
            visible!(),
            " ORDER BY id"
        ),
        &[],
        |r| {
            Ok(Room {
                id: r.get(0, "rooms")?,
                name: r.get(1, "rooms")?,
                centre_id: r.get(2, "rooms")?,
            })
        },
    )
}

/// Leave of one member of staff (or anybody: None) overlapping [from, to].
pub(in crate::store::calendar) fn leave_in(
    db: Db,
    staff: Option<i64>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Leave>> {
    let day = |s: String| NaiveDate::parse_from_str(&s, "%Y-%m-%d").unwrap_or_default();
    db.query_map(
        "SELECT id, staff_id, from_day, to_day, note FROM staff_leave
         WHERE (CAST(?1 AS BIGINT) IS NULL OR staff_id = ?1) AND to_day >= ?2 AND from_day <= ?3
         ORDER BY from_day, id",
        &[&staff, &date_to_sql(from), &date_to_sql(to)],
        |r| {
            Ok(Leave {
                id: r.get(0, "staff_leave")?,
                staff_id: r.get(1, "staff_leave")?,
                from: day(r.get(2, "staff_leave")?),
                to: day(r.get(3, "staff_leave")?),
                note: r.get(4, "staff_leave")?,
            })
        },
    )
}
