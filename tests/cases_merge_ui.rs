//! Snapshots of the case detail after a lead merged a duplicate case into it and built a
//! dedicated team (一案一专班), both languages, two sizes, fixed date.
use chrono::{NaiveDate, NaiveDateTime};
use onedoor::app::{Action, App, Session, update};
use onedoor::config::Config;
use onedoor::demo::{DemoOptions, generate};
use onedoor::i18n::Lang;
use onedoor::store::{Actor, Store};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap()
}

fn app_as(code: &str, lang: Lang) -> App {
    let mut store = Store::open_in_memory().unwrap();
    let opts = DemoOptions {
        cases: 300,
        seed: 3,
        today: now().date(),
    };
    generate(&mut store, &opts, "1234").unwrap();
    let m = store.staff_by_code(code).unwrap().unwrap();
    let mut app = App::new(store, Config::default(), lang, now());
    app.no_color = true;
    app.start_session(Session {
        actor: Actor {
            staff_id: m.id,
            role: m.role,
        },
        code: m.code,
        name: m.name,
    });
    update(
        &mut app,
        Action::Key(KeyEvent::new(KeyCode::F(3), KeyModifiers::NONE)),
    );
    app
}

#[allow(dead_code)]
fn keys(app: &mut App, s: &str) {
    for c in s.chars() {
        update(
            app,
            Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        );
    }
}

fn key(app: &mut App, code: KeyCode) {
    update(app, Action::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// The screen as text: a wide glyph's second cell is skipped, and must be blank (a glyph
/// drawn over it would be a cut-in-half character on a real terminal).
fn render(app: &App, w: u16, h: u16) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| onedoor::ui::draw(f, app)).unwrap();
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..h {
        let mut skip = 0;
        for x in 0..w {
            let sym = buf[(x, y)].symbol();
            if skip > 0 {
                assert_eq!(sym, " ", "cell ({x},{y}) overwrites a wide glyph");
                skip -= 1;
                continue;
            }
            out.push_str(sym);
            skip = sym.width().saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

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
