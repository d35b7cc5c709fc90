//! The risk panel previews what is saved: the same deadline (one calendar: working time and
//! holidays) and every reason of the colour (issue #16).
use super::form::{Focus, PField};
use super::tests::{ctrl, demo, login, press, tab_to, typ, type_intake};
use crate::app::{Action, App, update};
use crate::domain::risk::{Colour, RiskFlag};
use crate::store::Store;
use chrono::{NaiveDate, NaiveDateTime};
use ratatui::crossterm::event::KeyCode;

/// 2026-12-03 is a Thursday.
fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, d)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

fn desk_at(store: Store, t: NaiveDateTime) -> App {
    let mut a = login(store, "D001");
    update(&mut a, Action::Tick(t));
    a
}

/// Types an intake (a large amount makes it yellow, or none: blue), reads the preview, saves
/// it and reads the saved case: (preview, saved).
fn preview_then_save(a: &mut App, yellow: bool) -> (Option<NaiveDateTime>, Option<NaiveDateTime>) {
    type_intake(a, "欧阳娜娜", "");
    if yellow {
        tab_to(a, Focus::Amount);
        typ(a, "120000");
    }
    let expect = if yellow { Colour::Yellow } else { Colour::Blue };
    assert_eq!(a.panes.triage.colour(), expect);
    let preview = a.panes.triage.deadline(a.now);
    ctrl(a, 's');
    let saved = a.panes.triage.saved.as_ref().expect("saved");
    assert_eq!(saved.created.colour, expect);
    let row = a
        .store
        .case_rows(&[saved.created.id])
        .unwrap()
        .pop()
        .unwrap();
    assert_eq!(row.deadline_at, saved.created.deadline_at);
    (preview, row.deadline_at)
}

fn store() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    demo(&mut s);
    s
}

#[test]
fn before_opening_the_preview_counts_working_days_as_the_save_does() {
    // The case: yellow at Thursday 08:15 showed Sunday 12-06 08:15, saved 12-08 08:30.
    let mut a = desk_at(store(), at(3, 8, 15));
    let (preview, saved) = preview_then_save(&mut a, true);
    assert_eq!(saved, Some(at(8, 8, 30)));
    assert_eq!(preview, saved);
    // Blue showed 12-10 and was saved as 12-14.
    let mut a = desk_at(store(), at(3, 8, 15));
    let (preview, saved) = preview_then_save(&mut a, false);
    assert_eq!(saved, Some(at(14, 8, 30)));
    assert_eq!(preview, saved);
}

#[test]
fn at_a_weekend_and_after_hours_the_preview_is_the_saved_deadline() {
    for t in [at(5, 10, 0), at(4, 19, 30)] {
        let mut a = desk_at(store(), t);
        let (preview, saved) = preview_then_save(&mut a, true);
        // Saturday, or Friday evening: counted from Monday's opening, 3 working days.
        assert_eq!(saved, Some(at(10, 8, 30)), "{t}");
        assert_eq!(preview, saved, "{t}");
    }
}

#[test]
fn on_a_holiday_the_preview_skips_it_as_the_save_does() {
    let mut s = store();
    let lead = s.staff_by_code("L001").unwrap().unwrap();
    let lead = crate::store::Actor {
        staff_id: lead.id,
        role: lead.role,
    };
    s.add_holiday(lead, NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(), "调休")
        .unwrap();
    let mut a = desk_at(s, at(4, 16, 0));
    let (preview, saved) = preview_then_save(&mut a, true);
    // Friday 16:00 + 3 working days, Monday a holiday: Thursday 16:00.
    assert_eq!(saved, Some(at(10, 16, 0)));
    assert_eq!(preview, saved);
}

#[test]
fn the_preview_lists_every_reason_the_case_is_saved_with() {
    let mut a = desk_at(store(), at(3, 10, 0));
    type_intake(&mut a, "王芳", "");
    tab_to(&mut a, Focus::Party(0, PField::Vulnerability));
    typ(&mut a, "1");
    tab_to(&mut a, Focus::Risk);
    typ(&mut a, "v");
    let t = &a.panes.triage;
    assert_eq!(t.colour(), Colour::Red);
    assert_eq!(
        t.reasons(),
        vec![RiskFlag::Violence, RiskFlag::VulnerableParty],
        "both reasons, not only the red one"
    );
    // What is saved lists the same reasons.
    ctrl(&mut a, 's');
    typ(&mut a, "123");
    press(&mut a, KeyCode::Enter);
    let id = a.panes.triage.saved.as_ref().expect("saved").created.id;
    let d = a.store.case_detail(id).unwrap();
    assert_eq!(d.flags, vec![RiskFlag::Violence, RiskFlag::VulnerableParty]);
}

#[test]
fn the_preview_counts_in_the_desks_centre_hours_as_the_save_does() {
    let mut s = store();
    let lead = s.staff_by_code("L001").unwrap().unwrap();
    let lead = crate::store::Actor {
        staff_id: lead.id,
        role: lead.role,
    };
    let desk = s.staff_by_code("D001").unwrap().unwrap();
    let centre = s.staff_centre(desk.id).unwrap().code;
    // The desk's centre also opens on Saturdays (its own hours, not the config's).
    let six = crate::domain::slots::WorkTime {
        days: vec![1, 2, 3, 4, 5, 6],
        ..Default::default()
    };
    s.set_centre_hours(lead, &centre, Some(&six), at(1, 9, 0))
        .unwrap();
    let mut a = desk_at(s, at(4, 16, 0));
    let (preview, saved) = preview_then_save(&mut a, true);
    // Friday 16:00 + 3 working days: Saturday, Monday, Tuesday.
    assert_eq!(saved, Some(at(8, 16, 0)));
    assert_eq!(preview, saved);
}
