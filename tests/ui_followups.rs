//! Snapshots of the follow-up pane (回访) in both languages, 80×24 and 120×40, at a fixed date.
mod common;
use common::app::*;
use onedoor::app::App;
use onedoor::i18n::Lang;
use ratatui::crossterm::event::KeyCode;

fn followups_as(code: &str, lang: Lang) -> App {
    let mut app = demo(300).app_as(code, lang);
    press(&mut app, KeyCode::F(5));
    app
}

/// Every row of the screen is exactly as wide as the terminal and no wide glyph is cut:
/// no half characters, nothing pushed past the edge (`rows` asserts both).
fn assert_aligned(app: &App, w: u16, h: u16) {
    rows(app, w, h);
}

#[test]
fn work_list_for_a_lead_and_a_mediator() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        for who in ["L001", "M001"] {
            let app = followups_as(who, lang);
            assert!(
                !app.panes.followups.rows.is_empty(),
                "demo data has follow-ups for {who}"
            );
            for (w, h) in [(80, 24), (120, 40)] {
                assert_aligned(&app, w, h);
                insta::assert_snapshot!(
                    format!("followups_{}_{tag}_{w}x{h}", who.to_lowercase()),
                    render(&app, w, h).backend()
                );
            }
        }
    }
}

#[test]
fn mediator_sees_only_own_rows_and_own_numbers_whole() {
    let app = followups_as("M001", Lang::Zh);
    let me = app.session.as_ref().unwrap().actor.staff_id;
    for r in &app.panes.followups.rows {
        assert_eq!(r.owner_id, Some(me));
    }
    let lead = followups_as("L001", Lang::Zh);
    assert!(lead.panes.followups.rows.len() > app.panes.followups.rows.len());
    // The calibrated demo keeps about 5 % of follow-ups overdue: enough cases to have some.
    let mut lead = demo(1500).app_as("L001", Lang::Zh);
    press(&mut lead, KeyCode::F(5));
    // Overdue rows come first and say how many days late.
    let rows = &lead.panes.followups.rows;
    let today = fixed_now().date();
    let overdue = rows.iter().take_while(|r| r.due_on < today).count();
    assert!(overdue > 0, "the demo keeps a few follow-ups overdue");
    assert!(rows[overdue..].iter().all(|r| r.due_on >= today));
    let first = &rows[0];
    let screen = format!("{}", render(&lead, 120, 40).backend());
    let days = (fixed_now().date() - first.due_on).num_days();
    assert!(screen.contains(&format!("逾期{days}天")), "{screen}");
}

#[test]
fn record_form_and_filter_popups() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut app = followups_as("L001", lang);
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Tab);
        typ(&mut app, "申请人本人");
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Right);
        press(&mut app, KeyCode::Right);
        for (w, h) in [(80, 24), (120, 40)] {
            assert_aligned(&app, w, h);
            insta::assert_snapshot!(
                format!("followups_record_{tag}_{w}x{h}"),
                render(&app, w, h).backend()
            );
        }
        press(&mut app, KeyCode::Esc);
        typ(&mut app, "/");
        assert_aligned(&app, 80, 24);
        insta::assert_snapshot!(
            format!("followups_filter_{tag}_80x24"),
            render(&app, 80, 24).backend()
        );
    }
}

#[test]
fn the_list_scrolls_only_when_the_cursor_leaves_it() {
    let mut app = followups_as("L001", Lang::Zh);
    assert!(app.panes.followups.rows.len() > 20);
    for _ in 0..20 {
        press(&mut app, KeyCode::Down);
        render(&app, 80, 24);
    }
    let top = app.panes.followups.scroll.get();
    assert!(top > 0, "scrolled to keep row 20 in view");
    press(&mut app, KeyCode::Up);
    render(&app, 80, 24);
    assert_eq!(
        app.panes.followups.scroll.get(),
        top,
        "moving up inside the view does not scroll"
    );
    press(&mut app, KeyCode::Home);
    render(&app, 80, 24);
    assert_eq!(app.panes.followups.scroll.get(), 0);
    let selected = &app.panes.followups.rows[0].case_no;
    assert!(format!("{}", render(&app, 80, 24).backend()).contains(selected.as_str()));
}

#[test]
fn add_and_move_popups() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut app = followups_as("L001", lang);
        let case_no = app.panes.followups.rows[0].case_no.clone();
        typ(&mut app, "a");
        typ(&mut app, &case_no);
        press(&mut app, KeyCode::Enter);
        typ(&mut app, "当事人要求再次回访");
        assert_aligned(&app, 80, 24);
        insta::assert_snapshot!(
            format!("followups_add_{tag}_80x24"),
            render(&app, 80, 24).backend()
        );
        press(&mut app, KeyCode::Esc);
        typ(&mut app, "m");
        assert_aligned(&app, 80, 24);
        insta::assert_snapshot!(
            format!("followups_move_{tag}_80x24"),
            render(&app, 80, 24).backend()
        );
    }
}
