//! State tests of who sees what: a village clerk's app lists their centre's cases only, and
//! logging in as someone else re-scopes every read (the list, the counts, the name index).
use crate::app::panes::PaneId;
use crate::app::{App, Session};
use crate::config::Config;
use crate::i18n::Lang;
use crate::store::Actor;
use crate::store::centres::fixture::{at, county, walk_in};

fn session(a: Actor, code: &str) -> Session {
    Session {
        actor: a,
        code: code.into(),
        name: code.into(),
    }
}

fn listed(a: &App) -> Vec<String> {
    let mut nos: Vec<String> = a
        .panes
        .cases
        .list
        .rows
        .iter()
        .map(|r| r.case_no.clone())
        .collect();
    nos.sort();
    nos
}

#[test]
fn a_village_clerk_sees_their_centres_cases_and_a_new_login_rescopes_everything() {
    let mut c = county();
    let h = crate::domain::risk::ResponseHours::default();
    for (by, h_, name, phone) in [
        (c.v1_desk, 9, "李娜", "13800000002"),
        (c.v2_desk, 10, "刘洋", "13800000004"),
        (c.v3_desk, 11, "赵敏", "13800000006"),
    ] {
        c.store
            .create_case(by, &walk_in(at(h_, 0), name, phone), &h)
            .unwrap();
    }
    let mut a = App::new(c.store, Config::default(), Lang::Zh, at(17, 0));
    a.start_session(session(c.v1_desk, "VD1"));
    a.goto(PaneId::Cases);
    assert_eq!(listed(&a), ["V1-2026-1124-001"]);
    let names = a.names.get().expect("loaded inline in memory");
    assert!(names.search("liuyang", 5).is_empty());
    assert_eq!(names.search("lina", 5)[0].name, "李娜");
    // The township lead, at the same desk: T1 and its villages, not T2's.
    a.start_session(session(c.t1_lead, "TL1"));
    a.goto(PaneId::Cases);
    assert_eq!(listed(&a), ["V1-2026-1124-001", "V2-2026-1124-001"]);
    let names = a.names.get().expect("reloaded for the new view");
    assert_eq!(names.search("liuyang", 5)[0].name, "刘洋");
    assert!(names.search("zhaomin", 5).is_empty());
    // Logged out: nobody's view, nothing of several centres.
    a.read_as(None);
    assert!(a.store.visible_centres().unwrap().is_empty());
}
