//! Login with lockout: every attempt counted and audited, the PIN checked outside any
//! transaction. The lockout's numbers are `domain::staff`.
use super::super::db::Db;
use super::super::time::to_sql;
use super::super::{Result, Store, audit};
use super::{LoginError, StaffMember, pin_matches, queries};
use crate::domain::staff::{self, MAX_FAILED_LOGINS};
use chrono::NaiveDateTime;

impl Store {
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
        let (m, hash, n) = match self.write_db(|tx| take_turn(tx, code, now, &at))? {
            Turn::Refused(e) => return Ok(Err(e)),
            Turn::Check { member, hash, n } => (member, hash, n),
        };
        let ok = pin_matches(pin, &hash);
        self.write_db(|tx| {
            if ok {
                queries::set_failures(tx, m.id, 0, None)?;
                audit::event(tx, &at, Some(m.id), None, "auth.ok", code)?;
                return Ok(Ok(m.clone()));
            }
            audit::event(tx, &at, Some(m.id), None, "auth.fail", code)?;
            let refused = staff::wrong_pin(n, now);
            if let LoginError::Locked(until) = refused {
                queries::lock(tx, m.id, until)?;
            }
            Ok(Err(refused))
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
fn take_turn(tx: Db, code: &str, now: NaiveDateTime, at: &str) -> Result<Turn> {
    let Some(row) = queries::login_row(tx, code)? else {
        audit::event(tx, at, None, None, "auth.unknown", code)?;
        return Ok(Turn::Refused(LoginError::Wrong {
            attempts_left: MAX_FAILED_LOGINS,
        }));
    };
    let m = row.member;
    if let Some(until) = row.locked_until.filter(|u| *u > now) {
        audit::event(tx, at, Some(m.id), None, "auth.locked", code)?;
        return Ok(Turn::Refused(LoginError::Locked(until)));
    }
    if !m.active {
        audit::event(tx, at, Some(m.id), None, "auth.disabled", code)?;
        return Ok(Turn::Refused(LoginError::Disabled));
    }
    let n = staff::attempt_number(row.failed);
    queries::set_failures(tx, m.id, n, staff::lock_while_checking(n, now))?;
    Ok(Turn::Check {
        member: m,
        hash: row.hash,
        n,
    })
}
