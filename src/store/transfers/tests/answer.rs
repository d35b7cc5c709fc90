//! Answering: only the addressed centre's desk or lead signs or returns; a return needs a
//! fitting reason and a note; the sender withdraws while pending and overrules a return down
//! or across; every step audited on the case.
use super::*;
use crate::domain::transfer::{ReturnCode, TransferRule, TransferState};

#[test]
fn signing_moves_the_case_and_starts_the_township_clock() {
    let mut c = county();
    let id = exhausted_at_v1(&mut c);
    c.store.hand_up(c.v1_desk, id, "", day(3, 9)).unwrap();
    c.store.sign(c.t1_desk, id, &hours(), day(3, 10)).unwrap();
    assert_eq!(
        where_is(&c.store, id),
        (T1, None, "township".into(), "in_mediation".into(), None)
    );
    // The 30-day mediation term counts from the sign-off, in working time.
    let (deadline, since): (String, String) = c
        .store
        .lite_conn()
        .query_row(
            "SELECT deadline_at, handled_since FROM cases WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let term = c.store.mediation_term(day(3, 10)).unwrap();
    assert_eq!(deadline, crate::store::time::to_sql(term));
    assert_eq!(since, "2026-11-27 10:00:00");
    let acts = actions(&c.store, id);
    for a in [
        "transfer.sign:state",
        "transfer.move:centre_id",
        "transfer.move:level",
        "case.assign:owner_id",
        "case.deadline:deadline_at",
    ] {
        assert!(acts.contains(&a.to_string()), "{a} in {acts:?}");
    }
    // The village's mediator no longer works it; a township mediator does, at township level.
    assert!(matches!(
        c.store.record_attempt(c.v1_mediator, id, "再调", day(4, 9)),
        Err(StoreError::Forbidden)
    ));
    let tm = another(&mut c, "TM1", Role::Mediator, T1);
    c.store
        .assign_case(c.t1_desk, id, tm.staff_id, "", day(3, 11))
        .unwrap();
    let rec = c
        .store
        .record_attempt(tm, id, "镇级调解", day(4, 9))
        .unwrap();
    assert_eq!((rec.level.code(), rec.attempts), ("township", 1));
}

#[test]
fn only_the_addressed_centres_desk_or_lead_signs() {
    let mut c = county();
    let id = exhausted_at_v1(&mut c);
    c.store.hand_up(c.v1_desk, id, "", day(3, 9)).unwrap();
    for who in [c.v1_desk, c.county_lead, c.v2_desk] {
        refused(
            c.store.sign(who, id, &hours(), day(3, 10)),
            TransferRule::NotAddressed,
        );
    }
    let tm = another(&mut c, "TM1", Role::Mediator, T1);
    assert!(matches!(
        c.store.sign(tm, id, &hours(), day(3, 10)),
        Err(StoreError::Forbidden)
    ));
    c.store.sign(c.t1_lead, id, &hours(), day(3, 10)).unwrap();
    refused(
        c.store.sign(c.t1_desk, id, &hours(), day(3, 11)),
        TransferRule::NotPending,
    );
}

#[test]
fn a_return_needs_a_reason_that_fits_and_a_note_and_the_case_stays() {
    let mut c = county();
    let id = exhausted_at_v1(&mut c);
    c.store.hand_up(c.v1_desk, id, "", day(3, 9)).unwrap();
    let s = &mut c.store;
    let ret = |s: &mut Store, code, other: &str, note: &str| {
        s.return_transfer(c.t1_desk, id, code, other, note, day(3, 10))
    };
    refused(
        ret(s, ReturnCode::WrongLocality, "", "x"),
        TransferRule::ReasonNotForKind,
    );
    refused(
        ret(s, ReturnCode::Other, " ", "x"),
        TransferRule::OtherNeedsText,
    );
    refused(
        ret(s, ReturnCode::NotExhausted, "", " "),
        TransferRule::NoNote,
    );
    refused(
        s.return_transfer(c.v1_desk, id, ReturnCode::NotExhausted, "", "x", day(3, 10)),
        TransferRule::NotAddressed,
    );
    ret(s, ReturnCode::NotExhausted, "", "请村里再组织一次").unwrap();
    assert_eq!(
        where_is(s, id),
        (
            V1,
            None,
            "village".into(),
            "in_mediation".into(),
            Some(c.v1_mediator.staff_id)
        )
    );
    s.view_as(c.v1_desk).unwrap();
    let p = s.transfers_of(id).unwrap();
    let t = &p.transfers[0];
    assert_eq!(
        (
            t.state,
            t.return_code,
            t.return_note.as_str(),
            t.answered_by.as_deref()
        ),
        (
            TransferState::Returned,
            Some(ReturnCode::NotExhausted),
            "请村里再组织一次",
            Some("员工TD1")
        )
    );
    assert!(actions(s, id).contains(&"transfer.return:state".to_string()));
    // A return up stands; the village may send it again later.
    let vl = another(&mut c, "VL1", Role::Lead, V1);
    refused(
        c.store.overrule(vl, id, "坚持上报", &hours(), day(3, 11)),
        TransferRule::UpNotOverruled,
    );
    c.store
        .hand_up(c.v1_desk, id, "已再调一次", day(4, 9))
        .unwrap();
}

#[test]
fn the_sender_overrules_a_return_down_and_the_case_moves() {
    let mut c = county();
    let id = case_by(&mut c.store, c.county_lead, "张伟");
    c.store
        .hand_down(c.county_lead, id, V1, "属地调处", None, at(10, 0))
        .unwrap();
    c.store
        .return_transfer(
            c.v1_desk,
            id,
            ReturnCode::WrongLocality,
            "",
            "当事人不住本村",
            at(11, 0),
        )
        .unwrap();
    assert_eq!(where_is(&c.store, id).0, MAIN);
    refused(
        c.store.overrule(c.v1_desk, id, "x", &hours(), at(12, 0)),
        TransferRule::NotSender,
    );
    refused(
        c.store.overrule(c.t1_lead, id, "x", &hours(), at(12, 0)),
        TransferRule::NotSender,
    );
    refused(
        c.store
            .overrule(c.county_lead, id, " ", &hours(), at(12, 0)),
        TransferRule::NoNote,
    );
    let cd = another(&mut c, "CD1", Role::Desk, MAIN);
    assert!(matches!(
        c.store.overrule(cd, id, "以户籍为准", &hours(), at(12, 0)),
        Err(StoreError::Forbidden)
    ));
    c.store
        .overrule(c.county_lead, id, "以户籍为准", &hours(), at(12, 0))
        .unwrap();
    assert_eq!(
        where_is(&c.store, id),
        (V1, None, "village".into(), "registered".into(), None)
    );
    c.store.view_as(c.county_lead).unwrap();
    let t = &c.store.transfers_of(id).unwrap().transfers[0];
    assert_eq!(
        (t.state, t.overruled_by.as_deref(), t.overrule_note.as_str()),
        (TransferState::Overruled, Some("员工L1"), "以户籍为准")
    );
    assert!(actions(&c.store, id).contains(&"transfer.overrule:state".to_string()));
    refused(
        c.store
            .overrule(c.county_lead, id, "再次", &hours(), at(13, 0)),
        TransferRule::NotReturned,
    );
}

#[test]
fn the_sender_withdraws_while_pending_and_then_nothing_is_left_to_sign() {
    let mut c = county();
    let id = exhausted_at_v1(&mut c);
    c.store.hand_up(c.v1_mediator, id, "", day(3, 9)).unwrap();
    refused(
        c.store.withdraw(c.t1_desk, id, "", day(3, 10)),
        TransferRule::NotSender,
    );
    // The mediator who sent it may take it back, as may the village's desk.
    c.store
        .withdraw(c.v1_mediator, id, "当事人愿意再谈", day(3, 10))
        .unwrap();
    assert_eq!(where_is(&c.store, id).1, None);
    refused(
        c.store.sign(c.t1_desk, id, &hours(), day(3, 11)),
        TransferRule::NotPending,
    );
    refused(
        c.store.withdraw(c.v1_desk, id, "", day(3, 11)),
        TransferRule::NotPending,
    );
    assert!(actions(&c.store, id).contains(&"transfer.withdraw:state".to_string()));
}

#[test]
fn a_closed_case_is_not_handed_over() {
    let mut c = county();
    let id = case_by(&mut c.store, c.county_lead, "张伟");
    c.store
        .lite_conn()
        .execute(
            "UPDATE cases SET status = 'withdrawn', active = 0 WHERE id = ?1",
            [id],
        )
        .unwrap();
    assert!(matches!(
        c.store
            .hand_down(c.county_lead, id, V1, "x", None, at(10, 0)),
        Err(StoreError::Case(
            crate::domain::case_rule::CaseRule::NotOpen
        ))
    ));
}

#[test]
fn an_assigned_case_waits_for_the_receivers_mediator_and_its_term_counts_from_the_sign_off() {
    let mut c = county();
    let id = case_by(&mut c.store, c.v1_desk, "张伟");
    c.store
        .assign_case(c.v1_desk, id, c.v1_mediator.staff_id, "", at(9, 10))
        .unwrap();
    let lead = another(&mut c, "VL1", Role::Lead, V1);
    c.store.hand_up(lead, id, "涉及邻村", at(10, 0)).unwrap();
    c.store.sign(c.t1_desk, id, &hours(), day(3, 10)).unwrap();
    assert_eq!(
        where_is(&c.store, id),
        (T1, None, "township".into(), "registered".into(), None)
    );
    let tm = another(&mut c, "TM1", Role::Mediator, T1);
    c.store
        .assign_case(c.t1_desk, id, tm.staff_id, "", day(3, 11))
        .unwrap();
    // The first attempt starts mediation: its term counts from the township's sign-off, not
    // from the village's intake four days earlier.
    c.store
        .record_attempt(tm, id, "镇级调解", day(4, 9))
        .unwrap();
    let deadline: String = c
        .store
        .lite_conn()
        .query_row("SELECT deadline_at FROM cases WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap();
    let term = c.store.mediation_term(day(3, 10)).unwrap();
    assert_eq!(deadline, crate::store::time::to_sql(term));
}
