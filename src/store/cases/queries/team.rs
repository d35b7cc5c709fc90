//! A case's dedicated team: its members and plan.
use super::super::super::Result;
use super::{all, first, run};
use rusqlite::{Connection, params};

/// The members' staff codes, in code order, separated by spaces ("" for none).
pub(crate) fn member_codes(c: &Connection, case: i64) -> Result<String> {
    let sql =
        "SELECT ifnull(group_concat(code, ' '), '') FROM (SELECT s.code FROM case_team_members m
            JOIN staff s ON s.id = m.staff_id WHERE m.case_id = ?1 ORDER BY s.code)";
    Ok(c.query_row(sql, [case], |r| r.get(0))?)
}

/// (plan, updated at) of the case's team, if it has one.
pub(crate) fn team(c: &Connection, case: i64) -> Result<Option<(String, String)>> {
    let sql = "SELECT plan, updated_at FROM case_teams WHERE case_id = ?1";
    first(c, sql, [case], |r| Ok((r.get(0)?, r.get(1)?)))
}

/// (staff id, code, name) of the members, by code.
pub(crate) fn members(c: &Connection, case: i64) -> Result<Vec<(i64, String, String)>> {
    let sql =
        "SELECT s.id, s.code, s.name FROM case_team_members m JOIN staff s ON s.id = m.staff_id
             WHERE m.case_id = ?1 ORDER BY s.code";
    all(c, sql, [case], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
}

/// The members become exactly `members`.
pub(crate) fn set_members(c: &Connection, case: i64, members: &[i64]) -> Result<()> {
    run(
        c,
        "DELETE FROM case_team_members WHERE case_id = ?1",
        [case],
    )?;
    let sql = "INSERT OR IGNORE INTO case_team_members (case_id, staff_id) VALUES (?1, ?2)";
    for m in members {
        run(c, sql, params![case, m])?;
    }
    Ok(())
}

pub(crate) fn remove_team(c: &Connection, case: i64) -> Result<usize> {
    run(c, "DELETE FROM case_teams WHERE case_id = ?1", [case])
}

pub(crate) fn set_plan(c: &Connection, case: i64, plan: &str, at: &str, by: i64) -> Result<usize> {
    let sql = "INSERT INTO case_teams (case_id, plan, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (case_id) DO UPDATE SET plan = ?2, updated_at = ?3, updated_by = ?4";
    run(c, sql, params![case, plan, at, by])
}

/// Marks the case changed at `at`.
pub(crate) fn touch(c: &Connection, case: i64, at: &str) -> Result<usize> {
    run(
        c,
        "UPDATE cases SET updated_at = ?2 WHERE id = ?1",
        params![case, at],
    )
}
