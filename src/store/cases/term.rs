//! Extending the mediation term with both parties' consent (people's mediation is normally
//! settled within 30 days; a longer term needs the parties to agree, and the record says so).
use super::super::centres::check_handles;
use super::deadlines::term;
use super::detail::MEDIATION_TERM_DAYS;
use super::state::{deadline_text, log, required, state};
use super::time::to_sql;
use super::waiting::resume;
use super::{Actor, Result, Store, StoreError, audit, queries};
use crate::domain::case_rule::CaseRule;
use crate::domain::status::Status;
use chrono::NaiveDateTime;

/// The longest one extension may add.
pub const MAX_EXTENSION_DAYS: i64 = 90;

impl Store {
    /// Extends the term of a case in mediation by `days`, recording the parties' consent.
    /// The owner or a lead may do it; the new end follows the working-time rule of terms.
    pub fn extend_term(
        &mut self,
        by: Actor,
        id: i64,
        days: i64,
        consent: &str,
        now: NaiveDateTime,
    ) -> Result<NaiveDateTime> {
        let consent = required(consent, CaseRule::NoConsent)?;
        if !(1..=MAX_EXTENSION_DAYS).contains(&days) {
            return Err(StoreError::Case(CaseRule::ExtensionDays));
        }
        let work = self.work.clone();
        self.write(|tx| {
            check_handles(tx, by, id)?;
            let s = state(tx, id)?;
            if !by.role.may_work(by.staff_id, s.owner) {
                return Err(StoreError::Forbidden);
            }
            if s.status != Status::InMediation {
                return Err(StoreError::Case(CaseRule::NotInMediation));
            }
            let at = to_sql(now);
            // Extending moves the case on: a paused clock restarts first.
            resume(tx, &at, by, id, now)?;
            let old = state(tx, id)?.deadline;
            // In mediation the deadline is the term (moved by pauses and earlier extensions);
            // never extend from before the standard term.
            let standard = term(tx, &work, s.centre, s.received, MEDIATION_TERM_DAYS)?;
            let base = old.map_or(standard, |d| d.max(standard));
            let new = term(tx, &work, s.centre, base, days)?;
            let new_sql = to_sql(new);
            queries::extend_deadline(tx, id, &new_sql, &at)?;
            log(
                tx,
                &at,
                by,
                id,
                "case.extend",
                "deadline_at",
                &deadline_text(old),
                &new_sql,
            )?;
            audit::event(
                tx,
                &at,
                Some(by.staff_id),
                Some(id),
                "case.consent",
                &consent,
            )?;
            Ok(new)
        })
    }
}
