//! Where the generator puts a case: the centres it is received at (their staff and rooms),
//! which one takes the next case, its ladder there, and the mediator it is given to.
use super::cases::Ctx;
use super::staff::DemoStaff;
use crate::domain::ladder::Level;
use crate::domain::role::Role;
use crate::domain::status::Status;
use rand::Rng;

/// A centre cases are received at, with the staff and rooms the generator picks from.
pub(super) struct Place {
    pub(super) id: i64,
    pub(super) level: Level,
    /// What its case numbers start with (`domain::centre::case_no`).
    pub(super) prefix: String,
    pub(super) mediators: Vec<(i64, u32, &'static str, &'static str)>, // id, bit, specialties, languages
    /// Leads and desk clerks: who registers.
    pub(super) desks: Vec<i64>,
    pub(super) rooms: Vec<i64>,
}

impl Place {
    pub(super) fn new(id: i64, level: Level, prefix: &str) -> Place {
        Place {
            id,
            level,
            prefix: prefix.into(),
            mediators: Vec::new(),
            desks: Vec::new(),
            rooms: Vec::new(),
        }
    }

    /// A mediator gets the next bit of this centre's bookings.
    pub(super) fn add_staff(&mut self, id: i64, s: &DemoStaff) {
        match s.role {
            Role::Mediator => {
                let bit = 1u32 << self.mediators.len();
                self.mediators.push((id, bit, s.specialties, s.languages));
            }
            _ => self.desks.push(id),
        }
    }
}

/// Where the next case is received: in a county, a village for most (70 %), a township for
/// fewer (23 %), the county centre for a few (7 %), and one of that level's centres at random.
pub(super) fn pick_place(c: &mut Ctx) -> usize {
    if !c.county {
        return 0;
    }
    let level = match c.rng.random_range(0..100) {
        0..70 => Level::Village,
        70..93 => Level::Township,
        _ => Level::County,
    };
    let at = &c.by_level[level as usize];
    at[c.rng.random_range(0..at.len())]
}

/// The case's ladder. In a county: the level of the centre it is received at, and attempts
/// there only (a case that moves climbs on through the hand-overs: flows/). In one centre, the
/// ladder is a label: most cases at the village level, some past it with its attempts used.
pub(super) fn ladder(c: &mut Ctx, p: usize, status: Status) -> (Level, [u32; 3]) {
    let fresh = matches!(
        status,
        Status::Registered | Status::Assigned | Status::AnsweredAtDesk
    );
    if c.county {
        let level = c.places[p].level;
        let mut attempts = [0; 3];
        if !fresh {
            attempts[level as usize] = c.rng.random_range(1..=level.max_attempts());
        }
        return (level, attempts);
    }
    let level_roll = c.rng.random_range(0..100);
    match (fresh, level_roll) {
        (true, _) => (Level::Village, [0, 0, 0]),
        (_, 0..70) => (Level::Village, [c.rng.random_range(1..=3), 0, 0]),
        (_, 70..93) => (Level::Township, [3, c.rng.random_range(1..=2), 0]),
        _ => (Level::County, [3, 2, 1]),
    }
}

/// A mediator of the centre with the category as a specialty (and Miao when needed), else
/// anyone there.
pub(super) fn mediator_for(c: &mut Ctx, p: usize, category: &str, miao: bool) -> (i64, u32) {
    let mediators = &c.places[p].mediators;
    let fits: Vec<_> = mediators
        .iter()
        .filter(|m| m.2.split(',').any(|s| s == category) && (!miao || m.3.contains("hmn")))
        .map(|m| (m.0, m.1))
        .collect();
    if fits.is_empty() {
        let m = mediators[c.rng.random_range(0..mediators.len())];
        (m.0, m.1)
    } else {
        fits[c.rng.random_range(0..fits.len())]
    }
}
