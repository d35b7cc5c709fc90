//! Workflow actions on a case: assign, note, colour. Each checks the operator's role and the
//! status machine here in the store (whatever the UI did), changes the case and writes the
//! audit log in one transaction. Outcomes, closing, reopening and referrals are in closing.rs,
//! waiting in waiting.rs, attempts and escalation in ladder.rs, what they share in state.rs.
use super::super::centres::{check_handles, check_works_here, reach};
use super::state::{deadline_text, log, required, set_status, state};
use super::time::to_sql;
use super::{Actor, Result, Store, StoreError, audit, queries};
use crate::domain::case_rule::CaseRule;
use crate::domain::centre::Reach;
use crate::domain::risk::{self, Colour, ResponseHours};
use crate::domain::role::{Permission, Role, may_mediate};
use crate::domain::status::Status;
use chrono::NaiveDateTime;

impl Store {
    /// Gives a case to a mediator (routing needs `Route`, taking it from someone `Reassign`
    /// and a reason). An unassigned registered case becomes assigned.
    pub fn assign_case(
        &mut self,
        by: Actor,
        id: i64,
        to: i64,
        reason: &str,
        now: NaiveDateTime,
    ) -> Result<()> {
        self.write(|tx| {
            check_handles(tx, by, id)?;
            let s = state(tx, id)?;
            let perm = if s.owner.is_some() {
                Permission::Reassign
            } else {
                Permission::Route
            };
            if !by.role.may(perm) {
                return Err(StoreError::Forbidden);
            }
            if !s.status.is_active() {
                return Err(StoreError::Case(CaseRule::NotOpen));
            }
            if s.owner == Some(to) {
                return Err(StoreError::Case(CaseRule::SameOwner));
            }
            let reason = reason.trim();
            if s.owner.is_some() && reason.is_empty() {
                return Err(StoreError::Case(CaseRule::NoReason));
            }
            let owner = queries::staff_role(tx, to)?;
            if !owner.is_some_and(|(role, active)| may_mediate(role, active)) {
                return Err(StoreError::Case(CaseRule::NotMediator));
            }
            // The owner works the case: someone of the handling centre.
            check_works_here(tx, to, id)?;
            let at = to_sql(now);
            queries::set_owner(tx, id, to, &at)?;
            let old = s.owner.map(|o| o.to_string()).unwrap_or_default();
            let new = if reason.is_empty() {
                to.to_string()
            } else {
                format!("{to} ({reason})")
            };
            log(tx, &at, by, id, "case.assign", "owner_id", &old, &new)?;
            if s.status == Status::Registered {
                set_status(tx, &at, by, id, s.status, Status::Assigned)?;
            }
            Ok(())
        })
    }

    /// A note in the case's timeline. Mediators note their own cases; desk and leads any, of
    /// their centre's cases. A lead of a centre above notes a case as supervision (督办,
    /// `supervise_case`).
    pub fn add_case_note(
        &mut self,
        by: Actor,
        id: i64,
        text: &str,
        now: NaiveDateTime,
    ) -> Result<()> {
        let text = required(text, CaseRule::NoteEmpty)?;
        self.write(|tx| {
            if reach(tx, by, id)? == Reach::Supervises {
                return super::supervise::supervise(tx, by, id, &text, None, now);
            }
            check_handles(tx, by, id)?;
            let s = state(tx, id)?;
            if !by.role.may(Permission::AddNote)
                || (by.role == Role::Mediator && s.owner != Some(by.staff_id))
            {
                return Err(StoreError::Forbidden);
            }
            audit::event(
                tx,
                &to_sql(now),
                Some(by.staff_id),
                Some(id),
                "case.note",
                &text,
            )
        })
    }

    /// Raising the colour is free; lowering it needs a reason. A raised open case gets the
    /// new colour's response deadline if that is sooner.
    pub fn change_colour(
        &mut self,
        by: Actor,
        id: i64,
        to: Colour,
        reason: &str,
        hours: &ResponseHours,
        now: NaiveDateTime,
    ) -> Result<()> {
        let work = self.work.clone();
        self.write(|tx| {
            check_handles(tx, by, id)?;
            let s = state(tx, id)?;
            if !by.role.may_work(by.staff_id, s.owner) {
                return Err(StoreError::Forbidden);
            }
            if s.colour == to {
                return Ok(());
            }
            risk::check_override(s.colour, to, reason).map_err(|e| StoreError::Case(e.into()))?;
            let at = to_sql(now);
            queries::set_colour(tx, id, to.rank(), reason.trim(), &at)?;
            let new = if reason.trim().is_empty() {
                to.code().to_string()
            } else {
                format!("{} ({})", to.code(), reason.trim())
            };
            log(
                tx,
                &at,
                by,
                id,
                "case.colour",
                "colour",
                s.colour.code(),
                &new,
            )?;
            let sooner = super::deadlines::response(tx, &work, s.centre, hours, to, now)?
                .filter(|_| to.above(s.colour) && s.status.is_active())
                .filter(|d| s.deadline.is_none_or(|old| *d < old));
            if let Some(d) = sooner.map(to_sql) {
                queries::set_deadline(tx, id, &d)?;
                let old = deadline_text(s.deadline);
                log(tx, &at, by, id, "case.deadline", "deadline_at", &old, &d)?;
            }
            Ok(())
        })
    }
}
