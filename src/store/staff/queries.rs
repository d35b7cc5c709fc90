//! Every SQL statement of staff accounts and logins: one text for both engines (db/mod.rs).
use super::super::Result;
use super::super::db::{Db, Row};
use super::super::time::{from_sql, to_sql};
use super::{NewStaff, StaffMember};
use chrono::NaiveDateTime;

const COLUMNS: &str = "id, code, name, role, languages, specialties, team, active, centre_id";

fn split_list(s: String) -> Vec<String> {
    s.split(',')
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

fn member(r: &Row) -> Result<StaffMember> {
    Ok(StaffMember {
        id: r.get(0, "staff")?,
        code: r.get(1, "staff")?,
        name: r.get(2, "staff")?,
        role: r.get(3, "staff")?,
        languages: split_list(r.get(4, "staff")?),
        specialties: split_list(r.get(5, "staff")?),
        team: r.get(6, "staff")?,
        active: r.get::<i64>(7, "staff")? == 1,
        centre_id: r.get(8, "staff")?,
    })
}

pub(super) fn count(db: Db) -> Result<i64> {
    db.one("SELECT CAST(COUNT(*) AS BIGINT) FROM staff", &[])
}

/// Whether an account has this code, ignoring case (codes are ASCII letters and digits).
pub(super) fn code_taken(db: Db, code: &str) -> Result<bool> {
    let found = db.query_opt(
        "SELECT id FROM staff WHERE lower(code) = lower(?1)",
        &[&code],
        |r| r.get::<i64>(0, "staff"),
    )?;
    Ok(found.is_some())
}

pub(super) fn insert(
    db: Db,
    s: &NewStaff,
    code: &str,
    name: &str,
    pin_hash: &str,
    at: &str,
    centre_id: i64,
) -> Result<i64> {
    db.one(
        "INSERT INTO staff (code, name, role, languages, specialties, team, pin_hash, created_at,
                            centre_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id",
        &[
            &code,
            &name,
            &s.role,
            &s.languages.join(","),
            &s.specialties.join(","),
            &s.team,
            &pin_hash,
            &at,
            &centre_id,
        ],
    )
}

pub(super) fn list(db: Db) -> Result<Vec<StaffMember>> {
    db.query_map(
        &format!("SELECT {COLUMNS} FROM staff ORDER BY code"),
        &[],
        member,
    )
}

pub(super) fn by_code(db: Db, code: &str) -> Result<Option<StaffMember>> {
    db.query_opt(
        &format!("SELECT {COLUMNS} FROM staff WHERE code = ?1"),
        &[&code],
        member,
    )
}

pub(super) fn id_by_code(db: Db, code: &str) -> Result<Option<i64>> {
    db.query_opt("SELECT id FROM staff WHERE code = ?1", &[&code], |r| {
        r.get(0, "staff")
    })
}

pub(super) fn set_active(db: Db, id: i64, active: bool) -> Result<()> {
    db.execute(
        "UPDATE staff SET active = ?1 WHERE id = ?2",
        &[&i64::from(active), &id],
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

pub(super) fn login_row(db: Db, code: &str) -> Result<Option<LoginRow>> {
    db.query_opt(
        &format!(
            "SELECT {COLUMNS}, pin_hash, failed_logins, locked_until FROM staff WHERE code = ?1"
        ),
        &[&code],
        |r| {
            Ok(LoginRow {
                member: member(r)?,
                hash: r.get(9, "staff")?,
                failed: r.get(10, "staff")?,
                locked_until: r
                    .get::<Option<String>>(11, "staff")?
                    .as_deref()
                    .and_then(from_sql),
            })
        },
    )
}

/// Records the wrong PINs in a row and the lock (none: unlocked).
pub(super) fn set_failures(
    db: Db,
    id: i64,
    failed: i64,
    locked_until: Option<NaiveDateTime>,
) -> Result<()> {
    db.execute(
        "UPDATE staff SET failed_logins = ?1, locked_until = ?2 WHERE id = ?3",
        &[&failed, &locked_until.map(to_sql), &id],
    )?;
    Ok(())
}

pub(super) fn lock(db: Db, id: i64, until: NaiveDateTime) -> Result<()> {
    db.execute(
        "UPDATE staff SET locked_until = ?1 WHERE id = ?2",
        &[&to_sql(until), &id],
    )?;
    Ok(())
}
