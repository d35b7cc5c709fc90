//! Workflow actions: roles and the status machine enforced by the store, every change audited.
use super::*;
use crate::domain::followup::FollowupPlan;
use crate::store::{NewCase, NewParty, Outcome};
use chrono::{Duration, NaiveDate};

fn at(d: u32, h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, d)
        .unwrap()
        .and_hms_opt(h, 0, 0)
        .unwrap()
}

fn add(s: &mut Store, by: Option<Actor>, code: &str, role: Role) -> Actor {
    crate::store::testing::add_staff(s, by, code, role, at(1, 8))
}

/// lead, desk, mediator 1, mediator 2 and one registered case.
fn setup() -> (Store, [Actor; 4], i64) {
    let mut s = Store::open_in_memory().unwrap();
    let lead = add(&mut s, None, "L1", Role::Lead);
    let desk = add(&mut s, Some(lead), "D1", Role::Desk);
    let m1 = add(&mut s, Some(lead), "M1", Role::Mediator);
    let m2 = add(&mut s, Some(lead), "M2", Role::Mediator);
    let c = NewCase::walk_in(
        at(20, 9),
        "neighbour",
        "楼上漏水，多次协商未果",
        NewParty::named("张伟", Some("13812345678")),
    );
    let id = s
        .create_case(desk, &c, &ResponseHours::default())
        .unwrap()
        .id;
    (s, [lead, desk, m1, m2], id)
}

fn actions(s: &Store, id: i64) -> Vec<String> {
    s.case_detail(id)
        .unwrap()
        .timeline
        .into_iter()
        .map(|a| a.action)
        .collect()
}

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
fn waiting_pauses_the_clock_and_moving_on_restarts_it_with_the_time_left() {
    use crate::domain::case_filter::{CaseFilter, Chip, Sort, Waiting};
    let (mut s, [lead, _, m1, m2], id) = setup();
    let now = at(20, 10); // received 20th 09:00, blue: response deadline 27th 09:00
    s.assign_case(lead, id, m1.staff_id, "", now).unwrap();
    assert!(matches!(
        s.start_waiting(m2, id, Waiting::Party, "", now),
        Err(StoreError::Forbidden)
    ));
    s.start_waiting(m1, id, Waiting::Documents, "等病历", now)
        .unwrap();
    assert_eq!(
        s.start_waiting(m1, id, Waiting::Party, "", now)
            .unwrap_err()
            .i18n_key(),
        "err.cases.already_waiting"
    );
    let d = s.case_detail(id).unwrap();
    assert_eq!(
        (d.row.waiting, d.row.deadline_at),
        (Some(Waiting::Documents), None)
    );
    // Long after the old deadline it is not overdue: the clock is stopped.
    let later = at(29, 10);
    let overdue = CaseFilter {
        chips: vec![Chip::Overdue],
    };
    assert!(
        s.case_page(&overdue, Sort::default(), None, false, 10, later)
            .unwrap()
            .is_empty()
    );
    // An attempt moves the case on: the clock restarts with the 10 days 23 h that were left
    // (blue: 7 working days from Friday 11-20 09:00 = Tuesday 12-01 09:00),
    // then the first attempt turns the deadline into the mediation term.
    s.record_attempt(m1, id, "材料已到，开始调解", later)
        .unwrap();
    let d = s.case_detail(id).unwrap();
    assert_eq!(d.row.waiting, None);
    let acts: Vec<String> = d.timeline.iter().map(|a| a.action.clone()).collect();
    assert!(acts.contains(&"case.wait".to_string()) && acts.contains(&"case.resume".to_string()));
    let resumed = d
        .timeline
        .iter()
        .find(|a| a.action == "case.resume")
        .unwrap();
    assert_eq!(resumed.new, "2026-12-10 09:00:00");
    // A manual stop works too.
    s.start_waiting(m1, id, Waiting::Party, "", later).unwrap();
    s.stop_waiting(m1, id, at(30, 10)).unwrap();
    assert!(s.case_detail(id).unwrap().row.deadline_at.is_some());
}

#[test]
fn term_extension_needs_consent_the_owner_or_a_lead_and_is_audited() {
    let (mut s, [lead, desk, m1, m2], id) = setup();
    let now = at(24, 10);
    s.assign_case(desk, id, m1.staff_id, "", now).unwrap();
    // Not in mediation yet.
    assert!(matches!(
        s.extend_term(m1, id, 15, "双方同意", now),
        Err(StoreError::Rule("err.cases.not_in_mediation"))
    ));
    s.record_attempt(m1, id, "见面", now).unwrap();
    let term = s.case_detail(id).unwrap().term_ends();
    assert!(matches!(
        s.extend_term(m1, id, 15, "  ", now),
        Err(StoreError::Rule("err.deadlines.consent"))
    ));
    assert!(matches!(
        s.extend_term(m1, id, 0, "双方同意", now),
        Err(StoreError::Rule("err.deadlines.days"))
    ));
    for who in [m2, desk] {
        assert!(matches!(
            s.extend_term(who, id, 15, "双方同意", now),
            Err(StoreError::Forbidden)
        ));
    }
    // Term 12-21 17:30 + 15 days = Tuesday 2027-01-05 17:30 (a working day).
    let end = s
        .extend_term(m1, id, 15, "双方电话同意 11-24", now)
        .unwrap();
    assert_eq!(end, term + Duration::days(15));
    let d = s.case_detail(id).unwrap();
    assert_eq!(d.row.deadline_at, Some(end));
    assert_eq!(d.term_ends(), end);
    let ext = d
        .timeline
        .iter()
        .find(|a| a.action == "case.extend")
        .unwrap();
    assert_eq!(ext.new, to_sql(end));
    assert!(d.timeline.iter().any(|a| a.action == "case.consent"));
    // A lead may extend too, from the extended end.
    let again = s.extend_term(lead, id, 1, "双方书面同意", now).unwrap();
    assert_eq!(again, end + Duration::days(1));
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
