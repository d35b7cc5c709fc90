//! Scheduling follow-ups after an agreement, and adding, moving and cancelling one by hand.
use super::super::db::Db;
use super::super::time::{date_to_sql, to_sql};
use super::super::{Actor, Result, Store, StoreError, audit};
use super::queries::{self, NewFollowup};
use super::{FollowupCase, add, clean, load_followup};
use crate::domain::followup::{FollowupPlan, Kind};
use crate::domain::followup_rule as rule;
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::Transaction;

impl Store {
    /// Creates the follow-ups of an agreement reached on `agreed_on`, at the plan's offsets for
    /// the case's category, owned by the case's mediator. Runs inside the caller's transaction so
    /// whatever records an outcome (this file, the Cases pane) schedules them the same way.
    pub fn schedule_followups(
        tx: &Transaction,
        by: Actor,
        case_id: i64,
        agreed_on: NaiveDate,
        plan: &FollowupPlan,
        now: NaiveDateTime,
    ) -> Result<Vec<NaiveDate>> {
        let tx = Db::from(tx);
        let case = queries::case_by_id(tx, case_id)?;
        let at = to_sql(now);
        let dates = plan.due_dates(&case.category, agreed_on);
        for due in &dates {
            let f = NewFollowup {
                case_id,
                owner: case.owner_id,
                due: *due,
                kind: Kind::Agreement,
                attempt: 1,
                reason: "",
            };
            add(tx, by, &f, &at)?;
        }
        Ok(dates)
    }

    /// Records an agreement (达成协议) through the Cases pane's `record_outcome` (status, outcome
    /// row, audit), then schedules its follow-ups. Two transactions until `record_outcome` calls
    /// `schedule_followups` itself; the second only adds follow-ups, so nothing is half-changed.
    pub fn record_agreement(
        &mut self,
        by: Actor,
        case_id: i64,
        terms: &str,
        plan: &FollowupPlan,
        now: NaiveDateTime,
    ) -> Result<Vec<NaiveDate>> {
        let outcome = crate::store::Outcome::Agreement {
            terms: clean(terms),
            judicial: false,
        };
        self.record_outcome(by, case_id, &outcome, plan, now)
    }

    /// The latest agreement terms of a case, if an agreement was recorded.
    pub fn agreement_terms(&self, case_id: i64) -> Result<Option<String>> {
        super::super::centres::check_visible(self.db(), case_id)?;
        queries::agreement_terms(self.db(), case_id)
    }

    /// A visible case by its number, for adding a follow-up by hand.
    pub fn followup_case_by_no(&self, case_no: &str) -> Result<Option<FollowupCase>> {
        queries::case_by_no(self.db(), case_no.trim())
    }

    /// Adds one follow-up by hand. After an agreement: a lead or the case's mediator, with a
    /// reason. For a case answered at the desk (on the party's request): whoever asks owns it.
    pub fn add_followup(
        &mut self,
        by: Actor,
        case_id: i64,
        due: NaiveDate,
        reason: &str,
        now: NaiveDateTime,
    ) -> Result<i64> {
        let reason = clean(reason);
        self.write_db(|tx| {
            // SQLite-only still (centres/access.rs).
            super::super::centres::check_handles(tx, by, case_id)?;
            let case = queries::case_by_id(tx, case_id)?;
            let hand = rule::by_hand(case.status, by.role, by.staff_id, case.owner_id)?;
            if !hand.allowed {
                return Err(StoreError::Forbidden);
            }
            rule::check_added(hand.kind, &reason, due, now.date())?;
            let f = NewFollowup {
                case_id,
                owner: hand.owner,
                due,
                kind: hand.kind,
                attempt: 1,
                reason: &reason,
            };
            add(tx, by, &f, &to_sql(now))
        })
    }

    /// Moves a due follow-up to another day (with a reason).
    pub fn move_followup(
        &mut self,
        by: Actor,
        id: i64,
        due: NaiveDate,
        reason: &str,
        now: NaiveDateTime,
    ) -> Result<()> {
        let reason = clean(reason);
        self.write_db(|tx| {
            let cur = load_followup(tx, by, id)?;
            rule::check_reason(&reason)?;
            rule::check_due(due, now.date())?;
            let at = to_sql(now);
            queries::move_to(tx, id, due, &reason)?;
            audit::append(
                tx,
                audit::Entry {
                    at: &at,
                    staff_id: Some(by.staff_id),
                    case_id: Some(cur.case.id),
                    action: "followup.move",
                    field: "due_on",
                    old: &format!("#{id} {}", cur.due_on),
                    new: &format!("{} ({reason})", date_to_sql(due)),
                },
            )
        })
    }

    /// Cancels a due follow-up (with a reason).
    pub fn cancel_followup(
        &mut self,
        by: Actor,
        id: i64,
        reason: &str,
        now: NaiveDateTime,
    ) -> Result<()> {
        let reason = clean(reason);
        self.write_db(|tx| {
            let cur = load_followup(tx, by, id)?;
            rule::check_reason(&reason)?;
            let at = to_sql(now);
            queries::cancel(tx, id, &reason, &at, by.staff_id)?;
            audit::append(
                tx,
                audit::Entry {
                    at: &at,
                    staff_id: Some(by.staff_id),
                    case_id: Some(cur.case.id),
                    action: "followup.cancel",
                    field: "status",
                    old: &format!("#{id} {}", cur.status),
                    new: &format!("cancelled ({reason})"),
                },
            )
        })
    }
}
