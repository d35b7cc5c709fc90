//! Each centre counts in its own working time (issue 14: "its clock for that level starts now,
//! in its own working time"): the receiver's hours and days off set the deadlines of what it
//! signs for and of the replies it owes.
use super::*;
use crate::domain::slots::WorkTime;
use crate::store::DayMark;
use chrono::NaiveDate;

fn deadline(s: &Store, id: i64) -> String {
    s.lite_conn()
        .query_row("SELECT deadline_at FROM cases WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap()
}

fn monday_to_saturday() -> WorkTime {
    WorkTime {
        days: vec![1, 2, 3, 4, 5, 6],
        ..WorkTime::default()
    }
}

#[test]
fn a_township_open_on_saturdays_counts_a_signed_case_in_its_own_time() {
    let mut c = county();
    let lead = c.county_lead;
    c.store
        .set_centre_hours(lead, "T1", Some(&monday_to_saturday()), at(8, 0))
        .unwrap();
    let id = exhausted_at_v1(&mut c);
    c.store.hand_up(c.v1_desk, id, "", day(2, 11)).unwrap();
    c.store.sign(c.t1_desk, id, &hours(), day(2, 12)).unwrap();
    // Signed Thursday 11-26 12:00: 30 days is Saturday 12-26, a working day at the township.
    assert_eq!(deadline(&c.store, id), "2026-12-26 12:00:00");
    // In the village's time (Monday to Friday) it would have been Monday's closing time.
    let v1 = c.store.deadline_calendar(V1, day(2, 12).date()).unwrap();
    assert_eq!(
        v1.mediation_term(day(2, 12)),
        NaiveDate::from_ymd_opt(2026, 12, 28)
            .unwrap()
            .and_hms_opt(17, 30, 0)
            .unwrap()
    );
}

#[test]
fn a_reply_is_due_in_the_receivers_time_and_its_own_closure_moves_it() {
    let mut c = county();
    let t1_lead = c.t1_lead;
    let id = case_by(&mut c.store, c.t1_desk, "李娜");
    // V1 closes Monday 11-30 (its market-day closure); V2 does not.
    let monday = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let closure = DayMark {
        centre: Some(V1),
        day: monday,
        open: false,
        name: "赶集".into(),
    };
    c.store.mark_day(t1_lead, &closure).unwrap();
    // Sent Friday 11-27 10:00, three working days: Thursday in V1, Wednesday in V2.
    let to_v1 = c
        .store
        .hand_down(t1_lead, id, V1, "属地办理", Some(3), day(3, 10))
        .unwrap();
    assert_eq!(to_v1.reply_by, Some(day(9, 10)));
    c.store.withdraw(t1_lead, id, "", day(3, 11)).unwrap();
    let to_v2 = c
        .store
        .hand_down(t1_lead, id, V2, "属地办理", Some(3), day(3, 12))
        .unwrap();
    assert_eq!(to_v2.reply_by, Some(day(8, 12)));
}

#[test]
fn a_villages_own_day_off_moves_its_deadlines_and_no_one_elses() {
    let mut c = county();
    let t1_lead = c.t1_lead;
    // Wednesday 11-25: V1 closed.
    let wednesday = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let closure = DayMark {
        centre: Some(V1),
        day: wednesday,
        open: false,
        name: "村民大会".into(),
    };
    c.store.mark_day(t1_lead, &closure).unwrap();
    let v1 = case_by(&mut c.store, c.v1_desk, "张伟");
    let v2 = case_by(&mut c.store, c.v2_desk, "李娜");
    let t1 = case_by(&mut c.store, c.t1_desk, "王芳");
    // Blue, 7 working days from Tuesday 11-24 09:00.
    assert_eq!(deadline(&c.store, v1), "2026-12-04 09:00:00");
    assert_eq!(deadline(&c.store, v2), "2026-12-03 09:00:00");
    assert_eq!(deadline(&c.store, t1), "2026-12-03 09:00:00");
    // The closure is V1's alone in the calendars.
    let from = wednesday;
    assert_eq!(c.store.holidays(V1, from, from).unwrap().len(), 1);
    assert!(c.store.holidays(V2, from, from).unwrap().is_empty());
    assert!(c.store.holidays(MAIN, from, from).unwrap().is_empty());
}

#[test]
fn who_marks_which_days() {
    let mut c = county();
    let d = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
    let mark = |centre| DayMark {
        centre,
        day: d,
        open: true,
        name: "集日".into(),
    };
    // A township lead marks its own centre and those below it; not the county, not a
    // township beside it, not every centre at once.
    let t1_lead = c.t1_lead;
    c.store.mark_day(t1_lead, &mark(Some(V1))).unwrap();
    c.store.mark_day(t1_lead, &mark(Some(T1))).unwrap();
    for other in [Some(T2), Some(MAIN), None] {
        let e = c.store.mark_day(t1_lead, &mark(other)).unwrap_err();
        assert!(matches!(e, StoreError::Forbidden), "{other:?}: {e:?}");
    }
    // A desk clerk marks nothing; the county lead marks the county-wide day.
    let e = c.store.mark_day(c.v1_desk, &mark(Some(V1))).unwrap_err();
    assert!(matches!(e, StoreError::Forbidden));
    c.store.mark_day(c.county_lead, &mark(None)).unwrap();
    // Marking again changes the row (one per centre and day); removing it restores the rule.
    c.store
        .mark_day(
            t1_lead,
            &DayMark {
                open: false,
                ..mark(Some(V1))
            },
        )
        .unwrap();
    assert_eq!(c.store.day_rules(d, d).unwrap().len(), 3);
    assert!(c.store.unmark_day(t1_lead, Some(V1), d).unwrap());
    assert!(!c.store.unmark_day(t1_lead, Some(V1), d).unwrap());
    assert_eq!(c.store.day_rules(d, d).unwrap().len(), 2);
}

#[test]
fn sessions_are_booked_in_the_handling_centres_days_and_hours() {
    use crate::domain::booking::BookingRule;
    use crate::store::NewSession;
    let mut c = county();
    let (lead, t1_lead) = (c.county_lead, c.t1_lead);
    c.store
        .set_centre_hours(lead, "V1", Some(&monday_to_saturday()), at(8, 0))
        .unwrap();
    // V1 and V2 both close Monday 11-30 (each its own closure).
    let monday = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    for centre in [V1, V2] {
        let closure = DayMark {
            centre: Some(centre),
            day: monday,
            open: false,
            name: "赶集".into(),
        };
        c.store.mark_day(t1_lead, &closure).unwrap();
    }
    // V1 reopens that Monday after all: its own row changes, V2's stays.
    let reopen = DayMark {
        centre: Some(V1),
        day: monday,
        open: true,
        name: String::new(),
    };
    c.store.mark_day(t1_lead, &reopen).unwrap();
    let id = case_by(&mut c.store, c.v1_desk, "张伟");
    let m = c.v1_mediator.staff_id;
    let session = |d: i64| NewSession {
        case_id: id,
        mediators: vec![m],
        room_id: None,
        start: day(d, 9),
        end: day(d, 10),
    };
    // A desk clerk books V1's Saturday (a working day there) and its reopened Monday.
    c.store
        .book_session(c.v1_desk, &session(4), at(9, 0))
        .unwrap();
    c.store
        .book_session(c.v1_desk, &session(6), at(9, 0))
        .unwrap();
    // V2's Monday is closed: V2's own case cannot be booked then.
    let v2 = case_by(&mut c.store, c.v2_desk, "李娜");
    let v2_mediator = another(&mut c, "VM2", Role::Mediator, V2);
    let e = c
        .store
        .book_session(
            c.v2_desk,
            &NewSession {
                case_id: v2,
                mediators: vec![v2_mediator.staff_id],
                room_id: None,
                start: day(6, 9),
                end: day(6, 10),
            },
            at(9, 0),
        )
        .unwrap_err();
    assert!(
        matches!(e, StoreError::Booking(BookingRule::Holiday)),
        "{e:?}"
    );
}
