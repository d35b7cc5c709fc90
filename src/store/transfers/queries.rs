//! Every SQL statement of hand-overs between centres, and the case columns a hand-over moves.
use super::super::Result;
use super::super::centres::{readable, visible};
use super::super::convert::code;
use super::super::time::{self, to_sql};
use super::{BookedSession, CaseState, OverdueAt, TransferItem, TransferLine};
use crate::domain::ladder::{Ladder, Level};
use crate::domain::status::Status;
use crate::domain::transfer::{ReturnCode, TransferKind, TransferState};
use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, Row, params};

/// What a hand-over needs to know about its case, read inside the write transaction.
pub(super) fn case_state(c: &Connection, id: i64) -> Result<Option<CaseState>> {
    let sql = "SELECT case_no, status, owner_id, colour, level, attempts_village,
                      attempts_township, attempts_county, centre_id, deadline_at, waiting
               FROM cases WHERE id = ?1";
    Ok(c.prepare_cached(sql)?
        .query_row([id], |r| {
            Ok(CaseState {
                case_no: r.get(0)?,
                status: code(r, 1, "cases")?,
                owner: r.get(2)?,
                colour: code(r, 3, "cases")?,
                ladder: Ladder {
                    level: code(r, 4, "cases")?,
                    attempts: [r.get(5)?, r.get(6)?, r.get(7)?],
                },
                centre: r.get(8)?,
                deadline: time::read_opt(r, 9, "cases")?,
                waiting: r.get(10)?,
            })
        })
        .optional()?)
}

pub(super) struct NewTransfer<'a> {
    pub case_id: i64,
    pub kind: TransferKind,
    pub from: i64,
    pub to: i64,
    pub reason: &'a str,
    pub at: &'a str,
    pub by: i64,
    pub reply_by: Option<&'a str>,
}

/// A pending hand-over, and the case marked as awaiting the receiver's sign-off.
pub(super) fn insert(c: &Connection, t: &NewTransfer) -> Result<i64> {
    c.prepare_cached(
        "INSERT INTO transfers (case_id, kind, from_centre, to_centre, reason, sent_at, sent_by,
                                reply_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        t.case_id, t.kind, t.from, t.to, t.reason, t.at, t.by, t.reply_by
    ])?;
    let id = c.last_insert_rowid();
    set_pending_to(c, t.case_id, Some(t.to), t.at)?;
    Ok(id)
}

pub(super) fn set_pending_to(c: &Connection, case: i64, to: Option<i64>, at: &str) -> Result<()> {
    c.prepare_cached("UPDATE cases SET pending_to = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![case, to, at])?;
    Ok(())
}

const LINE_COLUMNS: &str = "t.id, t.case_id, t.kind, t.from_centre, t.to_centre, t.reason,
    t.sent_at, t.sent_by, s.name, t.reply_by, t.state, t.answered_at, a.name, t.return_code,
    t.return_other, t.return_note, t.overruled_at, o.name, t.overrule_note";
const LINE_FROM: &str = "transfers t
    JOIN staff s ON s.id = t.sent_by
    LEFT JOIN staff a ON a.id = t.answered_by
    LEFT JOIN staff o ON o.id = t.overruled_by";

fn line(r: &Row) -> rusqlite::Result<TransferLine> {
    line_at(r, 0)
}

/// A hand-over whose columns (`LINE_COLUMNS`) start at column `at`.
fn line_at(r: &Row, at: usize) -> rusqlite::Result<TransferLine> {
    Ok(TransferLine {
        id: r.get(at)?,
        case_id: r.get(at + 1)?,
        kind: code(r, at + 2, "transfers")?,
        from_centre: r.get(at + 3)?,
        to_centre: r.get(at + 4)?,
        reason: r.get(at + 5)?,
        sent_at: time::read(r, at + 6, "transfers")?,
        sent_by_id: r.get(at + 7)?,
        sent_by: r.get(at + 8)?,
        reply_by: time::read_opt(r, at + 9, "transfers")?,
        state: code(r, at + 10, "transfers")?,
        answered_at: time::read_opt(r, at + 11, "transfers")?,
        answered_by: r.get(at + 12)?,
        return_code: code::<Option<ReturnCode>>(r, at + 13, "transfers")?,
        return_other: r.get(at + 14)?,
        return_note: r.get(at + 15)?,
        overruled_at: time::read_opt(r, at + 16, "transfers")?,
        overruled_by: r.get(at + 17)?,
        overrule_note: r.get(at + 18)?,
    })
}

/// The case's hand-overs, oldest first.
pub(super) fn of_case(c: &Connection, case: i64) -> Result<Vec<TransferLine>> {
    let mut stmt = c.prepare_cached(&format!(
        "SELECT {LINE_COLUMNS} FROM {LINE_FROM} WHERE t.case_id = ?1 ORDER BY t.id"
    ))?;
    let rows = stmt.query_map([case], line)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The case's latest hand-over, if any.
pub(super) fn latest(c: &Connection, case: i64) -> Result<Option<TransferLine>> {
    Ok(c.prepare_cached(&format!(
        "SELECT {LINE_COLUMNS} FROM {LINE_FROM} WHERE t.case_id = ?1 ORDER BY t.id DESC LIMIT 1"
    ))?
    .query_row([case], line)
    .optional()?)
}

/// Ends a pending hand-over (signed, returned or withdrawn); false if it was not pending any
/// more (another desk answered first).
pub(super) fn answer(
    c: &Connection,
    id: i64,
    to: TransferState,
    by: i64,
    at: &str,
    ret: Option<(ReturnCode, &str, &str)>,
) -> Result<bool> {
    let (code, other, note) = match ret {
        Some((code, other, note)) => (Some(code), other, note),
        None => (None, "", ""),
    };
    let n = c
        .prepare_cached(
            "UPDATE transfers SET state = ?2, answered_at = ?3, answered_by = ?4,
                 return_code = ?5, return_other = ?6, return_note = ?7
             WHERE id = ?1 AND state = 'pending'",
        )?
        .execute(params![id, to, at, by, code, other, note])?;
    Ok(n == 1)
}

/// The sender insists on a returned hand-over (审定).
pub(super) fn overrule(c: &Connection, id: i64, by: i64, at: &str, note: &str) -> Result<bool> {
    let n = c
        .prepare_cached(
            "UPDATE transfers SET state = 'overruled', overruled_at = ?3, overruled_by = ?2,
                 overrule_note = ?4
             WHERE id = ?1 AND state = 'returned'",
        )?
        .execute(params![id, by, at, note])?;
    Ok(n == 1)
}

/// Where a signed hand-over puts the case.
pub(super) struct Arrival<'a> {
    pub centre: i64,
    pub level: Level,
    pub status: Status,
    pub deadline: Option<&'a str>,
    pub at: &'a str,
}

/// The case now belongs to the receiver: its centre, level, status and deadline; no owner
/// (the receiver assigns its own mediator), no wait, nothing pending; its clock from now.
pub(super) fn arrive(c: &Connection, case: i64, a: &Arrival) -> Result<()> {
    c.prepare_cached(
        "UPDATE cases SET centre_id = ?2, level = ?3, status = ?4, active = ?5, owner_id = NULL,
             deadline_at = ?6, handled_since = ?7, pending_to = NULL, waiting = NULL,
             waiting_since = NULL, waiting_left = NULL, updated_at = ?7
         WHERE id = ?1",
    )?
    .execute(params![
        case,
        a.centre,
        a.level,
        a.status,
        a.status.is_active(),
        a.deadline,
        a.at
    ])?;
    Ok(())
}

/// The case's sessions still booked (they stay with the centre and mediators that booked them).
pub(super) fn booked_sessions(c: &Connection, case: i64) -> Result<Vec<BookedSession>> {
    let mut stmt = c.prepare_cached(
        "SELECT s.id, s.starts_at, m.name, r.name FROM sessions s
         JOIN staff m ON m.id = s.mediator_id LEFT JOIN rooms r ON r.id = s.room_id
         WHERE s.case_id = ?1 AND s.status = 'booked' ORDER BY s.starts_at, s.id",
    )?;
    let rows = stmt.query_map([case], |r| {
        Ok(BookedSession {
            id: r.get(0)?,
            starts_at: time::read(r, 1, "sessions")?,
            mediator: r.get(2)?,
            room: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Whether this connection may read the case (`readable!`).
pub(super) fn readable(c: &Connection, case: i64) -> Result<bool> {
    let sql = concat!(
        "SELECT EXISTS (SELECT 1 FROM cases c WHERE c.id = ?1 AND ",
        readable!("c"),
        ")"
    );
    Ok(c.prepare_cached(sql)?.query_row([case], |r| r.get(0))?)
}

/// Attempts recorded on the case from `from` until `until` (none: until now), by the audit
/// log's `case.attempt` entries (an attempt entered by hand or a held session that counted).
pub(super) fn attempts_between(
    c: &Connection,
    case: i64,
    from: NaiveDateTime,
    until: Option<NaiveDateTime>,
) -> Result<u32> {
    let until = until.map(to_sql);
    Ok(c.prepare_cached(
        "SELECT count(*) FROM audit WHERE case_id = ?1 AND action = 'case.attempt'
             AND at >= ?2 AND (?3 IS NULL OR at < ?3)",
    )?
    .query_row(params![case, to_sql(from), until], |r| r.get(0))?)
}

/// Hand-overs awaiting `centre`'s sign-off (if this connection sees that centre), the oldest
/// reply deadline first, then the oldest sent.
pub(super) fn pending_for(c: &Connection, centre: i64, limit: i64) -> Result<Vec<TransferItem>> {
    let sql = format!(
        "SELECT k.case_no, k.summary, k.colour, {LINE_COLUMNS}
         FROM {LINE_FROM} JOIN cases k ON k.id = t.case_id
         WHERE t.to_centre = ?1 AND t.state = 'pending' AND t.to_centre {vis}
         ORDER BY t.reply_by IS NULL, t.reply_by, t.sent_at, t.id LIMIT ?2",
        vis = visible!()
    );
    let mut stmt = c.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![centre, limit], item)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A hand-over with its case's number, summary and colour (in that order, then `LINE_COLUMNS`).
fn item(r: &Row) -> rusqlite::Result<TransferItem> {
    Ok(TransferItem {
        case_no: r.get(0)?,
        summary: r.get(1)?,
        colour: code(r, 2, "cases")?,
        line: line_at(r, 3)?,
    })
}

/// Hand-overs `centre` sent (if this connection sees it) in state `state`, up the ladder or
/// not (`up`): pending ones soonest reply deadline first, the others newest first. One range
/// of `transfers_sent` per state.
pub(super) fn sent_from(
    c: &Connection,
    centre: i64,
    state: TransferState,
    up: bool,
    limit: i64,
) -> Result<Vec<TransferItem>> {
    let order = if state == TransferState::Pending {
        "t.reply_by IS NULL, t.reply_by, t.sent_at, t.id"
    } else {
        "t.sent_at DESC, t.id DESC"
    };
    let sql = format!(
        "SELECT k.case_no, k.summary, k.colour, {LINE_COLUMNS}
         FROM {LINE_FROM} JOIN cases k ON k.id = t.case_id
         WHERE t.from_centre = ?1 AND t.state = ?2 AND (t.kind = 'up') = ?3
           AND t.from_centre {vis}
         ORDER BY {order} LIMIT ?4",
        vis = visible!()
    );
    let mut stmt = c.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![centre, state, up, limit], item)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many hand-overs await `centre`'s sign-off (if this connection sees it): a range of
/// `transfers_intake`.
pub(super) fn awaiting(c: &Connection, centre: i64) -> Result<i64> {
    let sql = concat!(
        "SELECT count(*) FROM transfers WHERE to_centre = ?1 AND state = 'pending' AND to_centre ",
        visible!()
    );
    Ok(c.prepare_cached(sql)?.query_row([centre], |r| r.get(0))?)
}

/// Pending hand-overs past their reply deadline at `now`, per visible centre: addressed to it
/// (to sign or return) and sent by it (to chase: 催办).
pub(super) fn overdue(c: &Connection, now: NaiveDateTime) -> Result<Vec<OverdueAt>> {
    let sql = "SELECT v.id,
             (SELECT count(*) FROM transfers t WHERE t.to_centre = v.id AND t.state = 'pending'
                 AND t.reply_by < ?1),
             (SELECT count(*) FROM transfers t WHERE t.from_centre = v.id AND t.state = 'pending'
                 AND t.reply_by < ?1)
         FROM visible_centres v ORDER BY v.id";
    let mut stmt = c.prepare_cached(sql)?;
    let rows = stmt.query_map([to_sql(now)], |r| {
        Ok(OverdueAt {
            centre: r.get(0)?,
            incoming: r.get(1)?,
            outgoing: r.get(2)?,
        })
    })?;
    let all: Vec<OverdueAt> = rows.collect::<rusqlite::Result<_>>()?;
    Ok(all
        .into_iter()
        .filter(|o| o.incoming > 0 || o.outgoing > 0)
        .collect())
}

/// The centre that received the case and when.
pub(super) fn received(c: &Connection, case: i64) -> Result<(i64, NaiveDateTime)> {
    Ok(
        c.prepare_cached("SELECT received_centre_id, received_at FROM cases WHERE id = ?1")?
            .query_row([case], |r| Ok((r.get(0)?, time::read(r, 1, "cases")?)))?,
    )
}
