//! One case, read by id or by number: another village's case is not found, by any door.
use super::world;
use crate::store::StoreError;

#[test]
fn a_village_clerk_reads_their_own_centre_a_township_lead_theirs_and_below_the_county_all() {
    let mut w = world();
    let (v1, v2, v3, t1) = (w.v1.id, w.v2.id, w.v3.id, w.t1.id);
    assert_eq!(w.readable(w.c.v1_desk), [v1]);
    assert_eq!(w.readable(w.c.v2_desk), [v2]);
    assert_eq!(w.readable(w.c.t1_desk), [t1]);
    assert_eq!(w.readable(w.c.t1_lead), [v1, v2, t1]);
    assert_eq!(w.readable(w.t2_lead), [v3]);
    assert_eq!(w.readable(w.c.county_lead), [v1, v2, v3, t1]);
}

#[test]
fn another_villages_case_is_not_found_by_id_through_any_read() {
    let mut w = world();
    let v2 = w.v2.id;
    let s = w.as_(w.c.v1_desk);
    let not_found = |r: Result<(), StoreError>| matches!(r, Err(StoreError::NotFound));
    assert!(not_found(s.case_detail(v2).map(drop)));
    assert!(s.case_rows(&[v2]).unwrap().is_empty());
    assert!(not_found(s.case_brief(v2).map(drop)));
    assert!(not_found(s.case_team(v2).map(drop)));
    assert!(not_found(s.merge_view(v2).map(drop)));
    assert!(not_found(s.merged_into(v2).map(drop)));
    assert!(not_found(s.case_merges(v2).map(drop)));
    assert!(not_found(s.agreement_terms(v2).map(drop)));
    assert!(s.case_party_names(v2).unwrap().is_empty());
    // The same reads of the clerk's own case answer.
    let v1 = w.v1.id;
    let s = w.as_(w.c.v1_desk);
    assert!(s.case_brief(v1).is_ok() && s.case_team(v1).is_ok() && s.merge_view(v1).is_ok());
    assert_eq!(s.case_party_names(v1).unwrap().len(), 1);
}

#[test]
fn another_villages_case_is_not_found_by_its_number() {
    let mut w = world();
    let no = w.v2.case_no.clone();
    assert_eq!(no, "V2-2026-1124-001");
    let s = w.as_(w.c.v1_desk);
    assert_eq!(s.case_id_by_no(&no).unwrap(), None);
    assert!(matches!(s.slip(&no), Err(StoreError::NotFound)));
    assert_eq!(s.followup_case_by_no(&no).unwrap(), None);
    assert_eq!(s.case_brief_by_no(&no).unwrap(), None);
    // Its township lead reads it by number.
    let id = w.v2.id;
    let s = w.as_(w.c.t1_lead);
    assert_eq!(s.case_id_by_no(&no).unwrap(), Some(id));
    assert_eq!(s.slip(&no).unwrap().case_no, no);
    assert_eq!(s.followup_case_by_no(&no).unwrap().unwrap().id, id);
    assert_eq!(s.case_brief_by_no(&no).unwrap().unwrap().id, id);
}

#[test]
fn triage_finds_no_earlier_case_of_a_person_whose_case_is_at_another_village() {
    let mut w = world();
    // 刘洋 (V2's applicant) walks into V1: V1's desk learns nothing of V2's case, not even
    // that the person is known (no party, no case, no "at another centre").
    let s = w.as_(w.c.v1_desk);
    assert!(s.parties_by_phone("13800000004", 10).unwrap().is_empty());
    assert!(s.parties_by_name_prefix("刘洋", 10).unwrap().is_empty());
    assert!(s.parties_by_name_prefix("liuy", 10).unwrap().is_empty());
    assert!(s.parties_named("刘洋", 10).unwrap().is_empty());
    // Even with V2's party id in hand, its cases stay at V2.
    let s = w.as_(w.c.v2_desk);
    let theirs = s.parties_by_phone("13800000004", 10).unwrap();
    assert_eq!(theirs.len(), 1);
    assert_eq!(s.cases_of_parties(&theirs, 10).unwrap().len(), 1);
    let s = w.as_(w.c.v1_desk);
    assert!(s.cases_of_parties(&theirs, 10).unwrap().is_empty());
    // V1's own applicant is found as before; the township lead finds both.
    assert_eq!(s.parties_by_phone("13800000002", 10).unwrap().len(), 1);
    let s = w.as_(w.c.t1_lead);
    assert_eq!(s.parties_by_name_prefix("l", 10).unwrap().len(), 2);
}

#[test]
fn the_name_index_holds_the_parties_of_visible_cases_only() {
    let mut w = world();
    let names = |s: &crate::store::Store| {
        let mut out = Vec::new();
        s.for_each_distinct_name(|name, _, _, _| out.push(name.to_string()))
            .unwrap();
        out.sort();
        out
    };
    let s = w.as_(w.c.v1_desk);
    assert_eq!(names(s), ["李娜"]);
    let (ix, _) = s.load_name_index().unwrap();
    assert!(ix.search("liuyang", 5).is_empty());
    assert_eq!(ix.search("lina", 5)[0].name, "李娜");
    let mut each = Vec::new();
    s.for_each_party_name(|_, name, _| each.push(name.to_string()))
        .unwrap();
    assert_eq!(each, ["李娜"]);
    // Catching up reads every new party once, names only the visible ones.
    let after = s.parties_after(0, 100).unwrap();
    assert_eq!(after.parties.len(), 1);
    assert_eq!(after.parties[0].1, "李娜");
    assert_eq!(after.read_to, 4, "the four parties were read");
    let s = w.as_(w.c.t1_lead);
    assert_eq!(names(s), ["刘洋", "孙丽", "李娜"]);
    let s = w.as_(w.c.county_lead);
    assert_eq!(names(s).len(), 4);
}
