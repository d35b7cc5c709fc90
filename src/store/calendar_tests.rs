//! Calendar store rules: collisions of mediators, rooms and parties; holidays; leave; recording.
use super::*;
use crate::domain::channel::Channel;
use crate::domain::party::PartyRole;
use crate::domain::risk::ResponseHours;
use crate::domain::role::Role;
use crate::domain::session::SessionStatus;
use crate::domain::slots::WorkTime;
use chrono::{NaiveDate, NaiveDateTime};

pub(crate) fn t(d: u32, h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, d)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

fn work() -> WorkTime {
    WorkTime::from_config(&crate::config::WorkingHours::default())
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
    let c = NewCase {
        received_at: t(23, 9, 0),
        channel: Channel::WalkIn,
        category: "neighbour".into(),
        flags: vec![],
        colour: None,
        colour_reason: String::new(),
        red_acknowledged: false,
        summary: "楼上漏水".into(),
        description: String::new(),
        amount_yuan: None,
        people: 1,
        earlier_visits: 0,
        team: None,
        owner_id: owner,
        parties: vec![(
            PartyRole::Applicant,
            NewParty {
                existing_id: party,
                name: "张伟".into(),
                ..Default::default()
            },
        )],
    };
    let id =
        f.s.create_case(f.lead, &c, &ResponseHours::default())
            .unwrap()
            .id;
    let pid = f.s.case_brief(id).unwrap();
    let pid: i64 =
        f.s.conn
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
) -> Result<i64, BookError> {
    let s = NewSession {
        case_id: case,
        mediators: vec![med],
        room_id: Some(room),
        start: a,
        end: b,
    };
    f.s.book_session(by, &s, &work(), t(23, 8, 0))
}

fn clash(r: Result<i64, BookError>) -> Conflict {
    match r {
        Err(BookError::Conflict(c)) => c,
        other => panic!("expected a conflict, got {other:?}"),
    }
}

#[test]
fn back_to_back_is_fine_overlap_is_refused_with_what_collides() {
    let mut f = fix();
    let (c1, _) = case(&mut f, None, None);
    let (c2, _) = case(&mut f, None, None);
    let (m1, m2, [r1, r2]) = (f.m1.staff_id, f.m2, f.rooms);
    let desk = f.desk;
    book(&mut f, desk, c1, m1, r1, t(24, 9, 0), t(24, 10, 0)).unwrap();
    book(&mut f, desk, c2, m1, r1, t(24, 10, 0), t(24, 11, 0)).expect("back to back");
    let c = clash(book(&mut f, desk, c2, m1, r2, t(24, 9, 30), t(24, 10, 0)));
    assert!(matches!(c.with, ClashWith::Mediator(ref m) if m.contains("M1")));
    assert_eq!((c.start, c.end), (t(24, 9, 0), t(24, 10, 0)));
    let no1 = f.s.case_brief(c1).unwrap().case_no;
    assert_eq!(c.case_no, no1);
    let c = clash(book(&mut f, desk, c2, m2, r1, t(24, 8, 30), t(24, 9, 1)));
    assert_eq!(c.with, ClashWith::Room("第一调解室".into()));
    // A cancelled session frees its slot.
    let id = f.s.sessions_between(t(24, 0, 0), t(25, 0, 0)).unwrap()[0].id;
    f.s.cancel_session(desk, id, "当事人生病", t(23, 9, 0))
        .unwrap();
    book(&mut f, desk, c2, m2, r1, t(24, 8, 30), t(24, 9, 30)).expect("freed");
}

#[test]
fn the_same_party_cannot_be_in_two_rooms_at_once() {
    let mut f = fix();
    let (c1, p) = case(&mut f, None, None);
    let (c2, _) = case(&mut f, None, Some(p));
    let (m1, m2, [r1, r2]) = (f.m1.staff_id, f.m2, f.rooms);
    let desk = f.desk;
    book(&mut f, desk, c1, m1, r1, t(24, 9, 0), t(24, 10, 0)).unwrap();
    let c = clash(book(&mut f, desk, c2, m2, r2, t(24, 9, 30), t(24, 10, 30)));
    assert_eq!(c.with, ClashWith::Party("张伟".into()));
}

#[test]
fn across_midnight_only_a_lead_and_the_night_blocks_the_morning() {
    let mut f = fix();
    let (c1, _) = case(&mut f, None, None);
    let (c2, _) = case(&mut f, None, None);
    let (m1, [r1, r2]) = (f.m1.staff_id, f.rooms);
    let (desk, lead) = (f.desk, f.lead);
    let e = book(&mut f, desk, c1, m1, r1, t(24, 23, 0), t(25, 1, 0)).unwrap_err();
    assert!(matches!(
        e,
        BookError::Store(StoreError::Rule("err.calendar.hours"))
    ));
    book(&mut f, lead, c1, m1, r1, t(24, 23, 0), t(25, 1, 0)).unwrap();
    let c = clash(book(&mut f, lead, c2, m1, r2, t(25, 0, 30), t(25, 1, 30)));
    assert_eq!(c.start, t(24, 23, 0));
    book(&mut f, lead, c2, m1, r2, t(25, 1, 0), t(25, 2, 0)).expect("back to back after midnight");
    // The night session shows on both days.
    assert_eq!(
        f.s.sessions_between(t(25, 0, 0), t(26, 0, 0))
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn holidays_and_leave_refuse_bookings_and_feed_the_slot_search() {
    let mut f = fix();
    let (c1, _) = case(&mut f, None, None);
    let (m1, [r1, _]) = (f.m1.staff_id, f.rooms);
    let (desk, lead) = (f.desk, f.lead);
    let d25 = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let d26 = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    assert!(matches!(
        f.s.add_holiday(desk, d25, "x"),
        Err(StoreError::Forbidden)
    ));
    f.s.add_holiday(lead, d25, "调休").unwrap();
    f.s.add_leave(lead, m1, d26, d26, "年假", t(23, 8, 0))
        .unwrap();
    let e = book(&mut f, desk, c1, m1, r1, t(25, 9, 0), t(25, 10, 0)).unwrap_err();
    assert!(matches!(
        e,
        BookError::Store(StoreError::Rule("err.calendar.holiday"))
    ));
    let e = book(&mut f, desk, c1, m1, r1, t(26, 9, 0), t(26, 10, 0)).unwrap_err();
    assert!(matches!(
        e,
        BookError::Store(StoreError::Rule("err.calendar.leave"))
    ));
    book(&mut f, desk, c1, m1, r1, t(24, 8, 30), t(24, 17, 30)).unwrap();
    let busy =
        f.s.busy_spans(&[m1], Some(r1), Some(c1), t(24, 8, 0), t(30, 0, 0))
            .unwrap();
    let holidays: Vec<_> =
        f.s.holidays(d25, d26)
            .unwrap()
            .into_iter()
            .map(|h| h.0)
            .collect();
    let slot = crate::domain::slots::next_free(
        &work(),
        &holidays,
        &busy,
        t(24, 8, 0),
        chrono::Duration::hours(1),
        None,
    )
    .unwrap();
    assert_eq!(slot.start, t(27, 8, 30));
    // Leave over a booked session is refused.
    let e = f.s.add_leave(
        lead,
        m1,
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
        d26,
        "",
        t(23, 8, 0),
    );
    assert!(matches!(
        e,
        Err(StoreError::Rule("err.calendar.leave_has_sessions"))
    ));
}

#[test]
fn move_and_record_are_audited_and_a_held_session_is_an_attempt() {
    let mut f = fix();
    let m1 = f.m1;
    let (c1, _) = case(&mut f, Some(m1.staff_id), None);
    let (desk, [r1, r2]) = (f.desk, f.rooms);
    let id = book(&mut f, desk, c1, m1.staff_id, r1, t(24, 9, 0), t(24, 10, 0)).unwrap();
    let e = f.s.move_session(
        desk,
        id,
        t(24, 14, 0),
        t(24, 15, 0),
        Some(r2),
        " ",
        &work(),
        t(23, 9, 0),
    );
    assert!(matches!(
        e,
        Err(BookError::Store(StoreError::Rule("err.calendar.reason")))
    ));
    f.s.move_session(
        desk,
        id,
        t(24, 14, 0),
        t(24, 15, 0),
        Some(r2),
        "调解员开会",
        &work(),
        t(23, 9, 0),
    )
    .unwrap();
    let s = f.s.session(id).unwrap();
    assert_eq!((s.start, s.room_id), (t(24, 14, 0), Some(r2)));
    let e =
        f.s.record_session(m1, id, SessionStatus::Held, "x", t(23, 9, 0));
    assert!(
        matches!(e, Err(StoreError::Rule("err.calendar.not_yet"))),
        "before its day"
    );
    assert!(matches!(
        f.s.record_session(desk, id, SessionStatus::Held, "", t(24, 16, 0)),
        Err(StoreError::Forbidden)
    ));
    f.s.record_session(m1, id, SessionStatus::Held, "双方同意再谈", t(24, 16, 0))
        .unwrap();
    let (v, actions): (i64, String) = f
        .s
        .conn
        .query_row(
            "SELECT attempts_village, (SELECT group_concat(action, ' ') FROM audit WHERE case_id = ?1 AND action LIKE 'session.%' OR action = 'case.attempt')
             FROM cases WHERE id = ?1",
            [c1],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(v, 1);
    assert_eq!(
        actions,
        "session.book session.move session.record case.attempt"
    );
    assert!(matches!(
        f.s.record_session(m1, id, SessionStatus::Held, "", t(24, 16, 0)),
        Err(StoreError::Rule("err.calendar.not_booked"))
    ));
}

#[test]
fn the_ladder_refuses_a_fourth_village_attempt() {
    let mut f = fix();
    let m1 = f.m1;
    let (c1, _) = case(&mut f, Some(m1.staff_id), None);
    let (desk, [r1, _]) = (f.desk, f.rooms);
    let held = SessionStatus::Held;
    // Two held, then two booked ahead while one attempt is left.
    for h in [9, 10] {
        let id = book(
            &mut f,
            desk,
            c1,
            m1.staff_id,
            r1,
            t(24, h, 0),
            t(24, h + 1, 0),
        )
        .unwrap();
        f.s.record_session(m1, id, held, "", t(24, 17, 0)).unwrap();
    }
    let c = book(
        &mut f,
        desk,
        c1,
        m1.staff_id,
        r1,
        t(24, 11, 0),
        t(24, 12, 0),
    )
    .unwrap();
    let d = book(
        &mut f,
        desk,
        c1,
        m1.staff_id,
        r1,
        t(24, 14, 0),
        t(24, 15, 0),
    )
    .unwrap();
    f.s.record_session(m1, c, held, "", t(24, 17, 0)).unwrap();
    // The last one cannot count a fourth attempt; it can still be recorded otherwise.
    let r = f.s.record_session(m1, d, held, "", t(24, 17, 0));
    assert!(matches!(
        r,
        Err(StoreError::Rule("err.ladder.attempts_used"))
    ));
    f.s.record_session(m1, d, SessionStatus::NoShow, "", t(24, 17, 0))
        .unwrap();
    // No new session at the village level: escalate first.
    let e = book(&mut f, desk, c1, m1.staff_id, r1, t(25, 9, 0), t(25, 10, 0)).unwrap_err();
    assert!(matches!(
        e,
        BookError::Store(StoreError::Rule("err.ladder.attempts_used"))
    ));
    let v: i64 =
        f.s.conn
            .query_row(
                "SELECT attempts_village FROM cases WHERE id = ?1",
                [c1],
                |r| r.get(0),
            )
            .unwrap();
    assert_eq!(v, 3);
}

/// Two desks, two connections, the same room at the same moment: exactly one wins.
#[test]
fn two_desks_booking_at_once_cannot_both_win() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.db");
    let mut f = fix_on(Store::create(&path).unwrap());
    let (c1, _) = case(&mut f, None, None);
    let (c2, _) = case(&mut f, None, None);
    let (desk, m1, m2, r1) = (f.desk, f.m1.staff_id, f.m2, f.rooms[0]);
    drop(f);
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(2));
    let handles: Vec<_> = [(c1, m1), (c2, m2)]
        .into_iter()
        .map(|(case_id, med)| {
            let (path, barrier) = (path.clone(), barrier.clone());
            std::thread::spawn(move || {
                let mut s = Store::open(&path).unwrap();
                let n = NewSession {
                    case_id,
                    mediators: vec![med],
                    room_id: Some(r1),
                    start: t(24, 9, 0),
                    end: t(24, 10, 0),
                };
                barrier.wait();
                s.book_session(desk, &n, &work(), t(23, 8, 0))
            })
        })
        .collect();
    let results: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let ok = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(ok, 1, "{results:?}");
    assert!(results.iter().any(|r| matches!(r, Err(BookError::Conflict(c)) if c.with == ClashWith::Room("第一调解室".into()))));
    let s = Store::open(&path).unwrap();
    assert_eq!(
        s.sessions_between(t(24, 0, 0), t(25, 0, 0)).unwrap().len(),
        1
    );
}
