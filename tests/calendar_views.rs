//! Snapshots of the calendar's day and week views, both languages, 80×24 and 160×50, on demo
//! data at a fixed date (Tuesday 2026-11-24 10:20); the agenda, a mediator's and a full one.
mod common;
use chrono::Duration;
use common::app::*;
use onedoor::app::App;
use onedoor::app::panes::PaneId;
use onedoor::domain::intake::{NewCase, NewParty};
use onedoor::domain::risk::ResponseHours;
use onedoor::domain::role::Role;
use onedoor::i18n::Lang;
use onedoor::store::{Actor, NewSession, NewStaff, Store};
use ratatui::crossterm::event::KeyCode;

/// Logged in as `who`, in the calendar, at 10:20.
fn calendar_as(who: &str, lang: Lang) -> App {
    let mut a = demo(200).at(10, 20).app_as(who, lang);
    a.goto(PaneId::Calendar);
    a
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
            let mut a = calendar_as("L001", lang);
            let day = screen_trimmed(&a, w, h);
            assert_grid_aligned(&day);
            insta::assert_snapshot!(format!("day_{tag}_{w}x{h}"), day);
            typ(&mut a, "v");
            let week = screen_trimmed(&a, w, h);
            assert_grid_aligned(&week);
            insta::assert_snapshot!(format!("week_{tag}_{w}x{h}"), week);
        }
    }
}

#[test]
fn day_by_room_and_the_booking_form() {
    let mut a = calendar_as("L001", Lang::Zh);
    typ(&mut a, "c");
    let rooms = screen_trimmed(&a, 120, 40);
    assert_grid_aligned(&rooms);
    insta::assert_snapshot!("day_rooms_zh-CN_120x40", rooms);
    typ(&mut a, "n");
    insta::assert_snapshot!("book_form_zh-CN_80x24", screen_trimmed(&a, 80, 24));
    press(&mut a, KeyCode::Esc);
    typ(&mut a, "r");
    typ(&mut a, "双方同意再谈");
    insta::assert_snapshot!("record_zh-CN_80x24", screen_trimmed(&a, 80, 24));
    press(&mut a, KeyCode::Esc);
    typ(&mut a, "o");
    insta::assert_snapshot!("off_zh-CN_80x24", screen_trimmed(&a, 80, 24));
}

#[test]
fn a_mediators_agenda_shows_only_their_sessions() {
    let mut a = calendar_as("M001", Lang::Zh);
    typ(&mut a, "a");
    let s = screen_trimmed(&a, 120, 30);
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
    let a = calendar_as("D001", Lang::En);
    let s = screen_trimmed(&a, 160, 50);
    insta::assert_snapshot!("day_desk_en_160x50", s);
    let party = &a.panes.calendar.selected_session().unwrap().party;
    let first: String = party.chars().take(1).collect();
    assert!(!s.contains(party.as_str()), "{party} shown in full");
    assert!(s.contains(&format!("{first}*")));
}

/// A busy day: three more mediators, each with a session every hour from 11:00 (new cases,
/// no room, so the demo's own bookings are not in the way).
fn busy_day(s: &mut Store) {
    let lead = s.staff_by_code("L001").unwrap().unwrap();
    let lead = Actor {
        staff_id: lead.id,
        role: lead.role,
    };
    let now = demo(200).at(10, 20).now;
    for (m, code) in ["M090", "M091", "M092"].into_iter().enumerate() {
        let staff = NewStaff {
            code: code.into(),
            name: format!("调解员{m}"),
            role: Role::Mediator,
            languages: vec![],
            specialties: vec![],
            team: None,
            pin: "1234".into(),
            centre_id: None,
        };
        let id = s.add_staff(Some(lead), &staff, now).unwrap();
        for hour in 11..17 {
            let phone = format!("139{m:04}{hour:04}");
            let party = NewParty::named(&format!("当事人{m}{hour}"), Some(&phone));
            let case = NewCase::walk_in(now, "neighbour", "楼上漏水", party);
            let case = s
                .create_case(lead, &case, &ResponseHours::default())
                .unwrap();
            let start = now.date().and_hms_opt(hour, 0, 0).unwrap();
            let session = NewSession {
                case_id: case.id,
                mediators: vec![id],
                room_id: None,
                start,
                end: start + Duration::hours(1),
            };
            s.book_session(lead, &session, now).unwrap();
        }
    }
}

/// More sessions today than rows: the last row says how many are left out, and the selected
/// one stays in view as it moves down (#16 item 8).
#[test]
fn a_full_agenda_says_how_many_more_there_are() {
    for (lang, tag, more) in [(Lang::Zh, "zh-CN", "另有 "), (Lang::En, "en", " more")] {
        let mut a = demo(200).at(10, 20).app_with("L001", lang, busy_day);
        a.goto(PaneId::Calendar);
        typ(&mut a, "a");
        let n = a.panes.calendar.visible().len();
        assert!(n > 20, "{n} sessions");
        let s = screen_trimmed(&a, 80, 24);
        assert!(s.contains(more), "{s}");
        insta::assert_snapshot!(format!("agenda_full_{tag}_80x24"), s);
        for _ in 0..n {
            press(&mut a, KeyCode::Down);
        }
        let last = a.panes.calendar.selected_session().unwrap().case_no.clone();
        let s = screen_trimmed(&a, 80, 24);
        let rows: Vec<&str> = s.lines().filter(|l| l.contains(&last)).collect();
        assert_eq!(rows.len(), 2, "in the list and the detail line:\n{s}");
        assert!(s.contains(more), "{s}");
    }
}
