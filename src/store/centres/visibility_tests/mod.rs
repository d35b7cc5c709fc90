//! Who sees what, enforced in the store (issue 14 item 5): the fixture county with one case
//! at each of V1, V2, V3 and T1, read and worked as a village clerk, a township lead and the
//! county lead. By subject: reading one case (by id, number, search, triage), counts and
//! lists, writes, and the query plans of a scoped list.
mod cost;
mod counts;
mod handed;
mod lists;
mod plans;
mod reading;
mod search;
mod writes;

use super::fixture::{County, at, county, staff_at};
use crate::domain::intake::{NewCase, NewParty};
use crate::domain::risk::{Colour, ResponseHours};
use crate::domain::role::Role;
use crate::store::{Actor, CaseCreated, Store};

/// The county, one case at each of four centres, and the people the tests act as.
pub(super) struct World {
    pub c: County,
    /// V1's, V2's, V3's and T1's cases.
    pub v1: CaseCreated,
    pub v2: CaseCreated,
    pub v3: CaseCreated,
    pub t1: CaseCreated,
    /// A lead at village V1, at township T2; mediators at V2 and at the county centre.
    pub v1_lead: Actor,
    pub t2_lead: Actor,
    pub v2_mediator: Actor,
    pub county_mediator: Actor,
}

fn register(
    s: &mut Store,
    by: Actor,
    h: u32,
    name: &str,
    phone: &str,
    summary: &str,
) -> CaseCreated {
    let c = NewCase::walk_in(
        at(h, 0),
        "neighbour",
        summary,
        NewParty::named(name, Some(phone)),
    );
    s.create_case(by, &c, &ResponseHours::default()).unwrap()
}

pub(super) fn world() -> World {
    let mut c = county();
    let l = c.county_lead;
    let v1_lead = staff_at(&mut c.store, l, "VL1", Role::Lead, 4);
    let t2_lead = staff_at(&mut c.store, l, "TL2", Role::Lead, 3);
    let v2_mediator = staff_at(&mut c.store, l, "VM2", Role::Mediator, 5);
    let county_mediator = staff_at(&mut c.store, l, "CM1", Role::Mediator, 1);
    let s = &mut c.store;
    let v1 = register(
        s,
        c.v1_desk,
        9,
        "李娜",
        "13800000002",
        "楼上漏水，多次协商未果",
    );
    let v2 = register(s, c.v2_desk, 10, "刘洋", "13800000004", "宅基地边界争执");
    let v3 = register(s, c.v3_desk, 11, "赵敏", "13800000006", "宅基地边界争执");
    let t1 = register(s, c.t1_desk, 12, "孙丽", "13800000007", "物业费纠纷");
    World {
        c,
        v1,
        v2,
        v3,
        t1,
        v1_lead,
        t2_lead,
        v2_mediator,
        county_mediator,
    }
}

impl World {
    /// The store, reading as `who`.
    pub fn as_(&mut self, who: Actor) -> &mut Store {
        self.c.store.view_as(who).unwrap();
        &mut self.c.store
    }

    /// The ids of the four cases this connection reads (by id).
    pub fn readable(&mut self, who: Actor) -> Vec<i64> {
        let ids = [self.v1.id, self.v2.id, self.v3.id, self.t1.id];
        let s = self.as_(who);
        ids.into_iter()
            .filter(|id| s.case_detail(*id).is_ok())
            .collect()
    }

    /// Gives V1's and V2's cases to their mediators, who make V2's red and V1's orange.
    pub fn colour_them(&mut self) {
        let h = ResponseHours::default();
        let (v1, v2) = (self.v1.id, self.v2.id);
        let (vm1, vm2) = (self.c.v1_mediator, self.v2_mediator);
        let (v1_desk, v2_desk) = (self.c.v1_desk, self.c.v2_desk);
        let s = &mut self.c.store;
        s.assign_case(v2_desk, v2, vm2.staff_id, "", at(13, 0))
            .unwrap();
        s.assign_case(v1_desk, v1, vm1.staff_id, "", at(13, 0))
            .unwrap();
        s.change_colour(vm2, v2, Colour::Red, "", &h, at(13, 1))
            .unwrap();
        s.change_colour(vm1, v1, Colour::Orange, "", &h, at(13, 1))
            .unwrap();
    }
}
