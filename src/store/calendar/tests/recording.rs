//! Moving and recording sessions: reasons, roles, audit, and the 3-2-1 ladder's attempts.
use super::*;
use crate::domain::ladder::LadderError;
use crate::domain::session::SessionStatus;

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
    assert!(matches!(e, Err(StoreError::Booking(BookingRule::Reason))));
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
        matches!(e, Err(StoreError::Booking(BookingRule::NotYet))),
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
        .lite_conn()
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
        Err(StoreError::Booking(BookingRule::NotBooked))
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
        Err(StoreError::Case(
            crate::domain::case_rule::CaseRule::Ladder(
                crate::domain::ladder::LadderError::AttemptsUsed
            )
        ))
    ));
    f.s.record_session(m1, d, SessionStatus::NoShow, "", t(24, 17, 0))
        .unwrap();
    // No new session at the village level: escalate first.
    let e = book(&mut f, desk, c1, m1.staff_id, r1, t(25, 9, 0), t(25, 10, 0)).unwrap_err();
    assert!(matches!(
        e,
        StoreError::Booking(BookingRule::Ladder(LadderError::AttemptsUsed))
    ));
    let v: i64 =
        f.s.lite_conn()
            .query_row(
                "SELECT attempts_village FROM cases WHERE id = ?1",
                [c1],
                |r| r.get(0),
            )
            .unwrap();
    assert_eq!(v, 3);
}
