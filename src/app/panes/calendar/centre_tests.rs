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

fn key(a: &mut App, code: KeyCode) {
    update(a, Action::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

#[test]
fn each_centre_shows_its_own_hours_and_a_township_lead_closes_a_village_day() {
    use crate::domain::slots::WorkTime;
    use chrono::NaiveTime;
    let mut c = county();
    let mornings = WorkTime {
        start: NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
        end: NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
        days: vec![1, 2, 3, 4, 5, 6],
    };
    let (lead, t1_lead) = (c.county_lead, c.t1_lead);
    c.store
        .set_centre_hours(lead, "V1", Some(&mornings), at(8, 0))
        .unwrap();
    let mut a = App::new(c.store, Config::default(), Lang::Zh, at(10, 0));
    login(&mut a, t1_lead, "TL1");
    // T1 works the record's hours; V1 (after T1 and V1's order: T1, V1, V2) its own.
    assert_eq!(a.panes.calendar.centre, Some(2));
    assert_eq!(a.panes.calendar.calendar.work, WorkTime::default());
    s(&mut a);
    assert_eq!(a.panes.calendar.centre, Some(4));
    assert_eq!(a.panes.calendar.calendar.work, mornings);
    // The township lead's day off is V1's own: named on the form, V1's alone once saved.
    key(&mut a, KeyCode::Char('o'));
    let form = match a.panes.calendar.popups.top() {
        Some(super::popup::Popup::Off(o)) => o.clone(),
        other => panic!("no holiday form: {}", other.is_some()),
    };
    assert_eq!(form.centre.as_ref().map(|c| c.0), Some(4));
    for _ in 0..3 {
        key(&mut a, KeyCode::Down);
    }
    for ch in "赶集".chars() {
        key(&mut a, KeyCode::Char(ch));
    }
    key(&mut a, KeyCode::Enter);
    let today = at(10, 0).date();
    assert_eq!(a.panes.calendar.holiday(today), Some("赶集"));
    assert!(!a.panes.calendar.calendar.is_open_day(today));
    let store = &a.store;
    assert_eq!(store.holidays(4, today, today).unwrap().len(), 1);
    assert!(store.holidays(5, today, today).unwrap().is_empty());
}
