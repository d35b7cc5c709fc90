//! Every SQL statement of staff accounts and logins.
use super::super::Result;
use super::super::convert::code;
use super::super::time::{from_sql, to_sql};
use super::{NewStaff, StaffMember};
use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, Row, params};

const COLUMNS: &str = "id, code, name, role, languages, specialties, team, active, centre_id";

fn split_list(s: String) -> Vec<String> {
    s.split(',')
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

fn member(r: &Row) -> rusqlite::Result<StaffMember> {
    Ok(StaffMember {
        id: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        role: code(r, 3, "staff")?,
        languages: split_list(r.get(4)?),
        specialties: split_list(r.get(5)?),
        team: r.get(6)?,
        active: r.get(7)?,
        centre_id: r.get(8)?,
    })
}

pub(super) fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT COUNT(*) FROM staff", [], |r| r.get(0))?)
}

/// Whether an account has this code, ignoring case.
pub(super) fn code_taken(conn: &Connection, code: &str) -> Result<bool> {
    let found: Option<i64> = conn
        .query_row(
            "SELECT id FROM staff WHERE code = ?1 COLLATE NOCASE",
            [code],
            |r| r.get(0),
        )
        .optional()?;
    Ok(found.is_some())
}

pub(super) fn insert(
    conn: &Connection,
    s: &NewStaff,
    code: &str,
    name: &str,
    pin_hash: &str,
    at: &str,
    centre_id: i64,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO staff (code, name, role, languages, specialties, team, pin_hash, created_at,
                            centre_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            code,
            name,
            s.role,
            s.languages.join(","),
            s.specialties.join(","),
            s.team,
            pin_hash,
            at,
            centre_id
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub(super) fn list(conn: &Connection) -> Result<Vec<StaffMember>> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM staff ORDER BY code"))?;
    let rows = stmt.query_map([], member)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn by_code(conn: &Connection, code: &str) -> Result<Option<StaffMember>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM staff WHERE code = ?1"),
            [code],
            member,
        )
        .optional()?)
}

pub(super) fn id_by_code(conn: &Connection, code: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row("SELECT id FROM staff WHERE code = ?1", [code], |r| r.get(0))
        .optional()?)
}

pub(super) fn set_active(conn: &Connection, id: i64, active: bool) -> Result<()> {
    conn.execute(
        "UPDATE staff SET active = ?1 WHERE id = ?2",
        params![active, id],
    )?;
    Ok(())
}

/// An account as a login needs it.
pub(super) struct LoginRow {
    pub member: StaffMember,
    pub hash: String,
    /// Wrong PINs in a row so far.
    pub failed: i64,
    pub locked_until: Option<NaiveDateTime>,
}

pub(super) fn login_row(conn: &Connection, code: &str) -> Result<Option<LoginRow>> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {COLUMNS}, pin_hash, failed_logins, locked_until FROM staff WHERE code = ?1"
            ),
            [code],
            |r| {
                Ok(LoginRow {
                    member: member(r)?,
                    hash: r.get(9)?,
                    failed: r.get(10)?,
                    locked_until: r
                        .get::<_, Option<String>>(11)?
                        .as_deref()
                        .and_then(from_sql),
                })
            },
        )
        .optional()?)
}

/// Records the wrong PINs in a row and the lock (none: unlocked).
pub(super) fn set_failures(
    conn: &Connection,
    id: i64,
    failed: i64,
    locked_until: Option<NaiveDateTime>,
) -> Result<()> {
    conn.execute(
        "UPDATE staff SET failed_logins = ?1, locked_until = ?2 WHERE id = ?3",
        params![failed, locked_until.map(to_sql), id],
    )?;
    Ok(())
}

pub(super) fn lock(conn: &Connection, id: i64, until: NaiveDateTime) -> Result<()> {
    conn.execute(
        "UPDATE staff SET locked_until = ?1 WHERE id = ?2",
        params![to_sql(until), id],
    )?;
    Ok(())
}
