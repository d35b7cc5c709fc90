//! Snapshots of the case detail after a lead merged a duplicate case into it and built a
//! dedicated team (一案一专班), both languages, two sizes, fixed date.
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
fn detail_with_merge_and_team() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut app = app_as("L001", lang);
        keys(&mut app, "A");
        let no = app.panes.cases.list.rows[1].case_no.clone();
        key(&mut app, KeyCode::Enter);
        keys(&mut app, "M");
        keys(&mut app, &no);
        key(&mut app, KeyCode::Enter);
        keys(&mut app, "y");
        keys(&mut app, "TM001 M003");
        key(&mut app, KeyCode::Enter);
        keys(&mut app, "分户走访后联合调解");
        key(&mut app, KeyCode::Enter);
        assert_eq!(app.panes.cases.merges.merges.len(), 1);
        assert!(app.panes.cases.team.is_some());
        // Scroll to the team and merge sections (above the timeline).
        let d = app.panes.cases.detail.as_ref().unwrap();
        let skip = 6 + d.parties.len() + d.sessions.len() + d.followups.len();
        for _ in 0..skip {
            key(&mut app, KeyCode::Char('j'));
        }
        both_sizes(&format!("merge_team_{tag}"), &app);
    }
}
