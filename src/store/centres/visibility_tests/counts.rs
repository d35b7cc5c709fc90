//! The status bar's counts and a list's total count only the visible centres' cases.
use super::world;
use crate::domain::case_filter::{CaseFilter, Chip};
use crate::store::centres::fixture::at;
use chrono::{NaiveDate, NaiveDateTime};

fn next_day(h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 25)
        .unwrap()
        .and_hms_opt(h, 0, 0)
        .unwrap()
}

#[test]
fn urgent_overdue_and_idle_red_counts_are_of_the_visible_centres() {
    let mut w = world();
    w.colour_them();
    // Three weeks on, every open case is past its response deadline; V2's red case idle since.
    let later = at(9, 0) + chrono::Duration::days(21);
    let counts = |who, w: &mut super::World| {
        let s = w.as_(who);
        let u = s.urgent_counts().unwrap();
        (
            u.red,
            u.orange,
            s.overdue_count(later).unwrap(),
            s.red_idle_count(later).unwrap(),
        )
    };
    assert_eq!(counts(w.c.v1_desk, &mut w), (0, 1, 1, 0));
    assert_eq!(counts(w.c.v2_desk, &mut w), (1, 0, 1, 1));
    assert_eq!(counts(w.c.v3_desk, &mut w), (0, 0, 1, 0));
    assert_eq!(counts(w.c.t1_lead, &mut w), (1, 1, 3, 1));
    assert_eq!(counts(w.c.county_lead, &mut w), (1, 1, 4, 1));
}

#[test]
fn a_filters_count_is_of_the_visible_centres_on_any_connection() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = world();
    // The same county in a file, so the count runs on a read-only connection of its own.
    w.c.store.backup_to(&dir.path().join("c.db")).unwrap();
    let mut file = crate::store::Store::open(&dir.path().join("c.db")).unwrap();
    let open = CaseFilter {
        chips: vec![Chip::Open],
    };
    for (who, n) in [
        (w.c.v1_desk, 1),
        (w.c.t1_lead, 3),
        (w.t2_lead, 1),
        (w.c.county_lead, 4),
    ] {
        let s = w.as_(who);
        assert_eq!(s.count_cases(&open, next_day(9)).unwrap(), n);
        file.view_as(who).unwrap();
        let job = file.spawn_count(&open, next_day(9));
        let counted = loop {
            if let Some(r) = job.poll() {
                break r.unwrap();
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        };
        assert_eq!(counted, n);
    }
}

#[test]
fn a_database_of_several_centres_shows_nothing_until_someone_is_named() {
    let mut w = world();
    let s = &mut w.c.store;
    s.set_viewer(None).unwrap();
    let open = CaseFilter {
        chips: vec![Chip::Open],
    };
    // view_as in world() named people; back to nobody: nothing.
    assert_eq!(s.count_cases(&open, next_day(9)).unwrap(), 0);
    assert_eq!(s.urgent_counts().unwrap(), Default::default());
    assert!(
        s.search_cases("1124-001", 10, next_day(9))
            .unwrap()
            .is_empty()
    );
    s.set_viewer(Some(w.c.v1_desk)).unwrap();
    assert_eq!(s.count_cases(&open, next_day(9)).unwrap(), 1);
}
