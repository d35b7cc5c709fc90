//! The zh-CN sweep (issue #16 item 8): every pane, its views and popups drawn in Chinese at
//! 80×24 and 120×40, and no English word on screen but key names, the product's name and
//! the language switch's "English". Data (case numbers, staff codes) has no such words.
mod common;
use common::app::*;
use onedoor::app::App;
use onedoor::app::panes::cases::Screen;
use onedoor::i18n::Lang;
use ratatui::crossterm::event::KeyCode;
use std::collections::BTreeMap;

/// Words a Chinese screen may show: key names and what is spelled the same in Chinese.
const ALLOWED: &[&str] = &[
    "onedoor",
    "English",
    "Enter",
    "Tab",
    "Shift",
    "Esc",
    "Ctrl",
    "Alt",
    "Space",
    "Backspace",
    "PgUp",
    "PgDn",
    "Home",
    "End",
    "PDF",
    "HTML",
    // The follow-up filter's hint: an example of pinyin initials.
    "jb",
];

/// English words on the screen, each with the row it is on; `data`: letters the data itself
/// holds (a county's centre and staff codes: DL, DLM1).
fn english(app: &App, w: u16, h: u16, data: &[String]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for row in rows(app, w, h) {
        let mut word = String::new();
        for c in row.chars().chain([' ']) {
            if c.is_ascii_alphabetic() {
                word.push(c);
                continue;
            }
            // A word cut at a popup's edge is the start of an allowed one.
            if word.len() >= 2
                && !ALLOWED.iter().any(|a| a.starts_with(word.as_str()))
                && !data.contains(&word)
            {
                out.push((word.clone(), row.trim().to_string()));
            }
            word.clear();
        }
    }
    out
}

struct Sweep {
    found: BTreeMap<String, Vec<String>>,
    data: Vec<String>,
}

impl Sweep {
    fn look(&mut self, app: &App, what: &str) {
        for (w, h) in [(80, 24), (120, 40)] {
            for (word, row) in english(app, w, h, &self.data) {
                self.found
                    .entry(word)
                    .or_default()
                    .push(format!("{what} {w}×{h}: {row}"));
            }
        }
    }

    /// Opens something with `keys`, looks, and closes it with Esc.
    fn popup(&mut self, app: &mut App, keys: &[KeyCode], what: &str) {
        for k in keys {
            press(app, *k);
        }
        self.look(app, what);
        press(app, KeyCode::Esc);
    }
}

fn ch(c: char) -> KeyCode {
    KeyCode::Char(c)
}

fn triage(s: &mut Sweep, app: &mut App) {
    press(app, KeyCode::F(2));
    s.look(app, "triage");
    // Her name and mobile, his name, the category, a summary, a flag: Enter between them.
    for (text, enters) in [
        ("王秀英", 1),
        ("13912345678", 2),
        ("李建国", 2),
        ("赡养", 1),
        ("拒付赡养费", 2),
        ("a", 0),
    ] {
        typ(app, text);
        for _ in 0..enters {
            press(app, KeyCode::Enter);
        }
    }
    s.look(app, "triage risk");
    press(app, KeyCode::Enter);
    s.look(app, "triage routing");
    s.popup(app, &[KeyCode::F(1)], "triage help");
    ctrl(app, 's');
    s.look(app, "triage saved");
    press(app, KeyCode::Enter);
}

fn cases(s: &mut Sweep, app: &mut App) {
    press(app, KeyCode::F(3));
    s.look(app, "cases");
    for (k, what) in [
        ('m', "my queue"),
        ('u', "unassigned"),
        ('A', "all"),
        ('r', "referrals"),
    ] {
        press(app, ch(k));
        s.look(app, what);
        press(app, KeyCode::Esc);
    }
    press(app, ch('A'));
    s.popup(app, &[ch('f')], "cases filter");
    s.popup(app, &[KeyCode::F(1)], "cases help");
    for i in 0..6 {
        press(app, KeyCode::Enter);
        s.look(app, &format!("detail {i}"));
        press(app, KeyCode::PageDown);
        s.look(app, &format!("detail {i} scrolled"));
        if i == 0 {
            for k in "anctexbwTMP".chars() {
                press(app, ch(k));
                s.look(app, &format!("detail popup {k}"));
                for _ in 0..3 {
                    if app.panes.cases.popups.is_open() {
                        press(app, KeyCode::Esc);
                    }
                }
                assert_eq!(app.panes.cases.screen, Screen::Detail, "after {k}");
            }
            s.popup(app, &[KeyCode::F(1)], "detail help");
        }
        press(app, KeyCode::Esc);
        for _ in 0..7 {
            press(app, KeyCode::Down);
        }
    }
}

fn calendar(s: &mut Sweep, app: &mut App) {
    press(app, KeyCode::F(4));
    s.look(app, "calendar day");
    press(app, ch('c'));
    s.look(app, "calendar rooms");
    press(app, ch('v'));
    s.look(app, "calendar week");
    press(app, ch('v'));
    press(app, ch('a'));
    s.look(app, "agenda");
    press(app, ch('a'));
    press(app, KeyCode::Down);
    s.popup(app, &[ch('n')], "booking");
    s.popup(app, &[ch('g')], "go to");
    s.popup(app, &[KeyCode::Enter], "session");
    s.popup(app, &[KeyCode::F(1)], "calendar help");
}

fn followups(s: &mut Sweep, app: &mut App) {
    press(app, KeyCode::F(5));
    for i in 0..4 {
        s.look(app, &format!("follow-ups {i}"));
        press(app, KeyCode::Tab);
    }
    for k in "amx/".chars() {
        s.popup(app, &[ch(k)], &format!("follow-ups popup {k}"));
    }
    s.popup(app, &[KeyCode::Enter], "follow-up record");
    s.popup(app, &[KeyCode::F(1)], "follow-ups help");
}

fn handover(s: &mut Sweep, app: &mut App) {
    press(app, KeyCode::F(6));
    s.look(app, "sheet");
    for _ in 0..4 {
        press(app, KeyCode::PageDown);
        s.look(app, "sheet scrolled");
    }
    press(app, ch('s'));
    s.look(app, "sheet am");
    press(app, KeyCode::Tab);
    for k in "1234".chars() {
        press(app, ch(k));
        s.look(app, &format!("stats {k}"));
    }
    s.popup(app, &[KeyCode::F(1)], "handover help");
}

/// The letters of the county's centre and staff codes (DL01, DLM1: "DL", "DLM"), which case
/// numbers and names of staff on screen carry.
fn codes(app: &App) -> Vec<String> {
    let tree = app.store.centre_tree().unwrap();
    let centres = tree.all().iter().map(|c| c.code.clone());
    let staff = app.store.list_staff().unwrap().into_iter().map(|m| m.code);
    centres
        .chain(staff)
        .flat_map(|code| {
            code.split(|c: char| !c.is_ascii_alphabetic())
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// A county's hand-over views, the detail's hand-over popups and the centre filter.
fn county(s: &mut Sweep, app: &mut App) {
    press(app, KeyCode::F(3));
    for k in "hdi".chars() {
        press(app, ch(k));
        s.look(app, &format!("county view {k}"));
    }
    // A case awaiting sign-off here: sign for, return.
    press(app, KeyCode::Enter);
    s.look(app, "county detail");
    for k in "srn".chars() {
        s.popup(app, &[ch(k)], &format!("county detail popup {k}"));
    }
    s.popup(app, &[KeyCode::F(1)], "county detail help");
    press(app, KeyCode::Esc);
    // A case the township handed down, still its own: hand up, hand down.
    press(app, ch('d'));
    press(app, KeyCode::Enter);
    for k in "ed".chars() {
        s.popup(app, &[ch(k)], &format!("county detail popup {k}"));
    }
    press(app, KeyCode::Esc);
    press(app, ch('A'));
    s.popup(app, &[ch('f'), ch('0')], "county centre filter");
    press(app, KeyCode::F(4));
    s.look(app, "county calendar");
    s.popup(app, &[KeyCode::F(1)], "county calendar help");
}

#[test]
fn no_english_words_on_a_countys_chinese_screens() {
    let mut s = Sweep {
        found: BTreeMap::new(),
        data: Vec::new(),
    };
    for code in ["DLD", "DLL", "DL01D"] {
        let mut app = demo(300)
            .county()
            .app_with(code, Lang::Zh, common::county::hand_overs);
        s.data = codes(&app);
        triage(&mut s, &mut app);
        county(&mut s, &mut app);
    }
    let report: Vec<String> = s
        .found
        .iter()
        .map(|(w, rows)| format!("{w} ({}×), e.g. {}", rows.len(), rows[0]))
        .collect();
    assert!(report.is_empty(), "{}", report.join("\n"));
}

#[test]
fn no_english_words_on_the_chinese_screens() {
    let mut s = Sweep {
        found: BTreeMap::new(),
        data: Vec::new(),
    };
    for code in ["L001", "M001", "D001"] {
        let mut app = demo(300).app_as(code, Lang::Zh);
        triage(&mut s, &mut app);
        cases(&mut s, &mut app);
        calendar(&mut s, &mut app);
        followups(&mut s, &mut app);
        handover(&mut s, &mut app);
    }
    let report: Vec<String> = s
        .found
        .iter()
        .map(|(w, rows)| format!("{w} ({}×), e.g. {}", rows.len(), rows[0]))
        .collect();
    assert!(report.is_empty(), "{}", report.join("\n"));
}
