//! The search box, by every path, finds only the cases of the visible centres: case number
//! (whole, with its centre's code, or a tail), names in Chinese and pinyin (SQL and the name
//! index), phone tails and whole numbers, summary words.
use super::{World, world};
use crate::store::Actor;
use chrono::NaiveDate;

fn now() -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(17, 0, 0)
        .unwrap()
}

/// The case numbers a query finds for `who`, by SQL and through the desk's name index.
fn found(who: Actor, w: &mut World, q: &str) -> Vec<String> {
    let s = w.as_(who);
    let mut by_sql: Vec<String> = s
        .search_cases(q, 20, now())
        .unwrap()
        .into_iter()
        .map(|h| h.row.case_no)
        .collect();
    by_sql.sort();
    let mut by_index: Vec<String> = s
        .search_cases_as_desk(q, 20, now())
        .unwrap()
        .into_iter()
        .map(|h| h.row.case_no)
        .collect();
    by_index.sort();
    assert_eq!(by_sql, by_index, "{q}: SQL and the name index agree");
    by_sql
}

#[test]
fn a_village_clerk_finds_nothing_of_another_village_by_any_path() {
    let mut w = world();
    let me = w.c.v1_desk;
    for q in [
        "V2-2026-1124-001",
        "v2-2026-1124",
        "刘洋",
        "liuyang",
        "ly",
        "0004",
        "13800000004",
        "宅基地",
    ] {
        assert_eq!(found(me, &mut w, q), Vec::<String>::new(), "{q}");
    }
    // The same queries find V2's case for its own desk and for its township lead.
    for who in [w.c.v2_desk, w.c.t1_lead] {
        for q in ["V2-2026-1124-001", "刘洋", "liuyang", "0004", "13800000004"] {
            assert_eq!(found(who, &mut w, q), ["V2-2026-1124-001"], "{q}");
        }
    }
}

#[test]
fn a_number_tail_finds_the_visible_centres_numbers_under_their_codes() {
    let mut w = world();
    // "1124-001", as read out: each centre's first case of the day.
    assert_eq!(found(w.c.v1_desk, &mut w, "1124-001"), ["V1-2026-1124-001"]);
    assert_eq!(found(w.c.v1_desk, &mut w, "1124001"), ["V1-2026-1124-001"]);
    assert_eq!(
        found(w.c.t1_lead, &mut w, "1124-001"),
        ["T1-2026-1124-001", "V1-2026-1124-001", "V2-2026-1124-001"]
    );
    assert_eq!(found(w.c.county_lead, &mut w, "20261124001").len(), 4);
    // A summary word shared by V2's and V3's cases: each desk finds its own.
    assert_eq!(found(w.c.v3_desk, &mut w, "宅基地"), ["V3-2026-1124-001"]);
    assert_eq!(found(w.t2_lead, &mut w, "宅基地"), ["V3-2026-1124-001"]);
    assert_eq!(found(w.c.county_lead, &mut w, "宅基地").len(), 2);
}

#[test]
fn another_centres_newer_matches_do_not_use_up_a_searchs_limit() {
    let mut w = world();
    // Twenty-five newer visitors at V2 share the last four digits and the name of V1's
    // applicant: each lookup's LIMIT (20 here) is spent on V1's matches only.
    let v2_desk = w.c.v2_desk;
    for i in 0..25 {
        let c = crate::store::NewCase::walk_in(
            at_minute(i),
            "neighbour",
            "噪音扰民",
            crate::store::NewParty::named("李娜", Some(&format!("139{i:04}0002"))),
        );
        w.c.store
            .create_case(v2_desk, &c, &crate::domain::risk::ResponseHours::default())
            .unwrap();
    }
    for q in ["0002", "李娜", "lina"] {
        assert_eq!(found(w.c.v1_desk, &mut w, q), ["V1-2026-1124-001"], "{q}");
    }
    let s = w.as_(w.c.v1_desk);
    assert_eq!(s.parties_named("李娜", 20).unwrap().len(), 1);
    assert_eq!(s.parties_by_name_prefix("li", 20).unwrap().len(), 1);
}

fn at_minute(i: u32) -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(15, i, 0)
        .unwrap()
}
