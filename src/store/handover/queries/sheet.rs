//! The sheet's sections, each one indexed query (and one count where the list is cut).
use super::super::super::Result;
use super::super::super::centres::{readable, visible};
use super::super::super::convert::code;
use super::super::super::time::{date_to_sql, from_sql, to_sql};
use super::super::{Escalation, NextSession, SessionLine, UrgentCase};
use super::{count, opt_time};
use crate::domain::mask::mask_phone;
use crate::domain::risk::Colour;
use crate::domain::status::Status;
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, params};

/// Cases received in `[s, e)` by the visible centres: (category, colour, how many).
pub(in crate::store::handover) fn intakes(
    conn: &Connection,
    s: &str,
    e: &str,
) -> Result<Vec<(String, Colour, i64)>> {
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT category, colour, COUNT(*) FROM cases
         WHERE received_at >= ?1 AND received_at < ?2 AND received_centre_id ",
        visible!(),
        " GROUP BY category, colour"
    ))?;
    let rows = stmt.query_map([s, e], |r| Ok((r.get(0)?, code(r, 1, "cases")?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many open red and orange cases the visible centres handle.
pub(in crate::store::handover) fn urgent_total(conn: &Connection) -> Result<i64> {
    count(
        conn,
        concat!(
            "SELECT COUNT(*) FROM cases WHERE active = 1 AND colour <= 1 AND centre_id ",
            visible!()
        ),
        [],
    )
}

/// Open red and orange cases the visible centres handle, most urgent first, with their next session booked from `now`;
/// phones always masked (the sheet is printed and left on desks).
pub(in crate::store::handover) fn urgent(
    conn: &Connection,
    now: NaiveDateTime,
    limit: usize,
) -> Result<Vec<UrgentCase>> {
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT c.case_no, c.colour, c.status, o.name, p.name, p.phone, c.summary, c.deadline_at,
            (SELECT s.starts_at || '|' || m.name FROM sessions s JOIN staff m ON m.id = s.mediator_id
              WHERE s.case_id = c.id AND s.status = 'booked' AND s.starts_at >= ?1
              ORDER BY s.starts_at LIMIT 1)
         FROM cases c LEFT JOIN staff o ON o.id = c.owner_id
         LEFT JOIN parties p ON p.id = c.first_party_id
         WHERE c.active = 1 AND c.colour <= 1 AND +c.centre_id ",
        visible!(),
        " ORDER BY c.colour, c.received_at DESC, c.id DESC LIMIT ?2"
    ))?;
    let rows = stmt.query_map(params![to_sql(now), limit as i64], |r| {
        let next: Option<String> = r.get(8)?;
        Ok(UrgentCase {
            case_no: r.get(0)?,
            colour: code(r, 1, "cases")?,
            status: code(r, 2, "cases")?,
            owner: r.get(3)?,
            applicant: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
            phone_masked: r
                .get::<_, Option<String>>(5)?
                .map(|p| mask_phone(&p))
                .unwrap_or_default(),
            summary: r.get(6)?,
            deadline: opt_time(r.get(7)?),
            next_session: next.and_then(|n| {
                let (at, who) = n.split_once('|')?;
                Some(NextSession {
                    at: from_sql(at)?,
                    mediator: who.to_string(),
                })
            }),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many open cases the visible centres handle, not yet responded to, have a deadline
/// before `limit`.
pub(in crate::store::handover) fn deadlines_total(conn: &Connection, limit: &str) -> Result<i64> {
    count(
        conn,
        concat!(
            "SELECT COUNT(*) FROM cases WHERE active = 1 AND status IN ('registered', 'assigned')
             AND deadline_at < ?1 AND +centre_id ",
            visible!()
        ),
        [limit],
    )
}

/// Those cases, most overdue first: case number, colour, status, owner, deadline.
pub(in crate::store::handover) type DeadlineRow = (
    String,
    Colour,
    Status,
    Option<String>,
    Option<NaiveDateTime>,
);

pub(in crate::store::handover) fn deadlines(
    conn: &Connection,
    limit: &str,
    rows: usize,
) -> Result<Vec<DeadlineRow>> {
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT c.case_no, c.colour, c.status, o.name, c.deadline_at FROM cases c
         LEFT JOIN staff o ON o.id = c.owner_id
         WHERE c.active = 1 AND c.status IN ('registered', 'assigned') AND c.deadline_at < ?1
         AND +c.centre_id ",
        visible!(),
        " ORDER BY c.deadline_at LIMIT ?2"
    ))?;
    let rows = stmt.query_map(params![limit, rows as i64], |r| {
        Ok((
            r.get(0)?,
            code(r, 1, "cases")?,
            code(r, 2, "cases")?,
            r.get(3)?,
            opt_time(r.get(4)?),
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A session is at a centre whose mediator works there or whose room is there (a county
/// mediator in a township's room is on both sheets). `m`: the mediator, `r`: the room.
macro_rules! at_centre {
    () => {
        concat!(
            "(m.centre_id ",
            visible!(),
            " OR r.centre_id ",
            visible!(),
            ")"
        )
    };
}

/// How many sessions start in `[s, e)` at the visible centres.
pub(in crate::store::handover) fn sessions_total(
    conn: &Connection,
    s: &str,
    e: &str,
) -> Result<i64> {
    count(
        conn,
        concat!(
            "SELECT COUNT(*) FROM sessions s JOIN staff m ON m.id = s.mediator_id
             LEFT JOIN rooms r ON r.id = s.room_id
             WHERE s.starts_at >= ?1 AND s.starts_at < ?2 AND ",
            at_centre!()
        ),
        [s, e],
    )
}

/// Sessions starting in `[s, e)` at the visible centres (any status, with their recorded
/// result), by time.
pub(in crate::store::handover) fn sessions(
    conn: &Connection,
    s: &str,
    e: &str,
    limit: usize,
) -> Result<Vec<SessionLine>> {
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT s.starts_at, c.case_no, m.name, COALESCE(r.name, ''), s.status, s.result
         FROM sessions s JOIN cases c ON c.id = s.case_id JOIN staff m ON m.id = s.mediator_id
         LEFT JOIN rooms r ON r.id = s.room_id
         WHERE s.starts_at >= ?1 AND s.starts_at < ?2 AND ",
        at_centre!(),
        " ORDER BY s.starts_at, m.name LIMIT ?3"
    ))?;
    let rows = stmt.query_map(params![s, e, limit as i64], |r| {
        Ok(SessionLine {
            starts_at: opt_time(r.get(0)?).unwrap_or_default(),
            case_no: r.get(1)?,
            mediator: r.get(2)?,
            room: r.get(3)?,
            status: r.get(4)?,
            result: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Follow-ups of the visible centres' cases still due on or before `day`.
pub(in crate::store::handover) fn followups_total(
    conn: &Connection,
    day: NaiveDate,
) -> Result<i64> {
    count(
        conn,
        concat!(
            "SELECT COUNT(*) FROM followups f JOIN cases c ON c.id = f.case_id
             WHERE f.status = 'due' AND f.due_on <= ?1 AND c.centre_id ",
            visible!()
        ),
        [date_to_sql(day)],
    )
}

/// Follow-ups of the visible centres' cases still due before `day`.
pub(in crate::store::handover) fn followups_overdue(
    conn: &Connection,
    day: NaiveDate,
) -> Result<i64> {
    count(
        conn,
        concat!(
            "SELECT COUNT(*) FROM followups f JOIN cases c ON c.id = f.case_id
             WHERE f.status = 'due' AND f.due_on < ?1 AND c.centre_id ",
            visible!()
        ),
        [date_to_sql(day)],
    )
}

/// Follow-ups still due on or before `day`, oldest first: due date (`day` when it does not
/// read), case number, owner.
pub(in crate::store::handover) fn followups(
    conn: &Connection,
    day: NaiveDate,
    limit: usize,
) -> Result<Vec<(NaiveDate, String, Option<String>)>> {
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT f.due_on, c.case_no, o.name FROM followups f JOIN cases c ON c.id = f.case_id
         LEFT JOIN staff o ON o.id = f.owner_id
         WHERE f.status = 'due' AND f.due_on <= ?1 AND +c.centre_id ",
        visible!(),
        " ORDER BY f.due_on, f.id LIMIT ?2"
    ))?;
    let rows = stmt.query_map(params![date_to_sql(day), limit as i64], |r| {
        let due = NaiveDate::parse_from_str(&r.get::<_, String>(0)?, "%Y-%m-%d").unwrap_or(day);
        Ok((due, r.get(1)?, r.get(2)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(in crate::store::handover) fn escalations_total(
    conn: &Connection,
    s: &str,
    e: &str,
) -> Result<i64> {
    count(
        conn,
        concat!(
            "SELECT COUNT(*) FROM audit a JOIN cases c ON c.id = a.case_id
             WHERE (a.action = 'case.escalate' OR a.field = 'level') AND a.at >= ?1 AND a.at < ?2
             AND ",
            readable!("c")
        ),
        [s, e],
    )
}

/// Audit entries of `[s, e)` that escalate a case this connection reads (handled, received,
/// awaiting sign-off or once sent on by a visible centre): action 'case.escalate' or a change of
/// the 'level' field (the 3-2-1 ladder moving up).
pub(in crate::store::handover) fn escalations(
    conn: &Connection,
    s: &str,
    e: &str,
    limit: usize,
) -> Result<Vec<Escalation>> {
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT a.at, c.case_no, st.name, a.old, a.new FROM audit a
         JOIN cases c ON c.id = a.case_id LEFT JOIN staff st ON st.id = a.staff_id
         WHERE (a.action = 'case.escalate' OR a.field = 'level') AND a.at >= ?1 AND a.at < ?2
         AND ",
        readable!("c"),
        " ORDER BY a.at, a.id LIMIT ?3"
    ))?;
    let rows = stmt.query_map(params![s, e, limit as i64], |r| {
        Ok(Escalation {
            at: opt_time(r.get(0)?).unwrap_or_default(),
            case_no: r.get(1)?,
            by: r.get(2)?,
            from: r.get(3)?,
            to: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
