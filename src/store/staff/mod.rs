//! Staff accounts (add, list, disable and enable: accounts.rs), PINs (Argon2id) and login with
//! lockout (login.rs). The rules are `domain::staff` and `domain::pin`; the SQL is queries.rs.
mod accounts;
#[cfg(test)]
mod engines_tests;
mod login;
mod queries;
#[cfg(test)]
mod tests;

pub use crate::domain::staff::LoginError;

use super::{Result, StoreError};
use crate::domain::role::Role;
use crate::domain::staff::StaffRule;
use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier, phc::PasswordHash};

#[derive(Debug, Clone)]
pub struct NewStaff {
    pub code: String,
    pub name: String,
    pub role: Role,
    pub languages: Vec<String>,
    pub specialties: Vec<String>,
    pub team: Option<String>,
    pub pin: String,
    /// The centre they work at; None: the centre of whoever adds them (the first lead: the
    /// first centre).
    pub centre_id: Option<i64>,
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
    pub centre_id: i64,
}

impl From<StaffRule> for StoreError {
    fn from(rule: StaffRule) -> Self {
        StoreError::Staff(rule)
    }
}

/// Hashes a PIN with Argon2id (memory-hard) and a random salt, as a PHC string. The argon2
/// crate's defaults: 19 MiB, 2 iterations, parallelism 1, 16-byte salt; README gives the time
/// of one check, from which an offline search of a stolen backup can be estimated.
pub fn hash_pin(pin: &str) -> Result<String> {
    Argon2::default()
        .hash_password(pin.as_bytes())
        .map(|h| h.to_string())
        .map_err(|_| StaffRule::PinHash.into())
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
