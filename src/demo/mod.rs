//! Realistic, deterministic demo data (`onedoor demo`, `onedoor --demo`): a county of centres
//! (or one centre, as a database from before centres), their staff, rooms and years of cases,
//! parties, sessions, follow-ups and audit events. Same seed, same data.
mod calibration;
mod cases;
mod county;
mod flows;
mod people;
mod place;
mod schedule;
mod staff;
mod texts;

use crate::domain::ladder::Level;
use crate::domain::role::Role;
use crate::store::centres::{CentreEdit, NewCentre};
use crate::store::{Actor, NewStaff, Store, StoreError};
use chrono::NaiveDateTime;
pub use county::COUNTY_NAME;
pub use flows::FlowReport;
use place::Place;
use staff::DemoStaff;

/// The demo's shift lead, logged in by `onedoor --demo`: the county centre's lead in a county.
pub const DEMO_LEAD: &str = "L001";

/// The desk clerk of village DL01 (东林村) in the county demo.
pub const DEMO_VILLAGE_DESK: &str = "DL01D";

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
    /// Centres and staff made.
    pub centres: u64,
    pub staff: u64,
    /// Cases handled at village, township and county centres (where they are now).
    pub per_level: [u64; 3],
    /// Cases that moved between centres, by road (a county only).
    pub flows: FlowReport,
}

/// One centre, as a database from before centres: its staff, rooms and cases, numbers without
/// a centre's code. Staff all get `pin` (hashed once: Argon2 is deliberately slow).
pub fn generate(
    store: &mut Store,
    opts: &DemoOptions,
    pin: &str,
) -> Result<DemoReport, StoreError> {
    let mut made = Made::new(opts, pin)?;
    let main = made.first_centre(store)?;
    let (mut report, _) = cases::generate(store, opts, vec![main], false)?;
    report.centres = 1;
    report.staff = made.staff;
    store.analyze()?;
    Ok(report)
}

/// A county: the county centre (the first, its numbers without a code), three townships and
/// two villages under each, staff and rooms at every one, and cases received at all of them —
/// most at a village, fewer at a township, a few at the county.
pub fn generate_county(
    store: &mut Store,
    opts: &DemoOptions,
    pin: &str,
) -> Result<DemoReport, StoreError> {
    let mut made = Made::new(opts, pin)?;
    let mut places = vec![made.first_centre(store)?];
    let lead = made.lead.ok_or(StoreError::NotFound)?;
    for c in county::CENTRES {
        let new = NewCentre {
            code: c.code.into(),
            name: c.name.into(),
            level: c.level,
            parent: Some(c.parent.into()),
            address: String::new(),
            phone: String::new(),
        };
        let id = store.add_centre(lead, &new, made.at)?;
        places.push(made.centre(store, id, c.level, c.code, c.staff, c.rooms)?);
    }
    own_hours_and_days(store, lead, opts, made.at)?;
    let (mut report, moving) = cases::generate(store, opts, places, true)?;
    report.flows = flows_between_centres(store, opts, &moving, &mut report.per_level)?;
    report.centres = 1 + county::CENTRES.len() as u64;
    report.staff = made.staff;
    store.analyze()?;
    Ok(report)
}

/// One village's own hours and one station's own day off (county.rs), set before any case so
/// every deadline and session counts them, as a county lead sets them.
fn own_hours_and_days(
    store: &mut Store,
    lead: Actor,
    opts: &DemoOptions,
    at: NaiveDateTime,
) -> Result<(), StoreError> {
    use chrono::Datelike;
    let (code, start, end, days) = county::OWN_HOURS;
    let base = store.work_time().clone();
    let hours = crate::domain::centre_hours::edited(&base, Some(start), Some(end), Some(days))
        .map_err(StoreError::Hours)?;
    store.set_centre_hours(lead, code, Some(&hours), at)?;
    let (code, name) = county::OWN_CLOSURE;
    let centre = store
        .centre_tree()?
        .by_code(code)
        .map(|c| c.id)
        .ok_or(StoreError::NotFound)?;
    let today = opts.now.date();
    // The Wednesday at least a week ahead.
    let ahead = (7 + 2 - i64::from(today.weekday().num_days_from_monday())).rem_euclid(7) + 7;
    let mark = crate::store::DayMark {
        centre: Some(centre),
        day: today + chrono::Duration::days(ahead),
        open: false,
        name: name.into(),
    };
    store.mark_day(lead, &mark)
}

/// The demo's cases moving between centres through the hand-overs of store/transfers/
/// (flows/): each step the store's own checked and audited call, dated when it happened.
fn flows_between_centres(
    store: &mut Store,
    opts: &DemoOptions,
    moving: &[flows::Flow],
    per_level: &mut [u64; 3],
) -> Result<FlowReport, StoreError> {
    let rng = rand::SeedableRng::seed_from_u64(opts.seed ^ flows::SEED.rotate_left(17));
    let overdue = opts.cases >= flows::OVERDUE_FROM_CASES;
    flows::run(store, moving, rng, opts.now, overdue, per_level)
}

/// Staff and rooms as they are added: the hash every account shares, the first lead (who adds
/// the others), the time everything was set up.
struct Made {
    hash: String,
    pin: String,
    lead: Option<Actor>,
    at: NaiveDateTime,
    staff: u64,
}

impl Made {
    fn new(opts: &DemoOptions, pin: &str) -> Result<Made, StoreError> {
        Ok(Made {
            hash: crate::store::hash_pin(pin)?,
            pin: pin.into(),
            lead: None,
            at: opts.now.date().and_hms_opt(8, 0, 0).unwrap_or_default()
                - chrono::Duration::days(1200),
            staff: 0,
        })
    }

    /// The first centre (the county centre of a county; its numbers carry no code), its staff
    /// first: the first lead adds everyone after.
    fn first_centre(&mut self, store: &mut Store) -> Result<Place, StoreError> {
        let place = self.centre(store, 1, Level::County, "", staff::STAFF, staff::ROOMS)?;
        store.set_setting("centre_name", COUNTY_NAME)?;
        let lead = self.lead.ok_or(StoreError::NotFound)?;
        let name = CentreEdit {
            name: Some(COUNTY_NAME.into()),
            ..CentreEdit::default()
        };
        let main = store.staff_centre(lead.staff_id)?.code;
        store.edit_centre(lead, &main, &name, self.at)?;
        Ok(place)
    }

    /// Adds `people` and `rooms` at the centre `id`, whose case numbers start with `prefix`.
    fn centre(
        &mut self,
        store: &mut Store,
        id: i64,
        level: Level,
        prefix: &str,
        people: &[DemoStaff],
        rooms: &[&str],
    ) -> Result<Place, StoreError> {
        let mut place = Place::new(id, level, prefix);
        for s in people {
            let new = NewStaff {
                code: s.code.into(),
                name: s.name.into(),
                role: s.role,
                languages: split(s.languages),
                specialties: split(s.specialties),
                team: s.team.map(String::from),
                pin: self.pin.clone(),
                centre_id: Some(id),
            };
            let staff_id = store.add_staff_hashed(self.lead, &new, &self.hash, self.at)?;
            self.staff += 1;
            if self.lead.is_none() {
                self.lead = Some(Actor {
                    staff_id,
                    role: Role::Lead,
                });
            }
            place.add_staff(staff_id, s);
        }
        for r in rooms {
            place.rooms.push(store.add_room_at(id, r)?);
        }
        Ok(place)
    }
}

fn split(s: &str) -> Vec<String> {
    s.split(',')
        .filter(|x| !x.is_empty())
        .map(String::from)
        .collect()
}

#[cfg(test)]
mod flow_tests;
#[cfg(test)]
mod tests;
