//! Snapshots of the calendar's day and week views, both languages, 80×24 and 160×50, on demo
//! data at a fixed date (Tuesday 2026-11-24 10:20).
use chrono::NaiveDate;
use onedoor::app::panes::PaneId;
use onedoor::app::{Action, App, Session, update};
use onedoor::config::Config;
use onedoor::domain::role::Role;
use onedoor::i18n::Lang;
use onedoor::store::{Actor, Store};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_width::UnicodeWidthStr;

fn app(lang: Lang, who: &str) -> App {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let now = today.and_hms_opt(10, 20, 0).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let opts = onedoor::demo::DemoOptions {
        cases: 200,
        seed: 7,
        today,
    };
    onedoor::demo::generate(&mut store, &opts, "1234").unwrap();
    let m = store.staff_by_code(who).unwrap().unwrap();
    let mut a = App::new(store, Config::default(), lang, now);
    a.no_color = true;
    a.start_session(Session {
        actor: Actor {
            staff_id: m.id,
            role: m.role,
        },
        code: m.code.clone(),
        name: m.name.clone(),
    });
    a.goto(PaneId::Calendar);
    a
}

fn key(a: &mut App, c: char) {
    update(
        a,
        Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
    );
}

fn render(a: &App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| onedoor::ui::draw(f, a)).unwrap();
    let buf = term.backend().buffer().clone();
    let mut out = String::new();
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
        // Every row is exactly the terminal's width: no wide glyph was cut or overlapped.
        assert_eq!(line.width(), usize::from(w), "row {y}: {line}");
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The grid's separators line up on every row of the grid.
fn assert_grid_aligned(screen: &str) {
    let rows: Vec<&str> = screen.lines().filter(|l| l.contains('│')).collect();
    let cols = |l: &str| -> Vec<usize> {
        let mut out = Vec::new();
        let mut w = 0;
        for c in l.chars() {
            if c == '│' {
                out.push(w);
            }
            w += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        }
        out
    };
    let grid: Vec<Vec<usize>> = rows
        .iter()
        .map(|l| cols(l))
        .filter(|c| c.len() > 3)
        .collect();
    assert!(grid.len() > 3, "no grid found:\n{screen}");
    for c in &grid {
        assert_eq!(c, &grid[0], "misaligned grid:\n{screen}");
    }
}

#[test]
fn day_and_week_views() {
    for lang in [Lang::Zh, Lang::En] {
        let tag = lang.tag();
        for (w, h) in [(80u16, 24u16), (160, 50)] {
            let mut a = app(lang, "L001");
            let day = render(&a, w, h);
            assert_grid_aligned(&day);
            insta::assert_snapshot!(format!("day_{tag}_{w}x{h}"), day);
            key(&mut a, 'v');
            let week = render(&a, w, h);
            assert_grid_aligned(&week);
            insta::assert_snapshot!(format!("week_{tag}_{w}x{h}"), week);
        }
    }
}

#[test]
fn day_by_room_and_the_booking_form() {
    let mut a = app(Lang::Zh, "L001");
    key(&mut a, 'c');
    let rooms = render(&a, 120, 40);
    assert_grid_aligned(&rooms);
    insta::assert_snapshot!("day_rooms_zh-CN_120x40", rooms);
    key(&mut a, 'n');
    insta::assert_snapshot!("book_form_zh-CN_80x24", render(&a, 80, 24));
    update(
        &mut a,
        Action::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)),
    );
    key(&mut a, 'r');
    for c in "双方同意再谈".chars() {
        key(&mut a, c);
    }
    insta::assert_snapshot!("record_zh-CN_80x24", render(&a, 80, 24));
    update(
        &mut a,
        Action::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)),
    );
    key(&mut a, 'o');
    insta::assert_snapshot!("off_zh-CN_80x24", render(&a, 80, 24));
}

#[test]
fn a_mediators_agenda_shows_only_their_sessions() {
    let mut a = app(Lang::Zh, "M001");
    key(&mut a, 'a');
    let s = render(&a, 120, 30);
    insta::assert_snapshot!("agenda_m001_zh-CN_120x30", s);
    let me = a.session.as_ref().unwrap().actor.staff_id;
    assert!(
        a.panes
            .calendar
            .visible()
            .iter()
            .all(|s| s.mediators.contains(&me))
    );
    assert_eq!(a.session.as_ref().unwrap().actor.role, Role::Mediator);
}

#[test]
fn a_desk_clerk_sees_party_names_masked() {
    let a = app(Lang::En, "D001");
    let s = render(&a, 160, 50);
    insta::assert_snapshot!("day_desk_en_160x50", s);
    let party = &a.panes.calendar.selected_session().unwrap().party;
    let first: String = party.chars().take(1).collect();
    assert!(!s.contains(party.as_str()), "{party} shown in full");
    assert!(s.contains(&format!("{first}*")));
}
