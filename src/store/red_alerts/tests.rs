//! Red alerts: who is alerted to which red case, and the audited acknowledgement.
use crate::domain::risk::{Colour, ResponseHours, RiskFlag};
use crate::domain::role::Role;
use crate::domain::status::Status;
use crate::store::testing::add_staff;
use crate::store::{Actor, NewCase, NewParty, Store, StoreError};
use chrono::{NaiveDate, NaiveDateTime};

fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, d)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

struct Centre {
    s: Store,
    lead: Actor,
    lead2: Actor,
    desk: Actor,
    med: Actor,
}

fn centre() -> Centre {
    let mut s = Store::open_in_memory().unwrap();
    let t = at(24, 8, 0);
    let lead = add_staff(&mut s, None, "L1", Role::Lead, t);
    let lead2 = add_staff(&mut s, Some(lead), "L2", Role::Lead, t);
    let desk = add_staff(&mut s, Some(lead), "D1", Role::Desk, t);
    let med = add_staff(&mut s, Some(lead), "M1", Role::Mediator, t);
    Centre {
        s,
        lead,
        lead2,
        desk,
        med,
    }
}

fn case(received: NaiveDateTime, flags: Vec<RiskFlag>) -> NewCase {
    let applicant = NewParty::named("李桂兰", None);
    NewCase {
        flags,
        red_acknowledged: true,
        ..NewCase::walk_in(received, "family.elder", "儿子不付赡养费并威胁", applicant)
    }
}

fn register(c: &mut Centre, by: Actor, received: NaiveDateTime, flags: Vec<RiskFlag>) -> i64 {
    c.s.create_case(by, &case(received, flags), &ResponseHours::default())
        .unwrap()
        .id
}

fn alerted(c: &Centre, who: Actor, now: NaiveDateTime) -> Vec<i64> {
    c.s.red_alerts(who, now)
        .unwrap()
        .iter()
        .map(|a| a.case_id)
        .collect()
}

#[test]
fn a_red_case_from_the_desk_alerts_every_lead_but_no_one_else() {
    let mut c = centre();
    let (desk, now) = (c.desk, at(24, 9, 40));
    let id = register(
        &mut c,
        desk,
        at(24, 9, 12),
        vec![
            RiskFlag::Violence,
            RiskFlag::Agitated,
            RiskFlag::ChildAtRisk,
        ],
    );
    register(&mut c, desk, at(24, 9, 15), vec![RiskFlag::GroupDispute]);
    let a = c.s.red_alerts(c.lead, now).unwrap();
    assert_eq!(a.len(), 1);
    let a = &a[0];
    assert_eq!(a.case_id, id);
    assert!(a.case_no.starts_with("2026-1124-"), "{}", a.case_no);
    assert_eq!(a.reasons, vec![RiskFlag::Violence, RiskFlag::ChildAtRisk]);
    assert_eq!(a.since, at(24, 9, 12));
    assert_eq!(a.by, Some(("D1".into(), "员工D1".into())));
    assert_eq!(alerted(&c, c.lead2, now), vec![id]);
    assert!(alerted(&c, c.desk, now).is_empty());
    assert!(alerted(&c, c.med, now).is_empty());
}

#[test]
fn acknowledging_is_audited_and_ends_the_alert_for_that_lead_only() {
    let mut c = centre();
    let (desk, now) = (c.desk, at(24, 9, 40));
    let id = register(&mut c, desk, at(24, 9, 12), vec![RiskFlag::Weapon]);
    c.s.acknowledge_red(c.lead, id, now).unwrap();
    assert!(alerted(&c, c.lead, now).is_empty());
    assert_eq!(alerted(&c, c.lead2, now), vec![id]);
    let (who, action, new, when): (i64, String, String, String) =
        c.s.lite_conn()
            .query_row(
                "SELECT staff_id, action, new, at FROM audit WHERE case_id = ?1 ORDER BY id DESC",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap();
    assert_eq!((who, action.as_str()), (c.lead.staff_id, "red.ack"));
    assert!(new.starts_with("2026-1124-"), "{new}");
    assert_eq!(when, "2026-11-24 09:40:00");
    // Only a lead acknowledges; an unknown case is refused.
    assert!(matches!(
        c.s.acknowledge_red(c.desk, id, now),
        Err(StoreError::Forbidden)
    ));
    assert!(matches!(
        c.s.acknowledge_red(c.lead, 9_999, now),
        Err(StoreError::NotFound)
    ));
}

#[test]
fn a_lead_is_not_alerted_to_what_they_made_red_nor_to_old_or_closed_cases() {
    let mut c = centre();
    let (lead, desk, now) = (c.lead, c.desk, at(24, 9, 40));
    let own = register(&mut c, lead, at(24, 9, 0), vec![RiskFlag::SelfHarm]);
    assert!(!alerted(&c, c.lead, now).contains(&own));
    assert_eq!(alerted(&c, c.lead2, now), vec![own]);
    // Yesterday evening's case is seen this morning; the day before's is not new any more.
    let evening = register(&mut c, desk, at(23, 18, 30), vec![RiskFlag::Violence]);
    let older = register(&mut c, desk, at(22, 23, 59), vec![RiskFlag::Violence]);
    let listed = alerted(&c, c.lead, now);
    assert!(
        listed.contains(&evening) && !listed.contains(&older),
        "{listed:?}"
    );
    c.s.force_status_for_tests(evening, Status::Closed);
    assert!(!alerted(&c, c.lead, now).contains(&evening));
}

#[test]
fn a_case_raised_to_red_or_reopened_red_alerts_again_naming_who_did_it() {
    let mut c = centre();
    let (desk, med, lead, lead2) = (c.desk, c.med, c.lead, c.lead2);
    let hours = ResponseHours::default();
    let id = register(&mut c, desk, at(24, 9, 0), vec![RiskFlag::Violence]);
    c.s.acknowledge_red(lead, id, at(24, 9, 5)).unwrap();
    // Lowered, then raised again by the mediator who owns it.
    c.s.assign_case(lead, id, med.staff_id, "", at(24, 9, 10))
        .unwrap();
    c.s.change_colour(
        lead,
        id,
        Colour::Orange,
        "已隔离双方",
        &hours,
        at(24, 9, 20),
    )
    .unwrap();
    assert!(alerted(&c, lead, at(24, 9, 25)).is_empty());
    c.s.change_colour(med, id, Colour::Red, "", &hours, at(24, 10, 0))
        .unwrap();
    let a = c.s.red_alerts(lead, at(24, 10, 1)).unwrap();
    assert_eq!(a.len(), 1);
    assert_eq!(
        (a[0].since, a[0].by.clone()),
        (at(24, 10, 0), Some(("M1".into(), "员工M1".into())))
    );
    c.s.acknowledge_red(lead, id, at(24, 10, 2)).unwrap();
    // Closed, then reopened by the other lead: new to the first one again.
    c.s.force_status_for_tests(id, Status::Closed);
    c.s.reopen_case(lead2, id, "对方再次上门威胁", &hours, at(24, 11, 0))
        .unwrap();
    let a = c.s.red_alerts(lead, at(24, 11, 1)).unwrap();
    assert_eq!(a.len(), 1);
    assert_eq!(
        (a[0].since, a[0].by.clone()),
        (at(24, 11, 0), Some(("L2".into(), "员工L2".into())))
    );
    assert!(
        alerted(&c, lead2, at(24, 11, 1)).is_empty(),
        "own reopening"
    );
}

#[test]
fn a_colour_raised_by_hand_names_every_flag() {
    let mut c = centre();
    let desk = c.desk;
    let mut n = case(at(24, 9, 0), vec![RiskFlag::Agitated]);
    n.colour = Some(Colour::Red);
    c.s.create_case(desk, &n, &ResponseHours::default())
        .unwrap();
    let a = c.s.red_alerts(c.lead, at(24, 9, 30)).unwrap();
    assert_eq!(a[0].reasons, vec![RiskFlag::Agitated]);
}

#[test]
fn red_cases_from_before_the_upgrade_count_from_their_last_colour_change() {
    use crate::store::migrations;
    let mut conn = rusqlite::Connection::open_in_memory().unwrap();
    let version = migrations::before_red_alerts();
    migrations::migrate_to(&mut conn, version).unwrap();
    conn.execute_batch(
        "INSERT INTO staff (code, name, role, pin_hash, created_at) VALUES ('D1', '张丽', 'desk', 'x', '2026-11-20 08:00:00');
         INSERT INTO cases (case_no, received_at, channel, category, colour, colour_computed, status, active, summary, updated_at, received_by)
           VALUES ('2026-1120-001', '2026-11-20 09:00:00', 'walk_in', 'family', 0, 3, 'registered', 1, '威胁', '2026-11-24 08:00:00', 1),
                  ('2026-1124-001', '2026-11-24 08:10:00', 'walk_in', 'family', 0, 0, 'registered', 1, '持刀', '2026-11-24 08:10:00', 1),
                  ('2026-1124-002', '2026-11-24 08:20:00', 'walk_in', 'family', 3, 3, 'registered', 1, '漏水', '2026-11-24 08:20:00', 1);
         INSERT INTO audit (at, staff_id, case_id, action, field, old, new)
           VALUES ('2026-11-24 08:00:00', 1, 1, 'case.colour', 'colour', 'blue', 'red');",
    )
    .unwrap();
    migrations::migrate(&mut conn).unwrap();
    let since: Vec<Option<String>> = conn
        .prepare("SELECT red_since FROM cases ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(
        since,
        vec![
            Some("2026-11-24 08:00:00".into()),
            Some("2026-11-24 08:10:00".into()),
            None
        ]
    );
}

#[test]
fn the_alert_query_reads_recent_red_cases_through_their_index() {
    let c = centre();
    let plan: Vec<String> =
        c.s.lite_conn()
            .prepare(&format!("EXPLAIN QUERY PLAN {}", super::queries::ALERTS))
            .unwrap()
            .query_map(rusqlite::params!["2026-11-23 00:00:00", 1, 50], |r| {
                r.get(3)
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
    let plan = plan.join("\n");
    assert!(plan.contains("USING INDEX cases_red_since"), "{plan}");
    assert!(plan.contains("audit_red_ack"), "{plan}");
}

#[test]
fn an_unknown_stored_flag_is_named_not_dropped() {
    let mut c = centre();
    let (desk, now) = (c.desk, at(24, 9, 40));
    let id = register(&mut c, desk, at(24, 9, 12), vec![RiskFlag::Violence]);
    c.s.lite_conn()
        .execute(
            "UPDATE cases SET colour_flags = 'violence,bogus' WHERE id = ?1",
            [id],
        )
        .unwrap();
    crate::store::testing::assert_unknown_code(
        c.s.red_alerts(c.lead, now),
        "cases",
        "colour_flags",
        "bogus",
    );
}
