//! Snapshots of the Handover pane (F6) in both languages at a fixed date: the sheet preview
//! with notes, and the statistics charts; notes typed in the pane reach the printed sheet.
mod common;
use common::app::*;
use onedoor::app::App;
use onedoor::app::panes::handover::Tab;
use onedoor::i18n::Lang;
use ratatui::crossterm::event::KeyCode;

fn handover_app(lang: Lang) -> App {
    let mut app = demo(300).app_as("L001", lang);
    press(&mut app, KeyCode::F(6));
    app
}

#[test]
fn sheet_and_statistics_in_both_languages() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut app = handover_app(lang);
        assert!(app.panes.handover.sheet.is_some());
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(
                format!("handover_sheet_{tag}_{w}x{h}"),
                render(&app, w, h).backend()
            );
        }
        press(&mut app, KeyCode::PageDown);
        insta::assert_snapshot!(
            format!("handover_sheet_scrolled_{tag}_120x40"),
            render(&app, 120, 40).backend()
        );
        press(&mut app, KeyCode::Tab);
        assert_eq!(app.panes.handover.tab, Tab::Stats);
        assert!(app.panes.handover.stats.is_some());
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(
                format!("handover_stats_{tag}_{w}x{h}"),
                render(&app, w, h).backend()
            );
        }
    }
}

#[test]
fn notes_typed_in_the_pane_are_saved_onto_the_sheet() {
    let mut app = handover_app(Lang::Zh);
    typ(&mut app, "n");
    typ(&mut app, "三号楼漏水明早回访");
    assert!(app.has_unsaved());
    let t = render(&app, 80, 24);
    insta::assert_snapshot!("handover_notes_editing_zh_80x24", t.backend());
    // The real cursor sits after the nine wide characters (IME composes there).
    let pos = t.backend().cursor_position();
    assert_eq!(pos.x, 1 + 18);
    ctrl(&mut app, 's');
    assert!(!app.has_unsaved());
    let sheet = app.panes.handover.sheet.as_ref().unwrap();
    assert_eq!(sheet.notes, "三号楼漏水明早回访");
    assert!(
        app.panes
            .handover
            .preview
            .iter()
            .any(|l| l.contains("三号楼漏水明早回访"))
    );
}

#[test]
fn tab_switches_the_view_and_s_steps_through_the_shifts_wrapping() {
    use onedoor::domain::shift::Shift;
    let mut app = handover_app(Lang::Zh);
    assert_eq!(app.panes.handover.tab, Tab::Sheet);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(
        app.panes.handover.tab,
        Tab::Sheet,
        "Shift+Tab is not a key here"
    );
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.panes.handover.tab, Tab::Stats);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.panes.handover.tab, Tab::Sheet);
    let mut seen = vec![app.panes.handover.shift];
    for _ in 0..3 {
        press(&mut app, KeyCode::Char('s'));
        seen.push(app.panes.handover.shift);
    }
    assert_eq!(seen, [Shift::Day, Shift::Am, Shift::Pm, Shift::Day]);
}
