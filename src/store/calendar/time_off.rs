//! Mediator leave, entered by a shift lead (days off of a centre: days.rs). Refused while
//! sessions are booked then, so nothing booked silently lands on a day off.
use super::super::{Actor, Result, Store, StoreError};
use super::queries;
use crate::domain::booking::{self, BookingRule};
use crate::domain::role::Role;
use crate::domain::slots::Span;
use chrono::{NaiveDate, NaiveDateTime};

pub(super) fn cleaned(text: &str) -> String {
    crate::domain::text::sanitize_single_line(text, 200)
        .text
        .trim()
        .to_string()
}

impl Store {
    /// Enters a mediator's leave (a lead's task). Refused while the mediator has sessions then.
    pub fn add_leave(
        &mut self,
        by: Actor,
        staff_id: i64,
        from: NaiveDate,
        to: NaiveDate,
        note: &str,
        now: NaiveDateTime,
    ) -> Result<i64> {
        if by.role != Role::Lead {
            return Err(StoreError::Forbidden);
        }
        if to < from {
            return Err(BookingRule::LeaveDates.into());
        }
        let note = cleaned(note);
        self.write_db(|tx| {
            let span = Span::new(Span::day(from).start, Span::day(to).end);
            let w = booking::window(span.start, span.end);
            let ends: Vec<NaiveDateTime> = queries::clashes_mediator(tx, staff_id, w, None)?
                .iter()
                .map(|h| h.end)
                .collect();
            if booking::leave_blocked_by(&ends, now) {
                return Err(BookingRule::LeaveHasSessions.into());
            }
            queries::insert_leave(tx, staff_id, from, to, &note, by.staff_id, now)
        })
    }
}
