//! Snapshots of the case detail after a lead merged a duplicate case into it and built a
//! dedicated team (一案一专班), both languages, two sizes, fixed date.
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
fn detail_with_merge_and_team() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut app = cases_as("L001", lang);
        typ(&mut app, "A");
        let no = app.panes.cases.list.rows[1].case_no.clone();
        press(&mut app, KeyCode::Enter);
        typ(&mut app, "M");
        typ(&mut app, &no);
        press(&mut app, KeyCode::Enter);
        typ(&mut app, "y");
        typ(&mut app, "TM001 M003");
        press(&mut app, KeyCode::Enter);
        typ(&mut app, "分户走访后联合调解");
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.panes.cases.merges.merges.len(), 1);
        assert!(app.panes.cases.team.is_some());
        // Scroll to the team and merge sections (above the timeline).
        let d = app.panes.cases.detail.as_ref().unwrap();
        let skip = 6 + d.parties.len() + d.sessions.len() + d.followups.len();
        for _ in 0..skip {
            typ(&mut app, "j");
        }
        both_sizes(&format!("merge_team_{tag}"), &app);
    }
}
