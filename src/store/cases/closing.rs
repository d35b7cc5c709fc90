//! The end of a case's road: outcome, close, reopen, and a referral sent back. Same rules as
//! case_actions.rs: role and status machine checked here, every change audited.
use super::super::centres::check_handles;
use super::state::{log, required, set_status, state, transition};
use super::time::to_sql;
use super::waiting::resume;
use super::{Actor, Result, Store, StoreError, audit, queries};
use crate::domain::case_rule::CaseRule;
use crate::domain::risk::ResponseHours;
use crate::domain::role::Permission;
use crate::domain::status::Status;
use chrono::{NaiveDate, NaiveDateTime};

/// The result of mediation as recorded (有理必果).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Agreement { terms: String, judicial: bool },
    NoAgreement { reason: String },
    Referred { to: String, reply_due: NaiveDate },
    Withdrawn { reason: String },
}

impl Outcome {
    pub fn status(&self) -> Status {
        match self {
            Outcome::Agreement { .. } => Status::Agreement,
            Outcome::NoAgreement { .. } => Status::NoAgreement,
            Outcome::Referred { .. } => Status::ReferredOut,
            Outcome::Withdrawn { .. } => Status::Withdrawn,
        }
    }
}

impl Store {
    /// Records the outcome: agreement (terms, judicial confirmation), no agreement, referred out
    /// (to whom, reply deadline) or withdrawn. The case leaves the active queues.
    /// An agreement also schedules its follow-up visits (`plan`), in the same transaction, and
    /// returns their due dates; other outcomes return none.
    pub fn record_outcome(
        &mut self,
        by: Actor,
        id: i64,
        o: &Outcome,
        plan: &crate::domain::followup::FollowupPlan,
        now: NaiveDateTime,
    ) -> Result<Vec<chrono::NaiveDate>> {
        let (terms, judicial, referred_to, reply_due) = match o {
            Outcome::Agreement { terms, judicial } => (
                required(terms, CaseRule::TermsEmpty)?,
                *judicial,
                String::new(),
                None,
            ),
            Outcome::NoAgreement { reason } | Outcome::Withdrawn { reason } => {
                (reason.trim().to_string(), false, String::new(), None)
            }
            Outcome::Referred { to, reply_due } => (
                String::new(),
                false,
                required(to, CaseRule::ReferredEmpty)?,
                Some(reply_due.format("%Y-%m-%d").to_string()),
            ),
        };
        self.write(|tx| {
            check_handles(tx, by, id)?;
            let s = state(tx, id)?;
            if !by.role.may_work(by.staff_id, s.owner) {
                return Err(StoreError::Forbidden);
            }
            resume(tx, &to_sql(now), by, id, now)?;
            let to = o.status();
            transition(s.status, to)?;
            let at = to_sql(now);
            queries::insert_outcome(
                tx,
                &queries::OutcomeInsert {
                    case_id: id,
                    at: &at,
                    staff_id: by.staff_id,
                    kind: to,
                    terms: &terms,
                    judicial,
                    referred_to: &referred_to,
                    reply_due: reply_due.as_deref(),
                },
            )?;
            set_status(tx, &at, by, id, s.status, to)?;
            let detail = match o {
                Outcome::Agreement { .. } => {
                    format!("{terms}{}", if judicial { " [judicial]" } else { "" })
                }
                Outcome::Referred { .. } => {
                    format!("{referred_to} → {}", reply_due.as_deref().unwrap_or(""))
                }
                _ => terms.clone(),
            };
            log(
                tx,
                &at,
                by,
                id,
                "case.outcome",
                "outcome",
                "",
                &format!("{}: {detail}", to.code()),
            )?;
            match o {
                Outcome::Agreement { .. } => {
                    Store::schedule_followups(tx, by, id, now.date(), plan, now)
                }
                _ => Ok(Vec::new()),
            }
        })
    }

    /// Closes a case that has an outcome (a lead's decision; irreversible but for reopen).
    pub fn close_case(&mut self, by: Actor, id: i64, now: NaiveDateTime) -> Result<()> {
        if !by.role.may(Permission::Close) {
            return Err(StoreError::Forbidden);
        }
        self.write(|tx| {
            check_handles(tx, by, id)?;
            let s = state(tx, id)?;
            transition(s.status, Status::Closed)?;
            let at = to_sql(now);
            queries::set_closed_at(tx, id, &at)?;
            set_status(tx, &at, by, id, s.status, Status::Closed)
        })
    }

    /// Back to active work, with a reason; the clock restarts from now with the colour's
    /// response time, so a reopened case never shows up instantly overdue.
    pub fn reopen_case(
        &mut self,
        by: Actor,
        id: i64,
        reason: &str,
        hours: &ResponseHours,
        now: NaiveDateTime,
    ) -> Result<Status> {
        if !by.role.may(Permission::Reopen) {
            return Err(StoreError::Forbidden);
        }
        let reason = required(reason, CaseRule::NoReason)?;
        let work = self.work.clone();
        self.write(|tx| {
            check_handles(tx, by, id)?;
            let s = state(tx, id)?;
            if s.status.is_active() {
                return Err(StoreError::Case(CaseRule::AlreadyOpen));
            }
            super::merges::not_merged(tx, id)?;
            let (to, at) = back_to_work(tx, &work, hours, by, id, &s, now)?;
            audit::event(tx, &at, Some(by.staff_id), Some(id), "case.reopen", &reason)?;
            Ok(to)
        })
    }
    /// A referral sent back by the receiving body (退单): the case returns to its owner's
    /// queue (or the unassigned queue) with the reason, and a fresh response deadline. The
    /// owner, a clerk (who receives the returned papers) or a lead may record it.
    pub fn return_referral(
        &mut self,
        by: Actor,
        id: i64,
        reason: &str,
        hours: &ResponseHours,
        now: NaiveDateTime,
    ) -> Result<Status> {
        let reason = required(reason, CaseRule::NoReason)?;
        let work = self.work.clone();
        self.write(|tx| {
            check_handles(tx, by, id)?;
            let s = state(tx, id)?;
            if !(by.role.may_work(by.staff_id, s.owner) || by.role.may(Permission::Route)) {
                return Err(StoreError::Forbidden);
            }
            if s.status != Status::ReferredOut {
                return Err(StoreError::Case(CaseRule::NotReferred));
            }
            let (to, at) = back_to_work(tx, &work, hours, by, id, &s, now)?;
            audit::event(
                tx,
                &at,
                Some(by.staff_id),
                Some(id),
                "case.referral_back",
                &reason,
            )?;
            Ok(to)
        })
    }
}

/// A case back in the desk's hands (reopened, or a referral sent back): assigned if it has an
/// owner, else registered, open again, with a fresh response deadline from now — never instantly
/// overdue. Returns the new status and the time written.
fn back_to_work(
    tx: &rusqlite::Transaction,
    work: &crate::domain::slots::WorkTime,
    hours: &ResponseHours,
    by: Actor,
    id: i64,
    s: &super::state::State,
    now: NaiveDateTime,
) -> Result<(Status, String)> {
    let to = if s.owner.is_some() {
        Status::Assigned
    } else {
        Status::Registered
    };
    transition(s.status, to)?;
    let at = to_sql(now);
    let deadline =
        super::deadlines::response(tx, work, s.centre, hours, s.colour, now)?.map(to_sql);
    // Status first: the schema refuses a closed case without its closing time.
    set_status(tx, &at, by, id, s.status, to)?;
    queries::reopen(tx, id, deadline.as_deref())?;
    Ok((to, at))
}
