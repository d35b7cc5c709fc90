//! Reading: the receiver reads a case awaiting its sign-off, the sender keeps reading what it
//! sent (read-only), nobody else; the intake list; a case's passage with attempts per centre;
//! overdue hand-overs in both centres.
use super::*;
use crate::domain::transfer::{ReturnCode, TransferKind, TransferState};

#[test]
fn the_receiver_reads_before_signing_and_the_sender_keeps_reading_after() {
    let mut c = county();
    let id = exhausted_at_v1(&mut c);
    let v3 = c.v3_desk;
    c.store.view_as(c.t1_desk).unwrap();
    assert!(matches!(c.store.case_detail(id), Err(StoreError::NotFound)));
    c.store.hand_up(c.v1_desk, id, "", day(3, 9)).unwrap();
    // Awaiting T1's sign-off: its desk reads the whole case, another township's does not.
    assert_eq!(c.store.case_detail(id).unwrap().attempts, [3, 0, 0]);
    c.store.view_as(v3).unwrap();
    assert!(matches!(c.store.case_detail(id), Err(StoreError::NotFound)));
    assert!(matches!(
        c.store.transfers_of(id),
        Err(StoreError::NotFound)
    ));
    c.store.sign(c.t1_desk, id, &hours(), day(3, 10)).unwrap();
    // The village that sent it reads it, with its new place; it no longer works it.
    c.store.view_as(c.v1_desk).unwrap();
    assert_eq!(
        c.store.case_detail(id).unwrap().row.level.code(),
        "township"
    );
    let hits = c.store.search_cases("张伟", 10, day(3, 11)).unwrap();
    assert!(hits.iter().any(|h| h.row.id == id), "found by the sender");
    assert!(matches!(
        c.store.hand_up(c.v1_desk, id, "", day(3, 11)),
        Err(StoreError::Forbidden)
    ));
    // A sibling village still cannot read it.
    c.store.view_as(c.v2_desk).unwrap();
    assert!(matches!(c.store.case_detail(id), Err(StoreError::NotFound)));
}

#[test]
fn a_centres_intake_lists_what_awaits_its_sign_off_soonest_due_first() {
    let mut c = county();
    let a = case_by(&mut c.store, c.county_lead, "张伟");
    let b = case_by(&mut c.store, c.county_lead, "李娜");
    let up = exhausted_at_v1(&mut c);
    c.store
        .hand_down(c.county_lead, a, V1, "属地调处", Some(5), at(10, 0))
        .unwrap();
    c.store
        .hand_down(c.county_lead, b, V1, "属地调处", Some(1), at(10, 0))
        .unwrap();
    c.store.hand_up(c.v1_desk, up, "", day(3, 9)).unwrap();
    c.store.view_as(c.v1_desk).unwrap();
    let list = c.store.pending_for(V1, day(2, 9)).unwrap();
    let got: Vec<(i64, bool)> = list
        .iter()
        .map(|(p, late)| (p.line.case_id, *late))
        .collect();
    assert_eq!(got, [(b, true), (a, false)]);
    assert_eq!(list[0].0.line.kind, TransferKind::Down);
    assert_eq!(list[0].0.line.sent_by, "员工L1");
    // T1's intake, read by T1; V1 does not see T1's.
    assert!(c.store.pending_for(T1, day(3, 10)).unwrap().is_empty());
    c.store.view_as(c.t1_desk).unwrap();
    let t1 = c.store.pending_for(T1, day(3, 10)).unwrap();
    assert_eq!(t1.len(), 1);
    assert_eq!((t1[0].0.line.case_id, t1[0].1), (up, false));
}

#[test]
fn overdue_hand_overs_are_flagged_in_both_centres() {
    let mut c = county();
    let a = case_by(&mut c.store, c.county_lead, "张伟");
    c.store
        .hand_down(c.county_lead, a, V1, "属地调处", Some(1), at(10, 0))
        .unwrap();
    c.store.view_as(c.county_lead).unwrap();
    assert!(c.store.overdue_transfers(day(1, 10)).unwrap().is_empty());
    let late = c.store.overdue_transfers(day(1, 11)).unwrap();
    let got: Vec<(i64, i64, i64)> = late
        .iter()
        .map(|o| (o.centre, o.incoming, o.outgoing))
        .collect();
    assert_eq!(got, [(MAIN, 0, 1), (V1, 1, 0)]);
    // The village sees its own side only; once signed, nothing is overdue.
    c.store.view_as(c.v1_desk).unwrap();
    let got: Vec<(i64, i64)> = c
        .store
        .overdue_transfers(day(1, 11))
        .unwrap()
        .iter()
        .map(|o| (o.centre, o.incoming))
        .collect();
    assert_eq!(got, [(V1, 1)]);
    c.store.sign(c.v1_desk, a, &hours(), day(1, 12)).unwrap();
    assert!(c.store.overdue_transfers(day(2, 9)).unwrap().is_empty());
}

#[test]
fn a_cases_passage_shows_each_centre_with_its_attempts_and_dates() {
    let mut c = county();
    let id = exhausted_at_v1(&mut c);
    c.store.hand_up(c.v1_desk, id, "", day(3, 9)).unwrap();
    c.store
        .return_transfer(
            c.t1_desk,
            id,
            ReturnCode::Other,
            "材料不全",
            "补充协议书",
            day(3, 10),
        )
        .unwrap();
    c.store
        .hand_up(c.v1_desk, id, "已补材料", day(6, 9))
        .unwrap();
    c.store.sign(c.t1_desk, id, &hours(), day(6, 10)).unwrap();
    let tm = another(&mut c, "TM1", Role::Mediator, T1);
    c.store
        .assign_case(c.t1_lead, id, tm.staff_id, "", day(6, 11))
        .unwrap();
    c.store
        .record_attempt(tm, id, "镇级一次", day(7, 9))
        .unwrap();
    c.store
        .record_attempt(tm, id, "镇级二次", day(8, 9))
        .unwrap();
    c.store.hand_up(c.t1_desk, id, "", day(8, 10)).unwrap();
    let county_desk = another(&mut c, "CD1", Role::Desk, MAIN);
    c.store.sign(county_desk, id, &hours(), day(9, 9)).unwrap();
    c.store.view_as(c.v1_desk).unwrap();
    let p = c.store.transfers_of(id).unwrap();
    let stages: Vec<(&str, u32, NaiveDateTime, Option<NaiveDateTime>)> = p
        .stages
        .iter()
        .map(|s| (s.code.as_str(), s.attempts, s.from, s.until))
        .collect();
    assert_eq!(
        stages,
        [
            ("V1", 3, at(9, 0), Some(day(6, 10))),
            ("T1", 2, day(6, 10), Some(day(9, 9))),
            ("MAIN", 0, day(9, 9), None),
        ]
    );
    assert_eq!(p.transfers.len(), 3);
    assert_eq!(p.transfers[0].return_other, "材料不全");
    assert_eq!(where_is(&c.store, id).2, "county");
}

#[test]
fn what_a_centre_sent_lists_pending_first_then_answered_newest_first_by_direction() {
    let mut c = county();
    let (a, b) = (
        case_by(&mut c.store, c.t1_lead, "张伟"),
        case_by(&mut c.store, c.t1_lead, "李娜"),
    );
    let up = case_by(&mut c.store, c.t1_lead, "王芳");
    c.store
        .hand_down(c.t1_lead, a, V1, "属地调处", Some(1), at(10, 0))
        .unwrap();
    c.store
        .hand_down(c.t1_lead, b, V2, "属地调处", Some(5), at(10, 5))
        .unwrap();
    c.store
        .hand_up(c.t1_lead, up, "涉及两镇", at(10, 10))
        .unwrap();
    c.store.sign(c.v2_desk, b, &hours(), at(11, 0)).unwrap();
    c.store.view_as(c.t1_lead).unwrap();
    let later = day(1, 11);
    let down = c.store.sent_from(T1, false, later).unwrap();
    let got: Vec<(i64, TransferState, bool)> = down
        .iter()
        .map(|(t, late)| (t.line.case_id, t.line.state, *late))
        .collect();
    assert_eq!(
        got,
        [
            (a, TransferState::Pending, true),
            (b, TransferState::Signed, false)
        ]
    );
    let ups = c.store.sent_from(T1, true, later).unwrap();
    assert_eq!(ups.len(), 1);
    assert_eq!((ups[0].0.line.case_id, ups[0].0.line.to_centre), (up, MAIN));
    // The intake counts: V1 has one to sign, T1 none; another centre's count reads nothing.
    assert_eq!(c.store.awaiting_count(V1).unwrap(), 1);
    assert_eq!(c.store.awaiting_count(T1).unwrap(), 0);
    c.store.view_as(c.v3_desk).unwrap();
    assert_eq!(c.store.awaiting_count(V1).unwrap(), 0);
    assert!(c.store.sent_from(T1, false, later).unwrap().is_empty());
    c.store.view_as(c.county_lead).unwrap();
    assert_eq!(c.store.awaiting_count(MAIN).unwrap(), 1);
}

#[test]
fn a_case_starts_on_its_centres_rung_in_a_tree() {
    let mut c = county();
    let at_t1 = case_by(&mut c.store, c.t1_desk, "张伟");
    let at_v1 = case_by(&mut c.store, c.v1_desk, "李娜");
    let at_main = case_by(&mut c.store, c.county_lead, "王芳");
    let levels: Vec<String> = [at_t1, at_v1, at_main]
        .iter()
        .map(|id| where_is(&c.store, *id).2)
        .collect();
    assert_eq!(levels, ["township", "village", "county"]);
}
