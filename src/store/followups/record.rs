//! Recording a follow-up's result and what it does to the case (retry, further check, reopen
//! on breach), closing a case whose agreement is fulfilled, and auditing views of numbers.
use super::super::time::to_sql;
use super::super::{Actor, Result, Store, StoreError, audit};
use super::FollowupCase;
use super::{Kind, RecordOutcome, RecordResult, clean, insert, load_followup, set_status};
use crate::domain::followup::{self, Consequence, Performance, colour_after_breach};
use crate::domain::risk::{Colour, ResponseHours};
use crate::domain::role::Permission;
use crate::domain::status::Status;
use chrono::NaiveDateTime;
use rusqlite::{Transaction, params};

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
        self.write(|tx| {
            // Role first (in load_followup), then the form.
            let cur = load_followup(tx, by, id)?;
            if r.performance != Performance::Unreachable && reached.is_empty() {
                return Err(StoreError::Rule("err.followup.reached"));
            }
            if r.satisfaction.is_some_and(|s| !(1..=5).contains(&s)) {
                return Err(StoreError::Rule("err.followup.satisfaction"));
            }
            let case = &cur.case;
            let at = to_sql(now);
            let today = now.date();
            tx.execute(
                "UPDATE followups SET status = 'done', method = ?1, reached = ?2, performance = ?3,
                    satisfaction = ?4, note = ?5, done_at = ?6, done_by = ?7 WHERE id = ?8",
                params![
                    r.method.code(),
                    reached,
                    r.performance.code(),
                    r.satisfaction,
                    note,
                    at,
                    by.staff_id,
                    id
                ],
            )?;
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
            let pending: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM followups WHERE case_id = ?1 AND status = 'due')",
                [case.id],
                |row| row.get(0),
            )?;
            let consequence = followup::consequence(r.performance, today, pending, working_days);
            let mut reopened = None;
            match consequence {
                Consequence::Retry(due) => {
                    insert(
                        tx,
                        by,
                        case.id,
                        cur.owner,
                        due,
                        Kind::Retry,
                        cur.attempt + 1,
                        "",
                        &at,
                    )?;
                }
                Consequence::CheckAgain(due) => {
                    insert(tx, by, case.id, cur.owner, due, Kind::Partly, 1, "", &at)?;
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
        let pending: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM followups WHERE case_id = ?1 AND status = 'due')",
            [case_id],
            |row| row.get(0),
        )?;
        if pending {
            return Err(StoreError::Rule("err.followup.pending"));
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
        self.write(|tx| {
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
    tx: &Transaction,
    by: Actor,
    case: &FollowupCase,
    work: &crate::domain::slots::WorkTime,
    hours: &ResponseHours,
    now: NaiveDateTime,
) -> Result<(Status, Colour)> {
    let at = to_sql(now);
    let earlier: u32 = tx.query_row(
        "SELECT COUNT(*) FROM followups WHERE case_id = ?1 AND performance = 'breached'",
        [case.id],
        |r| r.get(0),
    )?;
    // This follow-up is already marked breached; earlier ones are the rest.
    let colour = colour_after_breach(case.colour, earlier.saturating_sub(1));
    tx.execute(
        "UPDATE followups SET status = 'cancelled', reason = 'breach', done_at = ?1, done_by = ?2
         WHERE case_id = ?3 AND status = 'due'",
        params![at, by.staff_id, case.id],
    )?;
    let to = if case.status.is_active() {
        case.status
    } else if case.owner_id.is_some() && case.status.can_go_to(Status::Assigned) {
        Status::Assigned
    } else {
        Status::Registered
    };
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
    tx.execute(
        "UPDATE cases SET colour = ?1, colour_computed = MIN(colour_computed, ?1), deadline_at = ?2,
            closed_at = NULL, updated_at = ?3 WHERE id = ?4",
        params![
            colour.rank(),
            super::super::cases::response_deadline(tx, work, hours, colour, now)?.map(to_sql),
            at,
            case.id
        ],
    )?;
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

#[cfg(test)]
impl Store {
    /// Moves a case to any status, bypassing the rules (tests set the scene with it).
    pub(crate) fn force_status_for_tests(&mut self, case_id: i64, status: Status) {
        self.conn
            .execute(
                "UPDATE cases SET status = ?1, active = ?2,
                    closed_at = CASE WHEN ?1 = 'closed' THEN coalesce(closed_at, updated_at) ELSE closed_at END WHERE id = ?3",
                params![status.code(), status.is_active(), case_id],
            )
            .expect("test setup");
    }

    pub(crate) fn case_status_for_tests(
        &self,
        case_id: i64,
    ) -> (Status, bool, Option<i64>, Colour) {
        self.conn
            .query_row(
                "SELECT status, active, owner_id, colour FROM cases WHERE id = ?1",
                [case_id],
                |r| {
                    Ok((
                        Status::from_code(&r.get::<_, String>(0)?).unwrap_or(Status::Registered),
                        r.get(1)?,
                        r.get(2)?,
                        Colour::from_rank(r.get(3)?).unwrap_or(Colour::Blue),
                    ))
                },
            )
            .expect("test case")
    }
}
