//! A lead's red alert: raised by another desk's red case, shown until F12, which is audited;
//! never for a clerk; an acknowledged alert does not come back.
use crate::app::App;
use crate::app::live::tests::{
    desks_file, key, logged_in, now, red_case, register, staff, tick_until,
};
use crate::store::Store;
use ratatui::crossterm::event::KeyCode;

#[test]
fn another_desks_red_case_alerts_the_lead_until_f12_which_is_audited() {
    let (_dir, path) = desks_file();
    let [lead, _, desk, _] = staff(&mut Store::open(&path).unwrap());
    let mut app = logged_in(Store::open(&path).unwrap(), lead);
    tick_until(&mut app, |a| !a.waiting());
    assert!(app.alerts.current().is_none());
    let mut other = Store::open(&path).unwrap();
    let (id, no) = register(&mut other, desk, &red_case("儿子不付赡养费并威胁"));
    let took = tick_until(&mut app, |a| a.alerts.current().is_some());
    assert!(took < std::time::Duration::from_secs(3), "{took:?}");
    let a = app.alerts.current().unwrap();
    assert_eq!((a.case_id, a.case_no.as_str()), (id, no.as_str()));
    assert_eq!(a.by, Some(("D001".into(), "张丽".into())));
    // Typing goes on in the pane below; only F12 acknowledges.
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.alerts.len(), 1);
    key(&mut app, KeyCode::F(12));
    assert!(app.alerts.current().is_none());
    assert!(app.flash.as_ref().is_some_and(|f| f.text.contains(&no)));
    let d = other.case_detail(id).unwrap();
    let ack = d.timeline.iter().find(|l| l.action == "red.ack");
    assert!(
        ack.is_some_and(|l| l.staff.contains("王建国")),
        "{:?}",
        d.timeline
    );
    assert!(other.red_alerts(lead, now()).unwrap().is_empty());
    // A later check (another desk's change) does not bring it back.
    app.others_changed();
    tick_until(&mut app, |a| !a.waiting());
    assert!(app.alerts.is_empty());
}

#[test]
fn a_clerk_gets_no_alert_and_f12_does_nothing() {
    let mut s = Store::open_in_memory().unwrap();
    let [_, lead2, desk, _] = staff(&mut s);
    register(&mut s, lead2, &red_case("持刀威胁"));
    let mut app = logged_in(s, desk);
    app.others_changed();
    assert!(app.alerts.is_empty());
    key(&mut app, KeyCode::F(12));
    assert!(app.flash.is_none());
}

#[test]
fn alerts_waiting_at_login_show_oldest_first_one_at_a_time() {
    let mut s = Store::open_in_memory().unwrap();
    let [lead, lead2, desk, _] = staff(&mut s);
    let mut early = red_case("持刀威胁");
    early.received_at = now() - chrono::Duration::hours(15);
    let (_, second) = register(&mut s, desk, &red_case("扬言自杀"));
    let (_, first) = register(&mut s, lead2, &early);
    let mut app = logged_in(s, lead);
    let shown = |a: &App| a.alerts.current().map(|x| x.case_no.clone());
    assert_eq!((shown(&app), app.alerts.len()), (Some(first), 2));
    app.others_changed();
    assert_eq!(app.alerts.len(), 2, "nothing repeated");
    key(&mut app, KeyCode::F(12));
    assert_eq!((shown(&app), app.alerts.len()), (Some(second), 1));
}
