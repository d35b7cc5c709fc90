//! Merging: the merge record and its moves, the case and party rows a merge reads and
//! changes, and what the detail lists about merges. Undoing is in unmerge.rs.
use super::super::super::Result;
use super::super::merges::{CaseBits, MergeKind, MergeLine};
use super::{all, first, run};
use crate::domain::status::Status;
use rusqlite::{Connection, params};

/// The rows of a case that follow it into the survivor: (what `merge_moves` calls them, table).
pub(crate) const MOVED: [(&str, &str); 3] = [
    ("visit", "visits"),
    ("session", "sessions"),
    ("followup", "followups"),
];

/// The table of a moved row's kind (`MOVED`), if it is one.
pub(crate) fn moved_table(what: &str) -> Option<&'static str> {
    MOVED.iter().find(|(w, _)| *w == what).map(|(_, t)| *t)
}

pub(crate) fn case_bits(c: &Connection, id: i64) -> Result<Option<CaseBits>> {
    let sql = "SELECT case_no, status, active, deadline_at, visits, merged_into, closed_at
        FROM cases WHERE id = ?1";
    first(c, sql, [id], |r| {
        Ok(CaseBits {
            no: r.get(0)?,
            status: r.get(1)?,
            active: r.get(2)?,
            deadline: r.get(3)?,
            visits: r.get(4)?,
            merged_into: r.get(5)?,
            closed_at: r.get(6)?,
        })
    })
}

/// Records a case merge with what the absorbed case was; returns the merge's id.
pub(crate) fn insert_case_merge(
    c: &Connection,
    keep: i64,
    gone: i64,
    at: &str,
    by: i64,
    g: &CaseBits,
) -> Result<i64> {
    let sql = "INSERT INTO merges (kind, keep_id, gone_id, at, staff_id, old_status, old_active,
                    old_deadline, old_visits) VALUES ('case', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
    run(
        c,
        sql,
        params![keep, gone, at, by, g.status, g.active, g.deadline, g.visits],
    )?;
    Ok(c.last_insert_rowid())
}

/// Records a party merge and which numbers it copied (`filled`: phone, ID); returns its id.
pub(crate) fn insert_party_merge(
    c: &Connection,
    keep: i64,
    gone: i64,
    at: &str,
    by: i64,
    filled: (bool, bool),
) -> Result<i64> {
    let sql = "INSERT INTO merges (kind, keep_id, gone_id, at, staff_id, phone_filled, id_filled)
                 VALUES ('party', ?1, ?2, ?3, ?4, ?5, ?6)";
    run(c, sql, params![keep, gone, at, by, filled.0, filled.1])?;
    Ok(c.last_insert_rowid())
}

/// One row a merge moved (`added`: a link the merge created, not one that was there).
pub(crate) fn record_move(
    c: &Connection,
    merge: i64,
    what: &str,
    row: i64,
    role: &str,
    added: bool,
) -> Result<usize> {
    let sql =
        "INSERT INTO merge_moves (merge_id, what, row_id, role, added) VALUES (?1, ?2, ?3, ?4, ?5)";
    run(c, sql, params![merge, what, row, role, added])
}

/// (party id, role) of a case's links.
pub(crate) fn links_of_case(c: &Connection, case: i64) -> Result<Vec<(i64, String)>> {
    let sql = "SELECT party_id, role FROM case_parties WHERE case_id = ?1 ORDER BY party_id, role";
    all(c, sql, [case], |r| Ok((r.get(0)?, r.get(1)?)))
}

/// (case id, role) of a party's links.
pub(crate) fn links_of_party(c: &Connection, party: i64) -> Result<Vec<(i64, String)>> {
    let sql = "SELECT case_id, role FROM case_parties WHERE party_id = ?1 ORDER BY case_id, role";
    all(c, sql, [party], |r| Ok((r.get(0)?, r.get(1)?)))
}

pub(crate) fn unlink_case(c: &Connection, case: i64) -> Result<usize> {
    run(c, "DELETE FROM case_parties WHERE case_id = ?1", [case])
}

pub(crate) fn unlink_party(c: &Connection, party: i64) -> Result<usize> {
    run(c, "DELETE FROM case_parties WHERE party_id = ?1", [party])
}

/// The ids of a case's rows in `table` (one of `MOVED`).
pub(crate) fn rows_of_case(c: &Connection, table: &str, case: i64) -> Result<Vec<i64>> {
    let sql = format!("SELECT id FROM {table} WHERE case_id = ?1");
    all(c, &sql, [case], |r| r.get(0))
}

/// Every row of `from` in `table` (one of `MOVED`) now belongs to `to`.
pub(crate) fn move_rows(c: &Connection, table: &str, from: i64, to: i64) -> Result<usize> {
    let sql = format!("UPDATE {table} SET case_id = ?1 WHERE case_id = ?2");
    run(c, &sql, params![to, from])
}

/// Adds `n` visits (negative: takes them back).
pub(crate) fn add_visits(c: &Connection, case: i64, n: i64, at: &str) -> Result<usize> {
    let sql = "UPDATE cases SET visits = visits + ?2, updated_at = ?3 WHERE id = ?1";
    run(c, sql, params![case, n, at])
}

/// The absorbed case: closed at `closed`, out of the open lists, pointing to `keep`.
pub(crate) fn close_merged(
    c: &Connection,
    gone: i64,
    keep: i64,
    closed: &str,
    at: &str,
) -> Result<usize> {
    let sql = "UPDATE cases SET merged_into = ?2, status = ?3, active = 0, deadline_at = NULL,
                    closed_at = ?5, updated_at = ?4 WHERE id = ?1";
    run(
        c,
        sql,
        params![gone, keep, Status::Closed.code(), at, closed],
    )
}

/// (name, phone, ID number, merged into) of a party.
pub(crate) type PartyBits = (String, Option<String>, Option<String>, Option<i64>);

pub(crate) fn party_bits(c: &Connection, id: i64) -> Result<Option<PartyBits>> {
    let sql = "SELECT name, phone, id_number, merged_into FROM parties WHERE id = ?1";
    first(c, sql, [id], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })
}

/// The case's first party becomes `to` if it is `from`; how many rows changed (0 or 1).
pub(crate) fn swap_first_party(
    c: &Connection,
    case: i64,
    from: i64,
    to: i64,
    at: &str,
) -> Result<usize> {
    let sql = "UPDATE cases SET first_party_id = ?2, updated_at = ?4 WHERE id = ?1 AND first_party_id = ?3";
    run(c, sql, params![case, to, from, at])
}

pub(crate) fn set_party_phone(c: &Connection, party: i64, phone: Option<&str>) -> Result<usize> {
    run(
        c,
        "UPDATE parties SET phone = ?2 WHERE id = ?1",
        params![party, phone],
    )
}

pub(crate) fn set_party_id_number(c: &Connection, party: i64, id: Option<&str>) -> Result<usize> {
    run(
        c,
        "UPDATE parties SET id_number = ?2 WHERE id = ?1",
        params![party, id],
    )
}

/// Points a party to the one it was merged into (None: to none).
pub(crate) fn set_party_merged_into(
    c: &Connection,
    party: i64,
    into: Option<i64>,
) -> Result<usize> {
    run(
        c,
        "UPDATE parties SET merged_into = ?2 WHERE id = ?1",
        params![party, into],
    )
}

/// The number of the case this one was merged into, if it was.
pub(crate) fn merged_into_no(c: &Connection, case: i64) -> Result<Option<String>> {
    let sql = "SELECT k.case_no FROM cases c JOIN cases k ON k.id = c.merged_into WHERE c.id = ?1";
    first(c, sql, [case], |r| r.get(0))
}

/// Merges in force touching the case (its own, and party merges on its parties), newest first.
pub(crate) fn merges_of_case(c: &Connection, case: i64) -> Result<Vec<MergeLine>> {
    let sql = "SELECT m.id, m.kind, m.at, g.case_no, k.case_no FROM merges m
                JOIN cases g ON g.id = m.gone_id JOIN cases k ON k.id = m.keep_id
             WHERE m.kind = 'case' AND ?1 IN (m.keep_id, m.gone_id) AND m.undone_at IS NULL
             UNION ALL
             SELECT m.id, m.kind, m.at, g.name, k.name FROM merges m
                JOIN parties g ON g.id = m.gone_id JOIN parties k ON k.id = m.keep_id
             WHERE m.kind = 'party' AND m.undone_at IS NULL
                AND m.keep_id IN (SELECT party_id FROM case_parties WHERE case_id = ?1)
             ORDER BY 1 DESC";
    all(c, sql, [case], |r| {
        let kind: String = r.get(1)?;
        Ok(MergeLine {
            id: r.get(0)?,
            kind: if kind == "case" {
                MergeKind::Case
            } else {
                MergeKind::Party
            },
            at: r.get(2)?,
            gone: r.get(3)?,
            keep: r.get(4)?,
        })
    })
}
