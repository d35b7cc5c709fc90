//! State tests of the follow-up pane: keys applied to the app, no terminal.
use crate::app::panes::PaneId;
use crate::app::panes::followups::popup::Popup;
use crate::app::{Action, App, Session, update};
use crate::config::Config;
use crate::domain::channel::Channel;
use crate::domain::party::PartyRole;
use crate::domain::risk::{Colour, ResponseHours};
use crate::domain::role::Role;
use crate::domain::status::Status;
use crate::i18n::Lang;
use crate::store::{Actor, NewCase, NewParty, NewStaff, Store};
use chrono::{NaiveDate, NaiveDateTime};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap()
}

fn staff(s: &mut Store, by: Option<Actor>, code: &str, role: Role) -> Actor {
    let n = NewStaff {
        code: code.into(),
        name: format!("员工{code}"),
        role,
        languages: vec![],
        specialties: vec![],
        team: None,
        pin: "1234".into(),
        centre_id: None,
    };
    Actor {
        staff_id: s.add_staff(by, &n, now()).unwrap(),
        role,
    }
}

/// An app logged in as `who`, with one case in mediation owned by mediator M1.
fn app(who: &str) -> (App, i64, String) {
    let mut s = Store::open_in_memory().unwrap();
    let lead = staff(&mut s, None, "L1", Role::Lead);
    let m1 = staff(&mut s, Some(lead), "M1", Role::Mediator);
    staff(&mut s, Some(lead), "M2", Role::Mediator);
    let c = NewCase {
        received_at: now() - chrono::Duration::days(10),
        channel: Channel::WalkIn,
        category: "neighbour".into(),
        flags: vec![],
        colour: None,
        colour_reason: String::new(),
        red_acknowledged: false,
        summary: "楼上漏水".into(),
        description: String::new(),
        amount_yuan: None,
        people: 1,
        earlier_visits: 0,
        team: None,
        owner_id: Some(m1.staff_id),
        parties: vec![(
            PartyRole::Applicant,
            NewParty {
                name: "张伟".into(),
                phone: Some("13812345678".into()),
                ..Default::default()
            },
        )],
    };
    let created = s.create_case(lead, &c, &ResponseHours::default()).unwrap();
    s.force_status_for_tests(created.id, Status::InMediation);
    let me = s.staff_by_code(who).unwrap().unwrap();
    let mut a = App::new(s, Config::default(), Lang::Zh, now());
    a.start_session(Session {
        actor: Actor {
            staff_id: me.id,
            role: me.role,
        },
        code: me.code,
        name: me.name,
    });
    (a, created.id, created.case_no)
}

fn key(a: &mut App, code: KeyCode) {
    update(a, Action::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn typ(a: &mut App, s: &str) {
    for c in s.chars() {
        key(a, KeyCode::Char(c));
    }
}

#[test]
fn agreement_then_breach_reopens_into_the_mediators_queue() {
    let (mut a, case_id, case_no) = app("M1");
    key(&mut a, KeyCode::F(5));
    assert_eq!(a.pane, PaneId::Followups);
    assert!(a.panes.followups.rows.is_empty());
    assert!(
        a.panes
            .followups
            .owner_label
            .as_deref()
            .unwrap()
            .starts_with("M1"),
        "a mediator starts with their own"
    );
    // Record the agreement by case number.
    key(&mut a, KeyCode::Char('a'));
    typ(&mut a, &case_no);
    key(&mut a, KeyCode::Enter);
    typ(&mut a, "赔偿 3000 元，12 月底前付清");
    key(&mut a, KeyCode::Enter);
    assert!(!a.panes.followups.popups.is_open(), "{:?}", a.flash);
    let rows = &a.panes.followups.rows;
    assert_eq!(rows.len(), 1, "the 7-day follow-up is in the default list");
    assert_eq!(rows[0].case_no, case_no);
    // Open the record form: terms are shown, the draft keeps what is typed.
    key(&mut a, KeyCode::Enter);
    let Some(Popup::Record(f)) = a.panes.followups.popups.top() else {
        panic!("record form")
    };
    assert_eq!(f.terms.as_deref(), Some("赔偿 3000 元，12 月底前付清"));
    key(&mut a, KeyCode::Tab);
    typ(&mut a, "申请人");
    assert!(a.has_unsaved());
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Right);
    key(&mut a, KeyCode::Right); // fulfilled → partly → breached
    key(&mut a, KeyCode::Enter);
    assert!(!a.panes.followups.popups.is_open(), "{:?}", a.flash);
    let (status, active, owner, colour) = a.store.case_status_for_tests(case_id);
    assert_eq!(status, Status::Assigned);
    assert!(active);
    assert_eq!(owner, Some(a.session.as_ref().unwrap().actor.staff_id));
    assert_eq!(colour, Colour::Yellow);
    assert!(a.flash.as_ref().unwrap().text.contains("重新打开"));
    assert!(
        a.panes.followups.rows.is_empty(),
        "the 30-day one was cancelled"
    );
}

#[test]
fn fulfilled_last_followup_offers_close_to_a_lead_only() {
    for (who, offered) in [("L1", true), ("M1", false)] {
        let (mut a, case_id, case_no) = app(who);
        a.config.followup_days = vec![7];
        key(&mut a, KeyCode::F(5));
        key(&mut a, KeyCode::Char('a'));
        typ(&mut a, &case_no);
        key(&mut a, KeyCode::Enter);
        typ(&mut a, "道歉");
        key(&mut a, KeyCode::Enter);
        key(&mut a, KeyCode::Enter);
        key(&mut a, KeyCode::Tab);
        typ(&mut a, "双方");
        key(&mut a, KeyCode::Enter);
        let confirm = matches!(
            a.panes.followups.popups.top(),
            Some(Popup::ConfirmClose { .. })
        );
        assert_eq!(confirm, offered, "{who}");
        if offered {
            key(&mut a, KeyCode::Char('y'));
            assert_eq!(a.store.case_status_for_tests(case_id).0, Status::Closed);
        } else {
            assert!(
                a.flash.as_ref().unwrap().text.contains("带班领导"),
                "{:?}",
                a.flash
            );
            assert_eq!(a.store.case_status_for_tests(case_id).0, Status::FollowUp);
        }
    }
}

#[test]
fn another_mediator_cannot_record_and_filters_apply() {
    let (mut a, _, case_no) = app("L1");
    key(&mut a, KeyCode::F(5));
    key(&mut a, KeyCode::Char('a'));
    typ(&mut a, &case_no);
    key(&mut a, KeyCode::Enter);
    typ(&mut a, "道歉");
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.panes.followups.rows.len(), 1, "a lead sees everybody's");
    // Filter by another mediator: nothing.
    key(&mut a, KeyCode::Char('/'));
    typ(&mut a, "m2");
    key(&mut a, KeyCode::Enter);
    assert!(a.panes.followups.rows.is_empty());
    // Red only, everybody: nothing (the case is blue); then all colours again.
    key(&mut a, KeyCode::Char('/'));
    for _ in 0..2 {
        key(&mut a, KeyCode::Backspace);
    }
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Right);
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.panes.followups.filter.colour, Some(Colour::Red));
    assert!(a.panes.followups.rows.is_empty());
    // Scopes: the follow-up is 7 days ahead, so "overdue" and "today" are empty, "upcoming" not.
    a.panes.followups.filter.colour = None;
    for (tab, n) in [(1, 0), (1, 0), (1, 1), (1, 2), (1, 1)] {
        for _ in 0..tab {
            key(&mut a, KeyCode::Tab);
        }
        assert_eq!(
            a.panes.followups.rows.len(),
            n,
            "{:?}",
            a.panes.followups.filter.scope
        );
    }
}

#[test]
fn move_needs_a_reason_and_a_readable_date() {
    let (mut a, _, case_no) = app("M1");
    key(&mut a, KeyCode::F(5));
    key(&mut a, KeyCode::Char('a'));
    typ(&mut a, &case_no);
    key(&mut a, KeyCode::Enter);
    typ(&mut a, "道歉");
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Char('m'));
    for _ in 0..10 {
        key(&mut a, KeyCode::Backspace);
    }
    typ(&mut a, "+2");
    key(&mut a, KeyCode::Enter);
    assert!(a.flash.as_ref().unwrap().error, "no reason yet");
    key(&mut a, KeyCode::Tab);
    typ(&mut a, "当事人出差");
    key(&mut a, KeyCode::Enter);
    assert!(!a.panes.followups.popups.is_open());
    assert_eq!(
        a.panes.followups.rows[0].due_on,
        now().date() + chrono::Duration::days(2)
    );
}

#[test]
fn list_follows_the_clock_past_midnight() {
    let (mut a, _, case_no) = app("M1");
    key(&mut a, KeyCode::F(5));
    key(&mut a, KeyCode::Char('a'));
    typ(&mut a, &case_no);
    key(&mut a, KeyCode::Enter);
    typ(&mut a, "道歉");
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.panes.followups.counts.due_today, 0);
    // A week later the follow-up is due today, without leaving the pane.
    update(&mut a, Action::Tick(now() + chrono::Duration::days(7)));
    assert_eq!(
        a.panes.followups.today,
        Some(now().date() + chrono::Duration::days(7))
    );
    assert_eq!(a.panes.followups.counts.due_today, 1);
    assert_eq!(a.followup_counts.due_today, 1, "status bar counts follow");
}

#[test]
fn typed_result_survives_closing_the_form() {
    let (mut a, _, case_no) = app("M1");
    key(&mut a, KeyCode::F(5));
    key(&mut a, KeyCode::Char('a'));
    typ(&mut a, &case_no);
    key(&mut a, KeyCode::Enter);
    typ(&mut a, "道歉");
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Tab);
    typ(&mut a, "被申请人");
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Right);
    key(&mut a, KeyCode::Esc);
    assert!(!a.panes.followups.popups.is_open());
    key(&mut a, KeyCode::Enter);
    let Some(Popup::Record(f)) = a.panes.followups.popups.top() else {
        panic!("record form")
    };
    assert_eq!(f.reached.value(), "被申请人");
    assert_eq!(
        f.performance.value(),
        crate::domain::followup::Performance::Partly
    );
}
