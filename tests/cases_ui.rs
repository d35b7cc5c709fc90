//! Snapshots of the Cases pane (list, queue, search, detail) in both languages and two sizes,
//! on a deterministic demo database at a fixed date.
mod cases_common;
use cases_common::*;
use onedoor::app::App;
use onedoor::i18n::Lang;
use ratatui::crossterm::event::KeyCode;

fn both_sizes(name: &str, app: &App) {
    insta::assert_snapshot!(format!("{name}_80x24"), render(app, 80, 24));
    insta::assert_snapshot!(format!("{name}_120x40"), render(app, 120, 40));
}

#[test]
fn queue_of_a_mediator() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let app = app_as("M001", lang);
        both_sizes(&format!("queue_{tag}"), &app);
    }
}

#[test]
fn all_cases_list_with_chips() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut app = app_as("L001", lang);
        keys(&mut app, "f21"); // colour: red
        both_sizes(&format!("list_{tag}"), &app);
    }
}

#[test]
fn search_by_initials() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut app = app_as("L001", lang);
        keys(&mut app, "/zw");
        both_sizes(&format!("search_{tag}"), &app);
    }
}

#[test]
fn case_detail() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut app = app_as("M001", lang);
        key(&mut app, KeyCode::Enter);
        both_sizes(&format!("detail_{tag}"), &app);
        keys(&mut app, "t");
        insta::assert_snapshot!(format!("attempt_popup_{tag}_80x24"), render(&app, 80, 24));
    }
}

#[test]
fn referrals_awaiting_reply() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut app = app_as("L001", lang);
        keys(&mut app, "r");
        both_sizes(&format!("referrals_{tag}"), &app);
    }
}
