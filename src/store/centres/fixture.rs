//! A county for tests of every subject: the county centre (the database's first, `MAIN`, id 1),
//! townships T1 (id 2) and T2 (id 3), villages V1 (4) and V2 (5) under T1 and V3 (6) under T2,
//! with staff at several of them.
use super::super::testing::add_staff;
use super::super::{Actor, NewStaff, Store};
use super::NewCentre;
use crate::domain::intake::{NewCase, NewParty};
use crate::domain::ladder::Level;
use crate::domain::role::Role;
use chrono::{NaiveDate, NaiveDateTime};

pub(crate) fn at(h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

pub(crate) struct County {
    pub store: Store,
    /// The county centre's lead.
    pub county_lead: Actor,
    /// Township T1's lead and desk clerk.
    pub t1_lead: Actor,
    pub t1_desk: Actor,
    /// Village V1's desk clerk and mediator, V2's and V3's desk clerks.
    pub v1_desk: Actor,
    pub v1_mediator: Actor,
    pub v2_desk: Actor,
    pub v3_desk: Actor,
}

fn centre(code: &str, name: &str, level: Level, parent: Option<&str>) -> NewCentre {
    NewCentre {
        code: code.into(),
        name: name.into(),
        level,
        parent: parent.map(String::from),
        address: String::new(),
        phone: String::new(),
    }
}

/// Adds `code` at `centre` (PIN 1234).
pub(crate) fn staff_at(s: &mut Store, by: Actor, code: &str, role: Role, centre: i64) -> Actor {
    let n = NewStaff {
        code: code.into(),
        name: format!("员工{code}"),
        role,
        languages: vec![],
        specialties: vec![],
        team: None,
        pin: "1234".into(),
        centre_id: Some(centre),
    };
    Actor {
        staff_id: s.add_staff(Some(by), &n, at(8, 0)).unwrap(),
        role,
    }
}

pub(crate) fn county() -> County {
    let mut s = Store::open_in_memory().unwrap();
    let county_lead = add_staff(&mut s, None, "L1", Role::Lead, at(8, 0));
    for c in [
        centre("T1", "东林镇综治中心", Level::Township, Some("MAIN")),
        centre("T2", "西山镇综治中心", Level::Township, Some("MAIN")),
        centre("V1", "东林镇一村调解室", Level::Village, Some("T1")),
        centre("V2", "东林镇二村调解室", Level::Village, Some("T1")),
        centre("V3", "西山镇三村调解室", Level::Village, Some("T2")),
    ] {
        s.add_centre(county_lead, &c, at(8, 0)).unwrap();
    }
    let l = county_lead;
    County {
        t1_lead: staff_at(&mut s, l, "TL1", Role::Lead, 2),
        t1_desk: staff_at(&mut s, l, "TD1", Role::Desk, 2),
        v1_desk: staff_at(&mut s, l, "VD1", Role::Desk, 4),
        v1_mediator: staff_at(&mut s, l, "VM1", Role::Mediator, 4),
        v2_desk: staff_at(&mut s, l, "VD2", Role::Desk, 5),
        v3_desk: staff_at(&mut s, l, "VD3", Role::Desk, 6),
        county_lead,
        store: s,
    }
}

/// A walk-in with one applicant, received at `received`.
pub(crate) fn walk_in(received: NaiveDateTime, name: &str, phone: &str) -> NewCase {
    NewCase::walk_in(
        received,
        "neighbour",
        "楼上漏水，多次协商未果",
        NewParty::named(name, Some(phone)),
    )
}
