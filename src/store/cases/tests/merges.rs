//! Merging duplicates: lead only, everything of both reachable from the survivor, and an undo
//! that restores every table exactly as it was.
use crate::domain::case_rule::CaseRule;
use crate::domain::risk::ResponseHours;
use crate::domain::role::Role;
use crate::store::*;
use crate::store::{NewCase, NewParty};
use chrono::{NaiveDate, NaiveDateTime};

fn at(d: u32, h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, d)
        .unwrap()
        .and_hms_opt(h, 0, 0)
        .unwrap()
}

fn add(s: &mut Store, by: Option<Actor>, code: &str, role: Role) -> Actor {
    crate::store::testing::add_staff(s, by, code, role, at(1, 8))
}

fn case(s: &mut Store, by: Actor, d: u32, summary: &str, party: NewParty) -> i64 {
    let c = NewCase::walk_in(at(d, 9), "neighbour", summary, party);
    s.create_case(by, &c, &ResponseHours::default()).unwrap().id
}

/// Every row merging may touch, as text, to compare before and after.
fn dump(s: &Store) -> String {
    let q = |sql: &str| -> String {
        let mut st = s.lite_conn().prepare(sql).unwrap();
        let n = st.column_count();
        st.query_map([], |r| {
            let mut line = Vec::new();
            for i in 0..n {
                let v: rusqlite::types::Value = r.get(i)?;
                line.push(format!("{v:?}"));
            }
            Ok(line.join("|"))
        })
        .unwrap()
        .map(|l| l.unwrap())
        .collect::<Vec<_>>()
        .join("\n")
    };
    [
        "SELECT id, status, active, deadline_at, visits, first_party_id, merged_into, closed_at FROM cases ORDER BY id",
        "SELECT * FROM case_parties ORDER BY 1, 2, 3",
        "SELECT id, case_id FROM visits ORDER BY id",
        "SELECT id, case_id FROM sessions ORDER BY id",
        "SELECT id, case_id FROM followups ORDER BY id",
        "SELECT id, name, phone, id_number, merged_into FROM parties ORDER BY id",
    ]
    .map(q)
    .join("\n--\n")
}

/// Two cases of one dispute, each with a visit, a session and a follow-up; party 1 is on both.
fn setup() -> (Store, Actor, Actor, i64, i64) {
    let mut s = Store::open_in_memory().unwrap();
    let lead = add(&mut s, None, "L1", Role::Lead);
    let desk = add(&mut s, Some(lead), "D1", Role::Desk);
    let m = add(&mut s, Some(lead), "M1", Role::Mediator);
    let a = case(
        &mut s,
        desk,
        20,
        "楼上漏水",
        NewParty::named("张伟", Some("13812345678")),
    );
    let b = case(
        &mut s,
        desk,
        21,
        "楼上漏水又来了",
        NewParty::named("李娜", None),
    );
    let zhang: i64 = s
        .lite_conn()
        .query_row("SELECT first_party_id FROM cases WHERE id = ?1", [a], |r| {
            r.get(0)
        })
        .unwrap();
    s.lite_conn()
        .execute(
            "INSERT INTO case_parties (case_id, party_id, role) VALUES (?1, ?2, 'applicant')",
            [b, zhang],
        )
        .unwrap();
    for c in [a, b] {
        s.lite_conn()
            .execute("INSERT INTO visits (case_id, at, channel) VALUES (?1, '2026-11-22 09:00:00', 'walk_in')", [c])
            .unwrap();
        s.lite_conn()
            .execute(
                "INSERT INTO sessions (case_id, mediator_id, starts_at, ends_at) VALUES (?1, ?2, '2026-11-23 09:00:00', '2026-11-23 10:00:00')",
                [c, m.staff_id],
            )
            .unwrap();
        s.lite_conn()
            .execute(
                "INSERT INTO followups (case_id, due_on) VALUES (?1, '2026-12-01')",
                [c],
            )
            .unwrap();
    }
    (s, lead, desk, a, b)
}

fn audit_rows(s: &Store) -> i64 {
    s.lite_conn()
        .query_row("SELECT COUNT(*) FROM audit", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn case_merge_moves_everything_to_the_survivor_and_undo_restores_it_exactly() {
    let (mut s, lead, _, a, b) = setup();
    let before = dump(&s);
    let b_events = s.case_detail(b).unwrap().timeline.len();
    let a_events = s.case_detail(a).unwrap().timeline.len();
    let m = s.merge_cases(lead, a, b, at(24, 10)).unwrap();

    let d = s.case_detail(a).unwrap();
    assert_eq!(d.sessions.len(), 2);
    assert_eq!(d.followups.len(), 2);
    let names: Vec<&str> = d.parties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names.iter().filter(|n| **n == "张伟").count(),
        1,
        "{names:?}"
    );
    assert!(names.contains(&"李娜"), "{names:?}");
    // Both histories, plus the merge events, in the survivor's timeline.
    assert_eq!(d.timeline.len(), a_events + b_events + 3);
    assert!(d.timeline.iter().any(|l| l.action == "case.merge"));
    let visits: i64 = s
        .lite_conn()
        .query_row("SELECT COUNT(*) FROM visits WHERE case_id = ?1", [a], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(
        visits, 4,
        "registration visit and the added one, of both cases"
    );
    // The absorbed case leaves the open lists and points to the survivor.
    let gone = s.case_detail(b).unwrap();
    assert!(!gone.row.active);
    assert_eq!(
        s.merged_into(b).unwrap().as_deref(),
        Some(d.row.case_no.as_str())
    );
    assert_eq!(s.case_merges(a).unwrap().len(), 1);
    assert_eq!(
        s.case_merges(b).unwrap().len(),
        1,
        "undo offered from the absorbed case too"
    );

    let events = audit_rows(&s);
    s.undo_merge(lead, m, at(24, 11)).unwrap();
    assert_eq!(dump(&s), before);
    assert!(
        audit_rows(&s) > events,
        "the undo is audited, nothing erased"
    );
    assert!(s.case_merges(a).unwrap().is_empty());
    assert_eq!(s.merged_into(b).unwrap(), None);
    assert!(matches!(
        s.undo_merge(lead, m, at(24, 12)),
        Err(StoreError::Case(CaseRule::MergeUndone))
    ));
}

#[test]
fn only_a_lead_merges_or_undoes() {
    let (mut s, lead, desk, a, b) = setup();
    let before = dump(&s);
    assert!(matches!(
        s.merge_cases(desk, a, b, at(24, 10)),
        Err(StoreError::Forbidden)
    ));
    assert_eq!(dump(&s), before);
    let m = s.merge_cases(lead, a, b, at(24, 10)).unwrap();
    assert!(matches!(
        s.undo_merge(desk, m, at(24, 11)),
        Err(StoreError::Forbidden)
    ));
    assert!(matches!(
        s.merge_cases(lead, a, a, at(24, 10)),
        Err(StoreError::Case(CaseRule::MergeSame))
    ));
    assert!(matches!(
        s.merge_cases(lead, b, a, at(24, 10)),
        Err(StoreError::Case(CaseRule::MergeAlready))
    ));
}

#[test]
fn party_merge_moves_links_fills_missing_numbers_and_undo_restores_exactly() {
    let (mut s, lead, desk, a, _) = setup();
    // The same person entered again with an ID number and no phone.
    let mut p = NewParty::named("张伟", None);
    p.id_number = Some("110101199003074514".into());
    let c = case(&mut s, desk, 22, "另一起纠纷", p);
    let (zhang, twin): (i64, i64) = (
        s.lite_conn()
            .query_row("SELECT first_party_id FROM cases WHERE id = ?1", [a], |r| {
                r.get(0)
            })
            .unwrap(),
        s.lite_conn()
            .query_row("SELECT first_party_id FROM cases WHERE id = ?1", [c], |r| {
                r.get(0)
            })
            .unwrap(),
    );
    let before = dump(&s);
    let m = s.merge_parties(lead, zhang, twin, at(24, 10)).unwrap();
    let first: i64 = s
        .lite_conn()
        .query_row("SELECT first_party_id FROM cases WHERE id = ?1", [c], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(first, zhang);
    let (phone, id): (Option<String>, Option<String>) = s
        .lite_conn()
        .query_row(
            "SELECT phone, id_number FROM parties WHERE id = ?1",
            [zhang],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        phone.as_deref(),
        Some("13812345678"),
        "the survivor's number is kept"
    );
    assert_eq!(
        id.as_deref(),
        Some("110101199003074514"),
        "a missing number is taken over"
    );
    let links: i64 = s
        .lite_conn()
        .query_row(
            "SELECT COUNT(*) FROM case_parties WHERE party_id = ?1",
            [twin],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(links, 0);
    assert!(
        s.case_detail(c)
            .unwrap()
            .timeline
            .iter()
            .any(|l| l.action == "party.merge")
    );
    assert_eq!(s.case_merges(c).unwrap().len(), 1);

    s.undo_merge(lead, m, at(24, 11)).unwrap();
    assert_eq!(dump(&s), before);
    assert!(
        s.case_detail(c)
            .unwrap()
            .timeline
            .iter()
            .any(|l| l.action == "party.unmerge")
    );
}

#[test]
fn undo_refuses_and_changes_nothing_when_it_cannot_restore_exactly() {
    let (mut s, lead, _, a, b) = setup();
    let m = s.merge_cases(lead, a, b, at(24, 10)).unwrap();
    // A moved session is deleted after the merge.
    s.lite_conn()
        .execute(
            "DELETE FROM sessions WHERE case_id = ?1 AND id = (SELECT max(id) FROM sessions)",
            [a],
        )
        .unwrap();
    let mid = dump(&s);
    assert!(matches!(
        s.undo_merge(lead, m, at(24, 11)),
        Err(StoreError::Case(CaseRule::MergeChanged))
    ));
    assert_eq!(dump(&s), mid);
}

#[test]
fn a_merged_case_cannot_be_reopened_and_undo_refuses_if_its_status_changed() {
    let (mut s, lead, _, a, b) = setup();
    let m = s.merge_cases(lead, a, b, at(24, 10)).unwrap();
    let hours = ResponseHours::default();
    assert!(matches!(
        s.reopen_case(lead, b, "当事人再次来访", &hours, at(24, 11)),
        Err(StoreError::Case(CaseRule::IsMerged))
    ));
    // Should its status change anyway, undo would overwrite it: it refuses.
    s.lite_conn()
        .execute(
            "UPDATE cases SET status = 'assigned', active = 1 WHERE id = ?1",
            [b],
        )
        .unwrap();
    let mid = dump(&s);
    assert!(matches!(
        s.undo_merge(lead, m, at(24, 12)),
        Err(StoreError::Case(CaseRule::MergeChanged))
    ));
    assert_eq!(dump(&s), mid);
}

#[test]
fn a_case_closed_by_a_merge_carries_its_closing_time_until_undone() {
    let (mut s, lead, _, a, b) = setup();
    let closed_at = |s: &Store, id: i64| -> Option<String> {
        s.lite_conn()
            .query_row("SELECT closed_at FROM cases WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .unwrap()
    };
    let m = s.merge_cases(lead, a, b, at(24, 10)).unwrap();
    assert_eq!(closed_at(&s, b).as_deref(), Some("2026-11-24 10:00:00"));
    assert_eq!(closed_at(&s, a), None);
    s.undo_merge(lead, m, at(24, 11)).unwrap();
    assert_eq!(closed_at(&s, b), None, "open again, as before the merge");
    // A case already closed keeps its own closing time through a merge and its undo.
    s.lite_conn()
        .execute(
            "UPDATE cases SET status = 'closed', active = 0, closed_at = '2026-11-22 16:00:00' WHERE id = ?1",
            [b],
        )
        .unwrap();
    let m = s.merge_cases(lead, a, b, at(24, 12)).unwrap();
    assert_eq!(closed_at(&s, b).as_deref(), Some("2026-11-22 16:00:00"));
    s.undo_merge(lead, m, at(24, 13)).unwrap();
    assert_eq!(closed_at(&s, b).as_deref(), Some("2026-11-22 16:00:00"));
}
