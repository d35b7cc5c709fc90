//! Scheduling a follow-up after an agreement, adding, moving and cancelling one by hand.
use super::*;

#[test]
fn agreement_schedules_followups_owned_by_the_mediator() {
    let mut t = setup();
    let id = case(&mut t, Some("M1"), Status::InMediation, "neighbour");
    let plan = FollowupPlan::default();
    // Another mediator and the desk may not record it; terms are required.
    assert!(matches!(
        t.s.record_agreement(t.m2, id, "赔偿 5000 元", &plan, at(24)),
        Err(StoreError::Forbidden)
    ));
    assert!(matches!(
        t.s.record_agreement(t.desk, id, "赔偿 5000 元", &plan, at(24)),
        Err(StoreError::Forbidden)
    ));
    assert!(matches!(
        t.s.record_agreement(t.m1, id, "  ", &plan, at(24)),
        Err(StoreError::Case(
            crate::domain::case_rule::CaseRule::TermsEmpty
        ))
    ));
    // Nothing was scheduled by the refused attempts.
    assert_eq!(audit_count(&t, "followup.add"), 0);
    let dates =
        t.s.record_agreement(t.m1, id, "赔偿 5000 元，月底前付清", &plan, at(24))
            .unwrap();
    assert_eq!(
        dates,
        [
            day(24) + chrono::Duration::days(7),
            day(24) + chrono::Duration::days(30)
        ]
    );
    assert_eq!(case_state(&t, id).0, "agreement");
    assert_eq!(
        t.s.agreement_terms(id).unwrap().as_deref(),
        Some("赔偿 5000 元，月底前付清")
    );
    let rows = all(
        &t,
        t.lead,
        &FollowupFilter {
            scope: FollowupScope::All,
            ..Default::default()
        },
        day(24),
    );
    assert_eq!(rows.len(), 2);
    assert!(
        rows.iter()
            .all(|r| r.owner_id == Some(t.m1.staff_id) && r.kind == Kind::Agreement)
    );
    assert_eq!(audit_count(&t, "followup.add"), 2);
    assert_eq!(audit_count(&t, "case.outcome"), 1);
    // Recording twice is refused by the status machine.
    assert!(matches!(
        t.s.record_agreement(t.m1, id, "再来", &plan, at(24)),
        Err(StoreError::Case(
            crate::domain::case_rule::CaseRule::Transition(_)
        ))
    ));
}

#[test]
fn category_overrides_change_offsets() {
    let mut t = setup();
    let id = case(&mut t, Some("M1"), Status::InMediation, "family.divorce");
    let mut plan = FollowupPlan::default();
    plan.overrides.insert("family".into(), vec![3]);
    let dates =
        t.s.record_agreement(t.lead, id, "按月支付抚养费", &plan, at(24))
            .unwrap();
    assert_eq!(dates, [day(27)]);
}

#[test]
fn add_move_cancel_with_reasons_and_roles() {
    let mut t = setup();
    let id = case(&mut t, Some("M1"), Status::Agreement, "neighbour");
    assert!(matches!(
        t.s.add_followup(t.m2, id, day(28), "复查", at(24)),
        Err(StoreError::Forbidden)
    ));
    assert!(matches!(
        t.s.add_followup(t.m1, id, day(28), "", at(24)),
        Err(StoreError::Followup(FollowupRule::Reason))
    ));
    assert!(matches!(
        t.s.add_followup(t.m1, id, day(20), "复查", at(24)),
        Err(StoreError::Followup(FollowupRule::Past))
    ));
    let f =
        t.s.add_followup(t.m1, id, day(28), "当事人要求复查", at(24))
            .unwrap();
    assert!(matches!(
        t.s.move_followup(t.m1, f, day(29), " ", at(24)),
        Err(StoreError::Followup(FollowupRule::Reason))
    ));
    assert!(matches!(
        t.s.move_followup(t.m2, f, day(29), "改期", at(24)),
        Err(StoreError::Forbidden)
    ));
    t.s.move_followup(t.lead, f, day(29), "当事人出差", at(24))
        .unwrap();
    let rows = all(
        &t,
        t.m1,
        &FollowupFilter {
            scope: FollowupScope::All,
            ..Default::default()
        },
        day(24),
    );
    assert_eq!(rows[0].due_on, day(29));
    t.s.cancel_followup(t.m1, f, "当事人已搬走", at(24))
        .unwrap();
    assert!(
        all(
            &t,
            t.m1,
            &FollowupFilter {
                scope: FollowupScope::All,
                ..Default::default()
            },
            day(24)
        )
        .is_empty()
    );
    assert_eq!(audit_count(&t, "followup.move"), 1);
    assert_eq!(audit_count(&t, "followup.cancel"), 1);
    // Not for a case still in mediation.
    let other = case(&mut t, Some("M1"), Status::InMediation, "neighbour");
    assert!(matches!(
        t.s.add_followup(t.m1, other, day(28), "x", at(24)),
        Err(StoreError::Followup(FollowupRule::CaseState))
    ));
}

#[test]
fn desk_answered_case_gets_a_followup_owned_by_the_clerk() {
    let mut t = setup();
    let id = case(&mut t, None, Status::AnsweredAtDesk, "consumer");
    let f = t.s.add_followup(t.desk, id, day(27), "", at(24)).unwrap();
    let rows = all(
        &t,
        t.desk,
        &FollowupFilter {
            owner: Some(t.desk.staff_id),
            ..Default::default()
        },
        day(24),
    );
    assert_eq!((rows.len(), rows[0].kind), (1, Kind::Desk));
    // The clerk sees the number masked (desk may not see numbers); the lead sees it whole.
    assert_eq!(rows[0].phone, "138****5678");
    assert_eq!(
        all(&t, t.lead, &FollowupFilter::default(), day(24))[0].phone,
        "13812345678"
    );
    // Still unresolved: the case goes back to registration with no owner.
    let out =
        t.s.record_followup(
            t.desk,
            f,
            &result(Performance::Breached),
            &ResponseHours::default(),
            WEEKDAYS,
            at(27),
        )
        .unwrap();
    assert_eq!(out.reopened.map(|r| r.0), Some(Status::Registered));
}
