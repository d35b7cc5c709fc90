//! The app with no terminal: a demo store at a fixed time, a login, keys, and the screen drawn
//! on a `TestBackend` (as a terminal to snapshot, or as text rows checked for cut wide glyphs).

use chrono::{NaiveDate, NaiveDateTime};
use onedoor::app::{Action, App, Session, update};
use onedoor::config::Config;
use onedoor::i18n::Lang;
use onedoor::store::{Actor, Store};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use unicode_width::UnicodeWidthStr;

/// Snapshots never read the real clock: Tuesday 2026-11-24 10:30.
pub fn fixed_now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(10, 30, 0)
        .unwrap()
}

/// The demo data a test runs on and the time its app opens at: `demo(300)` is 300 cases from
/// seed 7 laid out around `fixed_now()`; `.seed(3)` and `.at(9, 30)` change one of them.
#[derive(Debug, Clone, Copy)]
pub struct Demo {
    pub cases: u32,
    pub seed: u64,
    pub now: NaiveDateTime,
    /// The county demo (a county centre, three townships, two villages each) instead of one
    /// centre.
    pub county: bool,
}

pub fn demo(cases: u32) -> Demo {
    Demo {
        cases,
        seed: 7,
        now: fixed_now(),
        county: false,
    }
}

/// What the Cases pane's snapshots (`cases_*.rs`) run on: 300 cases from seed 3, at 9:30.
pub fn cases_demo() -> Demo {
    demo(300).seed(3).at(9, 30)
}

/// Logged in as `code` on `cases_demo()`, in the Cases pane (F3).
pub fn cases_as(code: &str, lang: Lang) -> App {
    let mut app = cases_demo().app_as(code, lang);
    press(&mut app, KeyCode::F(3));
    app
}

/// An in-memory store with `cases` demo cases (seed 7) around the fixed date.
pub fn demo_store(cases: u32) -> Store {
    demo(cases).store()
}

impl Demo {
    pub fn seed(self, seed: u64) -> Demo {
        Demo { seed, ..self }
    }

    /// The county demo's centres, staff and cases (`onedoor demo`), not one centre's.
    pub fn county(self) -> Demo {
        Demo {
            county: true,
            ..self
        }
    }

    /// The same day, at `hour:min`.
    pub fn at(self, hour: u32, min: u32) -> Demo {
        let now = self.now.date().and_hms_opt(hour, min, 0).unwrap();
        Demo { now, ..self }
    }

    /// An in-memory store holding the demo data (PINs "1234").
    pub fn store(&self) -> Store {
        self.fill(Store::open_in_memory().unwrap())
    }

    /// A new database file at `path` holding the demo data, for tests that need a file (other
    /// processes, a second connection).
    pub fn create(&self, path: &Path) -> Store {
        self.fill(Store::create(path).unwrap())
    }

    fn fill(&self, mut store: Store) -> Store {
        let opts = onedoor::demo::DemoOptions {
            cases: self.cases,
            seed: self.seed,
            now: self.now,
        };
        if self.county {
            onedoor::demo::generate_county(&mut store, &opts, "1234").unwrap();
        } else {
            onedoor::demo::generate(&mut store, &opts, "1234").unwrap();
        }
        store
    }

    /// The app at its login screen, colours off so snapshots show text only.
    pub fn app(&self, lang: Lang) -> App {
        self.open(self.store(), lang)
    }

    /// The app logged in as the demo's staff member `code` (no PIN).
    pub fn app_as(&self, code: &str, lang: Lang) -> App {
        self.app_with(code, lang, |_| {})
    }

    /// As `app_as`, with `more` added to the store before the app opens.
    pub fn app_with(&self, code: &str, lang: Lang, more: impl FnOnce(&mut Store)) -> App {
        let mut store = self.store();
        more(&mut store);
        let mut app = self.open(store, lang);
        login(&mut app, code);
        app
    }

    fn open(&self, store: Store, lang: Lang) -> App {
        let mut app = App::new(store, Config::default(), lang, self.now);
        app.no_color = true;
        app
    }
}

/// Logs in as `code`, a member of staff in the app's store, without a PIN.
pub fn login(app: &mut App, code: &str) {
    let m = app.store.staff_by_code(code).unwrap().expect("demo staff");
    app.start_session(Session {
        actor: Actor {
            staff_id: m.id,
            role: m.role,
        },
        code: m.code,
        name: m.name,
    });
}

pub fn press(app: &mut App, code: KeyCode) {
    update(app, Action::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// Ctrl and a letter (Ctrl+S saves).
pub fn ctrl(app: &mut App, c: char) {
    update(
        app,
        Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    );
}

/// Types `s` a character at a time, as keys (not a paste).
pub fn typ(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// One frame drawn on a `w`×`h` test terminal: snapshot its `backend()`, or ask where the
/// cursor is.
pub fn render(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| onedoor::ui::draw(f, app)).unwrap();
    t
}

/// The screen's rows as text, a wide glyph's second cell left out. Asserts what a real
/// terminal would show broken: a glyph drawn over a wide glyph's second cell (a character cut
/// in half) and a row wider or narrower than the terminal.
pub fn rows(app: &App, w: u16, h: u16) -> Vec<String> {
    let t = render(app, w, h);
    let buf = t.backend().buffer();
    let mut out = Vec::new();
    for y in 0..h {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..w {
            let sym = buf[(x, y)].symbol();
            if skip > 0 {
                assert_eq!(sym, " ", "cell ({x},{y}) overwrites a wide glyph");
                skip -= 1;
                continue;
            }
            line.push_str(sym);
            skip = sym.width().saturating_sub(1);
        }
        assert_eq!(line.width(), usize::from(w), "row {y}: {line:?}");
        out.push(line);
    }
    out
}

/// The screen as text, one line per row, each as wide as the terminal (checked as `rows`).
pub fn screen(app: &App, w: u16, h: u16) -> String {
    rows(app, w, h).iter().map(|l| format!("{l}\n")).collect()
}

/// The screen as text with the blanks at the end of each row cut (checked as `rows`).
pub fn screen_trimmed(app: &App, w: u16, h: u16) -> String {
    rows(app, w, h)
        .iter()
        .map(|l| format!("{}\n", l.trim_end()))
        .collect()
}
