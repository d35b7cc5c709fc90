//! Snapshots of the triage pane in both languages at 80×24 and 120×40 (fixed date), plus its
//! popups and the saved view; the cursor lands after Chinese text by display width.
mod common;
use common::app::*;
use onedoor::app::App;
use onedoor::app::panes::triage::form::{Focus, PField};
use onedoor::i18n::Lang;
use ratatui::crossterm::event::KeyCode;
use std::time::Instant;

fn tab_to(a: &mut App, f: Focus) {
    for _ in 0..60 {
        if a.panes.triage.form.focus == f {
            return;
        }
        press(a, KeyCode::Tab);
    }
    panic!("focus {f:?} never reached");
}

/// A half-typed intake: a repeat visitor's name, a phone with a digit missing, a category.
fn typed(lang: Lang) -> App {
    let mut a = demo(200).app_as("D001", lang);
    tab_to(&mut a, Focus::Party(0, PField::Name));
    let name = a.store.slip("2026-1124-001").ok().and_then(|s| s.applicant);
    typ(&mut a, name.as_deref().unwrap_or("张伟"));
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "138123456");
    tab_to(&mut a, Focus::Party(1, PField::Name));
    typ(&mut a, "单建华");
    tab_to(&mut a, Focus::Category);
    typ(&mut a, "qx");
    press(&mut a, KeyCode::Enter);
    typ(&mut a, "拖欠工资三个月");
    tab_to(&mut a, Focus::People);
    typ(&mut a, "6");
    tab_to(&mut a, Focus::Party(0, PField::Phone));
    a
}

#[test]
fn intake_form_in_both_languages_and_sizes() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let a = typed(lang);
        for (w, h) in [(80, 24), (120, 40)] {
            let mut t = render(&a, w, h);
            insta::assert_snapshot!(format!("triage_{tag}_{w}x{h}"), t.backend());
            // Phone field on row 5: border, marker, 14-cell label, space, then 9 digits.
            t.backend_mut().assert_cursor_position((17 + 9, 5));
        }
    }
}

#[test]
fn cursor_sits_after_chinese_name_by_display_width() {
    let mut a = demo(50).app_as("D001", Lang::Zh);
    tab_to(&mut a, Focus::Party(0, PField::Name));
    typ(&mut a, "欧阳娜娜");
    let mut t = render(&a, 80, 24);
    // Row: tabs (1) + border (1) + channel (1) + party header (1) → y = 4; x: border 1 +
    // marker 1 + label 14 + space 1 = 17, then 4 Chinese characters = 8 cells.
    t.backend_mut().assert_cursor_position((17 + 8, 4));
}

#[test]
fn risk_section_and_red_checklist_popup() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut a = typed(lang);
        tab_to(&mut a, Focus::Risk);
        typ(&mut a, "a");
        insta::assert_snapshot!(
            format!("triage_risk_{tag}_120x40"),
            render(&a, 120, 40).backend()
        );
        // Red: the checklist is announced under the flags and comes up on leaving them.
        typ(&mut a, "v");
        insta::assert_snapshot!(
            format!("triage_red_due_{tag}_80x24"),
            render(&a, 80, 24).backend()
        );
        press(&mut a, KeyCode::Enter);
        insta::assert_snapshot!(
            format!("triage_red_{tag}_80x24"),
            render(&a, 80, 24).backend()
        );
    }
}

#[test]
fn saved_view_shows_case_number_and_slip() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut a = typed(lang);
        typ(&mut a, "99");
        tab_to(&mut a, Focus::Routing);
        press(&mut a, KeyCode::Enter);
        ctrl(&mut a, 's');
        assert!(a.panes.triage.saved.is_some(), "{:?}", a.flash);
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(
                format!("triage_saved_{tag}_{w}x{h}"),
                render(&a, w, h).backend()
            );
        }
    }
}

/// An ID number of 76: its age beside it, 老人 ticked by itself and the colour raised with it.
#[test]
fn an_elderly_id_number_shows_the_age_and_ticks_elderly() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut a = demo(50).app_as("D001", lang);
        tab_to(&mut a, Focus::Party(0, PField::Name));
        typ(&mut a, "王秀英");
        tab_to(&mut a, Focus::Party(0, PField::IdNumber));
        typ(&mut a, "110101195003150021");
        insta::assert_snapshot!(
            format!("triage_elderly_{tag}_80x24"),
            render(&a, 80, 24).backend()
        );
    }
}

/// The ★ marks a case found by the same phone or ID number; its key shows only when such a
/// case is listed (under a name-only match, as in the form snapshots above, it does not).
#[test]
fn the_key_to_the_star_shows_under_a_phone_match() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut a = demo(50).app_as("D001", lang);
        tab_to(&mut a, Focus::Party(0, PField::Name));
        typ(&mut a, "欧阳娜娜");
        press(&mut a, KeyCode::Tab);
        typ(&mut a, "13900001111");
        tab_to(&mut a, Focus::Category);
        typ(&mut a, "lljf");
        press(&mut a, KeyCode::Enter);
        typ(&mut a, "楼上漏水");
        ctrl(&mut a, 's');
        assert!(a.panes.triage.saved.is_some(), "{:?}", a.flash);
        press(&mut a, KeyCode::Enter);
        tab_to(&mut a, Focus::Party(0, PField::Phone));
        typ(&mut a, "13900001111");
        insta::assert_snapshot!(
            format!("triage_star_{tag}_80x24"),
            render(&a, 80, 24).backend()
        );
    }
}

/// The help lists every key of the form, those shown only after a save (P/W/B) included; at
/// 80×24 it is longer than the screen, says so and scrolls to its end.
#[test]
fn the_help_lists_every_key_and_scrolls_at_80x24() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut a = typed(lang);
        press(&mut a, KeyCode::F(1));
        insta::assert_snapshot!(
            format!("triage_help_{tag}_80x24"),
            render(&a, 80, 24).backend()
        );
        press(&mut a, KeyCode::End);
        let t = render(&a, 80, 24);
        let screen = format!("{}", t.backend());
        assert!(screen.contains("P / W / B") && screen.contains("Ctrl+A/E/U/W"));
        insta::assert_snapshot!(format!("triage_help_end_{tag}_80x24"), t.backend());
        press(&mut a, KeyCode::Esc);
        assert_eq!((a.overlay, a.help_scroll), (onedoor::app::Overlay::None, 0));
    }
}

#[test]
fn drawing_the_pane_takes_under_a_millisecond() {
    let a = typed(Lang::Zh);
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    for _ in 0..20 {
        t.draw(|f| onedoor::ui::draw(f, &a)).unwrap();
    }
    let n = 200;
    let start = Instant::now();
    for _ in 0..n {
        t.draw(|f| onedoor::ui::draw(f, &a)).unwrap();
    }
    let per = start.elapsed() / n;
    eprintln!("triage draw 120x40: {per:?} per frame");
    // Debug builds are ~10x slower than release; the release figure is in the report.
    assert!(per.as_millis() < 30, "{per:?}");
}

/// A family dispute with a threat leaves its category's window: the routing head says where to
/// and why (#16).
#[test]
fn the_routing_head_names_the_flag_that_moved_the_case() {
    for (lang, moved) in [
        (Lang::Zh, "妇联家事调解 (暴力或威胁)"),
        (
            Lang::En,
            "Women's federation family desk (Violence or threats)",
        ),
    ] {
        let mut a = demo(50).app_as("D001", lang);
        tab_to(&mut a, Focus::Party(0, PField::Name));
        typ(&mut a, "王秀英");
        tab_to(&mut a, Focus::Category);
        typ(&mut a, "shanyang");
        press(&mut a, KeyCode::Enter);
        typ(&mut a, "儿子拒付赡养费");
        let screen = |a: &App| format!("{}", render(a, 120, 40).backend());
        tab_to(&mut a, Focus::Routing);
        assert!(!screen(&a).contains(moved), "{}", screen(&a));
        tab_to(&mut a, Focus::Risk);
        typ(&mut a, "v");
        tab_to(&mut a, Focus::Routing);
        assert!(screen(&a).contains(moved), "{}", screen(&a));
    }
}

/// At 80×24 every mediator offered keeps the time they are free: the team and specialty go
/// first when a row is too narrow (#16 item 8).
#[test]
fn the_mediators_free_times_are_kept_at_80x24() {
    for (lang, tag, free) in [(Lang::Zh, "zh", "空闲"), (Lang::En, "en", "free ")] {
        let mut a = demo(200).app_as("D001", lang);
        typ(&mut a, "王秀英");
        tab_to(&mut a, Focus::Category);
        typ(&mut a, "shanyang");
        press(&mut a, KeyCode::Enter);
        typ(&mut a, "儿子拒付赡养费");
        tab_to(&mut a, Focus::Routing);
        let t = render(&a, 80, 24);
        let offered = rows(&a, 80, 24)
            .into_iter()
            .filter(|r| r.contains(". ") && r.contains(" M0"))
            .collect::<Vec<_>>();
        assert!(offered.len() >= 5, "{}", t.backend());
        for row in &offered {
            let at = row.find(free).unwrap_or_else(|| panic!("{row}"));
            let time = row[at + free.len()..].split('│').next().unwrap_or("");
            assert!(
                time.trim_end().len() == "12-04 08:30".len(),
                "the free time is whole: {row}"
            );
        }
        insta::assert_snapshot!(format!("triage_routing_{tag}_80x24"), t.backend());
    }
}

/// More earlier cases than the panel holds: its border says how many are left out, and the
/// highlighted one (F7) stays in view (#16 item 8).
#[test]
fn the_earlier_cases_panel_says_how_many_more_there_are() {
    for (lang, tag, more) in [(Lang::Zh, "zh", "另有 "), (Lang::En, "en", " more ")] {
        let mut a = demo(300).app_as("D001", lang);
        typ(&mut a, "张");
        let n = a.panes.triage.lookup.cases.len();
        assert!(n > 6, "{n} earlier cases");
        let s = format!("{}", render(&a, 80, 24).backend());
        assert!(s.contains(more), "{s}");
        insta::assert_snapshot!(
            format!("triage_earlier_{tag}_80x24"),
            render(&a, 80, 24).backend()
        );
        for _ in 1..n {
            press(&mut a, KeyCode::F(7));
        }
        let l = &a.panes.triage.lookup;
        let last = &l.cases[l.selected].case_no;
        let s = format!("{}", render(&a, 80, 24).backend());
        assert!(
            s.contains(&format!("▶  {last}")) || s.contains(&format!("▶★ {last}")),
            "{s}"
        );
    }
}
