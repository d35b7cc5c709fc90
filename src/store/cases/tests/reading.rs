//! Names by their usual reading first (#16): `shan` lists 单雄 before 邓新磊 (邓 also reads
//! shan), `xiejianguo` 谢建国 before 叶建国 (叶 also reads xie), the same in `onedoor find`, in
//! the Cases pane with its name index and before that index is loaded.
use super::super::search::*;
use crate::domain::names::name_keys;
use crate::domain::risk::ResponseHours;
use crate::domain::role::Role;
use crate::store::{NewCase, NewParty};
use crate::store::{SearchHit, Store};
use chrono::NaiveDate;
use chrono::NaiveDateTime;

fn at(d: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, d)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

/// The rare-reading names belong to the newer cases, which win every other tie.
fn setup() -> (Store, Vec<(i64, &'static str)>) {
    let mut s = Store::open_in_memory().unwrap();
    let by = crate::store::testing::add_staff(&mut s, None, "L1", Role::Lead, at(1));
    let mut cases = Vec::new();
    for (d, name) in [(10, "单雄"), (11, "谢建国"), (20, "邓新磊"), (21, "叶建国")] {
        let c = NewCase::walk_in(at(d), "neighbour", "邻里纠纷", NewParty::named(name, None));
        let r = s.create_case(by, &c, &ResponseHours::default()).unwrap();
        cases.push((r.id, name));
    }
    (s, cases)
}

fn names(hits: &[SearchHit], cases: &[(i64, &'static str)]) -> Vec<&'static str> {
    hits.iter()
        .filter_map(|h| cases.iter().find(|c| c.0 == h.row.id).map(|c| c.1))
        .collect()
}

#[test]
fn find_and_the_pane_rank_the_usual_reading_first() {
    let (s, c) = setup();
    let (ix, _) = s.load_name_index().unwrap();
    for (q, want) in [
        ("shan", ["单雄", "邓新磊"]),
        ("shanx", ["单雄", "邓新磊"]),
        ("xiejianguo", ["谢建国", "叶建国"]),
        ("xjg", ["谢建国", "叶建国"]),
    ] {
        let pane = s.search_cases_with(q, 20, at(24), Some(&ix)).unwrap();
        assert_eq!(names(&pane, &c), want, "the pane's order for {q}");
        let find = s.search_cases_as_desk(q, 20, at(24)).unwrap();
        assert_eq!(find, pane, "find ranks as the pane for {q}");
        // Before the pane's index is loaded, names come from SQL: the same order.
        let sql = s.search_cases(q, 20, at(24)).unwrap();
        assert_eq!(names(&sql, &c), want, "SQL's order for {q}");
    }
    // The rare readings stay findable.
    let find = s.search_cases_as_desk("shanxinlei", 20, at(24)).unwrap();
    assert_eq!(names(&find, &c), ["邓新磊"]);
}

#[test]
fn a_rare_reading_scores_just_below_the_usual_one() {
    let keys = name_keys("邓新磊");
    assert_eq!(name_score("邓新磊", &keys, "shan"), score::KEY_PREFIX - 1);
    assert_eq!(name_score("邓新磊", &keys, "deng"), score::KEY_PREFIX);
    assert_eq!(
        name_score("邓新磊", &keys, "shanxinlei"),
        score::KEY_EXACT - 1
    );
    assert_eq!(name_score("邓新磊", &keys, "dxl"), score::KEY_EXACT);
    assert_eq!(name_score("邓新磊", &keys, "邓新"), score::NAME_PREFIX);
}
