//! Workflow actions: roles and the status machine enforced by the store, every change audited.
//! This module holds the shared fixture; the tests are in its submodules, by subject.
mod actions;
mod clock;
mod referrals;

use crate::domain::case_rule::CaseRule;
use crate::domain::followup::FollowupPlan;
use crate::domain::ladder::Level;
use crate::domain::risk::{Colour, ResponseHours};
use crate::domain::role::Role;
use crate::domain::status::Status;
use crate::store::time::to_sql;
use crate::store::{Actor, Store, StoreError};
use crate::store::{NewCase, NewParty, Outcome};
use chrono::NaiveDateTime;
use chrono::{Duration, NaiveDate};

fn at(d: u32, h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, d)
        .unwrap()
        .and_hms_opt(h, 0, 0)
        .unwrap()
}

fn add(s: &mut Store, by: Option<Actor>, code: &str, role: Role) -> Actor {
    crate::store::testing::add_staff(s, by, code, role, at(1, 8))
}

/// lead, desk, mediator 1, mediator 2 and one registered case.
fn setup() -> (Store, [Actor; 4], i64) {
    let mut s = Store::open_in_memory().unwrap();
    let lead = add(&mut s, None, "L1", Role::Lead);
    let desk = add(&mut s, Some(lead), "D1", Role::Desk);
    let m1 = add(&mut s, Some(lead), "M1", Role::Mediator);
    let m2 = add(&mut s, Some(lead), "M2", Role::Mediator);
    let c = NewCase::walk_in(
        at(20, 9),
        "neighbour",
        "楼上漏水，多次协商未果",
        NewParty::named("张伟", Some("13812345678")),
    );
    let id = s
        .create_case(desk, &c, &ResponseHours::default())
        .unwrap()
        .id;
    (s, [lead, desk, m1, m2], id)
}

fn actions(s: &Store, id: i64) -> Vec<String> {
    s.case_detail(id)
        .unwrap()
        .timeline
        .into_iter()
        .map(|a| a.action)
        .collect()
}
