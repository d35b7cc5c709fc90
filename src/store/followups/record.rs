//! Recording a follow-up's result and what it does to the case (retry, further check, reopen
//! on breach), closing a case whose agreement is fulfilled, and auditing views of numbers.
use super::super::db::Db;
use super::super::time::to_sql;
use super::super::{Actor, Result, Store, StoreError, audit};
use super::queries::{self, Done, NewFollowup};
use super::{FollowupCase, RecordOutcome, RecordResult, add, clean, load_followup, set_status};
use crate::domain::followup::{self, Consequence, Kind, colour_after_breach};
use crate::domain::followup_rule::{self as rule, FollowupRule};
use crate::domain::risk::{Colour, ResponseHours};
use crate::domain::role::Permission;
use crate::domain::status::Status;
use chrono::NaiveDateTime;

impl Store {
    /// Records the result of a follow-up and what it means for the case: a retry when nobody
    /// answered, a further check when partly carried out, the case reopened to its mediator
    /// (colour re-assessed) on a breach. Closing is a separate, lead-only step.
    pub fn record_followup(
        &mut self,
        by: Actor,
        id: i64,
        r: &RecordResult,
        hours: &ResponseHours,
        working_days: &[u8],
        now: NaiveDateTime,
    ) -> Result<RecordOutcome> {
        let reached = clean(&r.reached);
        let note = clean(&r.note);
        let work = self.work.clone();
        self.write_db(|tx| {
            // Role first (in load_followup), then the form.
            let cur = load_followup(tx, by, id)?;
            rule::check_result(r.performance, &reached, r.satisfaction)?;
            let case = &cur.case;
            let at = to_sql(now);
            let today = now.date();
            let done = Done {
                method: r.method,
                reached: &reached,
                performance: r.performance,
                satisfaction: r.satisfaction,
                note: &note,
            };
            queries::mark_done(tx, id, &done, &at, by.staff_id)?;
            let what = format!(
                "#{id} {} {} {}",
                r.performance.code(),
                r.method.code(),
                r.satisfaction.map(|s| s.to_string()).unwrap_or_default()
            );
            audit::event(
                tx,
                &at,
                Some(by.staff_id),
                Some(case.id),
                "followup.record",
                what.trim(),
            )?;
            let pending = queries::any_due(tx, case.id)?;
            let consequence = followup::consequence(r.performance, today, pending, working_days);
            let next = |due, kind, attempt| NewFollowup {
                case_id: case.id,
                owner: cur.owner,
                due,
                kind,
                attempt,
                reason: "",
            };
            let mut reopened = None;
            match consequence {
                Consequence::Retry(due) => {
                    add(tx, by, &next(due, Kind::Retry, cur.attempt + 1), &at)?;
                }
                Consequence::CheckAgain(due) => {
                    add(tx, by, &next(due, Kind::Partly, 1), &at)?;
                }
                Consequence::Reopen => reopened = Some(reopen(tx, by, case, &work, hours, now)?),
                Consequence::None | Consequence::OfferClose => {}
            }
            if reopened.is_none()
                && matches!(case.status, Status::Agreement | Status::AnsweredAtDesk)
            {
                set_status(tx, by, case, Status::FollowUp, &at)?;
            }
            Ok(RecordOutcome {
                case_id: case.id,
                case_no: case.case_no.clone(),
                consequence,
                reopened,
            })
        })
    }

    /// Closes a case whose follow-ups are all done (有理必果 → closed). Leads only.
    pub fn close_after_followups(
        &mut self,
        by: Actor,
        case_id: i64,
        now: NaiveDateTime,
    ) -> Result<()> {
        if !by.role.may(Permission::Close) {
            return Err(StoreError::Forbidden);
        }
        super::super::centres::check_handles(self.db(), by, case_id)?;
        if queries::any_due(self.db(), case_id)? {
            return Err(FollowupRule::Pending.into());
        }
        // The Cases pane's close: status machine, closed_at, audit.
        self.close_case(by, case_id, now)
    }

    /// Notes in the audit log that full personal numbers were shown (e.g. a printed call list).
    pub fn log_number_view(
        &mut self,
        by: Actor,
        what: &str,
        rows: usize,
        now: NaiveDateTime,
    ) -> Result<()> {
        self.write_db(|tx| {
            audit::event(
                tx,
                &to_sql(now),
                Some(by.staff_id),
                None,
                "numbers.view",
                &format!("{what} {rows}"),
            )
        })
    }
}

/// Back to active work: Assigned to the same mediator (Registered when nobody owns it), other
/// due follow-ups cancelled, colour at least yellow (orange after an earlier breach), new deadline.
fn reopen(
    tx: Db,
    by: Actor,
    case: &FollowupCase,
    work: &crate::domain::slots::WorkTime,
    hours: &ResponseHours,
    now: NaiveDateTime,
) -> Result<(Status, Colour)> {
    let at = to_sql(now);
    let earlier = queries::breaches(tx, case.id)?;
    // This follow-up is already marked breached; earlier ones are the rest.
    let colour = colour_after_breach(case.colour, earlier.saturating_sub(1));
    queries::cancel_due_on_breach(tx, case.id, &at, by.staff_id)?;
    let to = rule::reopened_status(case.status, case.owner_id);
    if to != case.status {
        set_status(tx, by, case, to, &at)?;
        audit::event(
            tx,
            &at,
            Some(by.staff_id),
            Some(case.id),
            "case.reopen",
            "followup.breached",
        )?;
    }
    // The handling centre's working time counts the new deadline.
    // Both SQLite-only still (centres/mod.rs, cases/deadlines.rs).
    let centre = super::super::centres::handling_centre(tx, case.id)?;
    let deadline =
        super::super::cases::response_deadline(tx, work, centre, hours, colour, now)?.map(to_sql);
    queries::reassess(tx, case.id, colour, deadline.as_deref(), &at)?;
    if colour != case.colour {
        audit::append(
            tx,
            audit::Entry {
                at: &at,
                staff_id: Some(by.staff_id),
                case_id: Some(case.id),
                action: "case.colour",
                field: "colour",
                old: case.colour.code(),
                new: &format!("{} (followup.breached)", colour.code()),
            },
        )?;
    }
    Ok((to, colour))
}
