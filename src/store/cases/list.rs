//! The case list: one page at a time by keyset (never OFFSET; the SQL is in
//! queries/list.rs), and what a row knows of itself (overdue, idle red, days open).
pub use super::queries::Cursor;
use super::{Result, Store, queries};
use crate::domain::case_filter::{CaseFilter, Sort, Waiting};
use crate::domain::ladder::Level;
use crate::domain::risk::Colour;
use crate::domain::status::Status;
use chrono::NaiveDateTime;

/// One line of the list, numbers already masked (lists never carry full numbers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRow {
    pub id: i64,
    pub case_no: String,
    pub received_at: NaiveDateTime,
    pub colour: Colour,
    pub category: String,
    pub party: String,
    pub party_phone: Option<String>,
    pub status: Status,
    pub owner_id: Option<i64>,
    pub owner: Option<String>,
    pub level: Level,
    pub deadline_at: Option<NaiveDateTime>,
    pub active: bool,
    /// Paused: what it waits for and since when (the deadline is cleared meanwhile).
    pub waiting: Option<Waiting>,
    pub waiting_since: Option<NaiveDateTime>,
    /// Open red cases only: when the last action on the case was (audit, reveals excluded;
    /// the intake when the log has nothing, as for imported cases).
    pub red_last_action: Option<NaiveDateTime>,
    /// The handling centre (承办), and the centre asked to sign for it, if any (待签收).
    pub centre_id: i64,
    pub pending_to: Option<i64>,
}

impl CaseRow {
    pub fn overdue(&self, now: NaiveDateTime) -> bool {
        self.active && self.deadline_at.is_some_and(|d| d < now)
    }

    /// A red case is seen the same day: flag an open red case with no action yet today.
    pub fn red_idle(&self, now: NaiveDateTime) -> bool {
        self.active
            && self.colour == Colour::Red
            && self.red_last_action.is_some_and(|t| t.date() < now.date())
    }

    pub fn days_open(&self, now: NaiveDateTime) -> i64 {
        (now.date() - self.received_at.date()).num_days().max(0)
    }

    /// Where the list stands after (or before) this row in `sort` order.
    pub fn cursor(&self, sort: Sort) -> Cursor {
        queries::cursor(self, sort)
    }
}

impl Store {
    /// One page of the list: up to `limit` rows after `cursor` (before it when `backwards`,
    /// returned in list order). No cursor: the first page (the last one when `backwards`).
    pub fn case_page(
        &self,
        f: &CaseFilter,
        sort: Sort,
        cursor: Option<&Cursor>,
        backwards: bool,
        limit: usize,
        now: NaiveDateTime,
    ) -> Result<Vec<CaseRow>> {
        let steps = queries::page_sql(f, sort, cursor, backwards, now, self.scope);
        let mut ids = queries::page_ids(self.lite()?, steps, limit)?;
        if backwards {
            ids.reverse();
        }
        let mut by_id: std::collections::HashMap<i64, CaseRow> = self
            .case_rows(&ids)?
            .into_iter()
            .map(|r| (r.id, r))
            .collect();
        Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
    }

    /// Rows by id (search results), in no particular order.
    pub fn case_rows(&self, ids: &[i64]) -> Result<Vec<CaseRow>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        queries::rows_by_ids(self.db(), ids)
    }
}

/// The SQL a store builds for its list and count, for the plan tests of other subjects (the
/// centres' scoped lists).
#[cfg(test)]
pub(in crate::store) mod queries_for_tests {
    use super::super::queries;
    use super::{Cursor, Store};
    use crate::domain::case_filter::{CaseFilter, Sort};
    use chrono::NaiveDateTime;
    use rusqlite::types::Value;

    pub(in crate::store) fn page_sql(
        s: &Store,
        f: &CaseFilter,
        sort: Sort,
        cursor: Option<&Cursor>,
        now: NaiveDateTime,
    ) -> queries::Steps {
        queries::page_sql(f, sort, cursor, false, now, s.scope)
    }

    pub(in crate::store) fn count_sql(
        s: &Store,
        f: &CaseFilter,
        now: NaiveDateTime,
    ) -> (String, Vec<Value>) {
        let (filter, params) = queries::where_sql(f, None, now, s.scope);
        (
            format!("SELECT COUNT(*) FROM cases c WHERE {filter}"),
            params,
        )
    }
}
