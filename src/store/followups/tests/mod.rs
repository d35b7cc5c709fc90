//! Follow-up store tests: real migrations in memory, roles, audit, keyset paging.
//! This module holds the shared fixture; the tests are in its submodules, by subject.
mod codes;
mod listing;
mod recording;
mod scheduling;

use super::*;
use crate::domain::followup::{FollowupPlan, Kind};
use crate::domain::followup_rule::FollowupRule;
use crate::domain::risk::ResponseHours;
use crate::domain::role::Role;
use crate::store::testing::add_staff;
use crate::store::*;
use crate::store::{NewCase, NewParty};
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::params;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn at(d: u32) -> NaiveDateTime {
    day(d).and_hms_opt(10, 0, 0).unwrap()
}

const WEEKDAYS: &[u8] = &[1, 2, 3, 4, 5];

struct T {
    s: Store,
    lead: Actor,
    desk: Actor,
    m1: Actor,
    m2: Actor,
}

fn setup() -> T {
    let mut s = Store::open_in_memory().unwrap();
    let lead = add_staff(&mut s, None, "L1", Role::Lead, at(1));
    let desk = add_staff(&mut s, Some(lead), "D1", Role::Desk, at(1));
    let m1 = add_staff(&mut s, Some(lead), "M1", Role::Mediator, at(1));
    let m2 = add_staff(&mut s, Some(lead), "M2", Role::Mediator, at(1));
    T {
        s,
        lead,
        desk,
        m1,
        m2,
    }
}

/// A case owned by `owner`, moved to `status` behind the store's back (the Cases pane's job).
fn case(t: &mut T, owner: Option<&str>, status: Status, category: &str) -> i64 {
    let owner = owner.map(|c| if c == "M1" { t.m1 } else { t.m2 });
    let applicant = NewParty::named("张伟", Some("13812345678"));
    let c = NewCase {
        owner_id: owner.map(|o| o.staff_id),
        ..NewCase::walk_in(at(2), category, "欠款未还", applicant)
    };
    let id =
        t.s.create_case(t.lead, &c, &ResponseHours::default())
            .unwrap()
            .id;
    t.s.lite_conn()
        .execute(
            "UPDATE cases SET status = ?1, active = ?2,
                    closed_at = CASE WHEN ?1 = 'closed' THEN coalesce(closed_at, updated_at) ELSE closed_at END WHERE id = ?3",
            params![status.code(), status.is_active(), id],
        )
        .unwrap();
    id
}

fn audit_count(t: &T, action: &str) -> i64 {
    t.s.lite_conn()
        .query_row(
            "SELECT COUNT(*) FROM audit WHERE action = ?1",
            [action],
            |r| r.get(0),
        )
        .unwrap()
}

fn case_state(t: &T, id: i64) -> (String, bool, Option<i64>, i64) {
    t.s.lite_conn()
        .query_row(
            "SELECT status, active, owner_id, colour FROM cases WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap()
}

fn all(t: &T, viewer: Actor, f: &FollowupFilter, today: NaiveDate) -> Vec<FollowupRow> {
    t.s.followup_page(viewer, f, today, None, 1000).unwrap()
}

fn result(p: Performance) -> RecordResult {
    RecordResult {
        method: Method::Phone,
        reached: "申请人张伟".into(),
        performance: p,
        satisfaction: Some(4),
        note: "已付第一期".into(),
    }
}
