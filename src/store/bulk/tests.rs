//! Bulk loading: derived tables filled at the end equal what the triggers would write.
use crate::store::{Actor, NewCase, NewParty, Store};
use chrono::NaiveDate;

fn count(s: &Store, sql: &str) -> i64 {
    s.lite_conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Derived tables filled in bulk hold what the row-by-row triggers would have written, and
/// the triggers work again afterwards.
#[test]
fn bulk_fill_matches_the_triggers_and_restores_them() {
    let mut s = Store::open_in_memory().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    crate::demo::generate(
        &mut s,
        &crate::demo::DemoOptions {
            cases: 300,
            seed: 2,
            now: today.and_hms_opt(12, 0, 0).unwrap(),
        },
        "1234",
    )
    .unwrap();
    // Every case and every party is in its gram index: a bigram finds what LIKE finds.
    for word in ["漏水", "欠薪", "抚养", "物业"] {
        let fts = count(
            &s,
            &format!("SELECT COUNT(*) FROM case_grams WHERE case_grams MATCH '\"{word}\"'"),
        );
        let like = count(
            &s,
            &format!("SELECT COUNT(*) FROM cases WHERE summary LIKE '%{word}%'"),
        );
        assert_eq!(fts, like, "{word}");
        assert!(like > 0, "{word} occurs in demo summaries");
    }
    let keys: i64 = {
        let mut stmt = s
            .lite_conn()
            .prepare("SELECT name_keys FROM parties")
            .unwrap();
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
        rows.map(|k| {
            let k = k.unwrap();
            let mut v: Vec<&str> = k.split(' ').filter(|x| !x.is_empty()).collect();
            v.sort();
            v.dedup();
            v.len() as i64
        })
        .sum()
    };
    assert_eq!(count(&s, "SELECT COUNT(*) FROM party_keys"), keys);
    assert_eq!(
        count(
            &s,
            "SELECT COUNT(*) FROM followups WHERE case_colour IS NULL OR case_category IS NULL"
        ),
        0
    );
    assert!(count(&s, "SELECT COUNT(*) FROM followups") > 0);
    // Triggers and indexes are back: a new case is searchable at once.
    let triggers = count(
        &s,
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%AFTER INSERT%'",
    );
    assert!(triggers >= 4, "{triggers}");
    let desk = s.staff_by_code("D001").unwrap().unwrap();
    let c = NewCase::walk_in(
        today.and_hms_opt(11, 0, 0).unwrap(),
        "neighbour",
        "楼道堆物起火隐患",
        NewParty::named("覃小梅", None),
    );
    s.create_case(
        Actor {
            staff_id: desk.id,
            role: desk.role,
        },
        &c,
        &Default::default(),
    )
    .unwrap();
    assert_eq!(
        count(
            &s,
            "SELECT COUNT(*) FROM case_grams WHERE case_grams MATCH '\"堆物\"'"
        ),
        1
    );
    assert_eq!(
        count(
            &s,
            "SELECT COUNT(*) FROM party_keys WHERE key = 'qinxiaomei'"
        ),
        1
    );
    // A later bulk load into a database with cases keeps the triggers working row by row.
    s.bulk_load(|w| {
        let row = super::PartyRow {
            name: "单伟",
            name_keys: "shanwei sw",
            phone: None,
            id_number: None,
            address: "",
            language: "zh",
            vulnerability: "",
        };
        w.party(&row).map(|_| ())
    })
    .unwrap();
    assert_eq!(
        count(&s, "SELECT COUNT(*) FROM party_keys WHERE key = 'shanwei'"),
        1
    );
}

/// Every closed demo case carries its closing time (the purge selects by it), recent ones too:
/// none after the demo's today.
#[test]
fn demo_closes_no_case_without_its_closing_time() {
    let mut s = Store::open_in_memory().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let opts = crate::demo::DemoOptions {
        cases: 300,
        seed: 2,
        now: today.and_hms_opt(12, 0, 0).unwrap(),
    };
    crate::demo::generate(&mut s, &opts, "1234").unwrap();
    assert!(count(&s, "SELECT COUNT(*) FROM cases WHERE status = 'closed'") > 50);
    assert_eq!(
        count(
            &s,
            "SELECT COUNT(*) FROM cases WHERE status = 'closed' AND closed_at IS NULL"
        ),
        0
    );
    assert_eq!(
        count(
            &s,
            "SELECT COUNT(*) FROM cases WHERE closed_at < received_at OR closed_at >= '2026-11-24'"
        ),
        0
    );
}
