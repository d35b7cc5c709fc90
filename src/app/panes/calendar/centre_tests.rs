//! The calendar in a county (`store::centres::fixture`): one centre's mediators and rooms at a
//! time, the person's own first; a lead above switches centre with `s`, a village desk cannot.
use crate::app::panes::PaneId;
use crate::app::{Action, App, Session, update};
use crate::config::Config;
use crate::domain::role::Role;
use crate::i18n::Lang;
use crate::store::Actor;
use crate::store::centres::fixture::{at, county, staff_at};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn login(a: &mut App, who: Actor, code: &str) {
    a.panes = Default::default();
    a.start_session(Session {
        actor: who,
        code: code.into(),
        name: code.into(),
    });
    a.goto(PaneId::Calendar);
}

fn columns(a: &App) -> Vec<String> {
    let st = &a.panes.calendar;
    st.columns_mediators()
        .iter()
        .map(|m| m.code.clone())
        .collect()
}

fn rooms(a: &App) -> Vec<String> {
    a.panes
        .calendar
        .rooms
        .iter()
        .map(|r| r.name.clone())
        .collect()
}

fn s(a: &mut App) {
    let k = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::NONE);
    update(a, Action::Key(k));
}

fn help_has_s(a: &App) -> bool {
    a.panes
        .get(PaneId::Calendar)
        .help()
        .iter()
        .any(|h| h.keys == "s")
}

#[test]
fn a_lead_above_switches_centre_and_a_village_desk_sees_its_own() {
    let mut c = county();
    let l = c.county_lead;
    staff_at(&mut c.store, l, "TM1", Role::Mediator, 2);
    c.store.add_room("县调解室").unwrap();
    let (v1_desk, lead) = (c.v1_desk, c.county_lead);
    let mut a = App::new(c.store, Config::default(), Lang::Zh, at(10, 0));
    login(&mut a, lead, "L1");
    assert_eq!(a.panes.calendar.centre, Some(1));
    assert!(columns(&a).is_empty(), "no mediator at the county centre");
    assert_eq!(rooms(&a), ["县调解室"]);
    assert!(help_has_s(&a));
    // T1 (2): its mediator, no room of its own; then T2 (3), then V1 (4).
    s(&mut a);
    assert_eq!(a.panes.calendar.centre, Some(2));
    assert_eq!(columns(&a), ["TM1"]);
    assert!(rooms(&a).is_empty());
    s(&mut a);
    s(&mut a);
    assert_eq!(
        (a.panes.calendar.centre, columns(&a)),
        (Some(4), vec!["VM1".to_string()])
    );
    // A village desk: its own centre only, nothing to switch.
    login(&mut a, v1_desk, "VD1");
    assert_eq!(a.panes.calendar.centre, Some(4));
    assert_eq!(columns(&a), ["VM1"]);
    assert!(!help_has_s(&a));
    s(&mut a);
    assert_eq!(a.panes.calendar.centre, Some(4));
}
