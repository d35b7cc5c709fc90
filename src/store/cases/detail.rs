//! Everything the case detail shows, read in one go when a case is opened (never per frame).
//! Numbers come masked; full numbers only through `reveal_numbers`, which checks and audits.
use super::list::CaseRow;
use super::{Actor, Result, Store, StoreError, audit, queries};
use crate::domain::ladder::{Ladder, Level};
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
        let mut d = queries::facts(self.db(), row)?;
        d.parties = queries::parties(self.db(), id)?;
        d.sessions = queries::sessions(self.db(), id)?;
        d.followups = queries::followups(self.db(), id)?;
        // Cases merged into this one bring their whole history along.
        d.timeline = queries::timeline(self.db(), id, TIMELINE_MAX)?;
        self.name_owners(&mut d.timeline)?;
        d.outcome = queries::latest_outcome(self.db(), id)?;
        // The latest extension (case_term.rs) if any, else the standard term from intake.
        let extended = d
            .timeline
            .iter()
            .rev()
            .find(|a| a.action == "case.extend")
            .and_then(|a| super::time::from_sql(&a.new));
        d.term_end = match extended {
            Some(t) => t,
            None => self.mediation_term(d.row.centre_id, d.row.received_at)?,
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
        self.write_db(|tx| {
            // Whoever reads the case (a lead above, the centre that sent it on) may, by role.
            // (The centres' checks are SQLite's still: NotOnThisEngine on PostgreSQL.)
            if !super::super::centres::sees(tx, by, case_id)? {
                return Err(StoreError::NotFound);
            }
            let owner = queries::owner(tx, case_id)?.ok_or(StoreError::NotFound)?;
            if !by.role.may_see_numbers(by.staff_id, owner) {
                return Err(StoreError::Forbidden);
            }
            let out = queries::numbers(tx, case_id)?;
            let at = super::time::to_sql(now);
            audit::event(
                tx,
                &at,
                Some(by.staff_id),
                Some(case_id),
                "case.reveal",
                "numbers",
            )?;
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
