//! Calendar reads: sessions of a day or week, busy time for slot finding, holidays, leave, agenda.
//! Every query is bounded by an index on time (sessions_time, sessions_mediator_time…).
use super::calendar_clash::{Hit, clashes_mediator, clashes_party, clashes_room};
use super::time::{date_to_sql, from_sql, to_sql};
use super::{Result, Store};
use crate::domain::ladder::Level;
use crate::domain::risk::Colour;
use crate::domain::session::SessionStatus;
use crate::domain::slots::{MAX_SESSION, Span};
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, Row, params};

/// A session as the calendar shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionView {
    pub id: i64,
    pub case_id: i64,
    pub case_no: String,
    pub colour: Colour,
    pub case_owner: Option<i64>,
    /// The case's first applicant (display masks it unless the role may see it).
    pub party: String,
    /// In charge first, then co-mediators.
    pub mediators: Vec<i64>,
    pub room_id: Option<i64>,
    pub room: String,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub level: Level,
    pub status: SessionStatus,
    pub result: String,
}

impl SessionView {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// What the booking form needs to know about a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseBrief {
    pub id: i64,
    pub case_no: String,
    pub colour: Colour,
    pub owner_id: Option<i64>,
    pub level: Level,
    pub active: bool,
    pub deadline: Option<NaiveDateTime>,
    pub party: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Room {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leave {
    pub id: i64,
    pub staff_id: i64,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub note: String,
}

impl Leave {
    pub fn covers(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }

    pub fn span(&self) -> Span {
        Span::new(Span::day(self.from).start, Span::day(self.to).end)
    }
}

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
    let time = |i| -> rusqlite::Result<NaiveDateTime> {
        Ok(from_sql(&r.get::<_, String>(i)?).unwrap_or_default())
    };
    Ok(SessionView {
        id: r.get(0)?,
        case_id: r.get(1)?,
        case_no: r.get(2)?,
        colour: Colour::from_rank(r.get(3)?).unwrap_or(Colour::Blue),
        case_owner: r.get(4)?,
        party: r.get(5)?,
        mediators,
        room_id: r.get(8)?,
        room: r.get(9)?,
        start: time(10)?,
        end: time(11)?,
        level: Level::from_code(&r.get::<_, String>(12)?).unwrap_or(Level::Village),
        status: SessionStatus::from_code(&r.get::<_, String>(13)?).unwrap_or(SessionStatus::Booked),
        result: r.get(14)?,
    })
}

/// Sessions starting in [from, to) — and those started up to MAX_SESSION before that still
/// running — not cancelled, in time order.
pub(super) fn sessions_in(
    conn: &Connection,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> Result<Vec<SessionView>> {
    let sql = format!(
        "SELECT {SESSION_COLS} FROM {SESSION_FROM}
         WHERE s.starts_at >= ?1 AND s.starts_at < ?2 AND s.ends_at > ?3 AND s.status != 'cancelled'
         ORDER BY s.starts_at, s.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(
        params![to_sql(from - MAX_SESSION), to_sql(to), to_sql(from)],
        session_row,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn session_by_id(conn: &Connection, id: i64) -> Result<SessionView> {
    let sql = format!("SELECT {SESSION_COLS} FROM {SESSION_FROM} WHERE s.id = ?1");
    Ok(conn.query_row(&sql, [id], session_row)?)
}

fn brief_row(r: &Row) -> rusqlite::Result<CaseBrief> {
    Ok(CaseBrief {
        id: r.get(0)?,
        case_no: r.get(1)?,
        colour: Colour::from_rank(r.get(2)?).unwrap_or(Colour::Blue),
        owner_id: r.get(3)?,
        level: Level::from_code(&r.get::<_, String>(4)?).unwrap_or(Level::Village),
        active: r.get(5)?,
        deadline: r.get::<_, Option<String>>(6)?.and_then(|s| from_sql(&s)),
        party: r.get(7)?,
    })
}

const BRIEF: &str =
    "SELECT c.id, c.case_no, c.colour, c.owner_id, c.level, c.active, c.deadline_at,
    COALESCE(p.name, '') FROM cases c LEFT JOIN parties p ON p.id = c.first_party_id";

impl Store {
    /// Sessions overlapping [from, to), for a day or week view.
    pub fn sessions_between(
        &self,
        from: NaiveDateTime,
        to: NaiveDateTime,
    ) -> Result<Vec<SessionView>> {
        sessions_in(&self.conn, from, to)
    }

    pub fn session(&self, id: i64) -> Result<SessionView> {
        session_by_id(&self.conn, id)
    }

    /// A case by its number (`2026-1124-007`), for the booking form.
    pub fn case_brief_by_no(&self, case_no: &str) -> Result<Option<CaseBrief>> {
        let sql = format!("{BRIEF} WHERE c.case_no = ?1");
        Ok(self
            .conn
            .query_row(&sql, [case_no.trim()], brief_row)
            .optional()?)
    }

    pub fn case_brief(&self, id: i64) -> Result<CaseBrief> {
        let sql = format!("{BRIEF} WHERE c.id = ?1");
        Ok(self.conn.query_row(&sql, [id], brief_row)?)
    }

    pub fn rooms(&self) -> Result<Vec<Room>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name FROM rooms WHERE active = 1 ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok(Room {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Public holidays in [from, to], with their names.
    pub fn holidays(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<(NaiveDate, String)>> {
        holidays_in(&self.conn, from, to)
    }

    /// Leave of anybody overlapping [from, to].
    pub fn leave_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Leave>> {
        leave_in(&self.conn, None, from, to)
    }

    /// Busy time for the next-free-slot search over [from, to): sessions of the mediators, of
    /// the room and of the case's parties, and the mediators' leave. Holidays are separate.
    pub fn busy_spans(
        &self,
        mediators: &[i64],
        room: Option<i64>,
        case_id: Option<i64>,
        from: NaiveDateTime,
        to: NaiveDateTime,
    ) -> Result<Vec<Span>> {
        let span = |h: &Hit| Span::new(h.0, h.1);
        let mut out: Vec<Span> = Vec::new();
        for m in mediators {
            out.extend(
                clashes_mediator(&self.conn, *m, from, to, None)?
                    .iter()
                    .map(span),
            );
            out.extend(
                leave_in(&self.conn, Some(*m), from.date(), to.date())?
                    .iter()
                    .map(Leave::span),
            );
        }
        if let Some(r) = room {
            out.extend(
                clashes_room(&self.conn, r, from, to, None)?
                    .iter()
                    .map(span),
            );
        }
        if let Some(c) = case_id {
            out.extend(
                clashes_party(&self.conn, c, from, to, None)?
                    .iter()
                    .map(|h| Span::new(h.0, h.1)),
            );
        }
        Ok(out)
    }
}

pub(super) fn holidays_in(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(NaiveDate, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT day, name FROM holidays WHERE day >= ?1 AND day <= ?2 ORDER BY day",
    )?;
    let rows = stmt.query_map(params![date_to_sql(from), date_to_sql(to)], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (d, name) = row?;
        if let Ok(d) = NaiveDate::parse_from_str(&d, "%Y-%m-%d") {
            out.push((d, name));
        }
    }
    Ok(out)
}

pub(super) fn leave_in(
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
