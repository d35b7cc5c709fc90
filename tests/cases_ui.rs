//! Snapshots of the Cases pane (list, queue, search, detail) in both languages and two sizes,
//! on a deterministic demo database at a fixed date.
mod common;
use common::app::*;
use onedoor::app::App;
use onedoor::i18n::Lang;
use ratatui::crossterm::event::KeyCode;

fn both_sizes(name: &str, app: &App) {
    insta::assert_snapshot!(format!("{name}_80x24"), screen(app, 80, 24));
    insta::assert_snapshot!(format!("{name}_120x40"), screen(app, 120, 40));
}

#[test]
fn queue_of_a_mediator() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let app = cases_as("M001", lang);
        both_sizes(&format!("queue_{tag}"), &app);
    }
}

#[test]
fn all_cases_list_with_chips() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut app = cases_as("L001", lang);
        typ(&mut app, "f21"); // colour: red
        both_sizes(&format!("list_{tag}"), &app);
    }
}

#[test]
fn search_by_initials() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut app = cases_as("L001", lang);
        typ(&mut app, "/zw");
        both_sizes(&format!("search_{tag}"), &app);
    }
}

#[test]
fn case_detail() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut app = cases_as("M001", lang);
        press(&mut app, KeyCode::Enter);
        both_sizes(&format!("detail_{tag}"), &app);
        typ(&mut app, "t");
        insta::assert_snapshot!(format!("attempt_popup_{tag}_80x24"), screen(&app, 80, 24));
    }
}

#[test]
fn referrals_awaiting_reply() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut app = cases_as("L001", lang);
        typ(&mut app, "r");
        both_sizes(&format!("referrals_{tag}"), &app);
    }
}

/// A day past 999 cases: the list widens its number column for the longest number on screen,
/// so 2026-1124-1524 shows whole (in the list and among search results).
#[test]
fn a_four_digit_case_number_shows_whole() {
    use onedoor::store::bulk::{CaseRow, PartyRow};
    let at = cases_demo().now;
    let mut app = cases_demo().app_with("L001", Lang::En, |s| {
        s.bulk_load(|w| {
            let party = w.party(&PartyRow {
                name: "王芳",
                name_keys: "wangfang wf",
                phone: None,
                id_number: None,
                address: "",
                language: "",
                vulnerability: "",
            })?;
            let id = w.case(&CaseRow {
                case_no: "2026-1124-1524",
                received_at: at,
                channel: "walk_in",
                category: "neighbour",
                colour: 0,
                colour_flags: "violence",
                status: "registered",
                active: true,
                summary: "楼上住户持刀威胁",
                amount_yuan: None,
                people: 1,
                team: "people",
                owner_id: None,
                received_by: 1,
                first_party_id: party,
                level: "village",
                attempts: [0, 0, 0],
                visits: 1,
                deadline_at: Some(at + chrono::Duration::hours(4)),
                closed_at: None,
                centre_id: 1,
            })?;
            w.link(id, party, "applicant")
        })
        .unwrap();
    });
    press(&mut app, KeyCode::F(3));
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = screen(&app, w, h);
        assert!(screen.contains("2026-1124-1524 "), "{w}x{h}:\n{screen}");
    }
    typ(&mut app, "/1524");
    let screen = screen(&app, 80, 24);
    assert!(screen.contains("2026-1124-1524 "), "{screen}");
}
