//! Snapshots of the panes in a county (the county demo, `onedoor demo`), both languages, 80×24
//! and 120×40: a township's intake awaiting sign-off and a case in it; a township lead's list
//! with its centre column and what the township handed down (one overdue); the village's view
//! of a case the township signed for (read-only, with its passage); the triage form naming the
//! desk's centre; a lead's calendar of one centre.
mod common;
use common::app::*;
use common::county::{hand_overs, signed};
use onedoor::app::App;
use onedoor::i18n::Lang;
use onedoor::store::Store;
use ratatui::crossterm::event::KeyCode;

fn both_sizes(name: &str, app: &App) {
    insta::assert_snapshot!(format!("{name}_80x24"), screen(app, 80, 24));
    insta::assert_snapshot!(format!("{name}_120x40"), screen(app, 120, 40));
}

fn county() -> Demo {
    demo(300).county()
}

fn cases_as(code: &str, lang: Lang, more: impl FnOnce(&mut Store)) -> App {
    let mut app = county().app_with(code, lang, more);
    press(&mut app, KeyCode::F(3));
    app
}

#[test]
fn a_townships_intake_awaiting_sign_off_and_a_case_in_it() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut app = cases_as("DLD", lang, hand_overs);
        typ(&mut app, "i");
        both_sizes(&format!("county_awaiting_{tag}"), &app);
        press(&mut app, KeyCode::Enter);
        both_sizes(&format!("county_awaiting_detail_{tag}"), &app);
    }
}

#[test]
fn a_township_leads_list_with_centres_and_what_it_handed_down() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut app = cases_as("DLL", lang, hand_overs);
        both_sizes(&format!("county_lead_list_{tag}"), &app);
        typ(&mut app, "d");
        both_sizes(&format!("county_handed_down_{tag}"), &app);
    }
}

#[test]
fn the_village_reads_the_case_the_township_signed_for() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut app = cases_as("DL01D", lang, signed);
        typ(&mut app, "h");
        press(&mut app, KeyCode::Enter);
        both_sizes(&format!("county_read_only_{tag}"), &app);
    }
}

#[test]
fn triage_names_the_desks_centre_and_the_calendar_its_centre() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let app = county().app_as("DL01D", lang);
        both_sizes(&format!("county_triage_{tag}"), &app);
        let mut app = county().app_as("DLL", lang);
        press(&mut app, KeyCode::F(4));
        both_sizes(&format!("county_calendar_{tag}"), &app);
    }
}
