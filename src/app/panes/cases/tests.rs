//! State tests: keys fed through `app::update` on a deterministic demo database.
use crate::app::panes::PaneId;
use crate::app::panes::cases::Screen;
use crate::app::{Action, App, Session, update};
use crate::config::Config;
use crate::demo::{DemoOptions, generate};
use crate::domain::case_filter::Chip;
use crate::domain::risk::Colour;
use crate::domain::status::Status;
use crate::i18n::Lang;
use crate::store::{Actor, Store};
use chrono::{NaiveDate, NaiveDateTime};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub(super) fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap()
}

fn app_as(code: &str) -> App {
    // A month and a half of a busy desk: enough open cases for every mediator.
    app_with(code, 1200, 3)
}

/// An app on an in-memory demo store of `cases` cases, logged in as `code` (no PIN).
pub(super) fn app_with(code: &str, cases: u32, seed: u64) -> App {
    let mut store = Store::open_in_memory().unwrap();
    let opts = DemoOptions {
        cases,
        seed,
        now: now(),
    };
    generate(&mut store, &opts, "1234").unwrap();
    let m = store.staff_by_code(code).unwrap().unwrap();
    let mut app = App::new(store, Config::default(), Lang::Zh, now());
    app.start_session(Session {
        actor: Actor {
            staff_id: m.id,
            role: m.role,
        },
        code: m.code,
        name: m.name,
    });
    app
}

pub(super) fn key(app: &mut App, code: KeyCode) {
    update(app, Action::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

pub(super) fn typ(app: &mut App, s: &str) {
    for c in s.chars() {
        key(app, KeyCode::Char(c));
    }
}

#[test]
fn mediator_lands_on_own_queue_by_urgency_and_pages_to_the_end() {
    let mut a = app_as("M001");
    assert_eq!(a.pane, PaneId::Cases);
    let me = a.session.as_ref().unwrap().actor.staff_id;
    let st = &a.panes.cases;
    assert!(!st.list.rows.is_empty());
    assert!(
        st.list
            .rows
            .iter()
            .all(|r| r.owner_id == Some(me) && r.active)
    );
    let colours: Vec<Colour> = st.list.rows.iter().map(|r| r.colour).collect();
    assert!(
        colours.windows(2).all(|w| w[0] <= w[1]),
        "urgency order: {colours:?}"
    );
    let n = a.panes.cases.list.count.unwrap();
    assert_eq!(n as usize, a.panes.cases.list.rows.len());
    key(&mut a, KeyCode::Char('G'));
    assert_eq!(a.panes.cases.list.sel, n as usize - 1);
    key(&mut a, KeyCode::Char('g'));
    assert_eq!(a.panes.cases.list.sel, 0);
    key(&mut a, KeyCode::Char('j'));
    assert_eq!(a.panes.cases.list.sel, 1.min(n as usize - 1));
}

#[test]
fn lead_pages_all_cases_smoothly_across_windows() {
    let mut a = app_with("L001", 300, 3);
    key(&mut a, KeyCode::F(3));
    key(&mut a, KeyCode::Char('A'));
    let total = a.panes.cases.list.count.unwrap() as usize;
    assert_eq!(total, 300);
    let mut seen = vec![a.panes.cases.list.selected().unwrap().id];
    for _ in 1..total {
        key(&mut a, KeyCode::Down);
        seen.push(a.panes.cases.list.selected().unwrap().id);
    }
    seen.dedup();
    assert_eq!(
        seen.len(),
        total,
        "every case once, in order, across page fetches"
    );
    for _ in 1..total {
        key(&mut a, KeyCode::Up);
    }
    assert_eq!(a.panes.cases.list.selected().unwrap().id, seen[0]);
}

#[test]
fn filter_chips_add_and_clear_one_by_one() {
    let mut a = app_as("L001");
    key(&mut a, KeyCode::F(3));
    key(&mut a, KeyCode::Char('f'));
    typ(&mut a, "2"); // colour
    typ(&mut a, "1"); // red
    assert_eq!(
        a.panes.cases.list.filter.chips,
        vec![Chip::Open, Chip::Colour(Colour::Red)]
    );
    assert!(
        a.panes
            .cases
            .list
            .rows
            .iter()
            .all(|r| r.colour == Colour::Red && r.active)
    );
    key(&mut a, KeyCode::Backspace);
    assert_eq!(a.panes.cases.list.filter.chips, vec![Chip::Open]);
    // A chip with no value to pick (overdue) applies at once and leaves no popup open.
    key(&mut a, KeyCode::Char('f'));
    typ(&mut a, "8");
    assert!(!a.panes.cases.popups.is_open());
    assert_eq!(
        a.panes.cases.list.filter.chips,
        vec![Chip::Open, Chip::Overdue]
    );
    key(&mut a, KeyCode::Backspace);
    key(&mut a, KeyCode::Backspace);
    assert!(a.panes.cases.list.filter.chips.is_empty());
}

/// The search box takes the readline keys of the shared text field, and Esc clears what was
/// typed (the list of hits goes back to the empty query's) before a second Esc leaves.
#[test]
fn the_search_box_takes_readline_keys_and_esc_clears_before_leaving() {
    let mut a = app_as("M001");
    let ctrl = |a: &mut App, c: char| {
        update(
            a,
            Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
        )
    };
    let value = |a: &App| a.panes.cases.search.field.value().to_string();
    key(&mut a, KeyCode::Char('/'));
    let empty_hits = a.panes.cases.search.hits.len();
    typ(&mut a, "张伟 1124-007");
    update(
        &mut a,
        Action::Key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::ALT)),
    );
    assert_eq!(value(&a), "张伟 1124-");
    ctrl(&mut a, 'w');
    assert_eq!(value(&a), "张伟 ");
    ctrl(&mut a, 'a');
    typ(&mut a, "老");
    ctrl(&mut a, 'e');
    typ(&mut a, "漏水");
    assert_eq!(value(&a), "老张伟 漏水");
    ctrl(&mut a, 'u');
    assert_eq!(value(&a), "");
    typ(&mut a, "漏水");
    key(&mut a, KeyCode::Esc);
    let s = &a.panes.cases.search;
    assert!(s.active, "the first Esc only clears");
    assert_eq!((s.field.value(), s.hits.len()), ("", empty_hits));
    key(&mut a, KeyCode::Esc);
    assert!(!a.panes.cases.search.active);
}

#[test]
fn search_attempt_escalate_agreement_end_to_end() {
    let mut a = app_as("M001");
    let first = a
        .panes
        .cases
        .list
        .rows
        .iter()
        .find(|r| r.status == Status::Assigned || r.status == Status::InMediation)
        .cloned()
        .expect("an open case");
    let keys = a.store.case_detail(first.id).unwrap();
    let party = &keys
        .parties
        .iter()
        .find(|p| p.name == first.party)
        .unwrap()
        .name;
    let initials = crate::domain::names::name_keys(party)
        .split(' ')
        .nth(1)
        .unwrap()
        .to_string();
    key(&mut a, KeyCode::Char('/'));
    typ(&mut a, &initials);
    let hits = &a.panes.cases.search.hits;
    let pos = hits
        .iter()
        .position(|h| h.row.id == first.id)
        .expect("found by initials");
    for _ in 0..pos {
        key(&mut a, KeyCode::Down);
    }
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.panes.cases.screen, Screen::Detail);
    assert_eq!(a.panes.cases.detail.as_ref().unwrap().row.id, first.id);
    // Attempts until the level is used up; escalation is then proposed.
    let mut guard = 0;
    while !a.panes.cases.popups.is_open() && guard < 4 {
        key(&mut a, KeyCode::Char('t'));
        typ(&mut a, "双方同意再谈");
        key(&mut a, KeyCode::Enter);
        guard += 1;
    }
    key(&mut a, KeyCode::Char('y'));
    let d = a.panes.cases.detail.as_ref().unwrap();
    assert_ne!(d.row.level, first.level, "escalated");
    key(&mut a, KeyCode::Char('t'));
    typ(&mut a, "镇调委调解");
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Char('o'));
    key(&mut a, KeyCode::Char('1')); // agreement
    typ(&mut a, "分期还款");
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Char('n')); // no judicial confirmation
    key(&mut a, KeyCode::Char('y')); // confirm
    let d = a.panes.cases.detail.as_ref().unwrap();
    assert_eq!(d.row.status, Status::Agreement, "{:?}", a.flash);
    let acts: Vec<&str> = d.timeline.iter().map(|t| t.action.as_str()).collect();
    assert!(acts.ends_with(&["case.outcome"]) || acts.contains(&"case.outcome"));
    assert!(acts.contains(&"case.escalate") && acts.contains(&"case.attempt"));
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.panes.cases.screen, Screen::List);
}

#[test]
fn mediator_cannot_close_and_sees_why() {
    let mut a = app_as("M001");
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Char('C'));
    key(&mut a, KeyCode::Char('y'));
    let f = a.flash.clone().unwrap();
    assert!(f.error, "{f:?}");
}

#[test]
fn extend_the_term_with_consent_from_the_detail() {
    let mut a = app_as("M001");
    let pos = a
        .panes
        .cases
        .list
        .rows
        .iter()
        .position(|r| r.status == Status::Assigned || r.status == Status::InMediation)
        .expect("an open case");
    for _ in 0..pos {
        key(&mut a, KeyCode::Down);
    }
    key(&mut a, KeyCode::Enter);
    if a.panes.cases.detail.as_ref().unwrap().row.status == Status::Assigned {
        key(&mut a, KeyCode::Char('t'));
        typ(&mut a, "首次调解");
        key(&mut a, KeyCode::Enter);
    }
    let before = a.panes.cases.detail.as_ref().unwrap().term_ends();
    // 91 days is too many: said so, and asked again with what was typed (IME digits too).
    key(&mut a, KeyCode::Char('x'));
    key(&mut a, KeyCode::Backspace);
    key(&mut a, KeyCode::Backspace);
    typ(&mut a, "９１");
    key(&mut a, KeyCode::Enter);
    assert!(a.flash.as_ref().is_some_and(|f| f.error), "{:?}", a.flash);
    let p = a.panes.cases.popups.top().expect("asked again");
    assert!(matches!(p.flow, super::flow::Flow::ExtendDays));
    match &p.body {
        super::popup::Body::Ask(q) => assert_eq!(q.field.value(), "９１"),
        _ => panic!("not a text question"),
    }
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Char('x'));
    // The days box offers 30; an empty consent is refused with the store's reason.
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter);
    assert!(a.flash.as_ref().is_some_and(|f| f.error), "{:?}", a.flash);
    key(&mut a, KeyCode::Char('x'));
    key(&mut a, KeyCode::Enter);
    typ(&mut a, "双方当面同意延长");
    key(&mut a, KeyCode::Enter);
    let d = a.panes.cases.detail.as_ref().unwrap();
    assert!(
        d.term_ends() >= before + chrono::Duration::days(30),
        "{:?}",
        a.flash
    );
    assert!(d.timeline.iter().any(|t| t.action == "case.extend"));
    assert!(!a.flash.as_ref().unwrap().error);
}

#[test]
fn a_lead_opens_an_unanswered_referral_soonest_reply_first() {
    let mut a = app_as("L001");
    let lead = a.session.as_ref().unwrap().actor;
    let open = a.store.unanswered_referrals(lead, 5).unwrap();
    assert!(!open.is_empty(), "the demo has referrals out");
    key(&mut a, KeyCode::F(3));
    key(&mut a, KeyCode::Char('r'));
    assert!(a.panes.cases.popups.is_open());
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.panes.cases.screen, Screen::Detail);
    let d = a.panes.cases.detail.as_ref().unwrap();
    assert_eq!(d.row.id, open[0].id);
    assert_eq!(d.row.status, Status::ReferredOut);
    // A mediator is refused by the store and told why.
    let mut m = app_as("M001");
    key(&mut m, KeyCode::Char('r'));
    assert!(!m.panes.cases.popups.is_open());
    assert!(m.flash.as_ref().is_some_and(|f| f.error));
}
