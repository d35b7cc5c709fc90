//! The path of a case through the status machine, assignment, colour, notes and numbers.
use super::*;

#[test]
fn full_path_assign_attempts_escalate_agreement_close_reopen() {
    let (mut s, [lead, desk, m1, _], id) = setup();
    let now = at(24, 10);
    // A mediator cannot work a case that is not theirs.
    assert!(matches!(
        s.record_attempt(m1, id, "见面", now),
        Err(StoreError::Forbidden)
    ));
    s.assign_case(desk, id, m1.staff_id, "", now).unwrap();
    for i in 1..=3 {
        let r = s
            .record_attempt(m1, id, &format!("第{i}次调解"), now)
            .unwrap();
        assert_eq!(r.attempts, i);
        assert_eq!(r.escalate_proposed, i == 3);
    }
    let d = s.case_detail(id).unwrap();
    assert_eq!(d.row.status, Status::InMediation);
    // The first attempt started the 30-day term: from Friday 11-20 it would end on Sunday
    // 12-20, a day off, so it ends on Monday 12-21 at closing time.
    let monday_close = NaiveDate::from_ymd_opt(2026, 12, 21)
        .unwrap()
        .and_hms_opt(17, 30, 0);
    assert_eq!(d.row.deadline_at, monday_close);
    assert_eq!(Some(d.term_ends()), monday_close);
    assert_eq!(
        s.record_attempt(m1, id, "再试", now)
            .unwrap_err()
            .i18n_key(),
        "err.ladder.attempts_used"
    );
    assert_eq!(s.escalate_case(m1, id, "", now).unwrap(), Level::Township);
    s.record_attempt(m1, id, "镇级调解", now).unwrap();
    let o = Outcome::Agreement {
        terms: "赔偿维修费2000元".into(),
        judicial: true,
    };
    // The agreement schedules its follow-up visits at the plan's offsets, in the same write.
    let due = s
        .record_outcome(m1, id, &o, &FollowupPlan::default(), now)
        .unwrap();
    assert_eq!(
        due,
        [
            now.date() + chrono::Duration::days(7),
            now.date() + chrono::Duration::days(30)
        ]
    );
    let d = s.case_detail(id).unwrap();
    assert_eq!(d.followups.len(), 2);
    assert_eq!((d.row.status, d.row.active), (Status::Agreement, false));
    assert!(d.outcome.as_ref().unwrap().judicial);
    assert_eq!(d.attempts, [3, 1, 0]);
    // Only a lead closes and reopens.
    assert!(matches!(
        s.close_case(m1, id, now),
        Err(StoreError::Forbidden)
    ));
    s.close_case(lead, id, now).unwrap();
    assert!(
        s.reopen_case(lead, id, " ", &ResponseHours::default(), now)
            .is_err()
    );
    let st = s
        .reopen_case(lead, id, "协议未履行", &ResponseHours::default(), at(25, 9))
        .unwrap();
    assert_eq!(st, Status::Assigned);
    let d = s.case_detail(id).unwrap();
    assert!(
        !d.row.overdue(at(25, 9)),
        "a reopened case is not instantly overdue"
    );
    let acts = actions(&s, id);
    for a in [
        "case.create",
        "case.assign",
        "case.attempt",
        "case.escalate",
        "case.outcome",
        "case.status",
        "case.reopen",
    ] {
        assert!(acts.iter().any(|x| x == a), "{a} missing in {acts:?}");
    }
    assert_eq!(acts.iter().filter(|a| *a == "case.attempt").count(), 4);
}

#[test]
fn status_machine_refuses_shortcuts() {
    let (mut s, [lead, _, m1, _], id) = setup();
    let now = at(24, 10);
    // Registered → agreement skips handling.
    let o = Outcome::Agreement {
        terms: "x".into(),
        judicial: false,
    };
    assert_eq!(
        s.record_outcome(lead, id, &o, &FollowupPlan::default(), now)
            .unwrap_err()
            .i18n_key(),
        "err.status.transition"
    );
    assert_eq!(
        s.close_case(lead, id, now).unwrap_err().i18n_key(),
        "err.status.transition"
    );
    s.assign_case(lead, id, m1.staff_id, "", now).unwrap();
    assert_eq!(
        s.record_outcome(
            m1,
            id,
            &Outcome::Agreement {
                terms: " ".into(),
                judicial: false
            },
            &FollowupPlan::default(),
            now
        )
        .unwrap_err()
        .i18n_key(),
        "err.cases.terms_empty"
    );
    let r = Outcome::Referred {
        to: "县人民法院".into(),
        reply_due: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
    };
    s.record_outcome(m1, id, &r, &FollowupPlan::default(), now)
        .unwrap();
    assert_eq!(s.case_detail(id).unwrap().row.status, Status::ReferredOut);
}

#[test]
fn reassign_needs_a_lead_and_a_reason() {
    let (mut s, [lead, desk, m1, m2], id) = setup();
    let now = at(24, 10);
    assert!(matches!(
        s.assign_case(m1, id, m1.staff_id, "", now),
        Err(StoreError::Forbidden)
    ));
    assert_eq!(
        s.assign_case(desk, id, desk.staff_id, "", now)
            .unwrap_err()
            .i18n_key(),
        "err.cases.not_mediator"
    );
    s.assign_case(desk, id, m1.staff_id, "", now).unwrap();
    assert!(matches!(
        s.assign_case(desk, id, m2.staff_id, "忙", now),
        Err(StoreError::Forbidden)
    ));
    assert_eq!(
        s.assign_case(lead, id, m2.staff_id, "", now)
            .unwrap_err()
            .i18n_key(),
        "err.cases.reason"
    );
    s.assign_case(lead, id, m2.staff_id, "M1 休假", now)
        .unwrap();
    assert_eq!(s.case_detail(id).unwrap().row.owner_id, Some(m2.staff_id));
}

#[test]
fn colour_raise_free_lower_with_reason_and_notes() {
    let (mut s, [lead, desk, m1, _], id) = setup();
    let h = ResponseHours::default();
    let now = at(24, 10);
    s.change_colour(lead, id, Colour::Red, "", &h, now).unwrap();
    let d = s.case_detail(id).unwrap();
    assert_eq!(d.row.colour, Colour::Red);
    assert_eq!(d.row.deadline_at, Some(now + Duration::hours(4)));
    assert_eq!(
        s.change_colour(lead, id, Colour::Blue, "", &h, now)
            .unwrap_err()
            .i18n_key(),
        "err.colour.reason_required"
    );
    s.change_colour(lead, id, Colour::Blue, "已核实无危险", &h, now)
        .unwrap();
    assert!(matches!(
        s.add_case_note(m1, id, "电话联系", now),
        Err(StoreError::Forbidden)
    ));
    s.add_case_note(desk, id, "当事人再次来电", now).unwrap();
    assert_eq!(
        actions(&s, id)
            .iter()
            .filter(|a| *a == "case.colour")
            .count(),
        2
    );
}

#[test]
fn numbers_revealed_only_to_roles_that_may_and_audited() {
    let (mut s, [lead, desk, m1, m2], id) = setup();
    let now = at(24, 10);
    let d = s.case_detail(id).unwrap();
    assert_eq!(d.parties[0].phone.as_deref(), Some("138****5678"));
    assert!(matches!(
        s.reveal_numbers(desk, id, now),
        Err(StoreError::Forbidden)
    ));
    s.assign_case(lead, id, m1.staff_id, "", now).unwrap();
    assert!(matches!(
        s.reveal_numbers(m2, id, now),
        Err(StoreError::Forbidden)
    ));
    let r = s.reveal_numbers(m1, id, now).unwrap();
    assert_eq!(r[0].phone.as_deref(), Some("13812345678"));
    assert_eq!(
        actions(&s, id)
            .iter()
            .filter(|a| *a == "case.reveal")
            .count(),
        1
    );
}
