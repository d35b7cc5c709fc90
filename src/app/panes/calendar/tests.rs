//! Calendar state tests: keys fed to `app::update` on a small store, no terminal.
use crate::app::panes::PaneId;
use crate::app::{Action, App, Session, update};
use crate::config::Config;
use crate::domain::session::SessionStatus;
use crate::i18n::Lang;
use crate::store::calendar_tests::{case, fix, t};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn app() -> (App, i64, i64, String) {
    let mut f = fix();
    let m1 = f.m1.staff_id;
    let (c1, p) = case(&mut f, Some(m1), None);
    let (c2, _) = case(&mut f, None, Some(p));
    let no2 = f.s.case_brief(c2).unwrap().case_no;
    let lead = f.lead;
    let mut a = App::new(f.s, Config::default(), Lang::En, t(24, 8, 0));
    a.start_session(Session {
        actor: lead,
        code: "L1".into(),
        name: "调解员L1".into(),
    });
    a.goto(PaneId::Calendar);
    (a, c1, c2, no2)
}

fn key(a: &mut App, code: KeyCode) {
    update(a, Action::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn ctrl(a: &mut App, c: char) {
    update(
        a,
        Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    );
}

fn typ(a: &mut App, s: &str) {
    for c in s.chars() {
        key(a, KeyCode::Char(c));
    }
}

/// Opens the booking form and fills case, mediator, length in hours and start time, then saves.
fn book_typed(a: &mut App, case_no: &str, who: &str, hours: &str, at: &str) {
    key(a, KeyCode::Char('n'));
    typ(a, case_no);
    key(a, KeyCode::Tab);
    typ(a, who);
    key(a, KeyCode::Tab);
    typ(a, hours);
    key(a, KeyCode::Tab);
    key(a, KeyCode::Tab);
    typ(a, at);
    key(a, KeyCode::Enter);
}

fn flash(a: &App) -> String {
    a.flash.as_ref().map(|f| f.text.clone()).unwrap_or_default()
}

#[test]
fn navigate_by_keys_and_typed_dates() {
    let (mut a, ..) = app();
    let cal = |a: &App| a.panes.calendar.date.format("%Y-%m-%d").to_string();
    assert_eq!(cal(&a), "2026-11-24");
    key(&mut a, KeyCode::Right);
    assert_eq!(cal(&a), "2026-11-25");
    key(&mut a, KeyCode::Char('v'));
    key(&mut a, KeyCode::Right);
    assert_eq!(cal(&a), "2026-12-02", "a week on");
    key(&mut a, KeyCode::Char('t'));
    assert_eq!(cal(&a), "2026-11-24");
    key(&mut a, KeyCode::Char('g'));
    typ(&mut a, "12-01");
    key(&mut a, KeyCode::Enter);
    assert_eq!(cal(&a), "2026-12-01");
    key(&mut a, KeyCode::Char('g'));
    typ(&mut a, "+3");
    key(&mut a, KeyCode::Enter);
    assert_eq!(cal(&a), "2026-11-27");
    key(&mut a, KeyCode::Char('g'));
    typ(&mut a, "nope");
    key(&mut a, KeyCode::Enter);
    assert!(
        a.panes.calendar.popups.is_open(),
        "a bad date keeps the popup"
    );
    assert!(flash(&a).contains("2026-11-24"), "{}", flash(&a));
}

#[test]
fn book_with_next_free_then_conflict_then_move_cancel_and_record() {
    let (mut a, c1, _, no2) = app();
    let no1 = a.store.case_brief(c1).unwrap().case_no;
    // Book case 1 with M1 in the first free slot.
    key(&mut a, KeyCode::Char('n'));
    typ(&mut a, &no1);
    key(&mut a, KeyCode::Tab);
    typ(&mut a, "m1");
    ctrl(&mut a, 'n');
    assert!(flash(&a).contains("Earliest"), "{}", flash(&a));
    key(&mut a, KeyCode::Enter);
    assert_eq!(flash(&a), "Session booked");
    let s = a
        .panes
        .calendar
        .selected_session()
        .cloned()
        .expect("the new one is selected");
    assert_eq!((s.start, s.end), (t(24, 8, 30), t(24, 9, 30)));
    // Case 2 shares the applicant: the same time is refused, with what collides.
    book_typed(&mut a, &no2, "M2", "2", "9:00");
    assert!(
        flash(&a).contains("party 张伟") && flash(&a).contains(&no1),
        "{}",
        flash(&a)
    );
    assert!(
        a.panes.calendar.popups.is_open(),
        "the form stays with what was typed"
    );
    // Next free skips past the party's session: back to back at 09:30.
    ctrl(&mut a, 'n');
    key(&mut a, KeyCode::Enter);
    assert_eq!(flash(&a), "Session booked");
    assert_eq!(
        a.panes.calendar.selected_session().unwrap().start,
        t(24, 9, 30)
    );
    // Move the first session: a reason is required.
    key(&mut a, KeyCode::Up);
    assert_eq!(a.panes.calendar.selected_session().unwrap().id, s.id);
    key(&mut a, KeyCode::Char('m'));
    key(&mut a, KeyCode::Tab);
    for _ in 0..5 {
        key(&mut a, KeyCode::Backspace);
    }
    typ(&mut a, "14:00");
    key(&mut a, KeyCode::Enter);
    assert_eq!(flash(&a), "Give a reason");
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Tab);
    typ(&mut a, "mediator in court");
    key(&mut a, KeyCode::Enter);
    assert_eq!(flash(&a), "Session moved");
    assert_eq!(a.store.session(s.id).unwrap().start, t(24, 14, 0));
    // Record it as held: one village attempt.
    a.now = t(24, 15, 0);
    key(&mut a, KeyCode::Char('r'));
    typ(&mut a, "agreed to talk again");
    key(&mut a, KeyCode::Enter);
    assert_eq!(flash(&a), "Outcome recorded");
    let done = a.store.session(s.id).unwrap();
    assert_eq!(done.status, SessionStatus::Held);
    assert_eq!(done.result, "agreed to talk again");
    // Cancel the other with a reason.
    let other = a
        .panes
        .calendar
        .visible()
        .iter()
        .find(|x| x.id != s.id)
        .unwrap()
        .id;
    let i = a
        .panes
        .calendar
        .visible()
        .iter()
        .position(|x| x.id == other)
        .unwrap();
    a.panes.calendar.selected = Some(i);
    key(&mut a, KeyCode::Char('x'));
    typ(&mut a, "party ill");
    key(&mut a, KeyCode::Enter);
    assert_eq!(flash(&a), "Session cancelled");
    assert_eq!(
        a.store.session(other).unwrap().status,
        SessionStatus::Cancelled
    );
}

#[test]
fn book_for_opens_the_form_when_the_calendar_is_entered() {
    let (mut a, c1, ..) = app();
    a.goto(PaneId::Cases);
    let m1 = a.store.staff_by_code("M1").unwrap().unwrap().id;
    a.panes.calendar.book_for(c1, Some(m1));
    a.goto(PaneId::Calendar);
    let Some(crate::app::panes::calendar::popup::Popup::Book(f)) = a.panes.calendar.popups.top()
    else {
        panic!("form not open");
    };
    assert_eq!(f.case_no.value(), a.store.case_brief(c1).unwrap().case_no);
    assert_eq!(f.mediators.value(), "M1");
}

#[test]
fn help_lists_the_keys_the_pane_answers() {
    let (mut a, ..) = app();
    for h in crate::app::panes::calendar::KEYS {
        let k = h.keys.chars().next().unwrap();
        if k.is_ascii_lowercase() && h.keys.len() == 1 {
            key(&mut a, KeyCode::Char(k));
            // Every listed letter is consumed: '?' is the only one that bubbles to the shell.
            assert_eq!(a.overlay, crate::app::Overlay::None, "{k}");
            a.panes.calendar.popups.clear();
        }
    }
}

#[test]
fn a_lead_enters_a_holiday_and_leave_and_the_views_block_them_out() {
    let (mut a, ..) = app();
    key(&mut a, KeyCode::Char('o'));
    key(&mut a, KeyCode::Tab); // to "to"
    key(&mut a, KeyCode::Tab); // staff (unused for a holiday)
    key(&mut a, KeyCode::Tab); // note
    typ(&mut a, "调休");
    key(&mut a, KeyCode::Enter);
    assert_eq!(flash(&a), "Saved");
    assert_eq!(
        a.panes.calendar.holiday(a.panes.calendar.date),
        Some("调休")
    );
    // Leave for M2 tomorrow.
    key(&mut a, KeyCode::Char('o'));
    key(&mut a, KeyCode::BackTab); // kind
    key(&mut a, KeyCode::Right); // leave
    key(&mut a, KeyCode::Tab);
    for _ in 0..10 {
        key(&mut a, KeyCode::Backspace);
    }
    typ(&mut a, "+1");
    key(&mut a, KeyCode::Tab);
    for _ in 0..10 {
        key(&mut a, KeyCode::Backspace);
    }
    typ(&mut a, "+1");
    key(&mut a, KeyCode::Tab);
    typ(&mut a, "m2");
    key(&mut a, KeyCode::Enter);
    assert_eq!(flash(&a), "Saved");
    key(&mut a, KeyCode::Right);
    let m2 = a.store.staff_by_code("M2").unwrap().unwrap().id;
    assert!(a.panes.calendar.on_leave(m2, t(25, 0, 0).date()));
}

#[test]
fn a_desk_clerk_may_not_enter_holidays() {
    let (mut a, ..) = app();
    let desk = a.store.staff_by_code("D1").unwrap().unwrap();
    a.session = Some(Session {
        actor: crate::store::Actor {
            staff_id: desk.id,
            role: desk.role,
        },
        code: desk.code,
        name: desk.name,
    });
    key(&mut a, KeyCode::Char('o'));
    assert!(!a.panes.calendar.popups.is_open());
    assert!(a.flash.as_ref().unwrap().error);
}

#[test]
fn a_half_typed_booking_survives_a_restart() {
    let (mut a, c1, ..) = app();
    let no1 = a.store.case_brief(c1).unwrap().case_no;
    key(&mut a, KeyCode::Char('n'));
    typ(&mut a, &no1);
    key(&mut a, KeyCode::Tab);
    typ(&mut a, "M2");
    // The app dies here; a new one starts on the same store.
    let store = std::mem::replace(&mut a.store, crate::store::Store::open_in_memory().unwrap());
    let lead = a.session.clone().unwrap();
    let mut b = App::new(store, Config::default(), Lang::En, t(24, 8, 5));
    b.start_session(lead);
    b.goto(PaneId::Calendar);
    let Some(crate::app::panes::calendar::popup::Popup::Book(f)) = b.panes.calendar.popups.top()
    else {
        panic!("draft not restored");
    };
    assert_eq!(
        (f.case_no.value(), f.mediators.value()),
        (no1.as_str(), "M2")
    );
    assert_eq!(flash(&b), "The unsaved booking form was restored");
    key(&mut b, KeyCode::Esc);
    b.goto(PaneId::Cases);
    b.goto(PaneId::Calendar);
    assert!(!b.panes.calendar.popups.is_open(), "Esc discards the draft");
}

#[test]
fn another_pane_asks_for_a_booking_through_a_request() {
    let (mut a, c1, ..) = app();
    a.goto(PaneId::Cases);
    let m1 = a.store.staff_by_code("M1").unwrap().unwrap().id;
    // What a pane does with only its Ctx in hand.
    a.with_ctx(|_, _, ctx| {
        ctx.requests.push(crate::app::panes::Request::BookSession {
            case_id: c1,
            mediator_id: Some(m1),
        })
    });
    assert_eq!(a.pane, PaneId::Calendar);
    let Some(crate::app::panes::calendar::popup::Popup::Book(f)) = a.panes.calendar.popups.top()
    else {
        panic!("form not open");
    };
    assert_eq!(f.mediators.value(), "M1");
}

/// Another mediator's session starting at the same time must not take the selection from the
/// session just booked (the terminal test found it once the demo had more sessions).
#[test]
fn after_booking_the_new_session_is_selected_not_another_at_that_time() {
    let mut f = fix();
    let (m1, m2) = (f.m1.staff_id, f.m2);
    let (other, _) = case(&mut f, Some(m2), None);
    let (mine, _) = case(&mut f, Some(m1), None);
    let no = f.s.case_brief(mine).unwrap().case_no;
    // M2's session at 09:00 is booked first, so it comes first among those at that time.
    f.s.book_session(
        f.lead,
        &crate::store::NewSession {
            case_id: other,
            mediators: vec![m2],
            room_id: None,
            start: t(24, 9, 0),
            end: t(24, 10, 0),
        },
        t(24, 8, 0),
    )
    .unwrap();
    let lead = f.lead;
    let mut a = App::new(f.s, Config::default(), Lang::En, t(24, 8, 0));
    a.start_session(Session {
        actor: lead,
        code: "L1".into(),
        name: "调解员L1".into(),
    });
    a.goto(PaneId::Calendar);
    book_typed(&mut a, &no, "m1", "2", "9:00");
    assert_eq!(flash(&a), "Session booked");
    let s = a.panes.calendar.selected_session().cloned().unwrap();
    assert_eq!((s.case_id, s.start), (mine, t(24, 9, 0)), "{s:?}");
}
