//! Everything the case detail shows, read in one go when a case is opened (never per frame).
//! Numbers come masked; full numbers only through `reveal_numbers`, which checks and audits.
use super::convert::{Flags, code};
use super::list::CaseRow;
use super::{Actor, Result, Store, StoreError, audit};
use crate::domain::ladder::{Ladder, Level};
use crate::domain::mask::{mask_id, mask_phone};
use crate::domain::party::PartyRole;
use crate::domain::risk::{Colour, RiskFlag};
use chrono::NaiveDateTime;

/// People's mediation is normally settled within 30 days.
pub const MEDIATION_TERM_DAYS: i64 = 30;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyLine {
    pub party_id: i64,
    pub role: PartyRole,
    pub name: String,
    pub phone: Option<String>,
    pub id_number: Option<String>,
    pub language: String,
    pub needs_interpreter: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revealed {
    pub party_id: i64,
    pub phone: Option<String>,
    pub id_number: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionLine {
    pub starts_at: String,
    pub mediator: String,
    pub level: String,
    pub status: String,
    pub result: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowupLine {
    pub due_on: String,
    pub status: String,
    pub performance: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditLine {
    pub at: String,
    pub staff: String,
    pub action: String,
    pub field: String,
    pub old: String,
    pub new: String,
    /// The number of the merged-in case this event happened to; empty for the case itself.
    pub from_case: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeRecord {
    pub at: String,
    pub kind: String,
    pub terms: String,
    pub judicial: bool,
    pub referred_to: String,
    pub reply_due: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseDetail {
    pub row: CaseRow,
    pub channel: String,
    pub colour_computed: Colour,
    pub flags: Vec<RiskFlag>,
    pub colour_reason: String,
    pub summary: String,
    pub description: String,
    pub amount_yuan: Option<i64>,
    pub people: i64,
    pub attempts: [u32; 3],
    pub parties: Vec<PartyLine>,
    pub sessions: Vec<SessionLine>,
    pub followups: Vec<FollowupLine>,
    pub timeline: Vec<AuditLine>,
    pub outcome: Option<OutcomeRecord>,
    /// End of the mediation term, decided by the store.
    pub term_end: NaiveDateTime,
}

impl CaseDetail {
    pub fn ladder(&self) -> Ladder {
        Ladder {
            level: self.row.level,
            attempts: self.attempts,
        }
    }

    /// End of the 30-day mediation term (in working time: see store/deadlines.rs).
    pub fn term_ends(&self) -> NaiveDateTime {
        self.term_end
    }
}

/// The most recent events a detail shows (a case rarely has more).
const TIMELINE_MAX: i64 = 1000;

impl Store {
    pub fn case_detail(&self, id: i64) -> Result<CaseDetail> {
        let row = self.case_rows(&[id])?.pop().ok_or(StoreError::NotFound)?;
        let mut d = self.conn.query_row(
            "SELECT channel, colour_computed, colour_flags, colour_reason, summary, description,
                amount_yuan, people, attempts_village, attempts_township, attempts_county
             FROM cases WHERE id = ?1",
            [id],
            |r| {
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
            },
        )?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, cp.role, p.name, p.phone, p.id_number, p.language, p.needs_interpreter
             FROM case_parties cp JOIN parties p ON p.id = cp.party_id
             WHERE cp.case_id = ?1 ORDER BY cp.role, p.id",
        )?;
        d.parties = stmt
            .query_map([id], |r| {
                Ok(PartyLine {
                    party_id: r.get(0)?,
                    role: code(r, 1, "case_parties")?,
                    name: r.get(2)?,
                    phone: r.get::<_, Option<String>>(3)?.as_deref().map(mask_phone),
                    id_number: r.get::<_, Option<String>>(4)?.as_deref().map(mask_id),
                    language: r.get(5)?,
                    needs_interpreter: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.starts_at, ifnull(m.name, ''), s.level, s.status, s.result
             FROM sessions s LEFT JOIN staff m ON m.id = s.mediator_id
             WHERE s.case_id = ?1 ORDER BY s.starts_at",
        )?;
        d.sessions = stmt
            .query_map([id], |r| {
                Ok(SessionLine {
                    starts_at: r.get(0)?,
                    mediator: r.get(1)?,
                    level: r.get(2)?,
                    status: r.get(3)?,
                    result: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT due_on, status, ifnull(performance, '') FROM followups
             WHERE case_id = ?1 ORDER BY due_on",
        )?;
        d.followups = stmt
            .query_map([id], |r| {
                Ok(FollowupLine {
                    due_on: r.get(0)?,
                    status: r.get(1)?,
                    performance: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        // Cases merged into this one bring their whole history along.
        let mut stmt = self.conn.prepare_cached(
            "SELECT * FROM (SELECT a.id, a.at, ifnull(s.name, ''), a.action, a.field, a.old, a.new,
                    CASE WHEN a.case_id = ?1 THEN '' ELSE
                        (SELECT case_no FROM cases WHERE id = a.case_id) END
                FROM audit a LEFT JOIN staff s ON s.id = a.staff_id
                WHERE a.case_id IN (SELECT ?1 UNION ALL SELECT id FROM cases WHERE merged_into = ?1)
                ORDER BY a.id DESC LIMIT ?2) ORDER BY 1",
        )?;
        d.timeline = stmt
            .query_map(rusqlite::params![id, TIMELINE_MAX], |r| {
                Ok(AuditLine {
                    at: r.get(1)?,
                    staff: r.get(2)?,
                    action: r.get(3)?,
                    field: r.get(4)?,
                    old: r.get(5)?,
                    new: r.get(6)?,
                    from_case: r.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        self.name_owners(&mut d.timeline)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT at, kind, terms, judicial, referred_to, reply_due FROM case_outcomes
             WHERE case_id = ?1 ORDER BY id DESC LIMIT 1",
        )?;
        d.outcome = stmt
            .query_map([id], |r| {
                Ok(OutcomeRecord {
                    at: r.get(0)?,
                    kind: r.get(1)?,
                    terms: r.get(2)?,
                    judicial: r.get(3)?,
                    referred_to: r.get(4)?,
                    reply_due: r.get(5)?,
                })
            })?
            .next()
            .transpose()?;
        // The latest extension (case_term.rs) if any, else the standard term from intake.
        let extended = d
            .timeline
            .iter()
            .rev()
            .find(|a| a.action == "case.extend")
            .and_then(|a| super::time::from_sql(&a.new));
        d.term_end = match extended {
            Some(t) => t,
            None => self.mediation_term(d.row.received_at)?,
        };
        Ok(d)
    }

    /// Assignments are logged by staff id ("6", "7 (reason)"); people read names.
    fn name_owners(&self, timeline: &mut [AuditLine]) -> Result<()> {
        if !timeline.iter().any(|a| a.action == "case.assign") {
            return Ok(());
        }
        let names: std::collections::HashMap<String, String> = self
            .list_staff()?
            .into_iter()
            .map(|s| (s.id.to_string(), s.name))
            .collect();
        let name = |v: &str| match v.split_once(' ') {
            Some((id, rest)) => names.get(id).map(|n| format!("{n} {rest}")),
            None => names.get(v).cloned(),
        };
        for a in timeline.iter_mut().filter(|a| a.action == "case.assign") {
            if let Some(n) = name(&a.old) {
                a.old = n;
            }
            if let Some(n) = name(&a.new) {
                a.new = n;
            }
        }
        Ok(())
    }

    /// Full phone and ID numbers of a case's parties, for a role that may see them; every
    /// reveal is written to the audit log.
    pub fn reveal_numbers(
        &mut self,
        by: Actor,
        case_id: i64,
        now: NaiveDateTime,
    ) -> Result<Vec<Revealed>> {
        self.write(|tx| {
            let owner: Option<i64> =
                tx.query_row("SELECT owner_id FROM cases WHERE id = ?1", [case_id], |r| r.get(0))?;
            if !by.role.may_see_numbers(by.staff_id, owner) {
                return Err(StoreError::Forbidden);
            }
            let mut stmt = tx.prepare(
                "SELECT p.id, p.phone, p.id_number FROM case_parties cp JOIN parties p ON p.id = cp.party_id
                 WHERE cp.case_id = ?1 ORDER BY cp.role, p.id",
            )?;
            let out: Vec<Revealed> = stmt
                .query_map([case_id], |r| {
                    Ok(Revealed {
                        party_id: r.get(0)?,
                        phone: r.get(1)?,
                        id_number: r.get(2)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            let at = super::time::to_sql(now);
            audit::event(tx, &at, Some(by.staff_id), Some(case_id), "case.reveal", "numbers")?;
            Ok(out)
        })
    }
}

impl Level {
    /// Attempts at this level out of the ladder's allowance, e.g. "2/3".
    pub fn attempts_label(self, ladder: &Ladder) -> String {
        format!("{}/{}", ladder.attempts_at(self), self.max_attempts())
    }
}
