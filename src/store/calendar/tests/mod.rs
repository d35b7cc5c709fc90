//! Calendar store rules: collisions of mediators, rooms and parties; holidays; leave; recording.
//! This module holds the shared fixture (also used by the attempts and Calendar pane tests);
//! the tests are in its submodules, by subject.
mod clashes;
mod codes;
mod recording;
mod time_off;

use crate::domain::booking::BookingRule;
use crate::domain::risk::ResponseHours;
use crate::domain::role::Role;
use crate::domain::slots::WorkTime;
use crate::store::*;
use chrono::{NaiveDate, NaiveDateTime};

pub(crate) fn t(d: u32, h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, d)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

fn work() -> WorkTime {
    WorkTime::default()
}

pub(crate) struct Fix {
    pub s: Store,
    pub lead: Actor,
    pub desk: Actor,
    pub m1: Actor,
    pub m2: i64,
    pub rooms: [i64; 2],
}

fn member(code: &str, role: Role) -> NewStaff {
    NewStaff {
        code: code.into(),
        name: format!("调解员{code}"),
        role,
        languages: vec![],
        specialties: vec![],
        team: None,
        pin: "1234".into(),
        centre_id: None,
    }
}

pub(crate) fn fix_on(mut s: Store) -> Fix {
    let hash = hash_pin("1234").unwrap();
    let add = |s: &mut Store, by, code, role| {
        s.add_staff_hashed(by, &member(code, role), &hash, t(1, 8, 0))
            .unwrap()
    };
    let lead = Actor {
        staff_id: add(&mut s, None, "L1", Role::Lead),
        role: Role::Lead,
    };
    let desk = Actor {
        staff_id: add(&mut s, Some(lead), "D1", Role::Desk),
        role: Role::Desk,
    };
    let m1 = Actor {
        staff_id: add(&mut s, Some(lead), "M1", Role::Mediator),
        role: Role::Mediator,
    };
    let m2 = add(&mut s, Some(lead), "M2", Role::Mediator);
    let rooms = [
        s.add_room("第一调解室").unwrap(),
        s.add_room("第二调解室").unwrap(),
    ];
    Fix {
        s,
        lead,
        desk,
        m1,
        m2,
        rooms,
    }
}

pub(crate) fn fix() -> Fix {
    fix_on(Store::open_in_memory().unwrap())
}

/// A case with one applicant; `party` reuses an existing party (the same person twice).
pub(crate) fn case(f: &mut Fix, owner: Option<i64>, party: Option<i64>) -> (i64, i64) {
    let applicant = NewParty {
        existing_id: party,
        ..NewParty::named("张伟", None)
    };
    let c = NewCase {
        owner_id: owner,
        ..NewCase::walk_in(t(23, 9, 0), "neighbour", "楼上漏水", applicant)
    };
    let id =
        f.s.create_case(f.lead, &c, &ResponseHours::default())
            .unwrap()
            .id;
    let pid = f.s.case_brief(id).unwrap();
    let pid: i64 =
        f.s.lite_conn()
            .query_row(
                "SELECT first_party_id FROM cases WHERE id = ?1",
                [pid.id],
                |r| r.get(0),
            )
            .unwrap();
    (id, pid)
}

fn book(
    f: &mut Fix,
    by: Actor,
    case: i64,
    med: i64,
    room: i64,
    a: NaiveDateTime,
    b: NaiveDateTime,
) -> Result<i64> {
    let s = NewSession {
        case_id: case,
        mediators: vec![med],
        room_id: Some(room),
        start: a,
        end: b,
    };
    f.s.book_session(by, &s, &work(), t(23, 8, 0))
}

fn clash(r: Result<i64>) -> Conflict {
    match r {
        Err(StoreError::Booking(BookingRule::Clash(c))) => c,
        other => panic!("expected a conflict, got {other:?}"),
    }
}
