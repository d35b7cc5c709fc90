//! Snapshots of the login screen and the shell, in both languages, at 80×24 and 120×40.
mod common;
use common::app::*;
use onedoor::app::{App, Overlay};
use onedoor::i18n::Lang;
use ratatui::crossterm::event::KeyCode;

/// The login screen with a code entered and half a PIN typed.
fn login_app(lang: Lang) -> App {
    let mut app = demo(50).app(lang);
    typ(&mut app, "L001");
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "12");
    app
}

#[test]
fn login_screen() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let app = login_app(lang);
        for (w, h) in [(80, 24), (120, 40)] {
            let t = render(&app, w, h);
            insta::assert_snapshot!(format!("login_{tag}_{w}x{h}"), t.backend());
            // The PIN is masked; the cursor sits after it, in the PIN field.
            assert!(
                !format!("{}", t.backend()).contains("12 "),
                "PIN must be masked"
            );
        }
    }
}

#[test]
fn shell_and_help_in_both_languages() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut app = demo(300).app_as("L001", lang);
        app.goto(onedoor::app::panes::PaneId::Handover);
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(format!("shell_{tag}_{w}x{h}"), render(&app, w, h).backend());
        }
        app.overlay = Overlay::Help;
        insta::assert_snapshot!(format!("help_{tag}_80x24"), render(&app, 80, 24).backend());
    }
}

#[test]
fn status_bar_counts_come_from_the_database() {
    let app = demo(2000).app_as("L001", Lang::En);
    let counts = app.store.urgent_counts().unwrap();
    assert!(counts.red + counts.orange > 0, "demo data has urgent cases");
    let screen = format!("{}", render(&app, 120, 40).backend());
    assert!(screen.contains(&format!("Red {}", counts.red)), "{screen}");
    assert!(
        screen.contains(&format!("Orange {}", counts.orange)),
        "{screen}"
    );
}

#[test]
fn any_size_renders_without_panic() {
    let app = demo(50).app_as("L001", Lang::Zh);
    for (w, h) in [
        (1, 1),
        (2, 1),
        (10, 3),
        (59, 15),
        (60, 16),
        (79, 23),
        (200, 60),
        (300, 5),
    ] {
        render(&app, w, h);
    }
    let small = format!("{}", render(&app, 40, 10).backend());
    assert!(
        small.contains("80×24"),
        "a too-small terminal says what it needs: {small}"
    );
}

/// At 80 columns the status bar shortens the role, the year and the weekday before it drops
/// the overdue count; the colour counts and the time always stay (#16).
#[test]
fn a_narrow_status_bar_cuts_the_least_important_text_first() {
    for (lang, late, role) in [
        (Lang::Zh, "逾期", "值班长"),
        (Lang::En, "Late", "Shift lead"),
    ] {
        let app = demo(300).app_as("L001", lang);
        let wide = rows(&app, 160, 40).pop().unwrap();
        assert!(wide.contains(late) && wide.contains(role) && wide.contains("2026-11-24"));
        for w in [80, 70, 60] {
            let bar = rows(&app, w, 24).pop().unwrap();
            assert!(bar.contains(late), "{w}: overdue count cut: {bar:?}");
            assert!(
                bar.contains("10:30") && bar.contains("L001"),
                "{w}: {bar:?}"
            );
        }
        let narrow = rows(&app, 60, 24).pop().unwrap();
        assert!(
            !narrow.contains("2026-") && !narrow.contains(role),
            "the role and the year go before the overdue count: {narrow:?}"
        );
    }
}
