//! Recording a follow-up's result and what it does to the case: retry, reopen, close.
use super::*;

#[test]
fn unreachable_schedules_a_retry_two_working_days_later() {
    let mut t = setup();
    let id = case(&mut t, Some("M1"), Status::InMediation, "neighbour");
    t.s.record_agreement(t.m1, id, "道歉并修复", &FollowupPlan::default(), at(19))
        .unwrap();
    let f = all(
        &t,
        t.m1,
        &FollowupFilter {
            scope: FollowupScope::All,
            ..Default::default()
        },
        day(26),
    );
    // Thursday 26th: nobody answers → Monday 30th, attempt 2.
    let first = f[0].id;
    let mut r = result(Performance::Unreachable);
    r.reached.clear();
    let out =
        t.s.record_followup(t.m1, first, &r, &ResponseHours::default(), WEEKDAYS, at(26))
            .unwrap();
    assert_eq!(out.consequence, Consequence::Retry(day(30)));
    let rows = all(
        &t,
        t.m1,
        &FollowupFilter {
            scope: FollowupScope::All,
            ..Default::default()
        },
        day(26),
    );
    let retry = rows.iter().find(|r| r.kind == Kind::Retry).expect("retry");
    assert_eq!((retry.due_on, retry.attempt), (day(30), 2));
    assert_eq!(case_state(&t, id).0, "follow_up");
    // Recording the same follow-up again is refused.
    assert!(matches!(
        t.s.record_followup(t.m1, first, &r, &ResponseHours::default(), WEEKDAYS, at(26)),
        Err(StoreError::Followup(FollowupRule::NotDue))
    ));
}

#[test]
fn breach_reopens_to_the_same_mediator_at_least_yellow() {
    let mut t = setup();
    let id = case(&mut t, Some("M1"), Status::InMediation, "neighbour");
    t.s.record_agreement(t.m1, id, "赔偿 5000 元", &FollowupPlan::default(), at(10))
        .unwrap();
    let f = all(&t, t.lead, &FollowupFilter::default(), day(24));
    assert_eq!(
        f.len(),
        1,
        "the 7-day one is in the open list, the 30-day one is not"
    );
    // Reached is required unless nobody answered; another mediator may not record.
    let mut empty = result(Performance::Breached);
    empty.reached.clear();
    assert!(matches!(
        t.s.record_followup(
            t.m1,
            f[0].id,
            &empty,
            &ResponseHours::default(),
            WEEKDAYS,
            at(24)
        ),
        Err(StoreError::Followup(FollowupRule::Reached))
    ));
    assert!(matches!(
        t.s.record_followup(
            t.m2,
            f[0].id,
            &result(Performance::Breached),
            &ResponseHours::default(),
            WEEKDAYS,
            at(24)
        ),
        Err(StoreError::Forbidden)
    ));
    let out =
        t.s.record_followup(
            t.m1,
            f[0].id,
            &result(Performance::Breached),
            &ResponseHours::default(),
            WEEKDAYS,
            at(24),
        )
        .unwrap();
    assert_eq!(out.reopened, Some((Status::Assigned, Colour::Yellow)));
    let (status, active, owner, colour) = case_state(&t, id);
    assert_eq!(
        (status.as_str(), active, owner),
        ("assigned", true, Some(t.m1.staff_id))
    );
    assert_eq!(colour, Colour::Yellow.rank());
    // The 30-day follow-up of the broken agreement is cancelled; nothing is left due.
    let left = all(
        &t,
        t.lead,
        &FollowupFilter {
            scope: FollowupScope::All,
            ..Default::default()
        },
        day(24),
    );
    assert!(left.iter().all(|r| r.case_id != id));
    assert_eq!(audit_count(&t, "case.reopen"), 1);
    assert_eq!(audit_count(&t, "case.colour"), 1);
    // In the mediator's active queue (the cases_owner_urgency index's rows).
    let queued: i64 =
        t.s.lite_conn()
            .query_row(
                "SELECT COUNT(*) FROM cases WHERE owner_id = ?1 AND active = 1 AND id = ?2",
                params![t.m1.staff_id, id],
                |r| r.get(0),
            )
            .unwrap();
    assert_eq!(queued, 1);

    // A second agreement broken again: at least orange.
    t.s.lite_conn()
        .execute(
            "UPDATE cases SET status = 'in_mediation' WHERE id = ?1",
            [id],
        )
        .unwrap();
    t.s.record_agreement(t.m1, id, "第二次协议", &FollowupPlan::default(), at(24))
        .unwrap();
    let f = all(&t, t.lead, &FollowupFilter::default(), day(24));
    let out =
        t.s.record_followup(
            t.m1,
            f[0].id,
            &result(Performance::Breached),
            &ResponseHours::default(),
            WEEKDAYS,
            at(25),
        )
        .unwrap();
    assert_eq!(out.reopened, Some((Status::Assigned, Colour::Orange)));
}

#[test]
fn last_fulfilled_followup_offers_close_which_only_a_lead_may_do() {
    let mut t = setup();
    let id = case(&mut t, Some("M1"), Status::InMediation, "neighbour");
    let plan = FollowupPlan {
        days: vec![7],
        ..Default::default()
    };
    t.s.record_agreement(t.m1, id, "赔偿", &plan, at(10))
        .unwrap();
    let f = all(&t, t.m1, &FollowupFilter::default(), day(24));
    let out =
        t.s.record_followup(
            t.m1,
            f[0].id,
            &result(Performance::Fulfilled),
            &ResponseHours::default(),
            WEEKDAYS,
            at(24),
        )
        .unwrap();
    assert_eq!(out.consequence, Consequence::OfferClose);
    assert!(matches!(
        t.s.close_after_followups(t.m1, id, at(24)),
        Err(StoreError::Forbidden)
    ));
    t.s.close_after_followups(t.lead, id, at(24)).unwrap();
    assert_eq!(case_state(&t, id).0, "closed");
}

#[test]
fn partly_on_the_last_followup_schedules_another() {
    let mut t = setup();
    let id = case(&mut t, Some("M1"), Status::InMediation, "neighbour");
    let plan = FollowupPlan {
        days: vec![7],
        ..Default::default()
    };
    t.s.record_agreement(t.m1, id, "分期付款", &plan, at(10))
        .unwrap();
    let f = all(&t, t.m1, &FollowupFilter::default(), day(24));
    let out =
        t.s.record_followup(
            t.m1,
            f[0].id,
            &result(Performance::Partly),
            &ResponseHours::default(),
            WEEKDAYS,
            at(24),
        )
        .unwrap();
    assert_eq!(
        out.consequence,
        Consequence::CheckAgain(day(24) + chrono::Duration::days(14))
    );
    assert!(matches!(
        t.s.close_after_followups(t.lead, id, at(24)),
        Err(StoreError::Followup(FollowupRule::Pending))
    ));
}
