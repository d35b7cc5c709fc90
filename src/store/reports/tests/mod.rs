//! Reports by centre on the test county (`centres::fixture`): MAIN (1, county), T1 (2) and T2
//! (3), V1 (4) and V2 (5) under T1, V3 (6) under T2. One November, worked out by hand:
//!
//! - A: received at V1 on the 24th 09:00, a session held, agreement on the 26th 15:00 at V1.
//! - B: received at V1 on the 24th 09:00, a session held, three attempts, handed up on the 27th
//!   09:00, signed for by T1 at 12:00, agreement at T1 on the 30th 10:00.
//! - C: received at V1 on the 24th 09:00, never touched: open and, by 10 December, overdue.
//! - D: received at V3 on the 24th 09:00, never touched: overdue at V3.
//! - E: received at MAIN on the 24th 09:00, handed down to V1 at 10:00, sent back by V1 at
//!   11:00 (wrong locality): still at MAIN, open, overdue there.
//! - V2 and T2 themselves: nothing.
mod figures;
mod visibility;

use super::super::Store;
use super::super::bulk::SessionRow;
use super::super::centres::fixture::{County, at, county, walk_in};
use crate::domain::followup::FollowupPlan;
use crate::domain::risk::ResponseHours;
use crate::domain::transfer::ReturnCode;
use crate::store::Outcome;
use chrono::{Duration, NaiveDate, NaiveDateTime};

const MAIN: i64 = 1;
const T1: i64 = 2;
const T2: i64 = 3;
const V1: i64 = 4;
const V2: i64 = 5;
const V3: i64 = 6;

/// `at(h, 0)` on 24 November plus `days` days.
fn day(days: i64, h: u32) -> NaiveDateTime {
    at(h, 0) + Duration::days(days)
}

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

/// When the figures are read.
fn now() -> NaiveDateTime {
    d(12, 10).and_hms_opt(9, 0, 0).unwrap()
}

struct November {
    c: County,
}

fn agreement() -> Outcome {
    Outcome::Agreement {
        terms: "双方和解".into(),
        judicial: false,
    }
}

fn held(s: &mut Store, case: i64, mediator: i64, room: i64, start: NaiveDateTime) {
    s.bulk_load(|w| {
        w.session(&SessionRow {
            case_id: case,
            mediator_id: mediator,
            room_id: room,
            starts_at: start,
            ends_at: start + Duration::hours(1),
            level: "village",
            status: "held",
            result: "",
        })
    })
    .unwrap();
}

fn november() -> November {
    let mut c = county();
    let h = ResponseHours::default();
    let room = c.store.add_room("一村调解室").unwrap();
    let (v1, m, t1, lead) = (c.v1_desk, c.v1_mediator, c.t1_lead, c.county_lead);
    let case = |s: &mut Store, by, name: &str| {
        s.create_case(by, &walk_in(at(9, 0), name, "13800000001"), &h)
            .unwrap()
            .id
    };
    let s = &mut c.store;
    let a = case(s, v1, "张伟");
    let b = case(s, v1, "李娜");
    case(s, v1, "王芳");
    case(s, c.v3_desk, "赵敏");
    let e = case(s, lead, "刘洋");
    for id in [a, b] {
        s.assign_case(v1, id, m.staff_id, "", at(9, 10)).unwrap();
    }
    s.record_attempt(m, a, "调解中", day(0, 10)).unwrap();
    s.record_outcome(m, a, &agreement(), &FollowupPlan::default(), day(2, 15))
        .unwrap();
    for n in 0..3 {
        s.record_attempt(m, b, "调解未果", day(n, 11)).unwrap();
    }
    // Sessions on days without a hand-entered attempt (one would stand for the other).
    held(s, a, m.staff_id, room, day(1, 9));
    held(s, b, m.staff_id, room, day(3, 8));
    s.hand_up(v1, b, "", day(3, 9)).unwrap();
    s.sign(c.t1_desk, b, &h, day(3, 12)).unwrap();
    s.record_outcome(t1, b, &agreement(), &FollowupPlan::default(), day(6, 10))
        .unwrap();
    s.hand_down(lead, e, V1, "属地调处", None, at(10, 0))
        .unwrap();
    s.return_transfer(v1, e, ReturnCode::WrongLocality, "", "不在本村", at(11, 0))
        .unwrap();
    November { c }
}
