//! Follow-up store tests: real migrations in memory, roles, audit, keyset paging.
use super::*;
use crate::domain::channel::Channel;
use crate::domain::party::PartyRole;
use crate::domain::risk::ResponseHours;
use crate::domain::role::Role;
use crate::store::{NewCase, NewParty, NewStaff};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn at(d: u32) -> NaiveDateTime {
    day(d).and_hms_opt(10, 0, 0).unwrap()
}

const WEEKDAYS: &[u8] = &[1, 2, 3, 4, 5];

struct T {
    s: Store,
    lead: Actor,
    desk: Actor,
    m1: Actor,
    m2: Actor,
}

fn setup() -> T {
    let mut s = Store::open_in_memory().unwrap();
    let add = |s: &mut Store, by: Option<Actor>, code: &str, role: Role| {
        let n = NewStaff {
            code: code.into(),
            name: format!("员工{code}"),
            role,
            languages: vec![],
            specialties: vec![],
            team: None,
            pin: "1234".into(),
        };
        Actor {
            staff_id: s.add_staff(by, &n, at(1)).unwrap(),
            role,
        }
    };
    let lead = add(&mut s, None, "L1", Role::Lead);
    let desk = add(&mut s, Some(lead), "D1", Role::Desk);
    let m1 = add(&mut s, Some(lead), "M1", Role::Mediator);
    let m2 = add(&mut s, Some(lead), "M2", Role::Mediator);
    T {
        s,
        lead,
        desk,
        m1,
        m2,
    }
}

/// A case owned by `owner`, moved to `status` behind the store's back (the Cases pane's job).
fn case(t: &mut T, owner: Option<&str>, status: Status, category: &str) -> i64 {
    let owner = owner.map(|c| if c == "M1" { t.m1 } else { t.m2 });
    let c = NewCase {
        received_at: at(2),
        channel: Channel::WalkIn,
        category: category.into(),
        flags: vec![],
        colour: None,
        colour_reason: String::new(),
        red_acknowledged: false,
        summary: "欠款未还".into(),
        description: String::new(),
        amount_yuan: None,
        people: 1,
        earlier_visits: 0,
        team: None,
        owner_id: owner.map(|o| o.staff_id),
        parties: vec![(
            PartyRole::Applicant,
            NewParty {
                name: "张伟".into(),
                phone: Some("13812345678".into()),
                ..Default::default()
            },
        )],
    };
    let id =
        t.s.create_case(t.lead, &c, &ResponseHours::default())
            .unwrap()
            .id;
    t.s.conn
        .execute(
            "UPDATE cases SET status = ?1, active = ?2 WHERE id = ?3",
            params![status.code(), status.is_active(), id],
        )
        .unwrap();
    id
}

fn audit_count(t: &T, action: &str) -> i64 {
    t.s.conn
        .query_row(
            "SELECT COUNT(*) FROM audit WHERE action = ?1",
            [action],
            |r| r.get(0),
        )
        .unwrap()
}

fn case_state(t: &T, id: i64) -> (String, bool, Option<i64>, i64) {
    t.s.conn
        .query_row(
            "SELECT status, active, owner_id, colour FROM cases WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap()
}

fn all(t: &T, viewer: Actor, f: &FollowupFilter, today: NaiveDate) -> Vec<FollowupRow> {
    t.s.followup_page(viewer, f, today, None, 1000).unwrap()
}

fn result(p: Performance) -> RecordResult {
    RecordResult {
        method: Method::Phone,
        reached: "申请人张伟".into(),
        performance: p,
        satisfaction: Some(4),
        note: "已付第一期".into(),
    }
}

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
        Err(StoreError::Rule("err.cases.terms_empty"))
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
        Err(StoreError::Rule("err.status.transition"))
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
        Err(StoreError::Rule("err.followup.not_due"))
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
        Err(StoreError::Rule("err.followup.reached"))
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
        t.s.conn
            .query_row(
                "SELECT COUNT(*) FROM cases WHERE owner_id = ?1 AND active = 1 AND id = ?2",
                params![t.m1.staff_id, id],
                |r| r.get(0),
            )
            .unwrap();
    assert_eq!(queued, 1);

    // A second agreement broken again: at least orange.
    t.s.conn
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
        Err(StoreError::Rule("err.followup.pending"))
    ));
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
        Err(StoreError::Rule("err.followup.reason"))
    ));
    assert!(matches!(
        t.s.add_followup(t.m1, id, day(20), "复查", at(24)),
        Err(StoreError::Rule("err.followup.past"))
    ));
    let f =
        t.s.add_followup(t.m1, id, day(28), "当事人要求复查", at(24))
            .unwrap();
    assert!(matches!(
        t.s.move_followup(t.m1, f, day(29), " ", at(24)),
        Err(StoreError::Rule("err.followup.reason"))
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
        Err(StoreError::Rule("err.followup.case_state"))
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

#[test]
fn list_scopes_filters_counts_and_keyset_pages() {
    let mut t = setup();
    let a = case(&mut t, Some("M1"), Status::FollowUp, "neighbour");
    let b = case(&mut t, Some("M2"), Status::FollowUp, "family.divorce");
    t.s.conn
        .execute("UPDATE cases SET colour = 0 WHERE id = ?1", [b])
        .unwrap();
    let mut ids = Vec::new();
    for (c, owner, d) in [
        (a, t.m1, 20),
        (a, t.m1, 24),
        (b, t.m2, 24),
        (b, t.m2, 27),
        (a, t.m1, 30),
    ] {
        let due = day(d);
        ids.push(
            t.s.write(|tx| {
                insert(
                    tx,
                    t.lead,
                    c,
                    Some(owner.staff_id),
                    due,
                    Kind::Manual,
                    1,
                    "",
                    "2026-11-01 08:00:00",
                )
            })
            .unwrap(),
        );
    }
    let today = day(24);
    let n = |f: FollowupFilter| all(&t, t.lead, &f, today).len();
    let scope = |s| FollowupFilter {
        scope: s,
        ..Default::default()
    };
    assert_eq!(n(scope(FollowupScope::Overdue)), 1);
    assert_eq!(n(scope(FollowupScope::Today)), 2);
    assert_eq!(n(scope(FollowupScope::Week)), 2);
    assert_eq!(n(scope(FollowupScope::DueNow)), 3);
    assert_eq!(n(scope(FollowupScope::Open)), 5);
    assert_eq!(
        n(FollowupFilter {
            owner: Some(t.m2.staff_id),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        n(FollowupFilter {
            colour: Some(Colour::Red),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        n(FollowupFilter {
            categories: Some(vec!["family.divorce".into()]),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        n(FollowupFilter {
            categories: Some(vec![]),
            ..Default::default()
        }),
        0
    );
    // The copies of colour and category follow later changes to the case.
    t.s.conn
        .execute(
            "UPDATE cases SET colour = 0, category = 'consumer' WHERE id = ?1",
            [a],
        )
        .unwrap();
    let red = FollowupFilter {
        colour: Some(Colour::Red),
        ..Default::default()
    };
    assert_eq!(n(red), 5);
    let consumer = FollowupFilter {
        categories: Some(vec!["consumer".into()]),
        ..Default::default()
    };
    assert_eq!(n(consumer), 3);
    assert_eq!(
        t.s.followup_counts(today).unwrap(),
        FollowupCounts {
            due_today: 2,
            overdue: 1
        }
    );
    assert_eq!(
        t.s.followup_counts_for(today, Some(t.m2.staff_id)).unwrap(),
        FollowupCounts {
            due_today: 1,
            overdue: 0
        }
    );
    // Pages of two, in due-date then id order, with nothing lost or repeated.
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page =
            t.s.followup_page(t.lead, &FollowupFilter::default(), today, after, 2)
                .unwrap();
        if page.is_empty() {
            break;
        }
        after = page.last().map(|r| r.key());
        seen.extend(page.iter().map(|r| r.id));
    }
    assert_eq!(seen, ids);
    // The mediator, when they see others' follow-ups, sees those numbers masked.
    let rows = all(&t, t.m1, &FollowupFilter::default(), today);
    for r in rows {
        let own = r.case_owner == Some(t.m1.staff_id);
        assert_eq!(r.phone == "13812345678", own, "{r:?}");
    }
}

#[test]
fn list_and_counts_use_the_partial_indexes() {
    let t = setup();
    let plan = |sql: &str| -> String {
        let mut stmt =
            t.s.conn
                .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                .unwrap();
        let rows = stmt.query_map([], |r| r.get::<_, String>(3)).unwrap();
        rows.map(|r| r.unwrap()).collect::<Vec<_>>().join(" | ")
    };
    let p = plan(
        "SELECT f.id FROM followups f JOIN cases c ON c.id = f.case_id WHERE f.status = 'due'
         AND f.due_on >= '2026-11-01' AND f.due_on <= '2026-12-01' AND (f.due_on > '2026-11-01' OR f.id > 0)
         ORDER BY f.due_on, f.id LIMIT 50",
    );
    assert!(p.contains("USING INDEX followups_due"), "{p}");
    assert!(!p.contains("TEMP B-TREE"), "{p}");
    let p = plan(
        "SELECT f.id FROM followups f WHERE f.status = 'due' AND f.owner_id = 3
         AND f.due_on >= '2026-11-01' AND f.due_on <= '2026-12-01' ORDER BY f.due_on, f.id LIMIT 50",
    );
    assert!(p.contains("followups_owner_due"), "{p}");
    assert!(!p.contains("TEMP B-TREE"), "{p}");
    let p = plan(
        "SELECT f.id FROM followups f JOIN cases c ON c.id = f.case_id WHERE f.status = 'due'
         AND f.due_on >= '2026-11-01' AND f.due_on <= '2026-12-01' AND (f.due_on > '2026-11-01' OR f.id > 0)
         AND f.case_colour = 0 ORDER BY f.due_on, f.id LIMIT 50",
    );
    assert!(p.contains("followups_colour_due"), "{p}");
    assert!(!p.contains("TEMP B-TREE"), "{p}");
    let p = plan(
        "SELECT f.id FROM followups f JOIN cases c ON c.id = f.case_id WHERE f.status = 'due'
         AND f.due_on >= '2026-11-01' AND f.due_on <= '2026-12-01' AND (f.due_on > '2026-11-01' OR f.id > 0)
         AND f.case_category IN ('neighbour') ORDER BY f.due_on, f.id LIMIT 50",
    );
    assert!(p.contains("followups_category_due"), "{p}");
}
