//! Shared test helpers: an app on a demo store at a fixed date, rendered to a `TestBackend`.

use chrono::{NaiveDate, NaiveDateTime};
use onedoor::app::{App, Session};
use onedoor::config::Config;
use onedoor::i18n::Lang;
use onedoor::store::{Actor, Store};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Snapshots never read the real clock.
pub fn fixed_now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(10, 30, 0)
        .unwrap()
}

/// An in-memory store with `cases` demo cases laid out around the fixed date.
pub fn demo_store(cases: u32) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let opts = onedoor::demo::DemoOptions {
        cases,
        seed: 7,
        today: fixed_now().date(),
    };
    onedoor::demo::generate(&mut store, &opts, "1234").unwrap();
    store
}

/// An app logged in as `code` (no PIN), colours off so snapshots show text only.
pub fn app_as(store: Store, code: &str, lang: Lang) -> App {
    let m = store.staff_by_code(code).unwrap().expect("demo staff");
    let mut app = App::new(store, Config::default(), lang, fixed_now());
    app.no_color = true;
    app.start_session(Session {
        actor: Actor {
            staff_id: m.id,
            role: m.role,
        },
        code: m.code,
        name: m.name,
    });
    app
}

pub fn render(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(width, height)).unwrap();
    t.draw(|f| onedoor::ui::draw(f, app)).unwrap();
    t
}
