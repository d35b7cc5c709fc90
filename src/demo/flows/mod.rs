//! Cases moving between the demo county's centres, through the store's own hand-overs
//! (store/transfers/) so the trail is the real one. The generator marks the cases that will
//! move (`mark`) and leaves them open where the move begins; `run` then replays each one's road
//! in its own time, every step dated before now: village cases whose three attempts are used
//! handed up (上报) and signed for (签收) by the township, worked and mostly resolved there, a few
//! handed up again to the county; a few early hand-ups returned (退回); township and county cases
//! handed down (交办) to a village, most signed, two sent back (退单), one of them overruled
//! (审定), and two still awaiting sign-off today, one past its reply deadline.
mod down;
mod up;
mod work;

use super::cases::Ctx;
use crate::domain::centre::CentreTree;
use crate::domain::ladder::Level;
use crate::domain::risk::{Colour, ResponseHours};
use crate::domain::status::Status;
use crate::domain::transfer::{self, DEFAULT_REPLY_DAYS};
use crate::store::{Store, StoreError};
use chrono::NaiveDateTime;
use down::down_sent;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// Mixed into the demo's seed for the draws of which cases move and how.
pub(super) const SEED: u64 = 0x5eed_f10e;

/// How many cases took each road, for the demo's report and README.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FlowReport {
    /// Handed up and signed for: by a township, by the county.
    pub up_signed: [u64; 2],
    /// Handed up early by a village lead and returned (退回).
    pub up_returned: u64,
    /// Handed up, awaiting the township's sign-off today.
    pub up_pending: u64,
    /// Handed up while a session was booked (it stays with the village).
    pub up_with_session: u64,
    /// Resolved after the hand-up: at a township, at the county.
    pub resolved: [u64; 2],
    /// Handed down (交办): signed, sent back (退单), overruled (审定), pending, pending overdue.
    pub down_signed: u64,
    pub down_returned: u64,
    pub down_overruled: u64,
    pub down_pending: u64,
    pub down_overdue: u64,
}

/// What the generator leaves for a case that will move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Road {
    /// Up once the village's three attempts are used.
    Up,
    /// Up early by the village lead after two attempts, returned.
    UpEarly,
    /// Down from a township or the county to a village.
    Down,
}

impl Road {
    /// Where the generator leaves the case: in mediation with the village's attempts, or
    /// registered at the centre that will hand it down.
    pub(super) fn status(self) -> Status {
        match self {
            Road::Up | Road::UpEarly => Status::InMediation,
            Road::Down => Status::Registered,
        }
    }

    pub(super) fn attempts(self) -> [u32; 3] {
        match self {
            Road::Up => [3, 0, 0],
            Road::UpEarly => [2, 0, 0],
            Road::Down => [0, 0, 0],
        }
    }
}

/// A case the generator marked, with when its last step at the first centre ended.
pub(super) struct Flow {
    pub case_id: i64,
    /// The centre that received it.
    pub centre: i64,
    pub road: Road,
    pub received: NaiveDateTime,
    pub colour: Colour,
    pub last: NaiveDateTime,
    /// Its mediator there, if it has one.
    pub owner: Option<i64>,
}

/// Whether the case received at place `p` `age` days ago moves (a separate generator, so the
/// rest of the data stays as it was drawn): red cases are worked where they came, the same day.
pub(super) fn mark(c: &mut Ctx, p: usize, age: i64, colour: Colour) -> Option<Road> {
    if !c.county || matches!(colour, Colour::Red | Colour::Green) {
        return None;
    }
    let r = c.flow_rng.random_range(0..100);
    match c.places[p].level {
        Level::Village if (4..=20).contains(&age) && r < 4 => Some(Road::UpEarly),
        // A recent case has its next session booked: a couple go up with it.
        Level::Village if age > 21 && r < 14 => Some(Road::Up),
        Level::Village if (3..=21).contains(&age) && r < 6 => Some(Road::Up),
        Level::Township | Level::County if (1..=14).contains(&age) && r < 20 => Some(Road::Down),
        _ => None,
    }
}
struct Run<'a> {
    store: &'a mut Store,
    tree: CentreTree,
    rng: ChaCha8Rng,
    now: NaiveDateTime,
    hours: ResponseHours,
    report: FlowReport,
    /// Cases handled per level, moved as the cases move.
    per_level: &'a mut [u64; 3],
}

/// The demo size from which one hand-down is left waiting past its reply deadline: in a
/// smaller county that one overdue case would be too large a share of the few open ones.
pub(super) const OVERDUE_FROM_CASES: u32 = 1000;

/// Replays the marked cases' roads, oldest first. `overdue`: leave one hand-down waiting past
/// its reply deadline (`OVERDUE_FROM_CASES`).
pub(super) fn run(
    store: &mut Store,
    flows: &[Flow],
    rng: ChaCha8Rng,
    now: NaiveDateTime,
    overdue: bool,
    per_level: &mut [u64; 3],
) -> Result<FlowReport, StoreError> {
    let tree = store.centre_tree()?;
    let hours = ResponseHours::default();
    // A hand-down waiting in time: its reply deadline (in the time of whichever village below
    // answers first) and its case's own deadline (its centre's time) ahead.
    let mut in_time = Vec::new();
    for f in flows.iter().filter(|f| f.road == Road::Down) {
        let cal = store.deadline_calendar(f.centre, f.received.date())?;
        let due = cal.response(&hours, f.colour, f.received);
        let mut reply_ahead = true;
        for v in tree.all().iter().filter(|c| {
            c.level == crate::domain::ladder::Level::Village && tree.is_within(c.id, f.centre)
        }) {
            let cal = store.deadline_calendar(v.id, f.received.date())?;
            reply_ahead &= transfer::reply_by(down_sent(f), DEFAULT_REPLY_DAYS, &cal) > now;
        }
        in_time.push(reply_ahead && due.is_none_or(|d| d > now));
    }
    let mut run = Run {
        store,
        tree,
        rng,
        now,
        hours,
        report: FlowReport::default(),
        per_level,
    };
    let downs: Vec<&Flow> = flows.iter().filter(|f| f.road == Road::Down).collect();
    // Of the hand-downs: the oldest a week old or more waits past its deadline (in a large
    // enough demo), the newest whose case is still in time waits in time, the next two are
    // sent back (the first of them overruled).
    let overdue = downs
        .iter()
        .position(|f| (now - f.received).num_days() >= 6)
        .filter(|_| overdue);
    let fresh = (0..downs.len())
        .rev()
        .find(|i| in_time[*i])
        .filter(|i| Some(*i) != overdue);
    let mut returned = 0;
    for (i, f) in downs.iter().enumerate() {
        let answer = if Some(i) == overdue || Some(i) == fresh {
            Answer::Wait
        } else if returned < 2 {
            returned += 1;
            Answer::Return {
                overrule: returned == 1,
            }
        } else {
            Answer::Sign
        };
        run.down(f, answer)?;
    }
    for f in flows {
        match f.road {
            Road::Up => run.up(f)?,
            Road::UpEarly => run.up_early(f)?,
            Road::Down => {}
        }
    }
    Ok(run.report)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Answer {
    Sign,
    Return { overrule: bool },
    Wait,
}
