//! Realistic, deterministic demo data (`onedoor demo`, `onedoor --demo`): a centre's staff, rooms
//! and years of cases, parties, sessions, follow-ups and audit events. Same seed, same data.
mod calibration;
mod cases;
mod people;
mod schedule;
mod staff;
mod texts;

use crate::domain::role::Role;
use crate::store::{Actor, NewStaff, Store, StoreError};
use chrono::NaiveDateTime;

/// The demo's shift lead, logged in by `onedoor --demo`.
pub const DEMO_LEAD: &str = "L001";

#[derive(Debug, Clone)]
pub struct DemoOptions {
    pub cases: u32,
    pub seed: u64,
    /// The clock the data is laid out around: intakes, results and audit entries before it,
    /// booked sessions and due follow-ups after it.
    pub now: NaiveDateTime,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DemoReport {
    pub cases: u64,
    pub parties: u64,
    pub sessions: u64,
    pub followups: u64,
}

/// Fills an empty store. Staff all get `pin` (hashed once: Argon2 is deliberately slow).
pub fn generate(
    store: &mut Store,
    opts: &DemoOptions,
    pin: &str,
) -> Result<DemoReport, StoreError> {
    let hash = crate::store::hash_pin(pin)?;
    let at =
        opts.now.date().and_hms_opt(8, 0, 0).unwrap_or_default() - chrono::Duration::days(1200);
    let mut lead: Option<Actor> = None;
    let mut staff_ids = Vec::new();
    for s in staff::STAFF {
        let new = NewStaff {
            code: s.code.into(),
            name: s.name.into(),
            role: s.role,
            languages: split(s.languages),
            specialties: split(s.specialties),
            team: s.team.map(String::from),
            pin: pin.into(),
            centre_id: None,
        };
        let id = store.add_staff_hashed(lead, &new, &hash, at)?;
        if lead.is_none() {
            lead = Some(Actor {
                staff_id: id,
                role: Role::Lead,
            });
        }
        staff_ids.push(id);
    }
    let mut rooms = Vec::new();
    for r in staff::ROOMS {
        rooms.push(store.add_room(r)?);
    }
    store.set_setting("centre_name", "示范县矛盾纠纷调处化解中心")?;
    let report = cases::generate(store, opts, &staff_ids, &rooms)?;
    store.analyze()?;
    Ok(report)
}

fn split(s: &str) -> Vec<String> {
    s.split(',')
        .filter(|x| !x.is_empty())
        .map(String::from)
        .collect()
}

#[cfg(test)]
mod tests;
