//! Who acts for a centre in the flows, and the work a centre does on a case it signed for:
//! a mediator assigned, attempts on working days, an outcome (and closing once followed up).
use super::Run;
use crate::demo::schedule::{at, working_day};
use crate::domain::centre::CentreTree;
use crate::domain::followup::FollowupPlan;
use crate::domain::ladder::Level;
use crate::store::{Actor, Outcome, Store, StoreError};
use chrono::{Duration, NaiveDateTime, Timelike};
use rand::Rng;

/// Who acts for a centre: its lead, desk clerk and a mediator.
pub(super) struct Desk {
    pub(super) id: i64,
    pub(super) lead: Actor,
    pub(super) desk: Actor,
    pub(super) mediators: Vec<Actor>,
}

fn actor(store: &Store, code: &str) -> Result<Actor, StoreError> {
    let m = store.staff_by_code(code)?.ok_or(StoreError::NotFound)?;
    Ok(Actor {
        staff_id: m.id,
        role: m.role,
    })
}

pub(super) fn desk(store: &Store, tree: &CentreTree, id: i64) -> Result<Desk, StoreError> {
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
pub(super) fn later(t: NaiveDateTime, days: i64, h: u32, m: u32) -> NaiveDateTime {
    let mut d = t.date() + Duration::days(days);
    while !working_day(d) {
        d += Duration::days(1);
    }
    at(d, h, m)
}

impl Run<'_> {
    pub(super) fn at_centre(&self, centre: i64) -> Result<(Desk, Option<Desk>), StoreError> {
        let here = desk(self.store, &self.tree, centre)?;
        let parent = match self.tree.parent(centre) {
            Some(p) => Some(desk(self.store, &self.tree, p.id)?),
            None => None,
        };
        Ok((here, parent))
    }

    pub(super) fn mediator(&mut self, d: &Desk) -> Actor {
        d.mediators[self.rng.random_range(0..d.mediators.len())]
    }

    pub(super) fn moved(&mut self, from: Level, to: Level) {
        self.per_level[from as usize] -= 1;
        self.per_level[to as usize] += 1;
    }

    /// A village case with its attempts used, handed up to its township the working day after
    pub(super) fn tree_parent(&self, id: i64) -> Result<i64, StoreError> {
        Ok(self.tree.parent(id).ok_or(StoreError::NotFound)?.id)
    }

    /// The centre that signed assigns a mediator at once and `attempts` attempts follow on
    /// working days; the mediator and the time of the last, or none if now came first.
    pub(super) fn work(
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
    pub(super) fn attempt_by(
        &mut self,
        m: Actor,
        case: i64,
        after: NaiveDateTime,
    ) -> Result<Option<NaiveDateTime>, StoreError> {
        let t = later(after, self.rng.random_range(1..4), 14, 0);
        self.attempt_at(m, case, t)
    }

    /// An attempt by the case's mediator at `t`, unless now comes first.
    pub(super) fn attempt_at(
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
    pub(super) fn resolve(
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
}
