//! The follow-up work list: keyset pages in due-date order over the partial indexes of
//! schema_followups.sql, and the cheap counts for the status bar and the handover sheet.
use super::super::time::date_to_sql;
use super::super::{Actor, Result, Store};
use crate::domain::followup::Kind;
use crate::domain::mask::mask_phone;
use crate::domain::risk::Colour;
use crate::domain::status::Status;
use chrono::{Duration, NaiveDate};
use rusqlite::types::Value;

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
    /// both bound the index scan, so a page costs the same at any depth.
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
        let mut sql = String::from(
            "SELECT f.id, f.due_on, f.kind, f.attempt, f.owner_id, s.code, s.name, c.id, c.case_no,
                c.owner_id, c.colour, c.category, c.status, c.summary, p.name, p.phone
             FROM followups f
             JOIN cases c ON c.id = f.case_id
             LEFT JOIN staff s ON s.id = f.owner_id
             LEFT JOIN parties p ON p.id = c.first_party_id
             WHERE f.status = 'due' AND f.due_on >= ?1 AND f.due_on <= ?2
               AND (f.due_on > ?1 OR f.id > ?3)",
        );
        let mut args: Vec<Value> = vec![
            Value::Text(date_to_sql(kd)),
            Value::Text(date_to_sql(hi)),
            Value::Integer(kid),
        ];
        if let Some(o) = filter.owner {
            args.push(Value::Integer(o));
            sql.push_str(&format!(" AND f.owner_id = ?{}", args.len()));
        }
        if let Some(c) = filter.colour {
            args.push(Value::Integer(c.rank()));
            sql.push_str(&format!(" AND f.case_colour = ?{}", args.len()));
        }
        if let Some(cats) = &filter.categories {
            if cats.is_empty() {
                return Ok(Vec::new());
            }
            let mut marks = Vec::new();
            for c in cats {
                args.push(Value::Text(c.clone()));
                marks.push(format!("?{}", args.len()));
            }
            sql.push_str(&format!(" AND f.case_category IN ({})", marks.join(",")));
        }
        args.push(Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
        sql.push_str(&format!(" ORDER BY f.due_on, f.id LIMIT ?{}", args.len()));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| {
            let due: String = r.get(1)?;
            let case_owner: Option<i64> = r.get(9)?;
            let phone: Option<String> = r.get(15)?;
            let phone = phone.unwrap_or_default();
            let phone =
                if phone.is_empty() || viewer.role.may_see_numbers(viewer.staff_id, case_owner) {
                    phone
                } else {
                    mask_phone(&phone)
                };
            Ok(FollowupRow {
                id: r.get(0)?,
                due_on: NaiveDate::parse_from_str(&due, "%Y-%m-%d").unwrap_or(today),
                kind: Kind::from_code(&r.get::<_, String>(2)?).unwrap_or(Kind::Manual),
                attempt: r.get(3)?,
                owner_id: r.get(4)?,
                owner_code: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
                owner_name: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
                case_id: r.get(7)?,
                case_no: r.get(8)?,
                case_owner,
                colour: Colour::from_rank(r.get(10)?).unwrap_or(Colour::Blue),
                category: r.get(11)?,
                status: Status::from_code(&r.get::<_, String>(12)?).unwrap_or(Status::Registered),
                summary: r.get(13)?,
                party: r.get::<_, Option<String>>(14)?.unwrap_or_default(),
                phone,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
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
        let sql = match owner {
            None => {
                "SELECT COALESCE(SUM(due_on = ?1), 0), COALESCE(SUM(due_on < ?1), 0) FROM followups
                 WHERE status = 'due' AND due_on <= ?1 AND ?2 IS NULL"
            }
            Some(_) => {
                "SELECT COALESCE(SUM(due_on = ?1), 0), COALESCE(SUM(due_on < ?1), 0) FROM followups
                 WHERE status = 'due' AND owner_id = ?2 AND due_on <= ?1"
            }
        };
        let mut stmt = self.conn.prepare_cached(sql)?;
        Ok(
            stmt.query_row(rusqlite::params![date_to_sql(today), owner], |r| {
                Ok(FollowupCounts {
                    due_today: r.get(0)?,
                    overdue: r.get(1)?,
                })
            })?,
        )
    }
}
