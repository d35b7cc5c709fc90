//! The county demo (`Demo::county`) with hand-overs between its centres, for the panes' tests:
//! village DL01's case handed up to township DL this morning, a township case handed down to
//! village DL02 yesterday (overdue by now), and the same with the township's sign-off.
use super::app::fixed_now;
use chrono::{Duration, NaiveDateTime};
use onedoor::domain::intake::{NewCase, NewParty};
use onedoor::domain::risk::ResponseHours;
use onedoor::store::{Actor, Store};

/// A member of the county demo's staff, by code.
pub fn actor(s: &Store, code: &str) -> Actor {
    let m = s.staff_by_code(code).unwrap().expect("county demo staff");
    Actor {
        staff_id: m.id,
        role: m.role,
    }
}

/// The fixed day, at `h:m`.
pub fn at(h: u32, m: u32) -> NaiveDateTime {
    fixed_now().date().and_hms_opt(h, m, 0).unwrap()
}

/// A walk-in registered by `desk` at `when`.
pub fn walk_in(s: &mut Store, desk: &str, when: NaiveDateTime, name: &str, summary: &str) -> i64 {
    let c = NewCase::walk_in(when, "neighbour", summary, NewParty::named(name, None));
    s.create_case(actor(s, desk), &c, &ResponseHours::default())
        .unwrap()
        .id
}

/// Village DL01's case, its three attempts used, handed up to township DL at 9:05; and a
/// township case handed down to village DL02 yesterday with one working day to answer (overdue
/// from 10:00 today).
pub fn hand_overs(s: &mut Store) {
    let up = walk_in(
        s,
        "DL01D",
        at(8, 40),
        "王秀兰",
        "宅基地边界争议，三次调解未果",
    );
    let m = actor(s, "DL01M1");
    s.assign_case(actor(s, "DL01D"), up, m.staff_id, "", at(8, 45))
        .unwrap();
    for (i, min) in [50, 55, 59].into_iter().enumerate() {
        let result = format!("第{}次调解未果", i + 1);
        s.record_attempt(m, up, &result, at(8, min)).unwrap();
    }
    s.hand_up(actor(s, "DL01D"), up, "", at(9, 5)).unwrap();
    let yesterday = |h| at(h, 0) - Duration::days(1);
    let down = walk_in(s, "DLD", yesterday(9), "赵建国", "邻里排水沟堵塞纠纷");
    let dl02 = s.centre_tree().unwrap().by_code("DL02").unwrap().id;
    s.hand_down(
        actor(s, "DLL"),
        down,
        dl02,
        "属地调处",
        Some(1),
        yesterday(10),
    )
    .unwrap();
}

/// As `hand_overs`, and the township's desk signed for the case handed up at 10:00.
pub fn signed(s: &mut Store) {
    hand_overs(s);
    let desk = actor(s, "DLD");
    s.view_as(desk).unwrap();
    let dl = s.staff_centre(desk.staff_id).unwrap().id;
    let (item, _) = s.pending_for(dl, at(10, 0)).unwrap().remove(0);
    s.sign(
        desk,
        item.line.case_id,
        &ResponseHours::default(),
        at(10, 0),
    )
    .unwrap();
}

/// Adds `code` (named 员工<code>, PIN `pin`) at `centre` (None: the adder's) and returns the
/// actor; `by` is None for the first lead.
pub fn add_staff(
    s: &mut onedoor::store::Store,
    by: Option<onedoor::store::Actor>,
    code: &str,
    role: onedoor::domain::role::Role,
    centre: Option<i64>,
    pin: &str,
    at: chrono::NaiveDateTime,
) -> onedoor::store::Actor {
    let n = onedoor::store::NewStaff {
        code: code.into(),
        name: format!("员工{code}"),
        role,
        languages: vec![],
        specialties: vec![],
        team: None,
        pin: pin.into(),
        centre_id: centre,
    };
    onedoor::store::Actor {
        staff_id: s.add_staff(by, &n, at).unwrap(),
        role,
    }
}
