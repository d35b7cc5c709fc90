//! Clash checks for booking and moving sessions: what a mediator, a room or a party already
//! has at that time. Each is one index range scan bounded by `MAX_SESSION`.
use super::Result;
use super::time::{from_sql, to_sql};
use crate::domain::session::SessionStatus;
use crate::domain::slots::MAX_SESSION;
use chrono::NaiveDateTime;
use rusqlite::{Connection, params};

pub(super) type Hit = (NaiveDateTime, NaiveDateTime, i64, String);
/// A hit plus the shared party's name.
type PartyHit = (NaiveDateTime, NaiveDateTime, i64, String, String);

fn hits(stmt: &mut rusqlite::CachedStatement, p: impl rusqlite::Params) -> Result<Vec<Hit>> {
    let rows = stmt.query_map(p, |r| {
        Ok((
            from_sql(&r.get::<_, String>(0)?).unwrap_or_default(),
            from_sql(&r.get::<_, String>(1)?).unwrap_or_default(),
            r.get::<_, i64>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Blocking sessions of a mediator (in charge or co-mediator) overlapping [from, to).
/// `starts_at > from - MAX_SESSION` keeps the index range short whatever the history.
pub(super) fn clashes_mediator(
    conn: &Connection,
    staff: i64,
    from: NaiveDateTime,
    to: NaiveDateTime,
    except: Option<i64>,
) -> Result<Vec<Hit>> {
    let sql = format!(
        "SELECT s.starts_at, s.ends_at, s.id, c.case_no FROM sessions s JOIN cases c ON c.id = s.case_id
         WHERE s.mediator_id = ?1 AND s.starts_at > ?2 AND s.starts_at < ?3 AND s.ends_at > ?4
           AND s.status IN {b} AND s.id IS NOT ?5
         UNION ALL
         SELECT s.starts_at, s.ends_at, s.id, c.case_no FROM session_mediators m
           JOIN sessions s ON s.id = m.session_id JOIN cases c ON c.id = s.case_id
         WHERE m.staff_id = ?1 AND s.starts_at > ?2 AND s.starts_at < ?3 AND s.ends_at > ?4
           AND s.status IN {b} AND s.id IS NOT ?5
         ORDER BY 1",
        b = SessionStatus::BLOCKING
    );
    overlapping(conn, &sql, staff, from, to, except)
}

pub(super) fn clashes_room(
    conn: &Connection,
    room: i64,
    from: NaiveDateTime,
    to: NaiveDateTime,
    except: Option<i64>,
) -> Result<Vec<Hit>> {
    let sql = format!(
        "SELECT s.starts_at, s.ends_at, s.id, c.case_no FROM sessions s JOIN cases c ON c.id = s.case_id
         WHERE s.room_id = ?1 AND s.starts_at > ?2 AND s.starts_at < ?3 AND s.ends_at > ?4
           AND s.status IN {b} AND s.id IS NOT ?5 ORDER BY 1",
        b = SessionStatus::BLOCKING
    );
    overlapping(conn, &sql, room, from, to, except)
}

/// Runs a clash query whose parameters are (who, from - MAX_SESSION, to, from, except).
fn overlapping(
    conn: &Connection,
    sql: &str,
    who: i64,
    from: NaiveDateTime,
    to: NaiveDateTime,
    except: Option<i64>,
) -> Result<Vec<Hit>> {
    let mut stmt = conn.prepare_cached(sql)?;
    hits(
        &mut stmt,
        params![
            who,
            to_sql(from - MAX_SESSION),
            to_sql(to),
            to_sql(from),
            except
        ],
    )
}

/// Sessions of any case sharing a party with `case_id` (including its own) overlapping
/// [from, to), with the shared party's name.
pub(super) fn clashes_party(
    conn: &Connection,
    case_id: i64,
    from: NaiveDateTime,
    to: NaiveDateTime,
    except: Option<i64>,
) -> Result<Vec<PartyHit>> {
    let sql = format!(
        "SELECT DISTINCT s.starts_at, s.ends_at, s.id, c.case_no, p.name FROM case_parties me
           JOIN case_parties other ON other.party_id = me.party_id
           JOIN sessions s ON s.case_id = other.case_id
           JOIN cases c ON c.id = s.case_id JOIN parties p ON p.id = me.party_id
         WHERE me.case_id = ?1 AND s.starts_at > ?2 AND s.starts_at < ?3 AND s.ends_at > ?4
           AND s.status IN {b} AND s.id IS NOT ?5 ORDER BY 1",
        b = SessionStatus::BLOCKING
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(
        params![
            case_id,
            to_sql(from - MAX_SESSION),
            to_sql(to),
            to_sql(from),
            except
        ],
        |r| {
            Ok((
                from_sql(&r.get::<_, String>(0)?).unwrap_or_default(),
                from_sql(&r.get::<_, String>(1)?).unwrap_or_default(),
                r.get::<_, i64>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        },
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
