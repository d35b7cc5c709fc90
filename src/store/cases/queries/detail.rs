//! What the case detail reads when a case is opened: its facts, parties (numbers masked),
//! sessions, follow-ups, timeline (merged-in cases included) and latest outcome; and the
//! full numbers a reveal shows. One text for both engines (store/db).
use super::super::super::Result;
use super::super::super::convert::Flags;
use super::super::super::db::Db;
use super::super::detail::{
    AuditLine, CaseDetail, FollowupLine, OutcomeRecord, PartyLine, Revealed, SessionLine,
};
use super::super::list::CaseRow;
use crate::domain::mask::{mask_id, mask_phone};

/// An attempts counter (never negative: the ladder's checks keep it within 0..=3).
fn attempts(v: i64) -> u32 {
    u32::try_from(v).unwrap_or(0)
}

/// The case's own facts around its list row; the lists (parties, timeline…) left empty.
pub(crate) fn facts<'c>(db: impl Into<Db<'c>>, row: CaseRow) -> Result<CaseDetail> {
    let sql = "SELECT channel, colour_computed, colour_flags, colour_reason, summary, description,
                amount_yuan, people, attempts_village, attempts_township, attempts_county
             FROM cases WHERE id = ?1";
    db.into().query_row(sql, &[&row.id], |r| {
        const T: &str = "cases";
        let flags: Flags = r.get(2, T)?;
        Ok(CaseDetail {
            term_end: row.received_at,
            row: row.clone(),
            channel: r.get(0, T)?,
            colour_computed: r.get(1, T)?,
            flags: flags.0,
            colour_reason: r.get(3, T)?,
            summary: r.get(4, T)?,
            description: r.get(5, T)?,
            amount_yuan: r.get(6, T)?,
            people: r.get(7, T)?,
            attempts: [
                attempts(r.get(8, T)?),
                attempts(r.get(9, T)?),
                attempts(r.get(10, T)?),
            ],
            parties: Vec::new(),
            sessions: Vec::new(),
            followups: Vec::new(),
            timeline: Vec::new(),
            outcome: None,
        })
    })
}

pub(crate) fn parties<'c>(db: impl Into<Db<'c>>, id: i64) -> Result<Vec<PartyLine>> {
    let sql = "SELECT p.id, cp.role, p.name, p.phone, p.id_number, p.language, p.needs_interpreter
             FROM case_parties cp JOIN parties p ON p.id = cp.party_id
             WHERE cp.case_id = ?1 ORDER BY cp.role, p.id";
    db.into().query_map(sql, &[&id], |r| {
        const T: &str = "case_parties";
        Ok(PartyLine {
            party_id: r.get(0, T)?,
            role: r.get(1, T)?,
            name: r.get(2, T)?,
            phone: r.get::<Option<String>>(3, T)?.as_deref().map(mask_phone),
            id_number: r.get::<Option<String>>(4, T)?.as_deref().map(mask_id),
            language: r.get(5, T)?,
            needs_interpreter: r.get::<i64>(6, T)? != 0,
        })
    })
}

pub(crate) fn sessions<'c>(db: impl Into<Db<'c>>, id: i64) -> Result<Vec<SessionLine>> {
    let sql = "SELECT s.starts_at, ifnull(m.name, ''), s.level, s.status, s.result
             FROM sessions s LEFT JOIN staff m ON m.id = s.mediator_id
             WHERE s.case_id = ?1 ORDER BY s.starts_at";
    db.into().query_map(sql, &[&id], |r| {
        const T: &str = "sessions";
        Ok(SessionLine {
            starts_at: r.get(0, T)?,
            mediator: r.get(1, T)?,
            level: r.get(2, T)?,
            status: r.get(3, T)?,
            result: r.get(4, T)?,
        })
    })
}

pub(crate) fn followups<'c>(db: impl Into<Db<'c>>, id: i64) -> Result<Vec<FollowupLine>> {
    let sql = "SELECT due_on, status, ifnull(performance, '') FROM followups
             WHERE case_id = ?1 ORDER BY due_on";
    db.into().query_map(sql, &[&id], |r| {
        const T: &str = "followups";
        Ok(FollowupLine {
            due_on: r.get(0, T)?,
            status: r.get(1, T)?,
            performance: r.get(2, T)?,
        })
    })
}

/// The case's latest `max` events, oldest first, with those of the cases merged into it.
pub(crate) fn timeline<'c>(db: impl Into<Db<'c>>, id: i64, max: i64) -> Result<Vec<AuditLine>> {
    let sql =
        "SELECT * FROM (SELECT a.id, a.at, ifnull(s.name, ''), a.action, a.field, a.old, a.new,
                    CASE WHEN a.case_id = ?1 THEN '' ELSE
                        (SELECT case_no FROM cases WHERE id = a.case_id) END
                FROM audit a LEFT JOIN staff s ON s.id = a.staff_id
                WHERE a.case_id IN (SELECT CAST(?1 AS BIGINT) UNION ALL
                                    SELECT id FROM cases WHERE merged_into = ?1)
                ORDER BY a.id DESC LIMIT ?2) AS latest ORDER BY 1";
    db.into().query_map(sql, &[&id, &max], |r| {
        const T: &str = "audit";
        Ok(AuditLine {
            at: r.get(1, T)?,
            staff: r.get(2, T)?,
            action: r.get(3, T)?,
            field: r.get(4, T)?,
            old: r.get(5, T)?,
            new: r.get(6, T)?,
            from_case: r.get(7, T)?,
        })
    })
}

pub(crate) fn latest_outcome<'c>(db: impl Into<Db<'c>>, id: i64) -> Result<Option<OutcomeRecord>> {
    let sql = "SELECT at, kind, terms, judicial, referred_to, reply_due FROM case_outcomes
             WHERE case_id = ?1 ORDER BY id DESC LIMIT 1";
    db.into().query_opt(sql, &[&id], |r| {
        const T: &str = "case_outcomes";
        Ok(OutcomeRecord {
            at: r.get(0, T)?,
            kind: r.get(1, T)?,
            terms: r.get(2, T)?,
            judicial: r.get::<i64>(3, T)? != 0,
            referred_to: r.get(4, T)?,
            reply_due: r.get(5, T)?,
        })
    })
}

/// Full phone and ID numbers of a case's parties.
pub(crate) fn numbers<'c>(db: impl Into<Db<'c>>, case_id: i64) -> Result<Vec<Revealed>> {
    let sql = "SELECT p.id, p.phone, p.id_number FROM case_parties cp
                 JOIN parties p ON p.id = cp.party_id
                 WHERE cp.case_id = ?1 ORDER BY cp.role, p.id";
    db.into().query_map(sql, &[&case_id], |r| {
        Ok(Revealed {
            party_id: r.get(0, "parties")?,
            phone: r.get(1, "parties")?,
            id_number: r.get(2, "parties")?,
        })
    })
}

/// The case's owner (`Some(None)` when unassigned), or None when there is no such case.
pub(crate) fn owner<'c>(db: impl Into<Db<'c>>, case_id: i64) -> Result<Option<Option<i64>>> {
    db.into().query_opt(
        "SELECT owner_id FROM cases WHERE id = ?1",
        &[&case_id],
        |r| r.get(0, "cases"),
    )
}
