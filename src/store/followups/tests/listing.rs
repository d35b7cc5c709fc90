//! The follow-up list: scopes, filters, counts, keyset pages and the indexes they use.
use super::*;

#[test]
fn list_scopes_filters_counts_and_keyset_pages() {
    let mut t = setup();
    let a = case(&mut t, Some("M1"), Status::FollowUp, "neighbour");
    let b = case(&mut t, Some("M2"), Status::FollowUp, "family.divorce");
    t.s.lite_conn()
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
                let f = NewFollowup {
                    case_id: c,
                    owner: Some(owner.staff_id),
                    due,
                    kind: Kind::Manual,
                    attempt: 1,
                    reason: "",
                };
                add(tx.into(), t.lead, &f, "2026-11-01 08:00:00")
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
    t.s.lite_conn()
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
            t.s.lite_conn()
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
