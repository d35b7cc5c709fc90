//! List, paging and search tests on a demo database (deterministic), checked against plain
//! in-memory sorting and filtering of every row.
use super::super::list::*;
use super::super::queries::{page_sql, where_sql};
use crate::demo::{DemoOptions, generate};
use crate::domain::case_filter::{CaseFilter, Chip, OwnerFilter, Sort, SortKey};
use crate::domain::risk::Colour;
use crate::store::Store;
use crate::store::centres::Scope;
use chrono::NaiveDate;
use chrono::NaiveDateTime;
use rusqlite::types::Value;

pub(crate) fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

pub(crate) fn now() -> NaiveDateTime {
    today().and_hms_opt(9, 30, 0).unwrap()
}

pub(crate) fn demo_store(cases: u32) -> Store {
    let mut s = Store::open_in_memory().unwrap();
    let opts = DemoOptions {
        cases,
        seed: 7,
        now: now(),
    };
    generate(&mut s, &opts, "1234").unwrap();
    s
}

/// Walks the whole list forwards page by page.
fn walk(s: &Store, f: &CaseFilter, sort: Sort, page: usize) -> Vec<CaseRow> {
    let mut all: Vec<CaseRow> = Vec::new();
    loop {
        let cur = all.last().map(|r| r.cursor(sort));
        let rows = s
            .case_page(f, sort, cur.as_ref(), false, page, now())
            .unwrap();
        let n = rows.len();
        all.extend(rows);
        if n < page {
            return all;
        }
    }
}

/// The expected order, computed in Rust from every row.
fn reference(s: &Store, f: &CaseFilter, sort: Sort) -> Vec<i64> {
    let mut rows = s
        .case_page(
            &CaseFilter::default(),
            Sort {
                key: SortKey::Received,
                reversed: false,
            },
            None,
            false,
            100_000,
            now(),
        )
        .unwrap();
    rows.retain(|r| {
        f.chips.iter().all(|c| match c {
            Chip::Open => r.active,
            Chip::Colour(col) => r.colour == *col,
            Chip::Owner(OwnerFilter::Staff(id)) => r.owner_id == Some(*id),
            Chip::Owner(OwnerFilter::Unassigned) => r.owner_id.is_none(),
            Chip::Category(cat) => &r.category == cat,
            Chip::Overdue => r.overdue(now()),
            _ => unreachable!("not used in these tests"),
        })
    });
    let key = |r: &CaseRow| r.cursor(sort);
    rows.sort_by(|a, b| {
        let (ka, kb) = (key(a), key(b));
        let p = match (&ka.primary, &kb.primary) {
            (Value::Integer(x), Value::Integer(y)) => x.cmp(y),
            (Value::Text(x), Value::Text(y)) => x.cmp(y),
            _ => std::cmp::Ordering::Equal,
        };
        let p = if sort.key == SortKey::CaseNo {
            p.reverse()
        } else {
            p
        };
        let t = (&kb.received, kb.id).cmp(&(&ka.received, ka.id));
        let o = p.then(t);
        if sort.reversed { o.reverse() } else { o }
    });
    rows.iter().map(|r| r.id).collect()
}

#[test]
fn keyset_pages_match_a_full_sort_for_every_sort_and_direction() {
    let s = demo_store(400);
    let filters = [
        CaseFilter::default(),
        CaseFilter::open(),
        CaseFilter {
            chips: vec![Chip::Open, Chip::Colour(Colour::Blue)],
        },
        CaseFilter {
            chips: vec![Chip::Overdue],
        },
    ];
    for f in &filters {
        for key in SortKey::ALL {
            for reversed in [false, true] {
                let sort = Sort { key, reversed };
                let got: Vec<i64> = walk(&s, f, sort, 7).iter().map(|r| r.id).collect();
                assert_eq!(got, reference(&s, f, sort), "{f:?} {sort:?}");
            }
        }
    }
}

#[test]
fn backwards_page_is_the_rows_before_the_cursor() {
    let s = demo_store(200);
    let f = CaseFilter::default();
    let sort = Sort::default();
    let all = walk(&s, &f, sort, 50);
    let cur = all[60].cursor(sort);
    let before = s.case_page(&f, sort, Some(&cur), true, 10, now()).unwrap();
    let ids: Vec<i64> = before.iter().map(|r| r.id).collect();
    let want: Vec<i64> = all[50..60].iter().map(|r| r.id).collect();
    assert_eq!(ids, want);
    // No cursor, backwards: the last page, in list order.
    let last = s.case_page(&f, sort, None, true, 5, now()).unwrap();
    assert_eq!(last.last().map(|r| r.id), all.last().map(|r| r.id));
    assert_eq!(last.len(), 5);
}

#[test]
fn filters_become_parameters_never_text() {
    let mut f = CaseFilter::open();
    f.set(Chip::Category("x' OR 1=1 --".into()));
    f.set(Chip::Owner(OwnerFilter::Unassigned));
    f.set(Chip::Received {
        from: today(),
        to: today(),
    });
    let (sql, params) = where_sql(&f, None, now(), Scope::Visible);
    assert_eq!(
        sql,
        "c.centre_id IN (SELECT id FROM visible_centres) AND c.active = 1 AND c.category = ? AND c.owner_id IS NULL AND c.received_at >= ? AND c.received_at < ?"
    );
    assert_eq!(params[0], Value::Text("x' OR 1=1 --".into()));
    assert_eq!(params[2], Value::Text("2026-11-25 00:00:00".into()));
    let s = demo_store(50);
    assert_eq!(s.count_cases(&f, now()).unwrap(), 0);
}

/// A sorted page tests the centre row by row: the order's index drives.
const SCOPE: &str = "+c.centre_id IN (SELECT id FROM visible_centres)";

#[test]
fn chips_that_do_not_lead_an_index_in_the_sort_order_are_not_seeked() {
    let f = CaseFilter {
        chips: vec![
            Chip::Status(crate::domain::status::Status::Closed),
            Chip::Channel(crate::domain::channel::Channel::Letter),
        ],
    };
    let (sql, _) = where_sql(&f, Some(Sort::default()), now(), Scope::Visible);
    assert_eq!(sql, format!("{SCOPE} AND +c.status = ? AND +c.channel = ?"));
    let newest = Sort {
        key: SortKey::Received,
        reversed: false,
    };
    let (sql, _) = where_sql(&f, Some(newest), now(), Scope::Visible);
    assert_eq!(sql, format!("{SCOPE} AND c.status = ? AND +c.channel = ?"));
    let (sql, _) = where_sql(&f, None, now(), Scope::Visible);
    assert_eq!(
        sql,
        "c.centre_id IN (SELECT id FROM visible_centres) AND c.status = ? AND c.channel = ?"
    );
}

#[test]
fn queue_pages_use_the_owner_urgency_index() {
    let s = demo_store(50);
    let f = CaseFilter::queue(OwnerFilter::Staff(5));
    for (sql, params) in page_sql(&f, Sort::default(), None, false, now(), Scope::Visible) {
        let mut p = params;
        p.push(Value::Integer(50));
        let plan: Vec<String> = s
            .lite_conn()
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap()
            .query_map(rusqlite::params_from_iter(p), |r| r.get::<_, String>(3))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        let plan = plan.join("\n");
        assert!(plan.contains("cases_owner_urgency"), "{plan}");
        assert!(!plan.contains("TEMP B-TREE"), "{plan}");
    }
}

#[test]
fn counts_match_the_rows_and_come_back_from_the_job() {
    let s = demo_store(300);
    let f = CaseFilter {
        chips: vec![Chip::Open, Chip::Colour(Colour::Yellow)],
    };
    let rows = walk(&s, &f, Sort::default(), 40);
    assert_eq!(s.count_cases(&f, now()).unwrap(), rows.len() as i64);
    let job = s.spawn_count(&f, now());
    assert_eq!(job.poll().unwrap().unwrap(), rows.len() as i64);
}

/// A lead above village level narrows the list to one of their centres: that centre's cases
/// only, read from its own index in the list's order.
#[test]
fn a_centre_chip_lists_one_centre_from_its_own_index() {
    use crate::store::centres::fixture::{at, county, walk_in};
    let mut c = county();
    let h = crate::domain::risk::ResponseHours::default();
    for (by, name) in [
        (c.v1_desk, "李娜"),
        (c.t1_desk, "刘洋"),
        (c.v2_desk, "赵敏"),
    ] {
        c.store
            .create_case(by, &walk_in(at(9, 0), name, "13800000002"), &h)
            .unwrap();
    }
    c.store.view_as(c.t1_lead).unwrap();
    let mut f = CaseFilter::open();
    let all = c
        .store
        .case_page(&f, Sort::default(), None, false, 10, now());
    assert_eq!(all.unwrap().len(), 3);
    f.set(Chip::Centre(4));
    let rows = c
        .store
        .case_page(&f, Sort::default(), None, false, 10, now());
    let rows = rows.unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].party.as_str(), rows[0].centre_id), ("李娜", 4));
    assert_eq!(c.store.count_cases(&f, now()).unwrap(), 1);
    let steps = crate::store::cases::queries_for_tests::page_sql(
        &c.store,
        &f,
        Sort::default(),
        None,
        now(),
    );
    for (sql, mut p) in steps {
        p.push(Value::Integer(50));
        let plan: Vec<String> = c
            .store
            .lite_conn()
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap()
            .query_map(rusqlite::params_from_iter(p), |r| r.get::<_, String>(3))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        let plan = plan.join("\n");
        assert!(plan.contains("cases_centre_urgency"), "{plan}");
        assert!(!plan.contains("TEMP B-TREE"), "{plan}");
    }
}
