//! The demo data follows the desk's rules, so a demo list never mixes two deadline rules, and
//! its figures, county-wide, look like a real centre's (published: 97 % success, 94.5 %
//! resolution); each centre has its staff, rooms and cases, on the 3-2-1 ladder.
use super::{DEMO_LEAD, DEMO_VILLAGE_DESK, DemoOptions, generate_county};
use crate::domain::risk::ResponseHours;
use crate::domain::status::Status;
use crate::domain::transfer::TransferState;
use crate::store::testing::demo_checks as checks;
use crate::store::{Actor, Store};
use chrono::{Duration, NaiveDate, NaiveDateTime};

fn at(h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

/// The county demo, read as its county lead: everything.
fn demo(cases: u32, seed: u64, now: NaiveDateTime) -> Store {
    let mut s = Store::open_in_memory().unwrap();
    let opts = DemoOptions { cases, seed, now };
    generate_county(&mut s, &opts, "1234").unwrap();
    let lead = actor(&s, DEMO_LEAD);
    s.view_as(lead).unwrap();
    s
}

fn actor(s: &Store, code: &str) -> Actor {
    let m = s.staff_by_code(code).unwrap().unwrap();
    Actor {
        staff_id: m.id,
        role: m.role,
    }
}

fn count(s: &Store, sql: &str, now: NaiveDateTime) -> i64 {
    s.count_at(sql, now)
}

#[test]
fn demo_deadlines_count_working_time_as_a_saved_case_does() {
    let s = demo(200, 5, at(10, 30));
    let ids: Vec<i64> = (1..=s.case_count().unwrap()).collect();
    let rows = s.case_rows(&ids).unwrap();
    assert_eq!(rows.len(), 200);
    let (mut weekend_or_evening, mut moved) = (0, 0);
    for r in rows {
        let want = match arrived(&s, r.id) {
            // A case that moved counts from when it arrived (signed for or overruled): its
            // colour's response time until mediation starts there, then the mediation term
            // (kept by an outcome reached through it).
            Some(t) => {
                moved += 1;
                let cal = s.deadline_calendar(r.centre_id, t.date()).unwrap();
                match r.status {
                    Status::Registered | Status::Assigned => {
                        cal.response(&ResponseHours::default(), r.colour, t)
                    }
                    _ => Some(cal.mediation_term(t)),
                }
            }
            None => {
                let cal = s
                    .deadline_calendar(r.centre_id, r.received_at.date())
                    .unwrap();
                match r.status {
                    Status::InMediation => Some(cal.mediation_term(r.received_at)),
                    _ => cal.response(&ResponseHours::default(), r.colour, r.received_at),
                }
            }
        };
        assert_eq!(r.deadline_at, want, "{} {:?}", r.case_no, r.status);
        let cal = s
            .deadline_calendar(r.centre_id, r.received_at.date())
            .unwrap();
        // A clock-hour deadline would often fall on a day off; a working-time one never does
        // (red aside: seen the same day): not on the handling centre's days off either.
        if let Some(d) = r
            .deadline_at
            .filter(|_| r.colour != crate::domain::risk::Colour::Red)
            && !cal.is_open_day(d.date())
        {
            weekend_or_evening += 1;
        }
    }
    assert_eq!(weekend_or_evening, 0);
    assert!(moved > 0, "no case moved in the 200-case county");
}

/// When the hand-over that brought the case where it is now was signed for or overruled, if
/// it moved.
fn arrived(s: &Store, case: i64) -> Option<NaiveDateTime> {
    let passage = s.transfers_of(case).unwrap();
    passage.transfers.iter().rev().find_map(|t| match t.state {
        TransferState::Signed => t.answered_at,
        TransferState::Overruled => t.overruled_at,
        _ => None,
    })
}

/// The statistics pane over the last 30 days and over the whole span reads like a published
/// centre's report; few open cases are overdue.
#[test]
fn demo_statistics_fall_in_the_ranges_centres_report() {
    // 2000 from seed 1 is what `onedoor --demo` shows.
    for (cases, seed) in [(600, 1), (2000, 1)] {
        let now = at(10, 30);
        let s = demo(cases, seed, now);
        let today = now.date();
        let month = s.stats(today - Duration::days(29), today).unwrap();
        let all = s.stats(today - Duration::days(2000), today).unwrap();
        assert_eq!(all.received, i64::from(cases));
        let pct = |r: Option<f64>| (r.unwrap_or(0.0) * 100.0).round();
        let (m_success, a_success) = (pct(month.success_rate()), pct(all.success_rate()));
        let a_resolution = pct(all.resolution_rate());
        assert!(
            m_success >= 90.0,
            "{cases}: success over 30 days {m_success} %"
        );
        assert!(
            a_success >= 90.0,
            "{cases}: success over the span {a_success} %"
        );
        assert!(a_success <= 99.0, "{cases}: a real centre fails sometimes");
        assert!(a_resolution >= 88.0, "{cases}: resolution {a_resolution} %");
        assert!(month.mediated > 0 && all.mediated > all.mediated / 2);
        let open = count(&s, checks::OPEN, now);
        let overdue = s.overdue_count(now).unwrap();
        assert!(open > 0);
        assert!(
            overdue * 20 < open,
            "{cases}: {overdue} of {open} open cases overdue"
        );
    }
}

/// Nothing in the demo happens after "now": at 08:12, before the desk opens, today has no
/// intake yet, and no audit entry, held session, follow-up or closing lies ahead.
#[test]
fn demo_dates_nothing_after_now() {
    for now in [at(8, 12), at(10, 30), at(17, 45)] {
        let s = demo(600, 2, now);
        for sql in [
            checks::CASES_AFTER,
            checks::AUDIT_AFTER,
            checks::VISITS_AFTER,
            checks::SESSIONS_DONE_AFTER,
            checks::FOLLOWUPS_DONE_AFTER,
        ] {
            assert_eq!(count(&s, sql, now), 0, "{now}: {sql}");
        }
        // An entry in the trail is never earlier than the case it belongs to.
        let before = count(&s, checks::AUDIT_BEFORE_CASE, now);
        assert_eq!(before, 0, "{now}");
    }
    let early = demo(600, 2, at(8, 12));
    let today = count(&early, checks::RECEIVED_TODAY, at(8, 12));
    assert_eq!(today, 0, "nobody is received before the desk opens");
}

/// Red cases are seen the same day (DOMAIN.md): each has an action besides its registration
/// on the day it came, and at the end of the morning no open red case waits for one.
#[test]
fn demo_red_cases_are_acted_on_the_same_day() {
    let now = at(11, 0);
    let s = demo(2000, 4, now);
    let red = count(&s, checks::RED, now);
    assert!(red > 10, "{red}");
    let unseen = count(&s, checks::RED_UNSEEN_SAME_DAY, now);
    assert_eq!(
        unseen, 0,
        "{unseen} of {red} red cases had no action the day they came"
    );
    assert_eq!(s.red_idle_count(now).unwrap(), 0);
}

/// The county: ten centres, each with a lead, a desk clerk, mediators and a room; every case
/// received, registered and numbered at its own centre and mediated there, on that centre's
/// level of the ladder, until a hand-over signed for (or overruled) moves it to another centre,
/// which carries on its ladder (flow_tests.rs); its sessions stay with the centre that held
/// them. Most cases are in the villages, fewer in the townships, a few at the county.
#[test]
fn the_county_demo_keeps_each_case_at_its_centre_and_level() {
    let now = at(10, 30);
    let mut s = Store::open_in_memory().unwrap();
    let opts = DemoOptions {
        cases: 2000,
        seed: 1,
        now,
    };
    let report = generate_county(&mut s, &opts, "1234").unwrap();
    assert_eq!((report.centres, report.staff), (10, 56));
    let tree = s.centre_tree().unwrap();
    assert_eq!(tree.len(), 10);
    let main = tree.by_code("MAIN").unwrap();
    assert_eq!((main.id, main.number_prefix.as_str()), (1, ""));
    assert_eq!(main.name, super::COUNTY_NAME);
    for (code, kids) in [("MAIN", 3), ("DL", 2), ("XS", 2), ("NH", 2), ("DL01", 0)] {
        let c = tree.by_code(code).unwrap();
        assert_eq!(tree.children(c.id).count(), kids, "{code}");
    }
    for sql in [
        checks::OFF_THE_LADDER,
        checks::NOT_WHERE_RECEIVED,
        checks::SESSIONS_ELSEWHERE,
        checks::CENTRES_UNSTAFFED,
    ] {
        assert_eq!(count(&s, sql, now), 0, "{sql}");
    }
    let [village, township, county] = report.per_level;
    assert_eq!(village + township + county, 2000);
    assert!(
        village > 2 * township && township > 2 * county && county > 50,
        "{report:?}"
    );
    assert!(report.sessions > 1000, "{report:?}");
    // Each centre's day counter carries on after the demo's numbers: a case registered now
    // at every centre gets the next free number of its own centre (a counter left behind
    // would hand out a number the demo used: refused as a duplicate).
    let h = ResponseHours::default();
    let mut continued = 0;
    for centre in [
        "D001",
        "DLD",
        "XSD",
        "NHD",
        DEMO_VILLAGE_DESK,
        "DL02D",
        "XS01D",
    ] {
        let by = actor(&s, centre);
        let prefix = s.staff_centre(by.staff_id).unwrap().number_prefix;
        let case = crate::domain::intake::NewCase::walk_in(
            now,
            "neighbour",
            "邻居装修噪音扰民",
            crate::domain::intake::NewParty::named("覃小梅", None),
        );
        let made = s.create_case(by, &case, &h).unwrap().case_no;
        let first = crate::domain::centre::case_no(&prefix, now, 1);
        assert_eq!(made.len(), first.len(), "{centre}: {made}");
        assert_eq!(made[..made.len() - 3], first[..first.len() - 3]);
        continued += usize::from(made != first);
    }
    assert!(continued >= 3, "{continued} centres had cases today");
}

#[test]
fn one_village_keeps_its_own_hours_and_one_station_its_own_day_off() {
    let s = demo(200, 5, at(10, 30));
    let tree = s.centre_tree().unwrap();
    let own: Vec<(&str, Vec<u8>)> = tree
        .all()
        .iter()
        .filter_map(|c| Some((c.code.as_str(), c.hours.as_ref()?.days.clone())))
        .collect();
    assert_eq!(own, [("XS02", vec![1, 2, 3, 4, 5, 6])]);
    // NH01 closes a Wednesday 7 to 13 days ahead (24 November 2026 is a Tuesday: 2 December).
    let today = at(10, 30).date();
    let rules = s.day_rules(today, today + Duration::days(60)).unwrap();
    let nh01 = tree.by_code("NH01").unwrap().id;
    let days: Vec<(Option<i64>, NaiveDate, bool)> =
        rules.iter().map(|r| (r.centre_id, r.day, r.open)).collect();
    assert_eq!(days, [(Some(nh01), today + Duration::days(8), false)]);
    // Its neighbour works that day; XS02 works Saturdays, XS01 does not.
    let wed = today + Duration::days(8);
    let open = |code: &str, d: NaiveDate| {
        let id = tree.by_code(code).unwrap().id;
        s.centre_calendar(id, d, d).unwrap().is_open_day(d)
    };
    assert!(!open("NH01", wed) && open("NH02", wed));
    let sat = today + Duration::days(4);
    assert!(open("XS02", sat) && !open("XS01", sat));
    // No session of NH01's is booked on its day off.
    let booked = s
        .sessions_between(
            wed.and_hms_opt(0, 0, 0).unwrap(),
            (wed + Duration::days(1)).and_hms_opt(0, 0, 0).unwrap(),
        )
        .unwrap();
    let nh01_rooms: Vec<i64> = s
        .rooms()
        .unwrap()
        .into_iter()
        .filter(|r| r.centre_id == nh01)
        .map(|r| r.id)
        .collect();
    assert!(
        !booked
            .iter()
            .any(|b| b.room_id.is_some_and(|r| nh01_rooms.contains(&r)))
    );
}
