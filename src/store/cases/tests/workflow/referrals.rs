//! Referrals out: sent back to the queue, and the lead's list of unanswered ones.
use super::*;

#[test]
fn a_referral_sent_back_returns_to_the_queue_with_its_reason() {
    let (mut s, [_, desk, m1, m2], id) = setup();
    let h = ResponseHours::default();
    let now = at(24, 10);
    assert_eq!(
        s.return_referral(desk, id, "退回", &h, now)
            .unwrap_err()
            .i18n_key(),
        "err.cases.not_referred"
    );
    s.assign_case(desk, id, m1.staff_id, "", now).unwrap();
    let r = Outcome::Referred {
        to: "县劳动仲裁委".into(),
        reply_due: NaiveDate::from_ymd_opt(2026, 12, 9).unwrap(),
    };
    s.record_outcome(m1, id, &r, &FollowupPlan::default(), now)
        .unwrap();
    assert!(matches!(
        s.return_referral(m2, id, "不属受理范围", &h, now),
        Err(StoreError::Forbidden)
    ));
    assert!(s.return_referral(desk, id, " ", &h, now).is_err());
    assert_eq!(
        s.return_referral(desk, id, "不属受理范围", &h, at(25, 9))
            .unwrap(),
        Status::Assigned
    );
    let d = s.case_detail(id).unwrap();
    assert!(d.row.active && !d.row.overdue(at(25, 9)));
    let last = d.timeline.last().unwrap();
    assert_eq!(
        (last.action.as_str(), last.new.as_str()),
        ("case.referral_back", "不属受理范围")
    );
}

#[test]
fn a_lead_sees_unanswered_referrals_soonest_reply_first() {
    let (mut s, [lead, desk, m1, _], first) = setup();
    let now = at(24, 10);
    let c = NewCase::walk_in(
        at(21, 9),
        "neighbour",
        "噪音扰民",
        NewParty::named("王芳", None),
    );
    let second = s
        .create_case(desk, &c, &ResponseHours::default())
        .unwrap()
        .id;
    for (id, to, due) in [(first, "县法院", 9), (second, "县劳动仲裁委", 1)] {
        s.assign_case(desk, id, m1.staff_id, "", now).unwrap();
        let r = Outcome::Referred {
            to: to.into(),
            reply_due: NaiveDate::from_ymd_opt(2026, 12, due).unwrap(),
        };
        s.record_outcome(m1, id, &r, &FollowupPlan::default(), now)
            .unwrap();
    }
    assert!(matches!(
        s.unanswered_referrals(m1, 10),
        Err(StoreError::Forbidden)
    ));
    let open = s.unanswered_referrals(lead, 10).unwrap();
    let ids: Vec<i64> = open.iter().map(|r| r.id).collect();
    assert_eq!(ids, vec![second, first]);
    assert_eq!(open[0].referred_to, "县劳动仲裁委");
    assert!(open[0].overdue(NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()));
    assert!(!open[1].overdue(NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()));
    // Sent back: no longer unanswered.
    s.return_referral(
        desk,
        second,
        "不属受理范围",
        &ResponseHours::default(),
        at(25, 9),
    )
    .unwrap();
    assert_eq!(s.unanswered_referrals(lead, 10).unwrap().len(), 1);
}
