//! Snapshots of the follow-up pane (回访) in both languages, 80×24 and 120×40, at a fixed date.
mod common;
use common::*;
use onedoor::app::{Action, App, update};
use onedoor::i18n::Lang;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_width::UnicodeWidthStr;

fn key(app: &mut App, code: KeyCode) {
    update(app, Action::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn followups_as(code: &str, lang: Lang) -> App {
    let mut app = app_as(demo_store(300), code, lang);
    key(&mut app, KeyCode::F(5));
    app
}

/// Every line of the rendered screen is exactly as wide as the terminal: no half characters,
/// nothing pushed past the edge.
fn assert_aligned(app: &App, w: u16, h: u16) {
    let t = render(app, w, h);
    let buf = t.backend().buffer();
    for y in 0..h {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..w {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let s = buf[(x, y)].symbol();
            skip = s.width().saturating_sub(1);
            line.push_str(s);
        }
        assert_eq!(line.width(), usize::from(w), "row {y}: {line:?}");
    }
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
    // Overdue rows come first and say how many days late.
    let first = &lead.panes.followups.rows[0];
    assert!(first.due_on < fixed_now().date());
    let screen = format!("{}", render(&lead, 120, 40).backend());
    let days = (fixed_now().date() - first.due_on).num_days();
    assert!(screen.contains(&format!("逾期{days}天")), "{screen}");
}

#[test]
fn record_form_and_filter_popups() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut app = followups_as("L001", lang);
        key(&mut app, KeyCode::Enter);
        key(&mut app, KeyCode::Tab);
        for c in "申请人本人".chars() {
            key(&mut app, KeyCode::Char(c));
        }
        key(&mut app, KeyCode::Tab);
        key(&mut app, KeyCode::Right);
        key(&mut app, KeyCode::Right);
        for (w, h) in [(80, 24), (120, 40)] {
            assert_aligned(&app, w, h);
            insta::assert_snapshot!(
                format!("followups_record_{tag}_{w}x{h}"),
                render(&app, w, h).backend()
            );
        }
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Char('/'));
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
        key(&mut app, KeyCode::Down);
        render(&app, 80, 24);
    }
    let top = app.panes.followups.scroll.get();
    assert!(top > 0, "scrolled to keep row 20 in view");
    key(&mut app, KeyCode::Up);
    render(&app, 80, 24);
    assert_eq!(
        app.panes.followups.scroll.get(),
        top,
        "moving up inside the view does not scroll"
    );
    key(&mut app, KeyCode::Home);
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
        key(&mut app, KeyCode::Char('a'));
        for c in case_no.chars() {
            key(&mut app, KeyCode::Char(c));
        }
        key(&mut app, KeyCode::Enter);
        for c in "当事人要求再次回访".chars() {
            key(&mut app, KeyCode::Char(c));
        }
        assert_aligned(&app, 80, 24);
        insta::assert_snapshot!(
            format!("followups_add_{tag}_80x24"),
            render(&app, 80, 24).backend()
        );
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Char('m'));
        assert_aligned(&app, 80, 24);
        insta::assert_snapshot!(
            format!("followups_move_{tag}_80x24"),
            render(&app, 80, 24).backend()
        );
    }
}
