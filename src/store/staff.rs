//! Staff accounts, PINs (Argon2id) and login with lockout.
use super::time::{from_sql, to_sql};
use super::{Actor, Result, Store, StoreError, audit};
use crate::domain::role::{Permission, Role};
use crate::domain::staff;
use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier, phc::PasswordHash};
use chrono::{Duration, NaiveDateTime};
use rusqlite::{OptionalExtension, Row, params};

/// Wrong PINs in a row before the account is locked, and for how long.
pub const MAX_FAILED_LOGINS: i64 = 3;
pub const LOCKOUT: Duration = Duration::seconds(30);

#[derive(Debug, Clone)]
pub struct NewStaff {
    pub code: String,
    pub name: String,
    pub role: Role,
    pub languages: Vec<String>,
    pub specialties: Vec<String>,
    pub team: Option<String>,
    pub pin: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffMember {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub role: Role,
    pub languages: Vec<String>,
    pub specialties: Vec<String>,
    pub team: Option<String>,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoginError {
    #[error("unknown staff code or wrong PIN")]
    Wrong { attempts_left: i64 },
    #[error("locked until {0}")]
    Locked(NaiveDateTime),
    #[error("account disabled")]
    Disabled,
}

impl LoginError {
    pub fn i18n_key(&self) -> &'static str {
        match self {
            LoginError::Wrong { .. } => "login.wrong",
            LoginError::Locked(_) => "login.locked",
            LoginError::Disabled => "login.disabled",
        }
    }
}

/// Hashes a PIN with Argon2id (memory-hard) and a random salt, as a PHC string. The argon2
/// crate's defaults: 19 MiB, 2 iterations, parallelism 1, 16-byte salt; README gives the time
/// of one check, from which an offline search of a stolen backup can be estimated.
pub fn hash_pin(pin: &str) -> Result<String> {
    Argon2::default()
        .hash_password(pin.as_bytes())
        .map(|h| h.to_string())
        .map_err(|_| StoreError::Rule("err.pin.hash"))
}

fn pin_matches(pin: &str, phc: &str) -> bool {
    PasswordHash::new(phc)
        .map(|h| {
            Argon2::default()
                .verify_password(pin.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

fn split_list(s: String) -> Vec<String> {
    s.split(',')
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

const COLUMNS: &str = "id, code, name, role, languages, specialties, team, active";

fn member(r: &Row) -> rusqlite::Result<StaffMember> {
    let role: String = r.get(3)?;
    Ok(StaffMember {
        id: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        role: Role::from_code(&role).unwrap_or(Role::Desk),
        languages: split_list(r.get(4)?),
        specialties: split_list(r.get(5)?),
        team: r.get(6)?,
        active: r.get(7)?,
    })
}

impl Store {
    /// Adds a member of staff. `by` is None only for the very first lead (`onedoor init`).
    pub fn add_staff(
        &mut self,
        by: Option<Actor>,
        s: &NewStaff,
        now: NaiveDateTime,
    ) -> Result<i64> {
        let hash = hash_pin(&s.pin)?;
        self.add_staff_hashed(by, s, &hash, now)
    }

    /// As `add_staff` with a ready hash (demo data hashes one PIN once for everybody).
    pub fn add_staff_hashed(
        &mut self,
        by: Option<Actor>,
        s: &NewStaff,
        pin_hash: &str,
        now: NaiveDateTime,
    ) -> Result<i64> {
        let code = staff::check_code(&s.code).map_err(|e| StoreError::Rule(e.i18n_key()))?;
        let name = staff::check_name(&s.name).map_err(|e| StoreError::Rule(e.i18n_key()))?;
        if !crate::domain::pin::is_valid_pin(&s.pin) {
            return Err(StoreError::Rule("err.pin.format"));
        }
        self.write(|tx| {
            match by {
                Some(a) if !a.role.may(Permission::ManageStaff) => return Err(StoreError::Forbidden),
                None => {
                    let n: i64 = tx.query_row("SELECT COUNT(*) FROM staff", [], |r| r.get(0))?;
                    if n > 0 {
                        return Err(StoreError::Forbidden);
                    }
                }
                _ => {}
            }
            let exists: Option<i64> = tx
                .query_row(
                    "SELECT id FROM staff WHERE code = ?1 COLLATE NOCASE",
                    [code],
                    |r| r.get(0),
                )
                .optional()?;
            if exists.is_some() {
                return Err(StoreError::Rule("err.staff.code_taken"));
            }
            let at = to_sql(now);
            tx.execute(
                "INSERT INTO staff (code, name, role, languages, specialties, team, pin_hash, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    code,
                    name,
                    s.role.code(),
                    s.languages.join(","),
                    s.specialties.join(","),
                    s.team,
                    pin_hash,
                    at
                ],
            )?;
            let id = tx.last_insert_rowid();
            let who = format!("{code} {name} {}", s.role.code());
            audit::event(tx, &at, by.map(|a| a.staff_id).or(Some(id)), None, "staff.add", &who)?;
            Ok(id)
        })
    }

    pub fn list_staff(&self) -> Result<Vec<StaffMember>> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {COLUMNS} FROM staff ORDER BY code"))?;
        let rows = stmt.query_map([], member)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn staff_by_code(&self, code: &str) -> Result<Option<StaffMember>> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM staff WHERE code = ?1"),
                [code],
                member,
            )
            .optional()?)
    }

    /// Disables or re-enables an account (a lead's action, audited). A lead cannot disable
    /// themself, so a centre is never left without the lead who could undo it.
    pub fn set_staff_active(
        &mut self,
        by: Actor,
        code: &str,
        active: bool,
        now: NaiveDateTime,
    ) -> Result<()> {
        if !by.role.may(Permission::ManageStaff) {
            return Err(StoreError::Forbidden);
        }
        self.write(|tx| {
            let id: i64 = tx
                .query_row("SELECT id FROM staff WHERE code = ?1", [code.trim()], |r| {
                    r.get(0)
                })
                .optional()?
                .ok_or(StoreError::NotFound)?;
            if id == by.staff_id && !active {
                return Err(StoreError::Rule("err.staff.self_disable"));
            }
            tx.execute(
                "UPDATE staff SET active = ?1 WHERE id = ?2",
                params![active, id],
            )?;
            let action = if active {
                "staff.enable"
            } else {
                "staff.disable"
            };
            audit::event(
                tx,
                &to_sql(now),
                Some(by.staff_id),
                None,
                action,
                code.trim(),
            )
        })
    }

    /// Checks a code and PIN. Three wrong PINs lock the account for 30 seconds; every attempt
    /// is audited. An unknown code answers like a wrong PIN so codes cannot be probed.
    ///
    /// Parallel attempts (several desks, or a script starting many commands at once) are counted
    /// one by one: each first takes its turn in an IMMEDIATE transaction that reads the lock and
    /// counts the attempt as failed before the PIN is checked, so no two attempts can read the
    /// same count. Argon2 then runs outside any transaction (it takes tens of milliseconds and
    /// other desks keep writing meanwhile), and a second transaction settles the outcome.
    pub fn login(
        &mut self,
        code: &str,
        pin: &str,
        now: NaiveDateTime,
    ) -> Result<Result<StaffMember, LoginError>> {
        let code = code.trim();
        let at = to_sql(now);
        let (m, hash, n) = match self.write(|tx| take_turn(tx, code, now, &at))? {
            Turn::Refused(e) => return Ok(Err(e)),
            Turn::Check { member, hash, n } => (member, hash, n),
        };
        let ok = pin_matches(pin, &hash);
        self.write(|tx| {
            if ok {
                tx.execute(
                    "UPDATE staff SET failed_logins = 0, locked_until = NULL WHERE id = ?1",
                    [m.id],
                )?;
                audit::event(tx, &at, Some(m.id), None, "auth.ok", code)?;
                return Ok(Ok(m.clone()));
            }
            audit::event(tx, &at, Some(m.id), None, "auth.fail", code)?;
            if n < MAX_FAILED_LOGINS {
                return Ok(Err(LoginError::Wrong {
                    attempts_left: MAX_FAILED_LOGINS - n,
                }));
            }
            let until = now + LOCKOUT;
            tx.execute(
                "UPDATE staff SET locked_until = ?1 WHERE id = ?2",
                params![to_sql(until), m.id],
            )?;
            Ok(Err(LoginError::Locked(until)))
        })
    }
}

/// What the first step of a login decided.
enum Turn {
    /// Refused without checking the PIN (unknown code, locked, disabled); already audited.
    Refused(LoginError),
    /// Check the PIN: this attempt is the `n`th wrong one in a row unless the PIN is right.
    Check {
        member: StaffMember,
        hash: String,
        n: i64,
    },
}

/// Inside one IMMEDIATE transaction: refuses a locked or disabled account, else counts this
/// attempt as failed before its PIN is checked. The attempt that may be the last allowed one
/// locks the account at once, so attempts arriving while it is being checked are refused
/// unchecked; a right PIN lifts the lock again. An attempt cut off half way (a killed process)
/// stays counted as failed.
fn take_turn(tx: &rusqlite::Transaction, code: &str, now: NaiveDateTime, at: &str) -> Result<Turn> {
    let row: Option<(StaffMember, String, i64, Option<String>)> = tx
        .query_row(
            &format!(
                "SELECT {COLUMNS}, pin_hash, failed_logins, locked_until FROM staff WHERE code = ?1"
            ),
            [code],
            |r| Ok((member(r)?, r.get(8)?, r.get(9)?, r.get(10)?)),
        )
        .optional()?;
    let Some((m, hash, failed, locked)) = row else {
        audit::event(tx, at, None, None, "auth.unknown", code)?;
        return Ok(Turn::Refused(LoginError::Wrong {
            attempts_left: MAX_FAILED_LOGINS,
        }));
    };
    if let Some(until) = locked.as_deref().and_then(from_sql).filter(|u| *u > now) {
        audit::event(tx, at, Some(m.id), None, "auth.locked", code)?;
        return Ok(Turn::Refused(LoginError::Locked(until)));
    }
    if !m.active {
        audit::event(tx, at, Some(m.id), None, "auth.disabled", code)?;
        return Ok(Turn::Refused(LoginError::Disabled));
    }
    // A lockout that has run out starts a new series of attempts.
    let failed = if failed >= MAX_FAILED_LOGINS {
        0
    } else {
        failed
    };
    let n = failed + 1;
    let lock = (n >= MAX_FAILED_LOGINS).then(|| to_sql(now + LOCKOUT));
    tx.execute(
        "UPDATE staff SET failed_logins = ?1, locked_until = ?2 WHERE id = ?3",
        params![n, lock, m.id],
    )?;
    Ok(Turn::Check { member: m, hash, n })
}
