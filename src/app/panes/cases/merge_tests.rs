//! State tests of the merge keys in the case detail: a lead merges a typed case number into
//! the open case and undoes it; anyone else is refused before a popup opens.
use super::tests::{app_with, key, typ};
use crate::app::App;
use crate::app::panes::cases::Screen;
use ratatui::crossterm::event::KeyCode;

fn app_as(code: &str) -> App {
    app_with(code, 120, 5)
}

/// Opens the first listed case; returns (its id, the second listed case's id and number).
fn open_first(a: &mut App) -> (i64, i64, String) {
    key(a, KeyCode::F(3));
    key(a, KeyCode::Char('A')); // every case
    let rows = &a.panes.cases.list.rows;
    assert!(rows.len() >= 2);
    let (keep, gone, no) = (rows[0].id, rows[1].id, rows[1].case_no.clone());
    key(a, KeyCode::Enter);
    assert_eq!(a.panes.cases.screen, Screen::Detail);
    assert_eq!(a.panes.cases.detail.as_ref().unwrap().row.id, keep);
    (keep, gone, no)
}

#[test]
fn lead_merges_a_typed_case_into_the_open_one_and_undoes_it() {
    let mut a = app_as("L001");
    let (keep, gone, no) = open_first(&mut a);
    let events = a.panes.cases.detail.as_ref().unwrap().timeline.len();
    key(&mut a, KeyCode::Char('M'));
    assert!(a.panes.cases.popups.is_open());
    typ(&mut a, &no);
    key(&mut a, KeyCode::Enter);
    // A confirmation comes first: nothing merged yet.
    assert!(a.panes.cases.popups.is_open());
    assert_eq!(a.store.merged_into(gone).unwrap(), None);
    key(&mut a, KeyCode::Char('y'));
    assert!(!a.panes.cases.popups.is_open());
    let st = &a.panes.cases;
    assert_eq!(st.merges.merges.len(), 1);
    assert_eq!(st.merges.merges[0].gone, no);
    assert!(
        st.detail.as_ref().unwrap().timeline.len() > events,
        "the absorbed history shows"
    );
    assert!(a.store.merged_into(gone).unwrap().is_some());
    assert!(
        !a.panes
            .cases
            .list
            .rows
            .iter()
            .any(|r| r.id == gone && r.active)
    );

    key(&mut a, KeyCode::Char('U'));
    key(&mut a, KeyCode::Enter); // pick the merge
    key(&mut a, KeyCode::Char('y'));
    assert!(a.panes.cases.merges.merges.is_empty());
    assert_eq!(a.store.merged_into(gone).unwrap(), None);
    assert_eq!(a.panes.cases.detail.as_ref().unwrap().row.id, keep);
}

#[test]
fn an_unknown_case_number_merges_nothing() {
    let mut a = app_as("L001");
    let (keep, _, _) = open_first(&mut a);
    key(&mut a, KeyCode::Char('M'));
    typ(&mut a, "2099-99999");
    key(&mut a, KeyCode::Enter);
    assert!(!a.panes.cases.popups.is_open());
    assert!(a.store.case_merges(keep).unwrap().is_empty());
}

#[test]
fn only_a_lead_gets_the_merge_keys() {
    let mut a = app_as("D001");
    open_first(&mut a);
    for c in ['M', 'P', 'U'] {
        key(&mut a, KeyCode::Char(c));
        assert!(
            !a.panes.cases.popups.is_open(),
            "{c} opened a popup for a desk clerk"
        );
    }
}

#[test]
fn lead_builds_a_dedicated_team_with_a_plan_and_it_shows_in_the_detail() {
    let mut a = app_as("L001");
    let (keep, _, _) = open_first(&mut a);
    key(&mut a, KeyCode::Char('T'));
    typ(&mut a, "M001 m003 ZZ9");
    key(&mut a, KeyCode::Enter);
    // An unknown code stops before anything is saved.
    assert!(!a.panes.cases.popups.is_open());
    assert_eq!(a.store.case_team(keep).unwrap(), None);

    key(&mut a, KeyCode::Char('T'));
    typ(&mut a, "M001 m003");
    key(&mut a, KeyCode::Enter);
    typ(&mut a, "分户走访后联合调解");
    key(&mut a, KeyCode::Enter);
    let t = a.panes.cases.team.clone().expect("team shown");
    let codes: Vec<&str> = t.members.iter().map(|m| m.1.as_str()).collect();
    assert_eq!(codes, ["M001", "M003"]);
    assert_eq!(t.plan, "分户走访后联合调解");
    let d = a.panes.cases.detail.as_ref().unwrap();
    assert!(d.timeline.iter().any(|l| l.action == "case.team"));

    // Editing starts from the current team.
    key(&mut a, KeyCode::Char('T'));
    match &a.panes.cases.popups.top().unwrap().body {
        crate::app::panes::cases::popup::Body::Ask(q) => {
            assert_eq!(q.field.value(), "M001 M003")
        }
        _ => panic!("members box expected"),
    }
}

#[test]
fn a_mediator_who_does_not_own_the_case_cannot_edit_its_team() {
    let mut a = app_as("M001");
    let me = a.session.as_ref().unwrap().actor.staff_id;
    key(&mut a, KeyCode::F(3));
    key(&mut a, KeyCode::Char('A'));
    let rows = &a.panes.cases.list.rows;
    let other = rows
        .iter()
        .position(|r| r.owner_id != Some(me))
        .expect("someone else's case");
    let mine = rows
        .iter()
        .position(|r| r.owner_id == Some(me))
        .expect("an own case");
    for (at, allowed) in [(other, false), (mine, true)] {
        key(&mut a, KeyCode::Char('g'));
        for _ in 0..at {
            key(&mut a, KeyCode::Char('j'));
        }
        key(&mut a, KeyCode::Enter);
        key(&mut a, KeyCode::Char('T'));
        assert_eq!(a.panes.cases.popups.is_open(), allowed);
        key(&mut a, KeyCode::Esc); // the popup, if any
        if a.panes.cases.screen == Screen::Detail {
            key(&mut a, KeyCode::Esc);
        }
    }
}

#[test]
fn lead_merges_two_party_records_of_the_open_case_and_undoes_it() {
    let mut a = app_as("L001");
    let (keep_case, _, _) = open_first(&mut a);
    let parties: Vec<i64> = {
        let d = a.panes.cases.detail.as_ref().unwrap();
        let mut v: Vec<i64> = d.parties.iter().map(|p| p.party_id).collect();
        v.dedup();
        v
    };
    assert!(parties.len() >= 2, "demo cases have two sides");
    key(&mut a, KeyCode::Char('P'));
    key(&mut a, KeyCode::Enter); // keep the first record
    key(&mut a, KeyCode::Enter); // merge the next one into it
    assert!(a.panes.cases.popups.is_open(), "a confirmation first");
    key(&mut a, KeyCode::Char('y'));
    let m = &a.panes.cases.merges.merges;
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].kind, crate::store::MergeKind::Party);
    let d = a.panes.cases.detail.as_ref().unwrap();
    assert!(!d.parties.iter().any(|p| p.party_id == parties[1]));
    assert!(d.timeline.iter().any(|l| l.action == "party.merge"));

    key(&mut a, KeyCode::Char('U'));
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Char('y'));
    assert!(a.store.case_merges(keep_case).unwrap().is_empty());
    let d = a.panes.cases.detail.as_ref().unwrap();
    assert!(d.parties.iter().any(|p| p.party_id == parties[1]));
}
