//! The calendar: sessions of a day or week, busy time for slot finding, holidays and leave
//! (read.rs); booking, moving, cancelling and recording sessions (write.rs) after the clash
//! checks (clash.rs); leave entered by a lead (time_off.rs); each centre's hours and days off (days.rs). The rules are
//! `domain::booking`; every SQL statement is in `queries/`, each bounded by an index on time.
#[cfg(test)]
mod api_engines_tests;
mod clash;
mod days;
#[cfg(test)]
pub(crate) mod engines_tests;
mod queries;
#[cfg(test)]
mod race_tests;
mod read;
#[cfg(test)]
pub(crate) mod tests;
mod time_off;
mod write;

pub use crate::domain::booking::{ClashWith, Conflict};
pub use days::DayMark;
/// Each centre's calendar, for every deadline and booking.
pub(super) use days::deadline_calendar;
pub(super) use queries::blocking;

use super::StoreError;
use crate::domain::booking::BookingRule;
use crate::domain::ladder::Level;
use crate::domain::risk::Colour;
use crate::domain::session::SessionStatus;
use crate::domain::slots::Span;
use chrono::{NaiveDate, NaiveDateTime};

/// A session as the calendar shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionView {
    pub id: i64,
    pub case_id: i64,
    pub case_no: String,
    pub colour: Colour,
    pub case_owner: Option<i64>,
    /// The case's first applicant (display masks it unless the role may see it).
    pub party: String,
    /// In charge first, then co-mediators.
    pub mediators: Vec<i64>,
    pub room_id: Option<i64>,
    pub room: String,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub level: Level,
    pub status: SessionStatus,
    pub result: String,
}

impl SessionView {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// What the booking form needs to know about a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseBrief {
    pub id: i64,
    pub case_no: String,
    pub colour: Colour,
    pub owner_id: Option<i64>,
    pub level: Level,
    pub active: bool,
    pub deadline: Option<NaiveDateTime>,
    pub party: String,
    /// The handling centre: its sessions are booked in its days and hours.
    pub centre_id: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Room {
    pub id: i64,
    pub name: String,
    /// The centre whose room it is.
    pub centre_id: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leave {
    pub id: i64,
    pub staff_id: i64,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub note: String,
}

impl Leave {
    pub fn covers(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }

    pub fn span(&self) -> Span {
        Span::new(Span::day(self.from).start, Span::day(self.to).end)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSession {
    pub case_id: i64,
    /// The mediator in charge first; at least one.
    pub mediators: Vec<i64>,
    pub room_id: Option<i64>,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
}

impl From<BookingRule> for StoreError {
    fn from(rule: BookingRule) -> Self {
        StoreError::Booking(rule)
    }
}
