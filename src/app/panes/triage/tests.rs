//! State tests: a whole intake typed through `app::update`, then looked for in the store.
use super::form::{Focus, PField};
use super::popup::Popup;
use crate::app::panes::PaneId;
use crate::app::{Action, App, Session, update};
use crate::config::Config;
use crate::domain::risk::Colour;
use crate::i18n::Lang;
use crate::store::{Actor, Store};
use chrono::{NaiveDate, NaiveDateTime};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(10, 30, 0)
        .unwrap()
}

pub(super) fn demo(store: &mut Store) {
    let opts = crate::demo::DemoOptions {
        cases: 60,
        seed: 3,
        now: now(),
    };
    crate::demo::generate(store, &opts, "1234").unwrap();
}

pub(super) fn login(store: Store, code: &str) -> App {
    let m = store.staff_by_code(code).unwrap().unwrap();
    let mut app = App::new(store, Config::default(), Lang::Zh, now());
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

fn app() -> App {
    let mut s = Store::open_in_memory().unwrap();
    demo(&mut s);
    login(s, "D001")
}

pub(super) fn press(a: &mut App, code: KeyCode) {
    update(a, Action::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

pub(super) fn ctrl(a: &mut App, c: char) {
    update(
        a,
        Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    );
}

pub(super) fn typ(a: &mut App, s: &str) {
    for c in s.chars() {
        press(a, KeyCode::Char(c));
    }
}

pub(super) fn tab_to(a: &mut App, f: Focus) {
    for _ in 0..60 {
        if a.panes.triage.form.focus == f {
            return;
        }
        press(a, KeyCode::Tab);
    }
    panic!("focus {f:?} never reached");
}

/// The number of the case just saved.
pub(super) fn saved_no(a: &App) -> String {
    let saved = a.panes.triage.saved.as_ref().expect("saved");
    saved.created.case_no.clone()
}

/// Types a complete common intake: applicant, respondent, category, summary, people.
pub(super) fn type_intake(a: &mut App, name: &str, phone: &str) {
    tab_to(a, Focus::Party(0, PField::Name));
    typ(a, name);
    press(a, KeyCode::Tab);
    typ(a, phone);
    tab_to(a, Focus::Party(1, PField::Name));
    typ(a, "李娜");
    tab_to(a, Focus::Category);
    typ(a, "lljf");
    press(a, KeyCode::Enter);
    assert_eq!(a.panes.triage.form.focus, Focus::Summary);
    typ(a, "楼上漏水，多次协商未果");
    tab_to(a, Focus::People);
    typ(a, "2");
}

#[test]
fn a_typed_intake_is_saved_and_found_in_the_store() {
    let mut a = app();
    assert_eq!(a.pane, PaneId::Triage);
    type_intake(&mut a, "欧阳娜娜", "139 0000 1111");
    ctrl(&mut a, 's');
    let saved = a.panes.triage.saved.as_ref().expect("saved");
    let no = saved.created.case_no.clone();
    assert!(no.starts_with("2026-1124-"), "{no}");
    assert_eq!(saved.created.colour, Colour::Blue);
    assert!(saved.slip.contains(&no), "{}", saved.slip);
    let slip = a.store.slip(&no).unwrap();
    assert_eq!(slip.applicant.as_deref(), Some("欧阳娜娜"));
    assert_eq!(slip.category, "neighbour");
    let ids = a.store.parties_by_phone("13900001111", 5).unwrap();
    assert_eq!(a.store.cases_of_parties(&ids, 5).unwrap()[0].case_no, no);
    assert!(!a.panes.has_unsaved());
    // B goes straight to booking this case's first session in the calendar.
    press(&mut a, KeyCode::Char('b'));
    assert_eq!(a.pane, PaneId::Calendar);
    let Some(crate::app::panes::calendar::popup::Popup::Book(f)) = a.panes.calendar.popups.top()
    else {
        panic!("booking form not open");
    };
    assert_eq!(f.case_no.value(), no);
}

#[test]
fn malformed_phone_refuses_to_save_and_keeps_the_text() {
    let mut a = app();
    type_intake(&mut a, "张三", "1381234567");
    ctrl(&mut a, 's');
    let t = &a.panes.triage;
    assert!(t.saved.is_none());
    assert_eq!(t.form.focus, Focus::Party(0, PField::Phone));
    assert_eq!(t.form.parties[0].phone.value(), "1381234567");
    assert!(a.flash.as_ref().is_some_and(|f| f.error));
    typ(&mut a, "8");
    ctrl(&mut a, 's');
    assert!(a.panes.triage.saved.is_some());
}

#[test]
fn red_flag_needs_the_checklist_before_saving() {
    let mut a = app();
    type_intake(&mut a, "王芳", "");
    tab_to(&mut a, Focus::Risk);
    typ(&mut a, "w");
    assert_eq!(a.panes.triage.colour(), Colour::Red);
    assert!(a.panes.triage.red_due(), "comes up when the flags are done");
    ctrl(&mut a, 's');
    assert!(matches!(
        a.panes.triage.popups.top(),
        Some(Popup::RedChecklist {
            save_after: true,
            ..
        })
    ));
    press(&mut a, KeyCode::Esc);
    assert!(a.panes.triage.saved.is_none(), "not acknowledged");
    ctrl(&mut a, 's');
    typ(&mut a, "12");
    press(&mut a, KeyCode::Enter);
    assert!(a.panes.triage.saved.is_none(), "one item left");
    typ(&mut a, "3");
    press(&mut a, KeyCode::Enter);
    let saved = a.panes.triage.saved.as_ref().expect("saved after ack");
    assert_eq!(saved.created.colour, Colour::Red);
}

#[test]
fn lowering_the_colour_asks_a_reason_and_raising_does_not() {
    let mut a = app();
    type_intake(&mut a, "赵敏", "");
    tab_to(&mut a, Focus::Risk);
    typ(&mut a, "p");
    assert_eq!(a.panes.triage.colour(), Colour::Orange);
    typ(&mut a, "+");
    assert_eq!(a.panes.triage.colour(), Colour::Red, "raising is free");
    typ(&mut a, "--");
    assert!(matches!(
        a.panes.triage.popups.top(),
        Some(Popup::LowerReason {
            to: Colour::Yellow,
            ..
        })
    ));
    press(&mut a, KeyCode::Enter);
    assert!(a.panes.triage.popups.is_open(), "empty reason refused");
    typ(&mut a, "已当场和解");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.panes.triage.colour(), Colour::Yellow);
    ctrl(&mut a, 's');
    let saved = a.panes.triage.saved.as_ref().expect("saved");
    assert_eq!(saved.created.colour, Colour::Yellow);
}

#[test]
fn repeat_visitor_found_by_pinyin_initials_and_visit_attached() {
    let mut s = Store::open_in_memory().unwrap();
    demo(&mut s);
    let mut a = login(s, "D001");
    type_intake(&mut a, "覃小梅", "13700001234");
    ctrl(&mut a, 's');
    let first = a.panes.triage.saved.as_ref().unwrap().created.clone();
    press(&mut a, KeyCode::Enter);
    // Same person again: initials only, then the phone number.
    tab_to(&mut a, Focus::Party(0, PField::Name));
    typ(&mut a, "qxm");
    let l = &a.panes.triage.lookup;
    assert!(l.cases.iter().any(|c| c.case_id == first.id), "{l:?}");
    assert_eq!(
        a.panes.triage.earlier_visits(),
        0,
        "a name alone is not proof"
    );
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "13700001234");
    let t = &a.panes.triage;
    assert_eq!(t.lookup.cases[0].case_id, first.id);
    assert_eq!(t.earlier_visits(), 1);
    assert!(
        t.assessment()
            .raised_by
            .contains(&crate::domain::risk::RiskFlag::RepeatVisitor)
    );
    press(&mut a, KeyCode::F(8));
    press(&mut a, KeyCode::Enter);
    let ids = a.store.parties_by_phone("13700001234", 5).unwrap();
    let cases = a.store.cases_of_parties(&ids, 5).unwrap();
    assert_eq!(cases.len(), 1, "no duplicate case");
    assert_eq!(cases[0].visits, 2);
    assert!(a.panes.triage.form.is_blank());
}

#[test]
fn miao_speaker_is_routed_to_a_miao_speaking_mediator() {
    let mut a = app();
    type_intake(&mut a, "杨阿妹", "");
    tab_to(&mut a, Focus::Party(0, PField::Language));
    press(&mut a, KeyCode::Right);
    assert_eq!(a.panes.triage.form.parties[0].language(), "hmn");
    assert!(a.panes.triage.form.parties[0].interpreter);
    let p = a.panes.triage.proposal.as_ref().expect("proposal");
    let top: Vec<&str> = p.ranked[..2]
        .iter()
        .map(|r| r.candidate.code.as_str())
        .collect();
    assert!(top.contains(&"M002") && top.contains(&"M012"), "{top:?}");
    tab_to(&mut a, Focus::Routing);
    press(&mut a, KeyCode::Enter);
    ctrl(&mut a, 's');
    let saved = a.panes.triage.saved.as_ref().expect("saved");
    let owner = saved.owner_name.clone().unwrap();
    assert_eq!(
        a.store.slip(&saved.created.case_no).unwrap().owner_name,
        Some(owner)
    );
}

#[test]
fn esc_asks_before_discarding_and_the_draft_comes_back_after_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut s = Store::create(&path).unwrap();
    demo(&mut s);
    drop(s);
    let mut a = login(Store::open(&path).unwrap(), "D001");
    type_intake(&mut a, "单伟", "");
    press(&mut a, KeyCode::Esc);
    assert!(matches!(
        a.panes.triage.popups.top(),
        Some(Popup::ConfirmDiscard)
    ));
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.panes.triage.form.parties[0].name.value(), "单伟");
    drop(a); // as after a crash: the draft writer has what was typed
    let mut b = login(Store::open(&path).unwrap(), "D001");
    assert!(matches!(
        b.panes.triage.popups.top(),
        Some(Popup::OfferDraft(_))
    ));
    press(&mut b, KeyCode::Enter);
    let f = &b.panes.triage.form;
    assert_eq!(f.focus, Focus::People, "back at the field being edited");
    assert_eq!(f.parties[0].name.value(), "单伟");
    assert_eq!(f.summary.value(), "楼上漏水，多次协商未果");
    assert_eq!(f.category.as_deref(), Some("neighbour"));
    // Discarding deletes the draft: the next start offers nothing.
    press(&mut b, KeyCode::Esc);
    press(&mut b, KeyCode::Enter);
    assert!(b.panes.triage.form.is_blank());
    drop(b);
    let c = login(Store::open(&path).unwrap(), "D001");
    assert!(!c.panes.triage.popups.is_open());
}

/// On a file database the save runs on the background worker. While the database keeps it
/// waiting (here another desk holds the write lock), the form stays as typed, the desk may not
/// quit unasked, and a key typed meanwhile is kept and replayed once the case is in.
#[test]
fn a_save_waiting_for_the_database_keeps_the_keys_typed_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desk.db");
    let mut s = Store::create(&path).unwrap();
    demo(&mut s);
    let mut a = login(s, "D001");
    type_intake(&mut a, "欧阳娜娜", "139 0000 1111");
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    ctrl(&mut a, 's');
    std::thread::sleep(std::time::Duration::from_millis(50));
    update(&mut a, Action::Tick(now()));
    assert!(a.panes.triage.saved.is_none(), "saved through a held lock");
    assert!(a.waiting() && a.panes.has_unsaved());
    assert_eq!(a.panes.triage.form.parties[0].name.value(), "欧阳娜娜");
    // "n" (next visitor, on the saved screen) typed before the answer: kept, not lost.
    press(&mut a, KeyCode::Char('n'));
    other.execute_batch("COMMIT").unwrap();
    a.settle(std::time::Duration::from_secs(20));
    assert!(!a.waiting());
    let t = &a.panes.triage;
    assert!(t.saved.is_none(), "the queued key left the saved screen");
    assert!(t.form.is_blank(), "a fresh form for the next visitor");
    let ids = a.store.parties_by_phone("13900001111", 5).unwrap();
    assert_eq!(a.store.cases_of_parties(&ids, 5).unwrap().len(), 1);
    assert!(!a.panes.has_unsaved());
}

/// W saves the slip beside the database readable by its owner only; P hands the printer a
/// private temporary file (not the saved slip), removed once the printer command is done.
#[cfg(unix)]
#[test]
fn the_slip_is_saved_private_and_printed_from_a_private_temporary_file() {
    use std::os::unix::fs::PermissionsExt;
    use std::path::Path;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desk.db");
    let mut s = Store::create(&path).unwrap();
    demo(&mut s);
    let mut a = login(s, "D001");
    // The "printer" records the file's mode, then (renamed into place, so never half written)
    // the path it was given.
    let rec = dir.path().join("printed");
    let script = dir.path().join("printer.sh");
    let body = "stat -c %a \"$1\" > {r}.mode\nprintf '%s' \"$1\" > {r}.tmp\nmv {r}.tmp {r}\n";
    std::fs::write(&script, body.replace("{r}", &rec.display().to_string())).unwrap();
    a.config.printer = format!("sh {}", script.display());
    type_intake(&mut a, "欧阳娜娜", "139 0000 1111");
    ctrl(&mut a, 's');
    a.settle(std::time::Duration::from_secs(20));
    let no = saved_no(&a);
    press(&mut a, KeyCode::Char('w'));
    let slips = dir.path().join("slips");
    assert_eq!(mode(&slips), 0o700);
    assert_eq!(mode(&slips.join(format!("{no}.txt"))), 0o600);
    press(&mut a, KeyCode::Char('p'));
    // The printer runs on its own: wait (generously) for what it recorded, then for the file
    // to go once it has returned.
    let wait_for = |done: &dyn Fn() -> bool| {
        let end = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while !done() {
            assert!(
                std::time::Instant::now() < end,
                "the printer never finished"
            );
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    };
    wait_for(&|| rec.exists());
    let printed = std::fs::read_to_string(&rec).unwrap();
    assert!(
        !printed.starts_with(&slips.display().to_string()),
        "{printed}"
    );
    assert_eq!(
        std::fs::read_to_string(rec.with_extension("mode"))
            .unwrap()
            .trim(),
        "600"
    );
    wait_for(&|| !Path::new(&printed).exists());
}

#[path = "tests_route.rs"]
mod route;
