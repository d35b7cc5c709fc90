//! State tests of the panes in a county (`store::centres::fixture`: MAIN 1, T1 2 and T2 3, V1 4
//! and V2 5 under T1, V3 6 under T2): the hand-over views, handing up and down from the
//! detail, signing for and returning a case, read-only elsewhere; one centre shows none of it.
use super::handovers::HandoverView;
use super::tests::{app_with, key, typ};
use super::{ListKind, Screen};
use crate::app::panes::PaneId;
use crate::app::{Action, App, Session, update};
use crate::config::Config;
use crate::domain::case_filter::Chip;
use crate::domain::risk::ResponseHours;
use crate::domain::transfer::{ReturnCode, Standing, TransferState};
use crate::i18n::Lang;
use crate::store::centres::fixture::{County, at, county, walk_in};
use crate::store::{Actor, Store};
use chrono::Duration;
use ratatui::crossterm::event::KeyCode;

const T1: i64 = 2;
const V1: i64 = 4;

/// Logs `a` in as `who` at the same desk, the panes as a new app's (the app reads as that
/// person from then on).
fn login(a: &mut App, who: Actor, code: &str) {
    a.panes = Default::default();
    a.start_session(Session {
        actor: who,
        code: code.into(),
        name: code.into(),
    });
    a.goto(PaneId::Cases);
}

/// A case registered at V1 by its desk and given to its mediator, who used the village's
/// three attempts; the app, logged in as `who`, on the cases pane.
fn county_app(who: fn(&County) -> (Actor, &'static str)) -> (App, i64, County) {
    let mut c = county();
    let h = ResponseHours::default();
    let s = &mut c.store;
    let id = s
        .create_case(c.v1_desk, &walk_in(at(9, 0), "张伟", "13800000001"), &h)
        .unwrap()
        .id;
    let m = c.v1_mediator;
    s.assign_case(c.v1_desk, id, m.staff_id, "", at(9, 5))
        .unwrap();
    for n in 0..3 {
        s.record_attempt(m, id, "调解未果", at(9, 10 + n)).unwrap();
    }
    let (actor, code) = who(&c);
    let store = std::mem::replace(&mut c.store, Store::open_in_memory().unwrap());
    let mut a = App::new(store, Config::default(), Lang::Zh, at(10, 0));
    login(&mut a, actor, code);
    (a, id, c)
}

fn flash(a: &App) -> String {
    a.flash.as_ref().map(|f| f.text.clone()).unwrap_or_default()
}

fn open(a: &mut App, id: i64) {
    a.with_ctx(|panes, _, ctx| panes.cases.open_case(id, ctx));
    assert_eq!(a.panes.cases.screen, Screen::Detail, "{}", flash(a));
}

#[test]
fn a_village_hands_up_the_township_signs_from_its_intake_and_the_village_reads_it_only() {
    let (mut a, id, c) = county_app(|c| (c.v1_desk, "VD1"));
    open(&mut a, id);
    assert_eq!(a.panes.cases.standing, Standing::Works);
    // The attempts are used up: `e` asks a reason (none needed) and hands up to T1.
    key(&mut a, KeyCode::Char('e'));
    key(&mut a, KeyCode::Enter);
    assert!(flash(&a).contains("东林镇综治中心"), "{}", flash(&a));
    let p = a.panes.cases.passage.clone().unwrap();
    assert_eq!(p.transfers[0].state, TransferState::Pending);
    assert_eq!(a.panes.cases.standing, Standing::Works);
    // What the village handed up, pending.
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Char('h'));
    let up = &a.panes.cases.handovers.rows;
    assert_eq!(up.len(), 1);
    assert_eq!(up[0].0.line.case_id, id);

    // The township's desk: the status bar counts it, its intake lists it.
    login(&mut a, c.t1_desk, "TD1");
    assert_eq!(a.counts.awaiting, 1);
    key(&mut a, KeyCode::Char('i'));
    assert_eq!(
        a.panes.cases.kind,
        ListKind::Handovers(HandoverView::Awaiting)
    );
    assert_eq!(a.panes.cases.handovers.rows.len(), 1);
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.panes.cases.standing, Standing::ToAnswer);
    // Nothing else is done to it before it is signed for.
    key(&mut a, KeyCode::Char('n'));
    assert!(!a.panes.cases.popups.is_open());
    assert!(flash(&a).contains("签收"), "{}", flash(&a));
    typ(&mut a, "sy");
    assert_eq!(a.panes.cases.standing, Standing::Works, "{}", flash(&a));
    let p = a.panes.cases.passage.clone().unwrap();
    let stages: Vec<(i64, u32)> = p.stages.iter().map(|s| (s.centre, s.attempts)).collect();
    assert_eq!(stages, [(V1, 3), (T1, 0)]);
    assert_eq!(a.panes.cases.detail.as_ref().unwrap().row.centre_id, T1);
    key(&mut a, KeyCode::Esc);
    assert!(a.panes.cases.handovers.rows.is_empty());

    // The village reads it, its new place said, and changes nothing.
    login(&mut a, c.v1_desk, "VD1");
    key(&mut a, KeyCode::Char('h'));
    assert_eq!(
        a.panes.cases.handovers.rows[0].0.line.state,
        TransferState::Signed
    );
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.panes.cases.standing, Standing::ReadOnly);
    key(&mut a, KeyCode::Char('n'));
    assert!(!a.panes.cases.popups.is_open());
    assert!(flash(&a).contains("只读"), "{}", flash(&a));
    let help: Vec<&str> = a
        .panes
        .get(PaneId::Cases)
        .help()
        .iter()
        .map(|h| h.keys)
        .collect();
    assert_eq!(help, ["Esc", "j/k", "v"]);
}

#[test]
fn a_return_asks_a_coded_reason_and_a_note_and_leaves_the_intake() {
    let (mut a, id, c) = county_app(|c| (c.v1_desk, "VD1"));
    open(&mut a, id);
    typ(&mut a, "e");
    typ(&mut a, "请镇里协调");
    key(&mut a, KeyCode::Enter);
    login(&mut a, c.t1_desk, "TD1");
    typ(&mut a, "i");
    key(&mut a, KeyCode::Enter);
    // Up: two coded reasons and "other"; the first, then a note.
    typ(&mut a, "r");
    typ(&mut a, "1");
    assert!(a.panes.cases.popups.is_open(), "a note is asked for");
    typ(&mut a, "请再组织一次调解");
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.panes.cases.screen, Screen::List, "{}", flash(&a));
    assert!(a.panes.cases.handovers.rows.is_empty());
    let p = a.store.transfers_of(id);
    assert!(p.is_err(), "the township no longer reads it");
    a.store.view_as(c.v1_desk).unwrap();
    let t = &a.store.transfers_of(id).unwrap().transfers[0];
    assert_eq!(
        (t.state, t.return_code, t.return_note.as_str()),
        (
            TransferState::Returned,
            Some(ReturnCode::NotExhausted),
            "请再组织一次调解"
        )
    );
}

#[test]
fn a_township_lead_hands_down_with_a_deadline_and_narrows_the_list_to_a_centre() {
    let (mut a, _, c) = county_app(|c| (c.t1_lead, "TL1"));
    let h = ResponseHours::default();
    let ours = a
        .store
        .create_case(c.t1_desk, &walk_in(at(9, 30), "李娜", "13800000002"), &h)
        .unwrap()
        .id;
    // A lead above village level: a centre column, and a centre chip among the filters (the
    // tenth: 0), offering T1 and the villages below it.
    assert!(a.panes.cases.centre_column);
    typ(&mut a, "f0");
    let super::popup::Body::Pick(p) = &a.panes.cases.popups.top().unwrap().body else {
        panic!("a pick list of centres");
    };
    let names: Vec<&str> = p.options.iter().map(|o| o.0.as_str()).collect();
    assert_eq!(
        names,
        ["东林镇综治中心", "东林镇一村调解室", "东林镇二村调解室"]
    );
    typ(&mut a, "2");
    assert_eq!(
        a.panes.cases.list.filter.chips.last(),
        Some(&Chip::Centre(V1))
    );
    assert!(a.panes.cases.list.rows.iter().all(|r| r.centre_id == V1));
    assert_eq!(a.panes.cases.list.rows.len(), 1);
    // Down to V2, with instructions; a deadline outside 1–13 is asked again.
    open(&mut a, ours);
    typ(&mut a, "d2");
    typ(&mut a, "属地调处");
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Backspace);
    typ(&mut a, "30");
    key(&mut a, KeyCode::Enter);
    assert!(a.panes.cases.popups.is_open(), "asked again: {}", flash(&a));
    for _ in 0..2 {
        key(&mut a, KeyCode::Backspace);
    }
    typ(&mut a, "1");
    key(&mut a, KeyCode::Enter);
    assert!(!a.panes.cases.popups.is_open(), "{}", flash(&a));
    key(&mut a, KeyCode::Esc);
    typ(&mut a, "d");
    let rows = &a.panes.cases.handovers.rows;
    assert_eq!(
        (rows.len(), rows[0].0.line.to_centre, rows[0].1),
        (1, 5, false)
    );
    // Two working days later it is overdue, flagged.
    update(&mut a, Action::Tick(at(10, 0) + Duration::days(2)));
    typ(&mut a, "d");
    assert!(a.panes.cases.handovers.rows[0].1);
}

#[test]
fn one_centre_shows_no_hand_over_views_keys_or_help() {
    let mut a = app_with("L001", 60, 3);
    a.goto(PaneId::Cases);
    let before = a.panes.cases.kind.clone();
    typ(&mut a, "ihd");
    assert_eq!(a.panes.cases.kind, before);
    assert!(!a.panes.cases.centre_column);
    let help = a.panes.get(PaneId::Cases).help();
    assert!(help.iter().all(|h| !h.what.starts_with("help.xfer")));
    assert_eq!(a.counts.awaiting, 0);
}
