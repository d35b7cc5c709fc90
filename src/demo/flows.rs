//! Cases moving between the demo county's centres, through the store's own hand-overs
//! (store/transfers/) so the trail is the real one. The generator marks the cases that will
//! move (`mark`) and leaves them open where the move begins; `run` then replays each one's road
//! in its own time, every step dated before now: village cases whose three attempts are used
//! handed up (上报) and signed for (签收) by the township, worked and mostly resolved there, a few
//! handed up again to the county; a few early hand-ups returned (退回); township and county cases
//! handed down (交办) to a village, most signed, two sent back (退单), one of them overruled
//! (审定), and two still awaiting sign-off today, one past its reply deadline.
use super::cases::Ctx;
use super::schedule::{at, working_day};
use crate::domain::centre::CentreTree;
use crate::domain::followup::FollowupPlan;
use crate::domain::ladder::Level;
use crate::domain::risk::{Colour, ResponseHours};
use crate::domain::role::Role;
use crate::domain::status::Status;
use crate::domain::transfer::{self, DEFAULT_REPLY_DAYS, ReturnCode};
use crate::store::{Actor, Outcome, Store, StoreError};
use chrono::{Duration, NaiveDateTime, Timelike};
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

/// Who acts for a centre: its lead, desk clerk and a mediator.
struct Desk {
    id: i64,
    lead: Actor,
    desk: Actor,
    mediators: Vec<Actor>,
}

fn actor(store: &Store, code: &str) -> Result<Actor, StoreError> {
    let m = store.staff_by_code(code)?.ok_or(StoreError::NotFound)?;
    Ok(Actor {
        staff_id: m.id,
        role: m.role,
    })
}

fn desk(store: &Store, tree: &CentreTree, id: i64) -> Result<Desk, StoreError> {
    let c = tree.get(id).ok_or(StoreError::NotFound)?;
    let code = |s: &str| {
        if c.parent_id.is_none() {
            format!("{s}001")
        } else {
            format!("{}{s}", c.code)
        }
    };
    let mediators = if c.parent_id.is_none() {
        vec![actor(store, "M001")?, actor(store, "M002")?]
    } else {
        vec![actor(store, &code("M1"))?, actor(store, &code("M2"))?]
    };
    Ok(Desk {
        id,
        lead: actor(store, &code("L"))?,
        desk: actor(store, &code("D"))?,
        mediators,
    })
}

/// `days` working days after `t`, at `h:m`.
fn later(t: NaiveDateTime, days: i64, h: u32, m: u32) -> NaiveDateTime {
    let mut d = t.date() + Duration::days(days);
    while !working_day(d) {
        d += Duration::days(1);
    }
    at(d, h, m)
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
    // A hand-down waiting in time: its reply deadline and its case's own deadline ahead.
    let mut in_time = Vec::new();
    for f in flows.iter().filter(|f| f.road == Road::Down) {
        let cal = store.deadline_calendar(f.received.date())?;
        let due = cal.response(&hours, f.colour, f.received);
        let reply = transfer::reply_by(down_sent(f), DEFAULT_REPLY_DAYS, &cal.work, &cal.holidays);
        in_time.push(reply > now && due.is_none_or(|d| d > now));
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

/// A hand-down leaves the hour after its case came.
fn down_sent(f: &Flow) -> NaiveDateTime {
    f.received + Duration::hours(1)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Answer {
    Sign,
    Return { overrule: bool },
    Wait,
}

impl Run<'_> {
    fn at_centre(&self, centre: i64) -> Result<(Desk, Option<Desk>), StoreError> {
        let here = desk(self.store, &self.tree, centre)?;
        let parent = match self.tree.parent(centre) {
            Some(p) => Some(desk(self.store, &self.tree, p.id)?),
            None => None,
        };
        Ok((here, parent))
    }

    fn mediator(&mut self, d: &Desk) -> Actor {
        d.mediators[self.rng.random_range(0..d.mediators.len())]
    }

    fn moved(&mut self, from: Level, to: Level) {
        self.per_level[from as usize] -= 1;
        self.per_level[to as usize] += 1;
    }

    /// A village case with its attempts used, handed up to its township the working day after
    /// its last session; signed the next, worked there; a few go on to the county.
    fn up(&mut self, f: &Flow) -> Result<(), StoreError> {
        let sent = later(f.last, 1, 10, 0);
        if sent >= self.now {
            return Ok(());
        }
        let (village, Some(township)) = self.at_centre(f.centre)? else {
            return Ok(());
        };
        let handed = self.store.hand_up(village.desk, f.case_id, "", sent)?;
        self.report.up_with_session += u64::from(!handed.sessions.is_empty());
        let signed = later(sent, 1, 9, 30);
        if signed >= self.now {
            self.report.up_pending += 1;
            return Ok(());
        }
        self.store
            .sign(township.desk, f.case_id, &self.hours, signed)?;
        self.report.up_signed[0] += 1;
        self.moved(Level::Village, Level::Township);
        let Some((m, t)) = self.work(&township, f.case_id, signed, 1)? else {
            return Ok(());
        };
        // About one in eight fails twice at the township and goes on to the county.
        if self.rng.random_range(0..8) > 0 {
            return self.resolve(&township, m, f.case_id, t, 0);
        }
        let Some(t) = self.attempt_by(m, f.case_id, t)? else {
            return Ok(());
        };
        let sent = later(t, 1, 10, 0);
        let signed = later(sent, 1, 9, 30);
        if signed >= self.now {
            return Ok(());
        }
        let county = desk(self.store, &self.tree, self.tree_parent(township.id)?)?;
        self.store.hand_up(township.desk, f.case_id, "", sent)?;
        self.store
            .sign(county.desk, f.case_id, &self.hours, signed)?;
        self.report.up_signed[1] += 1;
        self.moved(Level::Township, Level::County);
        if let Some((m, t)) = self.work(&county, f.case_id, signed, 1)? {
            self.resolve(&county, m, f.case_id, t, 1)?;
        }
        Ok(())
    }

    fn tree_parent(&self, id: i64) -> Result<i64, StoreError> {
        Ok(self.tree.parent(id).ok_or(StoreError::NotFound)?.id)
    }

    /// The centre that signed assigns a mediator at once and `attempts` attempts follow on
    /// working days; the mediator and the time of the last, or none if now came first.
    fn work(
        &mut self,
        d: &Desk,
        case: i64,
        signed: NaiveDateTime,
        attempts: u32,
    ) -> Result<Option<(Actor, NaiveDateTime)>, StoreError> {
        let m = self.mediator(d);
        let assigned = signed + Duration::minutes(20);
        if assigned >= self.now {
            return Ok(None);
        }
        self.store
            .assign_case(d.desk, case, m.staff_id, "", assigned)?;
        // The first session that afternoon (the next working day's for a late sign-off), in
        // the case's response time; the others a few working days apart.
        let first = if assigned.hour() < 13 {
            at(assigned.date(), 14, 0)
        } else {
            later(assigned, 1, 14, 0)
        };
        let mut t = assigned;
        for i in 0..attempts {
            let next = if i == 0 {
                self.attempt_at(m, case, first)?
            } else {
                self.attempt_by(m, case, t)?
            };
            match next {
                Some(next) => t = next,
                None => return Ok(None),
            }
        }
        Ok(Some((m, t)))
    }

    /// Another attempt by the case's mediator, a few working days after `after`.
    fn attempt_by(
        &mut self,
        m: Actor,
        case: i64,
        after: NaiveDateTime,
    ) -> Result<Option<NaiveDateTime>, StoreError> {
        let t = later(after, self.rng.random_range(1..4), 14, 0);
        self.attempt_at(m, case, t)
    }

    /// An attempt by the case's mediator at `t`, unless now comes first.
    fn attempt_at(
        &mut self,
        m: Actor,
        case: i64,
        t: NaiveDateTime,
    ) -> Result<Option<NaiveDateTime>, StoreError> {
        if t >= self.now {
            return Ok(None);
        }
        self.store
            .record_attempt(m, case, "召集双方面对面调解，听取意见", t)?;
        Ok(Some(t))
    }

    /// An agreement a few working days after the last attempt (one in ten fails: no
    /// agreement), closed by the lead once its follow-up time has passed; an agreement too
    /// recent for that keeps its follow-ups due ahead.
    fn resolve(
        &mut self,
        d: &Desk,
        m: Actor,
        case: i64,
        after: NaiveDateTime,
        level: usize,
    ) -> Result<(), StoreError> {
        let t = later(after, self.rng.random_range(1..4), 15, 30);
        if t >= self.now {
            return Ok(());
        }
        let old = t + Duration::days(7) < self.now;
        let outcome = if self.rng.random_range(0..10) == 0 {
            Outcome::NoAgreement {
                reason: "双方分歧较大，引导当事人依法诉讼".into(),
            }
        } else {
            Outcome::Agreement {
                terms: "双方自愿达成调解协议，按约定分期履行".into(),
                judicial: false,
            }
        };
        // An old agreement was followed up and closed; a recent one keeps its follow-ups due.
        let plan = if old {
            FollowupPlan {
                days: Vec::new(),
                ..FollowupPlan::default()
            }
        } else {
            FollowupPlan::default()
        };
        self.store.record_outcome(m, case, &outcome, &plan, t)?;
        self.report.resolved[level] += 1;
        let closed = later(t, 3, 16, 0);
        if old && closed < self.now {
            self.store.close_case(d.lead, case, closed)?;
        }
        Ok(())
    }

    /// A village lead hands a case up after two attempts (a reason: it grew too big); the
    /// township returns it, the village's attempts not exhausted, and the village tries again.
    fn up_early(&mut self, f: &Flow) -> Result<(), StoreError> {
        let sent = later(f.last, 1, 10, 0);
        if sent >= self.now {
            return Ok(());
        }
        let (village, Some(township)) = self.at_centre(f.centre)? else {
            return Ok(());
        };
        let why = "双方情绪对立，村级调解难以推进，提请镇综治中心介入";
        let handed = self.store.hand_up(village.lead, f.case_id, why, sent)?;
        self.report.up_with_session += u64::from(!handed.sessions.is_empty());
        let answered = later(sent, 1, 9, 30);
        if answered >= self.now {
            self.report.up_pending += 1;
            return Ok(());
        }
        let note = "村级三次调解尚未用完，请再组织一次调解，镇调解员可到场指导";
        self.store.return_transfer(
            township.desk,
            f.case_id,
            ReturnCode::NotExhausted,
            "",
            note,
            answered,
        )?;
        self.report.up_returned += 1;
        if let Some(owner) = f.owner {
            let m = Actor {
                staff_id: owner,
                role: Role::Mediator,
            };
            self.attempt_by(m, f.case_id, answered)?;
        }
        Ok(())
    }

    /// A township or county case handed down to a village where the parties live, the hour
    /// after it came; the village signs the next working morning (or sends it back, or waits).
    fn down(&mut self, f: &Flow, answer: Answer) -> Result<(), StoreError> {
        let sent = down_sent(f);
        let (from, _) = self.at_centre(f.centre)?;
        let villages: Vec<i64> = self
            .tree
            .all()
            .iter()
            .filter(|c| c.level == Level::Village && self.tree.is_within(c.id, from.id))
            .map(|c| c.id)
            .collect();
        let to = villages[self.rng.random_range(0..villages.len())];
        let village = desk(self.store, &self.tree, to)?;
        let name = self
            .tree
            .get(to)
            .map_or("", |c| c.name.as_str())
            .to_string();
        let why = format!("当事人居住在{name}辖区，请属地签收办理并按期回复");
        let handed = self
            .store
            .hand_down(from.desk, f.case_id, to, &why, None, sent)?;
        let answered = later(sent, 1, 9, 30);
        if answer == Answer::Wait || answered >= self.now {
            self.report.down_pending += 1;
            let late = handed.reply_by.is_some_and(|d| d < self.now);
            self.report.down_overdue += u64::from(late);
            return Ok(());
        }
        let from_level = self.tree.get(from.id).ok_or(StoreError::NotFound)?.level;
        let Answer::Return { overrule } = answer else {
            self.store
                .sign(village.desk, f.case_id, &self.hours, answered)?;
            self.report.down_signed += 1;
            self.moved(from_level, Level::Village);
            self.work(&village, f.case_id, answered, 1)?;
            return Ok(());
        };
        let note = "经核实，当事人户籍及居住地均不在本村，请核实后重新交办";
        self.store.return_transfer(
            village.desk,
            f.case_id,
            ReturnCode::WrongLocality,
            "",
            note,
            answered,
        )?;
        self.report.down_returned += 1;
        let decided = answered + Duration::hours(2);
        if decided >= self.now {
            return Ok(());
        }
        if overrule {
            let why = "经镇网格员核实，当事人长期居住在该村，维持交办";
            self.store
                .overrule(from.lead, f.case_id, why, &self.hours, decided)?;
            self.report.down_overruled += 1;
            self.moved(from_level, Level::Village);
            self.work(&village, f.case_id, decided, 1)?;
        } else {
            self.work(&from, f.case_id, decided, 1)?;
        }
        Ok(())
    }
}
