//! The clash searches: what a mediator, a room or a party already has in a window
//! (`domain::booking::window`), and the booked sessions of a day. Each is one index range scan.
//! A session of a case the connection may not read (a county mediator's session at another
//! village) still collides, without its number: `—`.
use super::super::super::Result;
use super::super::super::centres::readable;
use super::super::super::db::Db;
use super::super::super::time::to_sql;
use super::{blocking, time};
use crate::domain::booking::Window;
use crate::domain::slots::Span;
use chrono::NaiveDateTime;

/// A session in the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::store::calendar) struct Hit {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub session_id: i64,
    pub case_no: String,
    /// The party shared with the case (party clashes only; else empty).
    pub party: String,
}

impl Hit {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Runs a clash query whose parameters are (who, window, except) and whose columns are
/// (starts_at, ends_at, id, case_no[, party name when `party`]).
fn hits(
    db: Db,
    sql: &str,
    who: i64,
    w: Window,
    except: Option<i64>,
    party: bool,
) -> Result<Vec<Hit>> {
    db.query_map(
        sql,
        &[
            &who,
            &to_sql(w.starts_after),
            &to_sql(w.starts_before),
            &to_sql(w.ends_after),
            &except,
        ],
        |r| {
            Ok(Hit {
                start: time(r, 0)?,
                end: time(r, 1)?,
                session_id: r.get(2, "sessions")?,
                case_no: r.get(3, "cases")?,
                party: if party {
                    r.get(4, "parties")?
                } else {
                    String::new()
                },
            })
        },
    )
}

/// Blocking sessions of a mediator (in charge or co-mediator) in the window, except one.
pub(in crate::store::calendar) fn clashes_mediator(
    db: Db,
    staff: i64,
    w: Window,
    except: Option<i64>,
) -> Result<Vec<Hit>> {
    let sql = format!(
        "SELECT s.starts_at, s.ends_at, s.id, CASE WHEN {v} THEN c.case_no ELSE '—' END FROM sessions s JOIN cases c ON c.id = s.case_id
         WHERE s.mediator_id = ?1 AND s.starts_at > ?2 AND s.starts_at < ?3 AND s.ends_at > ?4
           AND s.status IN {b} AND s.id IS DISTINCT FROM ?5
         UNION ALL
         SELECT s.starts_at, s.ends_at, s.id, CASE WHEN {v} THEN c.case_no ELSE '—' END FROM session_mediators m
           JOIN sessions s ON s.id = m.session_id JOIN cases c ON c.id = s.case_id
         WHERE m.staff_id = ?1 AND s.starts_at > ?2 AND s.starts_at < ?3 AND s.ends_at > ?4
           AND s.status IN {b} AND s.id IS DISTINCT FROM ?5
         ORDER BY 1",
        b = blocking(),
        v = readable!("c")
    );
    hits(db, &sql, staff, w, except, false)
}

pub(in crate::store::calendar) fn clashes_room(
    db: Db,
    room: i64,
    w: Window,
    except: Option<i64>,
) -> Result<Vec<Hit>> {
    let sql = format!(
        "SELECT s.starts_at, s.ends_at, s.id, CASE WHEN {v} THEN c.case_no ELSE '—' END FROM sessions s JOIN cases c ON c.id = s.case_id
         WHERE s.room_id = ?1 AND s.starts_at > ?2 AND s.starts_at < ?3 AND s.ends_at > ?4
           AND s.status IN {b} AND s.id IS DISTINCT FROM ?5 ORDER BY 1",
        b = blocking(),
        v = readable!("c")
    );
    hits(db, &sql, room, w, except, false)
}

/// Sessions of any case sharing a party with `case_id` (including its own) in the window,
/// with the shared party's name.
pub(in crate::store::calendar) fn clashes_party(
    db: Db,
    case_id: i64,
    w: Window,
    except: Option<i64>,
) -> Result<Vec<Hit>> {
    let sql = format!(
        "SELECT DISTINCT s.starts_at, s.ends_at, s.id,
                CASE WHEN {v} THEN c.case_no ELSE '—' END, p.name FROM case_parties me
           JOIN case_parties other ON other.party_id = me.party_id
           JOIN sessions s ON s.case_id = other.case_id
           JOIN cases c ON c.id = s.case_id JOIN parties p ON p.id = me.party_id
         WHERE me.case_id = ?1 AND s.starts_at > ?2 AND s.starts_at < ?3 AND s.ends_at > ?4
           AND s.status IN {b} AND s.id IS DISTINCT FROM ?5 ORDER BY 1",
        b = blocking(),
        v = readable!("c")
    );
    hits(db, &sql, case_id, w, except, true)
}

/// How many sessions are booked to start within `day`: anywhere (None), or of a centre (its
/// cases' or in its rooms).
pub(in crate::store::calendar) fn booked_in(db: Db, centre: Option<i64>, day: Span) -> Result<i64> {
    db.one(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM sessions s WHERE s.starts_at >= ?1
         AND s.starts_at < ?2 AND s.status = 'booked'
         AND (CAST(?3 AS BIGINT) IS NULL OR (SELECT centre_id FROM cases WHERE id = s.case_id) = ?3
              OR (SELECT centre_id FROM rooms WHERE id = s.room_id) = ?3)",
        &[&to_sql(day.start), &to_sql(day.end), &centre],
    )
}
