//! Undoing a merge: the merge record and its moves, and the statements that put each moved
//! row back. Each returns how many rows it touched, for the caller to check it was exact.
use super::super::super::Result;
use super::{all, first, run};
use rusqlite::{Connection, params};

/// A merge as recorded.
pub(crate) struct MergeRecord {
    pub kind: String,
    pub keep: i64,
    pub gone: i64,
    pub undone: bool,
    /// What a case merge found in the absorbed case: status, active, deadline, visits.
    pub old: (Option<String>, Option<bool>, Option<String>, Option<i64>),
    /// Whether a party merge copied the phone, the ID number.
    pub filled: (bool, bool),
}

pub(crate) fn merge(c: &Connection, id: i64) -> Result<Option<MergeRecord>> {
    let sql = "SELECT kind, keep_id, gone_id, old_status, old_active, old_deadline, old_visits,
                        phone_filled, id_filled, undone_at FROM merges WHERE id = ?1";
    first(c, sql, [id], |r| {
        let undone_at: Option<String> = r.get(9)?;
        Ok(MergeRecord {
            kind: r.get(0)?,
            keep: r.get(1)?,
            gone: r.get(2)?,
            undone: undone_at.is_some(),
            old: (r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?),
            filled: (r.get(7)?, r.get(8)?),
        })
    })
}

/// (what, row id, role, added) of a merge's moves, in the order they were made.
pub(crate) type Move = (String, i64, String, bool);

pub(crate) fn moves(c: &Connection, merge: i64) -> Result<Vec<Move>> {
    let sql =
        "SELECT what, row_id, role, added FROM merge_moves WHERE merge_id = ?1 ORDER BY rowid";
    all(c, sql, [merge], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })
}

/// Removes one link of a party to a case in a role.
pub(crate) fn unlink(c: &Connection, case: i64, party: i64, role: &str) -> Result<usize> {
    let sql = "DELETE FROM case_parties WHERE case_id = ?1 AND party_id = ?2 AND role = ?3";
    run(c, sql, params![case, party, role])
}

/// Row `row` of `table` (one of `MOVED`) goes back from case `from` to case `to`.
pub(crate) fn move_back(
    c: &Connection,
    table: &str,
    row: i64,
    from: i64,
    to: i64,
) -> Result<usize> {
    let sql = format!("UPDATE {table} SET case_id = ?1 WHERE id = ?2 AND case_id = ?3");
    run(c, &sql, params![to, row, from])
}

/// The absorbed case as it was: not merged, with its old status, activity, deadline and
/// closing time.
pub(crate) fn restore_case(
    c: &Connection,
    gone: i64,
    status: &str,
    active: bool,
    deadline: Option<&str>,
    closed: Option<&str>,
    at: &str,
) -> Result<usize> {
    let sql = "UPDATE cases SET merged_into = NULL, status = ?2, active = ?3, deadline_at = ?4,
                        closed_at = ?6, updated_at = ?5
                     WHERE id = ?1";
    run(c, sql, params![gone, status, active, deadline, at, closed])
}

/// The party a party was merged into, if it was.
pub(crate) fn party_merged_into(c: &Connection, party: i64) -> Result<Option<i64>> {
    let sql = "SELECT merged_into FROM parties WHERE id = ?1";
    Ok(c.query_row(sql, [party], |r| r.get(0))?)
}

/// Clears `keep`'s phone if it is still the one copied from `gone`.
pub(crate) fn clear_copied_phone(c: &Connection, keep: i64, gone: i64) -> Result<usize> {
    let sql = "UPDATE parties SET phone = NULL WHERE id = ?1
                         AND phone IS (SELECT phone FROM parties WHERE id = ?2)";
    run(c, sql, params![keep, gone])
}

/// Clears `keep`'s ID number if it is still the one copied from `gone`.
pub(crate) fn clear_copied_id_number(c: &Connection, keep: i64, gone: i64) -> Result<usize> {
    let sql = "UPDATE parties SET id_number = NULL WHERE id = ?1
                         AND id_number IS (SELECT id_number FROM parties WHERE id = ?2)";
    run(c, sql, params![keep, gone])
}

pub(crate) fn mark_undone(c: &Connection, merge: i64, at: &str, by: i64) -> Result<usize> {
    let sql = "UPDATE merges SET undone_at = ?2, undone_by = ?3 WHERE id = ?1";
    run(c, sql, params![merge, at, by])
}
