//! The case list: filter chips → SQL, keyset paging (never OFFSET), and counts off the
//! keystroke path. Every order ends with (received_at, id), which makes a page boundary exact
//! and lets each step be one index range scan whatever the depth.
use super::time::{from_sql, to_sql};
use super::{Result, Store, StoreError};
use crate::domain::case_filter::{CaseFilter, Chip, OwnerFilter, Sort, SortKey};
use crate::domain::ladder::Level;
use crate::domain::mask::mask_phone;
use crate::domain::risk::Colour;
use crate::domain::status::Status;
use chrono::{Duration, NaiveDateTime};
use rusqlite::types::Value;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// No deadline sorts after every deadline.
const NO_DEADLINE: &str = "9999-12-31 23:59:59";

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
}

impl CaseRow {
    pub fn overdue(&self, now: NaiveDateTime) -> bool {
        self.active && self.deadline_at.is_some_and(|d| d < now)
    }

    pub fn days_open(&self, now: NaiveDateTime) -> i64 {
        (now.date() - self.received_at.date()).num_days().max(0)
    }

    /// Where the list stands after (or before) this row in `sort` order.
    pub fn cursor(&self, sort: Sort) -> Cursor {
        let primary = match sort.key {
            SortKey::Urgency => Value::Integer(self.colour.rank()),
            SortKey::Received => Value::Null,
            SortKey::CaseNo => Value::Text(self.case_no.clone()),
            SortKey::Category => Value::Text(self.category.clone()),
            SortKey::Status => Value::Text(self.status.code().into()),
            SortKey::Owner => Value::Integer(self.owner_id.unwrap_or(0)),
            SortKey::Level => Value::Text(self.level.code().into()),
            SortKey::Deadline => Value::Text(
                self.deadline_at
                    .map(to_sql)
                    .unwrap_or_else(|| NO_DEADLINE.into()),
            ),
        };
        Cursor {
            primary,
            received: to_sql(self.received_at),
            id: self.id,
        }
    }
}

/// A position in the list: the sort values of a row.
#[derive(Debug, Clone, PartialEq)]
pub struct Cursor {
    primary: Value,
    received: String,
    id: i64,
}

/// The SQL order of a sort: a primary expression (none for plain date order) and directions.
struct Order {
    primary: Option<&'static str>,
    primary_desc: bool,
    tie_desc: bool,
}

fn order(sort: Sort, backwards: bool) -> Order {
    let (primary, primary_desc) = match sort.key {
        SortKey::Urgency => (Some("c.colour"), false),
        SortKey::Received => (None, false),
        SortKey::CaseNo => (Some("c.case_no"), true),
        SortKey::Category => (Some("c.category"), false),
        SortKey::Status => (Some("c.status"), false),
        SortKey::Owner => (Some("ifnull(c.owner_id, 0)"), false),
        SortKey::Level => (Some("c.level"), false),
        SortKey::Deadline => (Some("ifnull(c.deadline_at, '9999-12-31 23:59:59')"), false),
    };
    let flip = sort.reversed != backwards;
    Order {
        primary,
        primary_desc: primary_desc != flip,
        tie_desc: !flip,
    }
}

fn dir(desc: bool) -> &'static str {
    if desc { "DESC" } else { "ASC" }
}

fn cmp(desc: bool) -> &'static str {
    if desc { "<" } else { ">" }
}

/// The WHERE clause of a filter (always starting "1") and its parameters.
pub(super) fn where_sql(f: &CaseFilter, now: NaiveDateTime) -> (String, Vec<Value>) {
    let mut sql = String::from("1");
    let mut params: Vec<Value> = Vec::new();
    let text = |s: &str| Value::Text(s.to_string());
    for chip in &f.chips {
        match chip {
            // `active = 1` literally, so the partial indexes of open work apply.
            Chip::Open => sql.push_str(" AND c.active = 1"),
            Chip::Status(s) => {
                sql.push_str(" AND c.status = ?");
                params.push(text(s.code()));
                if s.is_active() {
                    sql.push_str(" AND c.active = 1");
                }
            }
            Chip::Colour(c) => {
                sql.push_str(" AND c.colour = ?");
                params.push(Value::Integer(c.rank()));
            }
            Chip::Category(code) => {
                sql.push_str(" AND c.category = ?");
                params.push(text(code));
            }
            // Unary + keeps the planner off the channel index: a channel is too common a
            // value to seek then sort (166 ms at 1 M); scanning the sort order and testing
            // the channel finds a page in a few hundred rows.
            Chip::Channel(ch) => {
                sql.push_str(" AND +c.channel = ?");
                params.push(text(ch.code()));
            }
            Chip::Owner(OwnerFilter::Staff(id)) => {
                sql.push_str(" AND c.owner_id = ?");
                params.push(Value::Integer(*id));
            }
            Chip::Owner(OwnerFilter::Unassigned) => sql.push_str(" AND c.owner_id IS NULL"),
            Chip::Level(l) => {
                sql.push_str(" AND c.level = ?");
                params.push(text(l.code()));
            }
            Chip::Received { from, to } => {
                sql.push_str(" AND c.received_at >= ? AND c.received_at < ?");
                params.push(text(&format!("{from} 00:00:00")));
                let end = *to + Duration::days(1);
                params.push(text(&format!("{end} 00:00:00")));
            }
            Chip::Overdue => {
                sql.push_str(
                    " AND c.active = 1 AND ifnull(c.deadline_at, '9999-12-31 23:59:59') < ?",
                );
                params.push(text(&to_sql(now)));
            }
            Chip::NeedsFollowUp => {
                // Correlated, so the list's order index drives and each row is one probe.
                sql.push_str(
                    " AND EXISTS (SELECT 1 FROM followups f WHERE f.case_id = c.id AND f.status = 'due' AND f.due_on <= ?)",
                );
                params.push(text(&now.date().format("%Y-%m-%d").to_string()));
            }
        }
    }
    (sql, params)
}

/// Pages select ids only, so the planner can answer from a covering index and no join runs
/// for rows that will not be shown; the 50 rows are then read by id.
const SELECT_IDS: &str = "SELECT c.id FROM cases c";

const SELECT_ROW: &str = "SELECT c.id, c.case_no, c.received_at, c.colour, c.category, p.name, p.phone,
        c.status, c.owner_id, s.name, c.level, c.deadline_at, c.active
    FROM cases c LEFT JOIN parties p ON p.id = c.first_party_id LEFT JOIN staff s ON s.id = c.owner_id";

fn row(r: &rusqlite::Row) -> rusqlite::Result<CaseRow> {
    let received: String = r.get(2)?;
    let deadline: Option<String> = r.get(11)?;
    let status: String = r.get(7)?;
    let level: String = r.get(10)?;
    let phone: Option<String> = r.get(6)?;
    Ok(CaseRow {
        id: r.get(0)?,
        case_no: r.get(1)?,
        received_at: from_sql(&received).unwrap_or_default(),
        colour: Colour::from_rank(r.get(3)?).unwrap_or(Colour::Blue),
        category: r.get(4)?,
        party: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
        party_phone: phone.as_deref().map(mask_phone),
        status: Status::from_code(&status).unwrap_or(Status::Registered),
        owner_id: r.get(8)?,
        owner: r.get(9)?,
        level: Level::from_code(&level).unwrap_or(Level::Village),
        deadline_at: deadline.as_deref().and_then(from_sql),
        active: r.get(12)?,
    })
}

/// Builds the SQL of each keyset step: rows after `cursor` in the order, as one or two index
/// range scans (ties on the primary value first, then greater primary values).
pub(super) fn page_sql(
    f: &CaseFilter,
    sort: Sort,
    cursor: Option<&Cursor>,
    backwards: bool,
    now: NaiveDateTime,
) -> Vec<(String, Vec<Value>)> {
    let o = order(sort, backwards);
    let (filter, params) = where_sql(f, now);
    let tie = format!("c.received_at {d}, c.id {d}", d = dir(o.tie_desc));
    let Some(cur) = cursor else {
        let ord = match o.primary {
            Some(p) => format!("{p} {}, {tie}", dir(o.primary_desc)),
            None => tie,
        };
        return vec![(
            format!("{SELECT_ROW} WHERE {filter} ORDER BY {ord} LIMIT ?"),
            params,
        )];
    };
    let tie_cond = format!("(c.received_at, c.id) {} (?, ?)", cmp(o.tie_desc));
    let tie_params = [Value::Text(cur.received.clone()), Value::Integer(cur.id)];
    match o.primary {
        None => {
            let mut p = params;
            p.extend(tie_params);
            vec![(
                format!("{SELECT_IDS} WHERE {filter} AND {tie_cond} ORDER BY {tie} LIMIT ?"),
                p,
            )]
        }
        Some(pe) => {
            let mut p1 = params.clone();
            p1.push(cur.primary.clone());
            p1.extend(tie_params);
            let mut p2 = params;
            p2.push(cur.primary.clone());
            vec![
                (
                    format!(
                        "{SELECT_ROW} WHERE {filter} AND {pe} = ? AND {tie_cond} ORDER BY {tie} LIMIT ?"
                    ),
                    p1,
                ),
                (
                    format!(
                        "{SELECT_IDS} WHERE {filter} AND {pe} {} ? ORDER BY {pe} {}, {tie} LIMIT ?",
                        cmp(o.primary_desc),
                        dir(o.primary_desc)
                    ),
                    p2,
                ),
            ]
        }
    }
}

/// A count running on its own read-only connection, so a slow COUNT never blocks a keystroke.
pub struct CountJob {
    rx: Receiver<Result<i64>>,
}

impl CountJob {
    /// The count once it is ready; `Some(Err)` if it failed.
    pub fn poll(&self) -> Option<Result<i64>> {
        match self.rx.try_recv() {
            Ok(r) => Some(r),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(StoreError::NotFound)),
        }
    }
}

fn count_on(conn: &rusqlite::Connection, sql: &str, params: &[Value]) -> Result<i64> {
    Ok(conn.query_row(sql, rusqlite::params_from_iter(params), |r| r.get(0))?)
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
        let mut ids: Vec<i64> = Vec::with_capacity(limit);
        for (sql, mut params) in page_sql(f, sort, cursor, backwards, now) {
            if ids.len() >= limit {
                break;
            }
            params.push(Value::Integer((limit - ids.len()) as i64));
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| r.get(0))?;
            for r in rows {
                ids.push(r?);
            }
        }
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
        let json = format!(
            "[{}]",
            ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
        );
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT_ROW} WHERE c.id IN (SELECT value FROM json_each(?1))"
        ))?;
        let rows = stmt.query_map([json], row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Counts the cases matching `f` now (blocking; use `spawn_count` from the UI).
    pub fn count_cases(&self, f: &CaseFilter, now: NaiveDateTime) -> Result<i64> {
        let (filter, params) = where_sql(f, now);
        count_on(
            &self.conn,
            &format!("SELECT COUNT(*) FROM cases c WHERE {filter}"),
            &params,
        )
    }

    /// Counts in the background on a second, read-only connection (in memory: right away).
    pub fn spawn_count(&self, f: &CaseFilter, now: NaiveDateTime) -> CountJob {
        let (tx, rx) = channel();
        let (filter, params) = where_sql(f, now);
        let sql = format!("SELECT COUNT(*) FROM cases c WHERE {filter}");
        match self.path.clone() {
            None => {
                let _ = tx.send(count_on(&self.conn, &sql, &params));
            }
            Some(path) => {
                std::thread::spawn(move || {
                    let r = rusqlite::Connection::open_with_flags(
                        &path,
                        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                            | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
                    )
                    .map_err(StoreError::from)
                    .and_then(|c| count_on(&c, &sql, &params));
                    let _ = tx.send(r);
                });
            }
        }
        CountJob { rx }
    }
}

#[cfg(test)]
#[path = "case_list_tests.rs"]
mod tests;
