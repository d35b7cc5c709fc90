//! Follow-ups' SQL on both engines (store/testing.rs `both_engines`): scheduled, moved,
//! recorded, counted as breaches, cancelled on a breach, and the case re-assessed — the same
//! rows on SQLite and PostgreSQL. The case comes from plain SQL (calendar/engines_tests.rs).
use super::queries::{self, Done, NewFollowup};
use super::{add, set_status};
use crate::domain::followup::{Kind, Method, Performance};
use crate::domain::risk::Colour;
use crate::domain::status::Status;
use crate::store::calendar::engines_tests::{at, seed};
use crate::store::testing::both_engines;
use crate::store::time::to_sql;
use crate::store::{FollowupFilter, FollowupScope};
use chrono::NaiveDate;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
}

#[test]
fn followups_are_scheduled_moved_and_recorded_on_both_engines() {
    both_engines(|s| {
        let x = seed(s);
        let now = to_sql(at(3, 9, 0));
        let f = |due, kind| NewFollowup {
            case_id: x.case,
            owner: Some(x.m1),
            due,
            kind,
            attempt: 1,
            reason: "",
        };
        let first = s
            .write_db(|db| add(db, x.lead, &f(day(10), Kind::Agreement), &now))
            .unwrap();
        let second = s
            .write_db(|db| add(db, x.lead, &f(day(20), Kind::Agreement), &now))
            .unwrap();
        s.write_db(|db| queries::move_to(db, first, day(11), "当事人外出"))
            .unwrap();
        let stored = queries::followup(s.db(), first).unwrap();
        assert_eq!(
            stored,
            (
                x.case,
                Some(x.m1),
                "2026-12-11".to_string(),
                "due".to_string(),
                1
            )
        );
        assert!(queries::any_due(s.db(), x.case).unwrap());
        let done = Done {
            method: Method::Phone,
            reached: "申请人",
            performance: Performance::Breached,
            satisfaction: Some(2),
            note: "未按期付款",
        };
        s.write_db(|db| queries::mark_done(db, first, &done, &now, x.m1))
            .unwrap();
        assert_eq!(queries::breaches(s.db(), x.case).unwrap(), 1);
        assert_eq!(
            s.number(
                "SELECT satisfaction FROM followups WHERE id = ?1 AND status = 'done'",
                &[&first]
            ),
            2
        );
        // A breach cancels what is still due and re-assesses the case: its computed colour
        // never less urgent than before (orange over yellow; then blue leaves it orange).
        s.write_db(|db| {
            queries::cancel_due_on_breach(db, x.case, &now, x.m1)?;
            queries::reassess(
                db,
                x.case,
                Colour::Orange,
                Some("2026-12-04 09:00:00"),
                &now,
            )
        })
        .unwrap();
        assert_eq!(queries::followup(s.db(), second).unwrap().3, "cancelled");
        assert!(!queries::any_due(s.db(), x.case).unwrap());
        let computed = |s: &crate::store::Store| {
            s.number(
                "SELECT colour_computed FROM cases WHERE id = ?1",
                &[&x.case],
            )
        };
        assert_eq!(computed(s), Colour::Orange.rank());
        s.write_db(|db| queries::reassess(db, x.case, Colour::Blue, None, &now))
            .unwrap();
        assert_eq!(computed(s), Colour::Orange.rank(), "{:?}", s.engine());
        // The case's status moves by the machine, audited.
        let case = queries::case_by_id(s.db(), x.case).unwrap();
        assert_eq!(
            (case.status, case.owner_name.as_str()),
            (Status::Registered, "")
        );
        s.write_db(|db| set_status(db, x.lead, &case, Status::Assigned, &now))
            .unwrap();
        let case = queries::case_by_id(s.db(), x.case).unwrap();
        assert_eq!(case.status, Status::Assigned);
        assert_eq!(
            s.number(
                "SELECT CAST(COUNT(*) AS BIGINT) FROM audit WHERE case_id = ?1
                 AND action IN ('followup.add', 'case.status')",
                &[&x.case]
            ),
            3
        );
    });
}

/// The work list's page and counts through the connection's view, with every filter.
#[test]
fn the_work_list_pages_and_counts_on_both_engines() {
    both_engines(|s| {
        let x = seed(s);
        let now = to_sql(at(3, 9, 0));
        for (d, owner) in [(2, x.m1), (3, x.m1), (3, x.m2), (9, x.m1)] {
            let f = NewFollowup {
                case_id: x.case,
                owner: Some(owner),
                due: day(d),
                kind: Kind::Manual,
                attempt: 1,
                reason: "",
            };
            s.write_db(|db| add(db, x.lead, &f, &now)).unwrap();
        }
        let c = s.followup_counts(day(3)).unwrap();
        assert_eq!((c.due_today, c.overdue), (2, 1), "{:?}", s.engine());
        let c = s.followup_counts_for(day(3), Some(x.m2)).unwrap();
        assert_eq!((c.due_today, c.overdue), (1, 0));
        let page = |s: &crate::store::Store, f: &FollowupFilter, after| {
            s.followup_page(x.lead, f, day(3), after, 2).unwrap()
        };
        let all = FollowupFilter {
            scope: FollowupScope::All,
            ..Default::default()
        };
        let first = page(s, &all, None);
        assert_eq!(first.len(), 2);
        assert_eq!(
            (first[0].due_on, first[0].case_no.as_str()),
            (day(2), "2026-1201-001")
        );
        let rest = page(s, &all, Some(first[1].key()));
        let dues: Vec<_> = first.iter().chain(&rest).map(|r| r.due_on).collect();
        assert_eq!(dues, [day(2), day(3), day(3), day(9)]);
        let narrow = FollowupFilter {
            owner: Some(x.m2),
            colour: Some(Colour::Yellow),
            categories: Some(vec!["labour.wages".into()]),
            ..all.clone()
        };
        let mine = page(s, &narrow, None);
        assert_eq!(
            mine.iter().map(|r| r.owner_id).collect::<Vec<_>>(),
            [Some(x.m2)]
        );
        let other = FollowupFilter {
            categories: Some(vec!["family".into()]),
            ..all
        };
        assert!(page(s, &other, None).is_empty());
    });
}
