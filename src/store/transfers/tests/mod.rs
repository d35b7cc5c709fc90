//! Hand-overs in the test county (`centres::fixture`): MAIN (1, county), T1 (2) and T2 (3),
//! V1 (4) and V2 (5) under T1, V3 (6) under T2.
mod answer;
mod race;
mod read;
mod send;

use super::super::centres::fixture::{County, at, county, staff_at, walk_in};
use super::super::{Actor, Store, StoreError};
use crate::domain::risk::ResponseHours;
use crate::domain::role::Role;
use chrono::{Duration, NaiveDateTime};

pub(super) const MAIN: i64 = 1;
pub(super) const T1: i64 = 2;
pub(super) const T2: i64 = 3;
pub(super) const V1: i64 = 4;
pub(super) const V2: i64 = 5;

pub(super) fn hours() -> ResponseHours {
    ResponseHours::default()
}

/// `at(h, m)` plus `days` calendar days (24 November 2026 is a Tuesday).
pub(super) fn day(days: i64, h: u32) -> NaiveDateTime {
    at(h, 0) + Duration::days(days)
}

/// A case registered at `by`'s centre.
pub(super) fn case_by(s: &mut Store, by: Actor, name: &str) -> i64 {
    s.create_case(by, &walk_in(at(9, 0), name, "13800000001"), &hours())
        .unwrap()
        .id
}

/// A case of V1's assigned to its mediator with all three village attempts made.
pub(super) fn exhausted_at_v1(c: &mut County) -> i64 {
    let id = case_by(&mut c.store, c.v1_desk, "张伟");
    let m = c.v1_mediator;
    c.store
        .assign_case(c.v1_desk, id, m.staff_id, "", at(9, 10))
        .unwrap();
    for n in 0..3 {
        c.store
            .record_attempt(m, id, "调解未果", day(n, 10))
            .unwrap();
    }
    id
}

/// Another member of staff of `centre`, added by the county lead.
pub(super) fn another(c: &mut County, code: &str, role: Role, centre: i64) -> Actor {
    let l = c.county_lead;
    staff_at(&mut c.store, l, code, role, centre)
}

/// (centre, pending_to, level, status, owner) of a case.
pub(super) fn where_is(s: &Store, id: i64) -> (i64, Option<i64>, String, String, Option<i64>) {
    s.lite_conn()
        .query_row(
            "SELECT centre_id, pending_to, level, status, owner_id FROM cases WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap()
}

/// The audit actions written on a case, in order.
pub(super) fn actions(s: &Store, id: i64) -> Vec<String> {
    let mut stmt = s
        .lite_conn()
        .prepare("SELECT action || ':' || field FROM audit WHERE case_id = ?1 ORDER BY id")
        .unwrap();
    stmt.query_map([id], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[track_caller]
pub(super) fn refused<T: std::fmt::Debug>(
    r: super::Result<T>,
    rule: crate::domain::transfer::TransferRule,
) {
    match r {
        Err(StoreError::Transfer(got)) => assert_eq!(got, rule),
        other => panic!("expected {rule:?}, got {other:?}"),
    }
}
