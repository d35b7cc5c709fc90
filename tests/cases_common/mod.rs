//! Shared by the Cases pane snapshot tests: a demo store at a fixed date, keys, and a text
//! rendering that asserts no wide glyph is cut.
#![allow(dead_code)] // each test binary uses part of this
use chrono::{NaiveDate, NaiveDateTime};
use onedoor::app::{Action, App, Session, update};
use onedoor::config::Config;
use onedoor::demo::{DemoOptions, generate};
use onedoor::i18n::Lang;
use onedoor::store::{Actor, Store};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap()
}

pub fn app_as(code: &str, lang: Lang) -> App {
    app_with(code, lang, |_| {})
}

/// The same demo store, with `more` added to it before the app opens.
pub fn app_with(code: &str, lang: Lang, more: impl FnOnce(&mut Store)) -> App {
    let mut store = Store::open_in_memory().unwrap();
    let opts = DemoOptions {
        cases: 300,
        seed: 3,
        today: now().date(),
    };
    generate(&mut store, &opts, "1234").unwrap();
    more(&mut store);
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

pub fn keys(app: &mut App, s: &str) {
    for c in s.chars() {
        update(
            app,
            Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        );
    }
}

pub fn key(app: &mut App, code: KeyCode) {
    update(app, Action::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// The screen as text: a wide glyph's second cell is skipped, and must be blank (a glyph
/// drawn over it would be a cut-in-half character on a real terminal).
pub fn render(app: &App, w: u16, h: u16) -> String {
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
