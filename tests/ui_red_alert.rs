//! The shift lead's red alert on screen, in both languages: two lines above the pane with the
//! case number, why it is red, who made it red and when, and the key that acknowledges it.
mod common;
use common::app::*;
use onedoor::app::App;
use onedoor::app::panes::PaneId;
use onedoor::domain::risk::{ResponseHours, RiskFlag};
use onedoor::i18n::Lang;
use onedoor::store::{Actor, NewCase, NewParty, Store};
use ratatui::crossterm::event::KeyCode;

/// A red case the desk clerk D001 registered 18 minutes ago; its number.
fn red_case(s: &mut Store) -> String {
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
    s.create_case(by, &c, &ResponseHours::default())
        .unwrap()
        .case_no
}

/// The demo centre (50 cases) with that red case, the app logged in as `code` on F3.
fn centre_as(code: &str, lang: Lang) -> (App, String) {
    let mut no = String::new();
    let mut app = demo(50).app_with(code, lang, |s| no = red_case(s));
    app.goto(PaneId::Cases);
    (app, no)
}

#[test]
fn red_alert_in_both_languages() {
    for (lang, tag) in [(Lang::Zh, "zh-CN"), (Lang::En, "en")] {
        let (mut app, case_no) = centre_as("L001", lang);
        assert!(!app.alerts.is_empty());
        for (w, h) in [(80, 24), (120, 40)] {
            let t = render(&app, w, h);
            insta::assert_snapshot!(format!("red_alert_{tag}_{w}x{h}"), t.backend());
            assert!(screen(&app, w, h).contains(&case_no));
        }
        // F12 acknowledges the alert shown; the next one, if any, takes its place.
        let before = app.alerts.len();
        press(&mut app, KeyCode::F(12));
        assert_eq!(app.alerts.len(), before - 1);
        assert!(app.alerts.current().is_none_or(|a| a.case_no != case_no));
    }
}

#[test]
fn a_desk_clerk_sees_no_alert() {
    let (app, case_no) = centre_as("D001", Lang::Zh);
    assert!(app.alerts.is_empty());
    let screen = screen(&app, 120, 40);
    assert!(!screen.contains("红色预警"), "{screen}");
    assert!(
        screen.contains(&case_no),
        "the case is in the list: {screen}"
    );
}
