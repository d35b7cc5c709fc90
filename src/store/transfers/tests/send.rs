//! Sending: up after the attempts (or by a lead with a reason), never from the county; down
//! below, across neither above nor below; one pending at a time; booked sessions listed;
//! `escalate_case` hands up in a tree and moves the label only without a parent.
use super::*;
use crate::domain::transfer::{DEFAULT_REPLY_DAYS, TransferRule};
use crate::store::NewSession;

#[test]
fn a_village_hands_up_after_its_three_attempts_and_keeps_the_case_until_signed() {
    let mut c = county();
    let id = exhausted_at_v1(&mut c);
    let h = c.store.hand_up(c.v1_desk, id, "", day(3, 9)).unwrap();
    assert_eq!((h.to_centre, h.reply_by), (T1, None));
    // Still V1's, in mediation with its mediator, marked as awaiting T1's sign-off.
    let m = c.v1_mediator.staff_id;
    assert_eq!(
        where_is(&c.store, id),
        (
            V1,
            Some(T1),
            "village".into(),
            "in_mediation".into(),
            Some(m)
        )
    );
    assert!(actions(&c.store, id).contains(&"transfer.up:centre_id".to_string()));
}

#[test]
fn before_the_attempts_are_used_only_a_lead_hands_up_and_says_why() {
    let mut c = county();
    let id = case_by(&mut c.store, c.v1_desk, "张伟");
    refused(
        c.store.hand_up(c.v1_desk, id, "太复杂", at(10, 0)),
        TransferRule::AttemptsLeft,
    );
    let lead = another(&mut c, "VL1", Role::Lead, V1);
    refused(
        c.store.hand_up(lead, id, "  ", at(10, 0)),
        TransferRule::NoReason,
    );
    assert_eq!(
        c.store
            .hand_up(lead, id, "涉及两个村", at(10, 0))
            .unwrap()
            .to_centre,
        T1
    );
    // Another village's clerk cannot send V1's case anywhere.
    let other = exhausted_at_v1(&mut c);
    assert!(matches!(
        c.store.hand_up(c.v2_desk, other, "", day(3, 9)),
        Err(StoreError::Forbidden)
    ));
}

#[test]
fn the_county_is_the_top_of_the_ladder() {
    let mut c = county();
    let id = case_by(&mut c.store, c.county_lead, "张伟");
    refused(
        c.store.hand_up(c.county_lead, id, "上级", at(10, 0)),
        TransferRule::TopOfLadder,
    );
    let n: i64 = c
        .store
        .lite_conn()
        .query_row("SELECT count(*) FROM transfers", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}

#[test]
fn down_goes_below_across_neither_above_nor_below_and_never_outside_the_tree() {
    let mut c = county();
    let county_case = case_by(&mut c.store, c.county_lead, "张伟");
    let t1_case = case_by(&mut c.store, c.t1_desk, "李娜");
    let s = &mut c.store;
    // The county reaches a village directly; the reply is due in three working days.
    let h = s
        .hand_down(c.county_lead, county_case, V1, "属地调处", None, at(10, 0))
        .unwrap();
    assert_eq!(DEFAULT_REPLY_DAYS, 3);
    assert_eq!(h.reply_by, Some(day(3, 10)));
    refused(
        s.hand_down(c.t1_lead, t1_case, 6, "x", None, at(10, 0)),
        TransferRule::NotBelow,
    );
    refused(
        s.hand_down(c.t1_lead, t1_case, MAIN, "x", None, at(10, 0)),
        TransferRule::NotBelow,
    );
    refused(
        s.hand_across(c.t1_lead, t1_case, MAIN, "x", None, at(10, 0)),
        TransferRule::NotAcross,
    );
    refused(
        s.hand_across(c.t1_lead, t1_case, V2, "x", None, at(10, 0)),
        TransferRule::NotAcross,
    );
    refused(
        s.hand_across(c.t1_lead, t1_case, 99, "x", None, at(10, 0)),
        TransferRule::NotInTree,
    );
    refused(
        s.hand_down(c.t1_lead, t1_case, V2, " ", None, at(10, 0)),
        TransferRule::NoReason,
    );
    refused(
        s.hand_down(c.t1_lead, t1_case, V2, "x", Some(0), at(10, 0)),
        TransferRule::ReplyDays { max: 13 },
    );
    s.set_centre_active(c.county_lead, "V2", false, at(10, 0))
        .unwrap();
    refused(
        s.hand_down(c.t1_lead, t1_case, V2, "x", None, at(10, 0)),
        TransferRule::ReceiverDisabled,
    );
    let h = s
        .hand_across(c.t1_desk, t1_case, T2, "当事人住西山镇", Some(5), at(10, 0))
        .unwrap();
    assert_eq!((h.to_centre, h.reply_by), (T2, Some(day(7, 10))));
}

#[test]
fn a_case_has_one_pending_hand_over_at_a_time() {
    let mut c = county();
    let id = exhausted_at_v1(&mut c);
    c.store.hand_up(c.v1_desk, id, "", day(3, 9)).unwrap();
    refused(
        c.store.hand_up(c.v1_mediator, id, "", day(3, 9)),
        TransferRule::AlreadyPending,
    );
    // The index holds even against a write that skips the store's check.
    let raw = c.store.lite_conn().execute(
        "INSERT INTO transfers (case_id, kind, from_centre, to_centre, sent_at, sent_by)
         VALUES (?1, 'up', 4, 2, '2026-11-27 09:00:00', 1)",
        [id],
    );
    assert!(raw.is_err());
}

#[test]
fn a_booked_session_stays_with_its_centre_and_is_listed_on_the_hand_over() {
    let mut c = county();
    let id = case_by(&mut c.store, c.v1_desk, "张伟");
    let m = c.v1_mediator;
    c.store
        .assign_case(c.v1_desk, id, m.staff_id, "", at(9, 10))
        .unwrap();
    let session = NewSession {
        case_id: id,
        mediators: vec![m.staff_id],
        room_id: None,
        start: day(6, 9),
        end: day(6, 10),
    };
    let work = c.store.work_time().clone();
    let sid = c
        .store
        .book_session(c.v1_desk, &session, &work, day(3, 8))
        .unwrap();
    let lead = another(&mut c, "VL1", Role::Lead, V1);
    let h = c
        .store
        .hand_up(lead, id, "涉及镇里的土地", day(3, 9))
        .unwrap();
    assert_eq!(h.sessions.len(), 1);
    assert_eq!(
        (
            h.sessions[0].id,
            h.sessions[0].starts_at,
            h.sessions[0].mediator.as_str()
        ),
        (sid, day(6, 9), "员工VM1")
    );
    c.store.sign(c.t1_desk, id, &hours(), day(3, 10)).unwrap();
    let (mediator, status): (i64, String) = c
        .store
        .lite_conn()
        .query_row(
            "SELECT mediator_id, status FROM sessions WHERE id = ?1",
            [sid],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((mediator, status.as_str()), (m.staff_id, "booked"));
}

#[test]
fn escalating_in_a_tree_hands_up_and_moves_no_label() {
    let mut c = county();
    let id = exhausted_at_v1(&mut c);
    let to = c
        .store
        .escalate_case(c.v1_mediator, id, "", day(3, 9))
        .unwrap();
    assert_eq!(to, crate::domain::ladder::Level::Township);
    let (centre, pending, level, ..) = where_is(&c.store, id);
    assert_eq!((centre, pending, level.as_str()), (V1, Some(T1), "village"));
    assert!(
        !actions(&c.store, id)
            .iter()
            .any(|a| a.starts_with("case.escalate"))
    );
    // At the county there is no parent, and a case received there starts on the county's
    // rung: nothing above it, the label does not move.
    let top = case_by(&mut c.store, c.county_lead, "李娜");
    assert!(matches!(
        c.store.escalate_case(c.county_lead, top, "", at(10, 0)),
        Err(StoreError::Case(
            crate::domain::case_rule::CaseRule::Ladder(
                crate::domain::ladder::LadderError::TopReached
            )
        ))
    ));
    assert_eq!(where_is(&c.store, top).2, "county");
}

#[test]
fn a_single_centre_database_escalates_the_label_as_before() {
    let mut s = Store::open_in_memory().unwrap();
    let lead = crate::store::testing::add_staff(&mut s, None, "L1", Role::Lead, at(8, 0));
    let id = case_by(&mut s, lead, "张伟");
    let to = s
        .escalate_case(lead, id, "村级调解未果", at(10, 0))
        .unwrap();
    assert_eq!(to, crate::domain::ladder::Level::Township);
    assert_eq!(where_is(&s, id).2, "township");
    refused(
        s.hand_up(lead, id, "x", at(10, 0)),
        TransferRule::TopOfLadder,
    );
}
