//! The follow-up work list: keyset pages in due-date order over the partial indexes of
//! schema_followups.sql, and the cheap counts for the status bar and the handover sheet.
use super::super::{Actor, Result, Store};
use super::queries::{self, PageQuery};
use crate::domain::followup::Kind;
use crate::domain::mask::mask_phone;
use crate::domain::risk::Colour;
use crate::domain::status::Status;
use chrono::{Duration, NaiveDate};

/// Which part of the list: the default is everything due up to a week ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FollowupScope {
    /// Overdue, today and the next 7 days.
    #[default]
    Open,
    Overdue,
    Today,
    /// After today, up to 7 days ahead.
    Week,
    /// Overdue and today: the morning call list.
    DueNow,
    /// Every open follow-up, however far ahead.
    All,
}

/// Days ahead that "this week" covers.
pub const WEEK_DAYS: i64 = 7;

impl FollowupScope {
    pub const TABS: [FollowupScope; 5] = [
        FollowupScope::Open,
        FollowupScope::Overdue,
        FollowupScope::Today,
        FollowupScope::Week,
        FollowupScope::All,
    ];

    /// Inclusive due-date range.
    pub fn range(self, today: NaiveDate) -> (NaiveDate, NaiveDate) {
        // Four-digit years: the bounds are compared as 'YYYY-MM-DD' text.
        let first = NaiveDate::from_ymd_opt(1, 1, 1).unwrap_or(today);
        let last = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(today);
        let week = today + Duration::days(WEEK_DAYS);
        match self {
            FollowupScope::Open => (first, week),
            FollowupScope::Overdue => (first, today - Duration::days(1)),
            FollowupScope::Today => (today, today),
            FollowupScope::Week => (today + Duration::days(1), week),
            FollowupScope::DueNow => (first, today),
            FollowupScope::All => (first, last),
        }
    }

    pub fn i18n_key(self) -> &'static str {
        match self {
            FollowupScope::Open => "ui.followups.scope.open",
            FollowupScope::Overdue => "ui.followups.scope.overdue",
            FollowupScope::Today => "ui.followups.scope.today",
            FollowupScope::Week => "ui.followups.scope.week",
            FollowupScope::DueNow => "ui.followups.scope.due_now",
            FollowupScope::All => "ui.followups.scope.all",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FollowupFilter {
    pub scope: FollowupScope,
    pub owner: Option<i64>,
    /// Category codes (from a typed category filter); None: every category.
    pub categories: Option<Vec<String>>,
    pub colour: Option<Colour>,
}

/// Where a page ends: the next page starts after this row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FollowupKey {
    pub due_on: NaiveDate,
    pub id: i64,
}

/// One line of the work list. `phone` is already masked unless the viewer may see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowupRow {
    pub id: i64,
    pub due_on: NaiveDate,
    pub kind: Kind,
    pub attempt: i64,
    pub owner_id: Option<i64>,
    pub owner_code: String,
    pub owner_name: String,
    pub case_id: i64,
    pub case_no: String,
    pub case_owner: Option<i64>,
    pub colour: Colour,
    pub category: String,
    pub status: Status,
    pub summary: String,
    pub party: String,
    pub phone: String,
}

impl FollowupRow {
    pub fn key(&self) -> FollowupKey {
        FollowupKey {
            due_on: self.due_on,
            id: self.id,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FollowupCounts {
    pub due_today: i64,
    pub overdue: i64,
}

impl Store {
    /// One page of open follow-ups in due-date order, after `after`. The range and the keyset
    /// both bound the index scan, so a page costs the same at any depth. Phones are masked
    /// unless the viewer may see the case's numbers.
    pub fn followup_page(
        &self,
        viewer: Actor,
        filter: &FollowupFilter,
        today: NaiveDate,
        after: Option<FollowupKey>,
        limit: usize,
    ) -> Result<Vec<FollowupRow>> {
        let (lo, hi) = filter.scope.range(today);
        let (kd, kid) = match after {
            Some(k) => (k.due_on.max(lo), if k.due_on >= lo { k.id } else { 0 }),
            None => (lo, 0),
        };
        if filter.categories.as_ref().is_some_and(Vec::is_empty) {
            return Ok(Vec::new());
        }
        let q = PageQuery {
            from: kd,
            to: hi,
            after: kid,
            owner: filter.owner,
            colour: filter.colour,
            categories: filter.categories.as_deref(),
            limit,
            fallback: today,
        };
        let mut rows = queries::page(self.db(), &q)?;
        for row in &mut rows {
            if !row.phone.is_empty()
                && !viewer.role.may_see_numbers(viewer.staff_id, row.case_owner)
            {
                row.phone = mask_phone(&row.phone);
            }
        }
        Ok(rows)
    }

    /// Due today and overdue, centre-wide. Index-backed; callers cache it (never per frame).
    pub fn followup_counts(&self, today: NaiveDate) -> Result<FollowupCounts> {
        self.followup_counts_for(today, None)
    }

    /// The same for one owner (a mediator's own status bar).
    pub fn followup_counts_for(
        &self,
        today: NaiveDate,
        owner: Option<i64>,
    ) -> Result<FollowupCounts> {
        queries::counts(self.db(), today, owner)
    }
}
