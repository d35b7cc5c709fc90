//! Every SQL statement of centres and of what a connection may see.
use super::super::Result;
use super::super::convert::{Clock, Weekdays, clock_text, weekdays_text};
use super::super::db::{Db, Engine, Row as DbRow};
use super::visible;
use crate::domain::centre::Centre;
use crate::domain::ladder::Level;
use crate::domain::slots::WorkTime;
use rusqlite::{Connection, params};

const COLUMNS: &str = "id, code, name, level, parent_id, number_prefix, address, phone, active, \
                       work_start, work_end, work_days";

/// A centre's own hours (columns `at`..`at + 2`): none while they are NULL (the default).
fn hours(r: &DbRow, at: usize) -> Result<Option<WorkTime>> {
    let start: Option<Clock> = r.get(at, "centres")?;
    let end: Option<Clock> = r.get(at + 1, "centres")?;
    let days: Option<Weekdays> = r.get(at + 2, "centres")?;
    Ok(match (start, end, days) {
        (Some(s), Some(e), Some(d)) => Some(WorkTime {
            start: s.0,
            end: e.0,
            days: d.0,
        }),
        _ => None,
    })
}

fn centre(r: &DbRow) -> Result<Centre> {
    Ok(Centre {
        hours: hours(r, 9)?,
        id: r.get(0, "centres")?,
        code: r.get(1, "centres")?,
        name: r.get(2, "centres")?,
        level: r.get(3, "centres")?,
        parent_id: r.get(4, "centres")?,
        number_prefix: r.get(5, "centres")?,
        address: r.get(6, "centres")?,
        phone: r.get(7, "centres")?,
        active: r.get::<i64>(8, "centres")? == 1,
    })
}

/// Every centre, on either engine.
pub(super) fn all<'c>(db: impl Into<Db<'c>>) -> Result<Vec<Centre>> {
    db.into().query_map(
        &format!("SELECT {COLUMNS} FROM centres ORDER BY id"),
        &[],
        centre,
    )
}

/// The centre of a member of staff, on either engine.
pub(super) fn of_staff<'c>(db: impl Into<Db<'c>>, staff_id: i64) -> Result<Option<Centre>> {
    db.into().query_opt(
        &format!(
            "SELECT {COLUMNS} FROM centres WHERE id = (SELECT centre_id FROM staff WHERE id = ?1)"
        ),
        &[&staff_id],
        centre,
    )
}

pub(super) struct CentreInsert<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub level: Level,
    pub parent_id: Option<i64>,
    pub address: &'a str,
    pub phone: &'a str,
    pub at: &'a str,
}

pub(super) fn insert(c: &Connection, k: &CentreInsert) -> Result<i64> {
    c.execute(
        "INSERT INTO centres (code, name, level, parent_id, number_prefix, address, phone,
                              created_at)
         VALUES (?1, ?2, ?3, ?4, ?1, ?5, ?6, ?7)",
        params![
            k.code,
            k.name,
            k.level,
            k.parent_id,
            k.address,
            k.phone,
            k.at
        ],
    )?;
    Ok(c.last_insert_rowid())
}

/// Name, address and phone (the code, level and parent stay: case numbers carry the code).
pub(super) fn update_details(
    c: &Connection,
    id: i64,
    name: &str,
    address: &str,
    phone: &str,
) -> Result<()> {
    c.execute(
        "UPDATE centres SET name = ?2, address = ?3, phone = ?4 WHERE id = ?1",
        params![id, name, address, phone],
    )?;
    Ok(())
}

/// A centre's own working hours, or none (the record's default).
pub(super) fn set_hours(c: &Connection, id: i64, w: Option<&WorkTime>) -> Result<()> {
    c.execute(
        "UPDATE centres SET work_start = ?2, work_end = ?3, work_days = ?4 WHERE id = ?1",
        params![
            id,
            w.map(|w| clock_text(w.start)),
            w.map(|w| clock_text(w.end)),
            w.map(|w| weekdays_text(&w.days))
        ],
    )?;
    Ok(())
}

/// The own working hours of centre `id` (none: the default, or no such centre).
pub(super) fn hours_of<'c>(db: impl Into<Db<'c>>, id: i64) -> Result<Option<WorkTime>> {
    Ok(db
        .into()
        .query_opt(
            "SELECT work_start, work_end, work_days FROM centres WHERE id = ?1",
            &[&id],
            |r| hours(r, 0),
        )?
        .flatten())
}

pub(super) fn set_active(c: &Connection, id: i64, active: bool) -> Result<()> {
    c.execute(
        "UPDATE centres SET active = ?2 WHERE id = ?1",
        params![id, active],
    )?;
    Ok(())
}

fn pairs(c: &Connection, sql: &str) -> Result<Vec<(i64, i64)>> {
    let mut stmt = c.prepare_cached(sql)?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// (centre, active staff) for every centre with any.
pub(super) fn staff_per_centre(c: &Connection) -> Result<Vec<(i64, i64)>> {
    pairs(
        c,
        "SELECT centre_id, COUNT(*) FROM staff WHERE active = 1 GROUP BY centre_id",
    )
}

/// (centre, open cases it handles) for the visible centres with any.
pub(super) fn open_cases_per_visible_centre(c: &Connection) -> Result<Vec<(i64, i64)>> {
    pairs(
        c,
        concat!(
            "SELECT centre_id, COUNT(*) FROM cases WHERE active = 1 AND centre_id ",
            visible!(),
            " GROUP BY centre_id"
        ),
    )
}

/// The handling centre of a case.
pub(super) fn case_centre<'c>(db: impl Into<Db<'c>>, case_id: i64) -> Result<Option<i64>> {
    db.into().query_opt(
        "SELECT centre_id FROM cases WHERE id = ?1",
        &[&case_id],
        |r| r.get(0, "cases"),
    )
}

/// Whether the connection may read a case (`readable!`).
pub(super) fn case_visible<'c>(db: impl Into<Db<'c>>, case_id: i64) -> Result<bool> {
    db.into().one(
        concat!(
            "SELECT EXISTS (SELECT 1 FROM cases c WHERE c.id = ?1 AND ",
            super::readable!("c"),
            ")"
        ),
        &[&case_id],
    )
}

/// The case-number prefixes of the visible centres ("" for the original centre).
pub(super) fn visible_prefixes(c: &Connection) -> Result<Vec<String>> {
    let mut stmt = c.prepare_cached(concat!(
        "SELECT number_prefix FROM centres WHERE id ",
        super::visible!(),
        " ORDER BY id"
    ))?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Whether every centre of the tree is visible (a single-centre database, the county lead).
pub(super) fn sees_all<'c>(db: impl Into<Db<'c>>) -> Result<bool> {
    db.into().one(
        "SELECT (SELECT count(*) FROM centres) = (SELECT count(*) FROM visible_centres)",
        &[],
    )
}

/// Every centre that may read a case besides its handling one (`readable!`): the centre that
/// received it, the one asked to sign for it, and those that sent it on.
pub(super) fn centres_of_case<'c>(db: impl Into<Db<'c>>, case_id: i64) -> Result<Vec<i64>> {
    db.into().query_map(
        "SELECT received_centre_id FROM cases WHERE id = ?1
         UNION SELECT pending_to FROM cases WHERE id = ?1 AND pending_to IS NOT NULL
         UNION SELECT from_centre FROM transfers WHERE case_id = ?1",
        &[&case_id],
        |r| r.get(0, "cases"),
    )
}

/// The centre of a member of staff, by id.
pub(super) fn staff_centre<'c>(db: impl Into<Db<'c>>, staff_id: i64) -> Result<Option<i64>> {
    db.into().query_opt(
        "SELECT centre_id FROM staff WHERE id = ?1",
        &[&staff_id],
        |r| r.get(0, "staff"),
    )
}

/// The centre of a room.
pub(super) fn room_centre<'c>(db: impl Into<Db<'c>>, room_id: i64) -> Result<Option<i64>> {
    db.into().query_opt(
        "SELECT centre_id FROM rooms WHERE id = ?1",
        &[&room_id],
        |r| r.get(0, "rooms"),
    )
}

/// The connection's own list of centres it may read (a TEMP table: per connection, never
/// in the file; on PostgreSQL per session). Named unqualified in SQL: both engines look in the
/// connection's temporary tables first.
pub(super) fn create_visible<'c>(db: impl Into<Db<'c>>) -> Result<()> {
    let db = db.into();
    db.batch(match db.engine() {
        Engine::Sqlite => {
            "CREATE TEMP TABLE IF NOT EXISTS visible_centres (id INTEGER PRIMARY KEY)"
        }
        Engine::Postgres => {
            "CREATE TEMP TABLE IF NOT EXISTS visible_centres (id BIGINT PRIMARY KEY)"
        }
    })
}

pub(super) fn set_visible<'c>(db: impl Into<Db<'c>>, ids: &[i64]) -> Result<()> {
    let db = db.into();
    db.execute("DELETE FROM visible_centres", &[])?;
    for id in ids {
        db.execute("INSERT INTO visible_centres (id) VALUES (?1)", &[id])?;
    }
    Ok(())
}

pub(super) fn visible<'c>(db: impl Into<Db<'c>>) -> Result<Vec<i64>> {
    db.into()
        .query_map("SELECT id FROM visible_centres ORDER BY id", &[], |r| {
            r.get(0, "visible_centres")
        })
}
