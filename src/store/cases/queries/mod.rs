//! Every SQL statement of cases, by topic, and nothing else: registering (create.rs), the
//! list and its rows (list.rs), counts (counts.rs), the detail (detail.rs), search
//! (search.rs), parties and triage lookups (parties.rs, triage.rs), the workflow (workflow.rs,
//! ladder.rs), referrals (referrals.rs), merges and their undo (merges.rs, unmerge.rs) and
//! teams (team.rs). Each function runs its statements and decodes the rows; what to check,
//! decide and audit is the caller's (the files of `store::cases` above this folder). This
//! module is private to `store::cases`, so its `pub(crate)` items reach no further.
mod counts;
mod create;
mod detail;
mod ladder;
mod list;
mod merges;
mod parties;
mod referrals;
mod search;
mod team;
mod triage;
mod unmerge;
mod workflow;

use super::super::Result;
use rusqlite::{Connection, OptionalExtension, Params, Row};

/// What a row decoder returns.
type Sql<T> = rusqlite::Result<T>;

pub(super) use counts::*;
pub(super) use create::*;
pub(super) use detail::*;
pub(super) use ladder::*;
pub use list::Cursor;
pub(super) use list::*;
pub(super) use merges::*;
pub(super) use parties::*;
pub(super) use referrals::*;
pub(super) use search::*;
pub(super) use team::*;
pub(super) use triage::*;
pub(super) use unmerge::*;
pub(super) use workflow::*;

/// Runs a write (prepared afresh each time); how many rows it changed.
fn run(conn: &Connection, sql: &str, p: impl Params) -> Result<usize> {
    Ok(conn.execute(sql, p)?)
}

/// The first row of a statement (prepared afresh), if there is one.
fn first<T>(
    conn: &Connection,
    sql: &str,
    p: impl Params,
    f: impl FnOnce(&Row) -> Sql<T>,
) -> Result<Option<T>> {
    Ok(conn.query_row(sql, p, f).optional()?)
}

/// Every row of a cached statement, decoded by `f`.
fn all<T>(
    conn: &Connection,
    sql: &str,
    p: impl Params,
    f: impl FnMut(&Row) -> Sql<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(p, f)?;
    Ok(rows.collect::<Sql<_>>()?)
}

/// Ids as the JSON array `json_each` reads: one statement, however many ids.
fn json_ids(ids: &[i64]) -> String {
    format!(
        "[{}]",
        ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
    )
}
