//! A list scoped to one centre of several seeks that centre's own index in the list's order
//! (`cases_centre_urgency`, `cases_centre_received`) and never sorts; every other order walks
//! its own index and tests the centre row by row, as the unscoped list does.
use super::world;
use crate::domain::case_filter::{CaseFilter, Chip, Sort, SortKey};
use crate::domain::risk::Colour;
use crate::store::Store;
use crate::store::cases::queries_for_tests::{count_sql, page_sql};
use crate::store::centres::fixture::at;
use rusqlite::types::Value;

fn plan(s: &Store, sql: &str, mut params: Vec<Value>) -> String {
    if sql.ends_with("LIMIT ?") {
        params.push(Value::Integer(50));
    }
    let mut stmt = s
        .lite_conn()
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .unwrap();
    let rows = stmt
        .query_map(rusqlite::params_from_iter(params), |r| {
            r.get::<_, String>(3)
        })
        .unwrap();
    rows.map(|r| r.unwrap()).collect::<Vec<_>>().join(" | ")
}

/// The plans of a first page and of a page after a cursor, in `sort` order.
fn page_plans(s: &Store, f: &CaseFilter, sort: Sort) -> Vec<String> {
    let first = s.case_page(f, sort, None, false, 1, at(17, 0)).unwrap();
    let cursor = first.first().map(|r| r.cursor(sort));
    let mut out = Vec::new();
    for c in [None, cursor.as_ref()] {
        for (sql, params) in page_sql(s, f, sort, c, at(17, 0)) {
            out.push(plan(s, &sql, params));
        }
    }
    out
}

fn sort(key: SortKey) -> Sort {
    Sort {
        key,
        reversed: false,
    }
}

#[test]
fn one_village_seeks_its_own_index_in_order_and_never_sorts() {
    let mut w = world();
    let open = CaseFilter {
        chips: vec![Chip::Open],
    };
    let all = CaseFilter { chips: vec![] };
    // With the planner's statistics, as the demo and the bulk loader leave them.
    w.c.store.analyze().unwrap();
    let s = w.as_(w.c.v1_desk);
    for p in page_plans(s, &open, Sort::default()) {
        assert!(p.contains("cases_centre_urgency"), "{p}");
        assert!(!p.contains("TEMP B-TREE"), "{p}");
    }
    for f in [&open, &all] {
        for p in page_plans(s, f, sort(SortKey::Received)) {
            assert!(p.contains("cases_centre_received"), "{p}");
            assert!(!p.contains("TEMP B-TREE"), "{p}");
        }
    }
    // Orders no centre-led index serves walk their own index; the centre is tested per row.
    for key in [SortKey::Deadline, SortKey::Level, SortKey::Owner] {
        for p in page_plans(s, &open, sort(key)) {
            assert!(!p.contains("TEMP B-TREE"), "{key:?}: {p}");
            assert!(!p.contains("cases_centre_"), "{key:?}: {p}");
        }
    }
    // The open count is one range of the centre's open cases.
    let (sql, params) = count_sql(s, &open, at(17, 0));
    let p = plan(s, &sql, params);
    assert!(p.contains("cases_centre_urgency"), "{p}");
}

/// Without statistics (a database grown at the desk) the planner may walk another index for a
/// step (the colour's, for the ties of an urgency page), but always one in the list's order.
#[test]
fn without_statistics_a_village_or_a_lead_over_several_centres_never_sorts() {
    let mut w = world();
    let open = CaseFilter {
        chips: vec![Chip::Open],
    };
    let all = CaseFilter { chips: vec![] };
    for who in [w.c.county_lead, w.c.t1_lead, w.c.v1_desk] {
        let s = w.as_(who);
        for key in [
            SortKey::Urgency,
            SortKey::Received,
            SortKey::Deadline,
            SortKey::Level,
            SortKey::Owner,
        ] {
            // Open work in every order; everything in the orders of the unfiltered indexes
            // (the deadline, level and owner indexes hold open cases only, scoped or not).
            let all_too = key == SortKey::Received;
            for f in [&open, &all].into_iter().take(if all_too { 2 } else { 1 }) {
                for p in page_plans(s, f, sort(key)) {
                    assert!(!p.contains("TEMP B-TREE"), "{who:?} {key:?}: {p}");
                }
            }
        }
    }
}

/// Copies of `case_id` as `n` more cases (numbers `{tag}-0`…), with SQL: a county's shape
/// (many closed cases, few open) for the planner's statistics, in milliseconds.
fn copies(s: &Store, case_id: i64, n: i64, tag: &str, active: bool, colour: Colour, centre: i64) {
    let cols: Vec<String> = s
        .lite_conn()
        .prepare("SELECT name FROM pragma_table_info('cases') WHERE name NOT IN ('id', 'case_no', 'active', 'colour', 'centre_id', 'status', 'closed_at')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let cols = cols.join(", ");
    let status = if active { "registered" } else { "closed" };
    s.lite_conn()
        .execute(
            &format!(
                "INSERT INTO cases (case_no, active, colour, centre_id, status, closed_at, {cols})
                 SELECT ?1 || '-' || k.value, ?2, ?3, ?4, ?5, CASE WHEN ?2 THEN NULL ELSE received_at END, {cols}
                 FROM cases, (WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < ?6) SELECT value FROM n) k
                 WHERE cases.id = ?7"
            ),
            rusqlite::params![tag, active, colour.rank(), centre, status, n, case_id],
        )
        .unwrap();
}

/// A lead over several centres (not all) with a colour chip on open work: the partial index
/// of open cases by colour (`cases_active_urgency`), never `cases_colour_recv` — every case
/// of that colour ever, closed ones included (41.7 ms at 1,000,000 cases, 0.04 ms now).
#[test]
fn a_lead_of_several_centres_finds_open_cases_of_a_colour_by_the_open_index() {
    let mut w = world();
    let (v1, v3) = (w.v1.id, w.v3.id);
    let s = &w.c.store;
    // Years of closed cases, a few red; open work mostly yellow and green, red rare.
    copies(s, v3, 3000, "C", false, Colour::Blue, 6);
    copies(s, v3, 400, "R", false, Colour::Red, 6);
    copies(s, v1, 60, "Y", true, Colour::Yellow, 4);
    copies(s, v1, 3, "X", true, Colour::Red, 4);
    w.c.store.analyze().unwrap();
    let s = w.as_(w.c.t1_lead);
    for colour in [Colour::Red, Colour::Yellow] {
        let mut f = CaseFilter {
            chips: vec![Chip::Open],
        };
        f.set(Chip::Colour(colour));
        // The list's own order (urgency); in date order a later page still walks the colour's
        // index over every case (issue 14: left open).
        for p in page_plans(s, &f, Sort::default()) {
            assert!(!p.contains("cases_colour_recv"), "{colour:?}: {p}");
            assert!(!p.contains("TEMP B-TREE"), "{colour:?}: {p}");
        }
    }
}
