//! The case list's SQL: filter chips → a WHERE clause, keyset paging (never OFFSET), and the
//! rows read by id. Every order ends with (received_at, id), which makes a page boundary exact
//! and lets each step be one index range scan whatever the depth.
use super::super::super::Result;
use super::super::super::centres::{Scope, readable, visible};
use super::super::super::convert::Stamp;
use super::super::super::db::{Db, Engine, Row};
use super::super::super::time::to_sql;
use super::super::list::CaseRow;
use super::{all, json_ids};
use crate::domain::case_filter::{CaseFilter, Chip, OwnerFilter, Sort, SortKey};
use crate::domain::mask::mask_phone;
use chrono::{Duration, NaiveDateTime};
use rusqlite::Connection;
use rusqlite::types::Value;

/// No deadline sorts after every deadline.
const NO_DEADLINE: &str = "9999-12-31 23:59:59";

/// A position in the list: the sort values of a row.
#[derive(Debug, Clone, PartialEq)]
pub struct Cursor {
    pub(crate) primary: Value,
    pub(crate) received: String,
    pub(crate) id: i64,
}

/// Where the list stands after (or before) `row` in `sort` order.
pub(crate) fn cursor(row: &CaseRow, sort: Sort) -> Cursor {
    let primary = match sort.key {
        SortKey::Urgency => Value::Integer(row.colour.rank()),
        SortKey::Received => Value::Null,
        SortKey::CaseNo => Value::Text(row.case_no.clone()),
        SortKey::Category => Value::Text(row.category.clone()),
        SortKey::Status => Value::Text(row.status.code().into()),
        SortKey::Owner => Value::Integer(row.owner_id.unwrap_or(0)),
        SortKey::Level => Value::Text(row.level.code().into()),
        SortKey::Deadline => Value::Text(
            row.deadline_at
                .map(to_sql)
                .unwrap_or_else(|| NO_DEADLINE.into()),
        ),
    };
    Cursor {
        primary,
        received: to_sql(row.received_at),
        id: row.id,
    }
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

/// Whether a chip's column may be used to seek an index when listing in `sort` order.
///
/// A page is cheap when SQLite walks an index in the list's order and tests the other chips
/// row by row; it is slow (100–500 ms at 1 M) when it seeks a common value (a status, a
/// channel, an owner) and then sorts every matching row. SQLite cannot tell from its
/// statistics that only 50 rows are wanted, so a chip that does not lead an index in this
/// order is written `+column` (an expression, which no index serves). Counts (no sort)
/// seek freely.
fn seeks(chip: &Chip, sort: Option<Sort>, open: bool) -> bool {
    let Some(sort) = sort else { return true };
    let k = sort.key;
    match chip {
        Chip::Colour(_) => matches!(k, SortKey::Urgency | SortKey::Received),
        Chip::Status(_) => matches!(k, SortKey::Received | SortKey::Status),
        Chip::Category(_) => {
            matches!(k, SortKey::Received | SortKey::Category) || (open && k == SortKey::Urgency)
        }
        Chip::Owner(_) => open && k == SortKey::Urgency,
        Chip::Level(_) => open && k == SortKey::Level,
        Chip::Channel(_) => false,
        // One centre's own indexes: cases_centre_received, cases_centre_urgency (open).
        Chip::Centre(_) => k == SortKey::Received || (open && k == SortKey::Urgency),
        _ => true,
    }
}

/// Whether a list in `sort` order can seek one centre's index and read it in order:
/// `cases_centre_received` (received, any filter) or `cases_centre_urgency` (urgency, open).
fn centre_led(sort: Sort, open: bool) -> bool {
    match sort.key {
        SortKey::Received => true,
        SortKey::Urgency => open,
        _ => false,
    }
}

/// Whether a list is open work of one colour in urgency or date order: the partial index of
/// open cases by colour serves it in order.
fn open_colour(f: &CaseFilter, sort: Sort) -> bool {
    f.open_only()
        && matches!(sort.key, SortKey::Urgency | SortKey::Received)
        && f.chips.iter().any(|c| matches!(c, Chip::Colour(_)))
}

/// The WHERE clause of a filter (always starting with the visible centres, `scope`) and its
/// parameters; `sort` is the order the rows will be read in (None for a count).
pub(crate) fn where_sql(
    f: &CaseFilter,
    sort: Option<Sort>,
    now: NaiveDateTime,
    scope: Scope,
) -> (String, Vec<Value>) {
    let open = f.open_only();
    // Only what this connection may see (centres/mod.rs). One centre of several: by its id,
    // seeking its own index when that index is in the list's order. Otherwise `+`: the list's
    // order index drives and the centre is tested row by row.
    let mut params: Vec<Value> = Vec::new();
    let mut sql = match (scope, sort) {
        (Scope::One(id), sort) => {
            params.push(Value::Integer(id));
            match sort {
                Some(s) if !centre_led(s, open) => String::from("+c.centre_id = ?"),
                _ => String::from("c.centre_id = ?"),
            }
        }
        // Open work of one colour: the centre stays seekable, so the planner weighs the
        // open indexes by colour (cases_active_urgency, cases_centre_urgency) against
        // cases_colour_recv; behind `+` it walked the latter — every case of that colour
        // ever, 42 ms for a township lead at 1 M cases.
        (Scope::Visible, Some(s)) if open_colour(f, s) => {
            String::from(concat!("c.centre_id ", visible!()))
        }
        (Scope::Visible, Some(_)) => String::from(concat!("+c.centre_id ", visible!())),
        (Scope::Visible, None) => String::from(concat!("c.centre_id ", visible!())),
    };
    let text = |s: &str| Value::Text(s.to_string());
    for chip in &f.chips {
        let col = |name: &str| {
            if seeks(chip, sort, open) {
                format!("c.{name}")
            } else {
                format!("+c.{name}")
            }
        };
        match chip {
            // `active = 1` literally, so the partial indexes of open work apply.
            Chip::Open => sql.push_str(" AND c.active = 1"),
            Chip::Status(s) => {
                sql.push_str(&format!(" AND {} = ?", col("status")));
                params.push(text(s.code()));
                if s.is_active() {
                    sql.push_str(" AND c.active = 1");
                }
            }
            Chip::Colour(c) => {
                sql.push_str(&format!(" AND {} = ?", col("colour")));
                params.push(Value::Integer(c.rank()));
            }
            Chip::Category(code) => {
                sql.push_str(&format!(" AND {} = ?", col("category")));
                params.push(text(code));
            }
            Chip::Channel(ch) => {
                sql.push_str(&format!(" AND {} = ?", col("channel")));
                params.push(text(ch.code()));
            }
            Chip::Owner(OwnerFilter::Staff(id)) => {
                sql.push_str(&format!(" AND {} = ?", col("owner_id")));
                params.push(Value::Integer(*id));
            }
            Chip::Owner(OwnerFilter::Unassigned) => {
                sql.push_str(&format!(" AND {} IS NULL", col("owner_id")))
            }
            Chip::Level(l) => {
                sql.push_str(&format!(" AND {} = ?", col("level")));
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
            Chip::Centre(id) => {
                sql.push_str(&format!(" AND {} = ?", col("centre_id")));
                params.push(Value::Integer(*id));
            }
            Chip::NeedsFollowUp => {
                // A scalar subquery, so the list's order index drives and each row is one
                // probe (SQLite turns an EXISTS into an IN over 15 k due visits, then sorts).
                sql.push_str(
                    " AND (SELECT 1 FROM followups f WHERE f.case_id = c.id AND f.status = 'due' AND f.due_on <= ? LIMIT 1) IS NOT NULL",
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
        c.status, c.owner_id, s.name, c.level, c.deadline_at, c.active, c.waiting, c.waiting_since,
        CASE WHEN c.colour = 0 AND c.active = 1 THEN ifnull((SELECT a.at FROM audit a
            WHERE a.case_id = c.id AND a.action <> 'case.reveal' ORDER BY a.id DESC LIMIT 1),
            c.received_at) END, c.centre_id, c.pending_to
    FROM cases c LEFT JOIN parties p ON p.id = c.first_party_id LEFT JOIN staff s ON s.id = c.owner_id";

fn row(r: &Row) -> Result<CaseRow> {
    const T: &str = "cases";
    let phone: Option<String> = r.get(6, T)?;
    Ok(CaseRow {
        id: r.get(0, T)?,
        case_no: r.get(1, T)?,
        received_at: r.get::<Stamp>(2, T)?.0,
        colour: r.get(3, T)?,
        category: r.get(4, T)?,
        // No first party (an imported case may have none): no name to show.
        party: r.get::<Option<String>>(5, T)?.unwrap_or_default(),
        party_phone: phone.as_deref().map(mask_phone),
        status: r.get(7, T)?,
        owner_id: r.get(8, T)?,
        owner: r.get(9, T)?,
        level: r.get(10, T)?,
        deadline_at: r.get::<Option<Stamp>>(11, T)?.map(|t| t.0),
        active: r.get::<i64>(12, T)? != 0,
        waiting: r.get(13, T)?,
        waiting_since: r.get::<Option<Stamp>>(14, T)?.map(|t| t.0),
        red_last_action: r.get::<Option<Stamp>>(15, "audit")?.map(|t| t.0),
        centre_id: r.get(16, T)?,
        pending_to: r.get(17, T)?,
    })
}

/// The statements of a page, each with its parameters but the LIMIT's.
pub(crate) type Steps = Vec<(String, Vec<Value>)>;

/// Builds the SQL of each keyset step: rows after `cursor` in the order, as one or two index
/// range scans (ties on the primary value first, then greater primary values).
pub(crate) fn page_sql(
    f: &CaseFilter,
    sort: Sort,
    cursor: Option<&Cursor>,
    backwards: bool,
    now: NaiveDateTime,
    scope: Scope,
) -> Steps {
    let o = order(sort, backwards);
    let (filter, params) = where_sql(f, Some(sort), now, scope);
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

/// The ids of one page, in the order read: the keyset steps of `page_sql` run in turn until
/// `limit` ids are found.
pub(crate) fn page_ids(c: &Connection, steps: Steps, limit: usize) -> Result<Vec<i64>> {
    let mut ids: Vec<i64> = Vec::with_capacity(limit);
    for (sql, mut params) in steps {
        if ids.len() >= limit {
            break;
        }
        params.push(Value::Integer((limit - ids.len()) as i64));
        let p = rusqlite::params_from_iter(params);
        ids.extend(all(c, &sql, p, |r| r.get::<_, i64>(0))?);
    }
    Ok(ids)
}

/// Rows by id, in no particular order: those this connection may read (`readable!`: a case
/// its centres handle, received, are asked to sign for or sent on).
/// On both engines: the ids go as one JSON array (`json_each` on SQLite,
/// `json_array_elements_text` on PostgreSQL), one statement however many.
pub(crate) fn rows_by_ids(db: Db, ids: &[i64]) -> Result<Vec<CaseRow>> {
    let each = match db.engine() {
        Engine::Sqlite => "SELECT value FROM json_each(?1)",
        Engine::Postgres => {
            "SELECT CAST(value AS BIGINT) FROM json_array_elements_text(CAST(CAST(?1 AS TEXT) AS json))"
        }
    };
    let sql = format!("{SELECT_ROW} WHERE c.id IN ({each}) AND {}", readable!("c"));
    db.query_map(&sql, &[&json_ids(ids)], row)
}
