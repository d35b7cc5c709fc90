//! The shift lead's red alert on screen, in both languages: two lines above the pane with the
//! case number, why it is red, who made it red and when, and the key that acknowledges it.
mod common;
use common::*;
use onedoor::app::panes::PaneId;
use onedoor::app::{Action, update};
use onedoor::domain::risk::{ResponseHours, RiskFlag};
use onedoor::i18n::Lang;
use onedoor::store::{Actor, NewCase, NewParty, Store};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The demo centre, and a red case the desk clerk D001 registered 18 minutes ago.
fn centre_with_red_case() -> (Store, String) {
    let mut s = demo_store(50);
    let d = s.staff_by_code("D001").unwrap().unwrap();
    let by = Actor {
        staff_id: d.id,
        role: d.role,
    };
    let mut applicant = NewParty::named("李桂兰", Some("13907311234"));
    applicant.vulnerability = vec![onedoor::domain::party::Vulnerability::Elderly];
    let c = NewCase {
        flags: vec![RiskFlag::Violence, RiskFlag::ChildAtRisk],
        red_acknowledged: true,
        ..NewCase::walk_in(
            fixed_now() - chrono::Duration::minutes(18),
            "family.elder",
            "儿子长期不付赡养费，昨晚扬言动刀，孙女在场",
            applicant,
        )
    };
    let made = s.create_case(by, &c, &ResponseHours::default()).unwrap();
    (s, made.case_no)
}

fn text(app: &onedoor::app::App, w: u16, h: u16) -> String {
    format!("{}", render(app, w, h).backend())
}

#[test]
fn red_alert_in_both_languages() {
    for (lang, tag) in [(Lang::Zh, "zh-CN"), (Lang::En, "en")] {
        let (store, case_no) = centre_with_red_case();
        let mut app = app_as(store, "L001", lang);
        app.goto(PaneId::Cases);
        assert!(!app.alerts.is_empty());
        for (w, h) in [(80, 24), (120, 40)] {
            let t = render(&app, w, h);
            insta::assert_snapshot!(format!("red_alert_{tag}_{w}x{h}"), t.backend());
            assert!(text(&app, w, h).contains(&case_no));
        }
        // F12 acknowledges the alert shown; the next one, if any, takes its place.
        let before = app.alerts.len();
        update(
            &mut app,
            Action::Key(KeyEvent::new(KeyCode::F(12), KeyModifiers::NONE)),
        );
        assert_eq!(app.alerts.len(), before - 1);
        assert!(app.alerts.current().is_none_or(|a| a.case_no != case_no));
    }
}

#[test]
fn a_desk_clerk_sees_no_alert() {
    let (store, case_no) = centre_with_red_case();
    let mut app = app_as(store, "D001", Lang::Zh);
    app.goto(PaneId::Cases);
    assert!(app.alerts.is_empty());
    let screen = text(&app, 120, 40);
    assert!(!screen.contains("红色预警"), "{screen}");
    assert!(
        screen.contains(&case_no),
        "the case is in the list: {screen}"
    );
}
