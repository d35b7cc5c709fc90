//! What the case detail reads when a case is opened: its facts, parties (numbers masked),
//! sessions, follow-ups, timeline (merged-in cases included) and latest outcome; and the
//! full numbers a reveal shows.
use super::super::super::Result;
use super::super::super::convert::{Flags, code};
use super::super::detail::{
    AuditLine, CaseDetail, FollowupLine, OutcomeRecord, PartyLine, Revealed, SessionLine,
};
use super::super::list::CaseRow;
use super::{all, first};
use crate::domain::mask::{mask_id, mask_phone};
use rusqlite::{Connection, params};

/// The case's own facts around its list row; the lists (parties, timeline…) left empty.
pub(crate) fn facts(c: &Connection, row: CaseRow) -> Result<CaseDetail> {
    let sql = "SELECT channel, colour_computed, colour_flags, colour_reason, summary, description,
                amount_yuan, people, attempts_village, attempts_township, attempts_county
             FROM cases WHERE id = ?1";
    Ok(c.query_row(sql, [row.id], |r| {
        let flags: Flags = code(r, 2, "cases")?;
        Ok(CaseDetail {
            term_end: row.received_at,
            row: row.clone(),
            channel: r.get(0)?,
            colour_computed: code(r, 1, "cases")?,
            flags: flags.0,
            colour_reason: r.get(3)?,
            summary: r.get(4)?,
            description: r.get(5)?,
            amount_yuan: r.get(6)?,
            people: r.get(7)?,
            attempts: [r.get(8)?, r.get(9)?, r.get(10)?],
            parties: Vec::new(),
            sessions: Vec::new(),
            followups: Vec::new(),
            timeline: Vec::new(),
            outcome: None,
        })
    })?)
}

pub(crate) fn parties(c: &Connection, id: i64) -> Result<Vec<PartyLine>> {
    let sql = "SELECT p.id, cp.role, p.name, p.phone, p.id_number, p.language, p.needs_interpreter
             FROM case_parties cp JOIN parties p ON p.id = cp.party_id
             WHERE cp.case_id = ?1 ORDER BY cp.role, p.id";
    all(c, sql, [id], |r| {
        Ok(PartyLine {
            party_id: r.get(0)?,
            role: code(r, 1, "case_parties")?,
            name: r.get(2)?,
            phone: r.get::<_, Option<String>>(3)?.as_deref().map(mask_phone),
            id_number: r.get::<_, Option<String>>(4)?.as_deref().map(mask_id),
            language: r.get(5)?,
            needs_interpreter: r.get(6)?,
        })
    })
}

pub(crate) fn sessions(c: &Connection, id: i64) -> Result<Vec<SessionLine>> {
    let sql = "SELECT s.starts_at, ifnull(m.name, ''), s.level, s.status, s.result
             FROM sessions s LEFT JOIN staff m ON m.id = s.mediator_id
             WHERE s.case_id = ?1 ORDER BY s.starts_at";
    all(c, sql, [id], |r| {
        Ok(SessionLine {
            starts_at: r.get(0)?,
            mediator: r.get(1)?,
            level: r.get(2)?,
            status: r.get(3)?,
            result: r.get(4)?,
        })
    })
}

pub(crate) fn followups(c: &Connection, id: i64) -> Result<Vec<FollowupLine>> {
    let sql = "SELECT due_on, status, ifnull(performance, '') FROM followups
             WHERE case_id = ?1 ORDER BY due_on";
    all(c, sql, [id], |r| {
        Ok(FollowupLine {
            due_on: r.get(0)?,
            status: r.get(1)?,
            performance: r.get(2)?,
        })
    })
}

/// The case's latest `max` events, oldest first, with those of the cases merged into it.
pub(crate) fn timeline(c: &Connection, id: i64, max: i64) -> Result<Vec<AuditLine>> {
    let sql =
        "SELECT * FROM (SELECT a.id, a.at, ifnull(s.name, ''), a.action, a.field, a.old, a.new,
                    CASE WHEN a.case_id = ?1 THEN '' ELSE
                        (SELECT case_no FROM cases WHERE id = a.case_id) END
                FROM audit a LEFT JOIN staff s ON s.id = a.staff_id
                WHERE a.case_id IN (SELECT ?1 UNION ALL SELECT id FROM cases WHERE merged_into = ?1)
                ORDER BY a.id DESC LIMIT ?2) ORDER BY 1";
    all(c, sql, params![id, max], |r| {
        Ok(AuditLine {
            at: r.get(1)?,
            staff: r.get(2)?,
            action: r.get(3)?,
            field: r.get(4)?,
            old: r.get(5)?,
            new: r.get(6)?,
            from_case: r.get(7)?,
        })
    })
}

pub(crate) fn latest_outcome(c: &Connection, id: i64) -> Result<Option<OutcomeRecord>> {
    let sql = "SELECT at, kind, terms, judicial, referred_to, reply_due FROM case_outcomes
             WHERE case_id = ?1 ORDER BY id DESC LIMIT 1";
    let mut stmt = c.prepare_cached(sql)?;
    let mut rows = stmt.query_map([id], |r| {
        Ok(OutcomeRecord {
            at: r.get(0)?,
            kind: r.get(1)?,
            terms: r.get(2)?,
            judicial: r.get(3)?,
            referred_to: r.get(4)?,
            reply_due: r.get(5)?,
        })
    })?;
    Ok(rows.next().transpose()?)
}

/// Full phone and ID numbers of a case's parties (prepared afresh: reveals are rare).
pub(crate) fn numbers(c: &Connection, case_id: i64) -> Result<Vec<Revealed>> {
    let mut stmt = c.prepare(
        "SELECT p.id, p.phone, p.id_number FROM case_parties cp JOIN parties p ON p.id = cp.party_id
                 WHERE cp.case_id = ?1 ORDER BY cp.role, p.id",
    )?;
    let rows = stmt.query_map([case_id], |r| {
        Ok(Revealed {
            party_id: r.get(0)?,
            phone: r.get(1)?,
            id_number: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The case's owner (`Some(None)` when unassigned), or None when there is no such case.
pub(crate) fn owner(c: &Connection, case_id: i64) -> Result<Option<Option<i64>>> {
    first(
        c,
        "SELECT owner_id FROM cases WHERE id = ?1",
        [case_id],
        |r| r.get(0),
    )
}
