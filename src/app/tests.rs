//! State tests: key sequences applied to the app with no terminal.
use super::*;
use crate::store::NewStaff;
use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

pub fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap()
}

fn lead() -> NewStaff {
    NewStaff {
        code: "L001".into(),
        name: "王建国".into(),
        role: Role::Lead,
        languages: vec![],
        specialties: vec![],
        team: None,
        pin: "1234".into(),
        centre_id: None,
    }
}

fn app() -> App {
    let mut store = Store::open_in_memory().unwrap();
    store.add_staff(None, &lead(), now()).unwrap();
    App::new(store, Config::default(), Lang::Zh, now())
}

fn key(app: &mut App, code: KeyCode) {
    update(app, Action::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn typ(app: &mut App, s: &str) {
    for c in s.chars() {
        key(app, KeyCode::Char(c));
    }
}

#[test]
fn login_with_code_and_pin_then_switch_panes() {
    let mut a = app();
    typ(&mut a, "L001");
    key(&mut a, KeyCode::Enter);
    typ(&mut a, "1234");
    key(&mut a, KeyCode::Enter);
    let s = a.session.as_ref().expect("logged in");
    assert_eq!(s.name, "王建国");
    assert_eq!(a.pane, PaneId::Triage);
    for (f, p) in [
        (3, PaneId::Cases),
        (4, PaneId::Calendar),
        (5, PaneId::Followups),
        (6, PaneId::Handover),
        (2, PaneId::Triage),
    ] {
        key(&mut a, KeyCode::F(f));
        assert_eq!(a.pane, p);
    }
}

#[test]
fn wrong_pin_shows_attempts_left_and_clears_pin() {
    let mut a = app();
    typ(&mut a, "L001");
    key(&mut a, KeyCode::Tab);
    typ(&mut a, "9999");
    key(&mut a, KeyCode::Enter);
    assert!(a.session.is_none());
    assert_eq!(a.login.pin.value(), "");
    assert_eq!(
        a.login.code.value(),
        "L001",
        "the code stays so only the PIN is retyped"
    );
    let text = a.login.error_text(Lang::En).unwrap();
    assert!(text.contains('2'), "{text}");
}

#[test]
fn help_opens_and_closes_and_quit_asks_only_when_unsaved() {
    let mut a = app();
    typ(&mut a, "L001");
    key(&mut a, KeyCode::Enter);
    typ(&mut a, "1234");
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::F(1));
    assert_eq!(a.overlay, Overlay::Help);
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.overlay, Overlay::None);
    // On the applicant's name `?` is text; on a choice (the channel) it is the help key.
    key(&mut a, KeyCode::Char('?'));
    assert_eq!(a.overlay, Overlay::None);
    assert_eq!(a.panes.triage.form.parties[0].name.value(), "?");
    key(&mut a, KeyCode::Backspace);
    key(&mut a, KeyCode::BackTab);
    key(&mut a, KeyCode::Char('?'));
    assert_eq!(a.overlay, Overlay::Help);
    key(&mut a, KeyCode::Char('?'));
    assert_eq!(a.overlay, Overlay::None);
    update(
        &mut a,
        Action::Key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL)),
    );
    assert!(a.quit, "nothing unsaved: quits at once");
}

/// While the "too small" message is all that shows, nothing typed reaches a field unseen,
/// nor moves focus or changes pane; Ctrl+Q still quits. Grown again, keys work as before.
#[test]
fn while_the_window_is_too_small_keys_are_ignored_but_quit() {
    let mut a = app();
    update(&mut a, Action::Resize(120, 40));
    typ(&mut a, "L001");
    key(&mut a, KeyCode::Enter);
    typ(&mut a, "1234");
    key(&mut a, KeyCode::Enter);
    let name = |a: &App| a.panes.triage.form.parties[0].name.value().to_string();
    let focus = a.panes.triage.form.focus;
    update(&mut a, Action::Resize(50, 12));
    assert!(a.too_small());
    typ(&mut a, "王");
    update(&mut a, Action::Paste("秀英".into()));
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::F(3));
    key(&mut a, KeyCode::F(1));
    key(&mut a, KeyCode::F(9));
    assert_eq!(name(&a), "");
    assert_eq!(a.panes.triage.form.focus, focus);
    assert_eq!(a.pane, PaneId::Triage);
    assert_eq!((a.overlay, a.lang), (Overlay::None, Lang::Zh));
    update(&mut a, Action::Resize(80, 24));
    typ(&mut a, "王");
    assert_eq!(name(&a), "王");
    update(&mut a, Action::Resize(80, 10));
    update(
        &mut a,
        Action::Key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL)),
    );
    assert!(a.quit, "quits without a question nobody could see");
}

#[test]
fn f9_switches_language_everywhere() {
    let mut a = app();
    key(&mut a, KeyCode::F(9));
    assert_eq!(a.lang, Lang::En);
    key(&mut a, KeyCode::F(9));
    assert_eq!(a.lang, Lang::Zh);
}

#[test]
fn key_releases_are_ignored() {
    let mut a = app();
    let mut k = KeyEvent::new(KeyCode::Char('L'), KeyModifiers::NONE);
    k.kind = KeyEventKind::Release;
    update(&mut a, Action::Key(k));
    assert_eq!(a.login.code.value(), "");
}

/// On a file database the desk's saves never checkpoint (that cost the slowest saves); the
/// background worker does, with each counts refresh. The main file changes only then.
#[test]
fn file_store_saves_leave_checkpoints_to_the_worker() {
    use crate::domain::risk::ResponseHours;
    use crate::store::{NewCase, NewParty};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desk.db");
    let mut store = Store::create(&path).unwrap();
    let lead = crate::store::Actor {
        staff_id: store.add_staff(None, &lead(), now()).unwrap(),
        role: Role::Lead,
    };
    store.checkpoint().unwrap();
    let mut app = App::new(store, Config::default(), Lang::Zh, now());
    let size = || std::fs::metadata(&path).unwrap().len();
    let before = size();
    for i in 0..60 {
        let applicant = NewParty::named("张伟", Some("13812345678"));
        let c = NewCase::walk_in(now(), "neighbour", &format!("漏水 {i}"), applicant);
        app.store
            .create_case(lead, &c, &ResponseHours::default())
            .unwrap();
    }
    assert_eq!(
        size(),
        before,
        "60 saves (thousands of WAL pages) and no checkpoint"
    );
    app.refresh_counts();
    let start = std::time::Instant::now();
    while size() == before {
        assert!(
            start.elapsed().as_secs() < 10,
            "the worker never checkpointed"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
        update(&mut app, Action::Tick(now()));
    }
    assert_eq!(app.counts.red + app.counts.orange, 0);
}

/// A visitor registered at another desk is found by this desk's fuzzy name look-up within a
/// counts refresh (15 s, or after a save here), without restarting.
#[test]
fn another_desks_new_parties_reach_this_desks_name_index() {
    use crate::domain::risk::ResponseHours;
    use crate::store::{NewCase, NewParty};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desks.db");
    let mut store = Store::create(&path).unwrap();
    let lead = crate::store::Actor {
        staff_id: store.add_staff(None, &lead(), now()).unwrap(),
        role: Role::Lead,
    };
    let mut a = App::new(store, Config::default(), Lang::Zh, now());
    let start = std::time::Instant::now();
    while a.names.get().is_none() {
        assert!(start.elapsed().as_secs() < 10, "index never loaded");
        std::thread::sleep(std::time::Duration::from_millis(2));
        a.names.poll();
    }
    let mut other_desk = Store::open(&path).unwrap();
    let c = NewCase::walk_in(now(), "neighbour", "漏水", NewParty::named("覃小梅", None));
    other_desk
        .create_case(lead, &c, &ResponseHours::default())
        .unwrap();
    let found = |a: &App| {
        a.names
            .get()
            .is_some_and(|i| !i.search("qxm", 5).is_empty())
    };
    assert!(!found(&a), "not before a refresh");
    a.refresh_counts();
    a.settle(std::time::Duration::from_secs(10));
    assert!(
        found(&a),
        "the other desk's visitor is in this desk's index"
    );
    // Read once: the next refresh asks only for what came after.
    assert_eq!(
        a.names.catch_up_from(),
        Some(a.store.parties_after(0, 10).unwrap().parties[0].0)
    );
}
