use super::*;

fn t(d: u32, h: u32, m: u32) -> NaiveDateTime {
    // November 2026: the 23rd is a Monday.
    NaiveDate::from_ymd_opt(2026, 11, d)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

fn work() -> Calendar {
    Calendar::default()
}

fn off(days: &[NaiveDate]) -> Calendar {
    Calendar {
        holidays: days.to_vec(),
        ..work()
    }
}

fn span(a: NaiveDateTime, b: NaiveDateTime) -> Span {
    Span::new(a, b)
}

#[test]
fn back_to_back_does_not_overlap_but_one_minute_does() {
    let a = span(t(24, 9, 0), t(24, 10, 0));
    assert!(!a.overlaps(&span(t(24, 10, 0), t(24, 11, 0))));
    assert!(!span(t(24, 8, 0), t(24, 9, 0)).overlaps(&a));
    assert!(a.overlaps(&span(t(24, 9, 59), t(24, 11, 0))));
    assert!(a.overlaps(&span(t(24, 9, 15), t(24, 9, 30))), "inside");
    assert!(span(t(24, 8, 0), t(24, 12, 0)).overlaps(&a), "around");
}

#[test]
fn spans_across_midnight_overlap_the_next_morning() {
    let night = span(t(24, 23, 0), t(25, 1, 0));
    assert!(night.overlaps(&span(t(25, 0, 30), t(25, 2, 0))));
    assert!(!night.overlaps(&span(t(25, 1, 0), t(25, 2, 0))));
    assert!(night.overlaps(&Span::day(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap())));
}

#[test]
fn first_free_slot_is_the_start_of_the_day() {
    let s = next_free(&work(), &[], t(24, 7, 0), Duration::hours(1), None).unwrap();
    assert_eq!((s.start, s.end), (t(24, 8, 30), t(24, 9, 30)));
    assert!(!s.after_deadline);
}

#[test]
fn starts_are_rounded_up_to_the_grid() {
    let s = next_free(&work(), &[], t(24, 9, 7), Duration::hours(1), None).unwrap();
    assert_eq!(s.start, t(24, 9, 15));
}

#[test]
fn busy_time_is_skipped_and_back_to_back_is_used() {
    let busy = [
        span(t(24, 8, 30), t(24, 10, 0)),
        span(t(24, 9, 0), t(24, 11, 0)),
    ];
    let s = next_free(&work(), &busy, t(24, 8, 0), Duration::hours(1), None).unwrap();
    assert_eq!(s.start, t(24, 11, 0), "right after the latest blocking end");
}

#[test]
fn a_gap_too_short_is_passed_over() {
    let busy = [
        span(t(24, 8, 30), t(24, 10, 0)),
        span(t(24, 10, 30), t(24, 12, 0)),
    ];
    let s = next_free(&work(), &busy, t(24, 8, 0), Duration::hours(1), None).unwrap();
    assert_eq!(s.start, t(24, 12, 0));
    let s = next_free(&work(), &busy, t(24, 8, 0), Duration::minutes(30), None).unwrap();
    assert_eq!(s.start, t(24, 10, 0));
}

#[test]
fn end_of_day_moves_to_the_next_working_day() {
    // Friday 27th late: the weekend is skipped, Monday 30th 08:30.
    let s = next_free(&work(), &[], t(27, 17, 0), Duration::hours(1), None).unwrap();
    assert_eq!(s.start, t(30, 8, 30));
}

#[test]
fn holidays_and_leave_are_blocked_out() {
    let holiday = [NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()];
    let leave = [Span::day(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())];
    let s = next_free(
        &off(&holiday),
        &leave,
        t(24, 17, 0),
        Duration::hours(1),
        None,
    )
    .unwrap();
    assert_eq!(s.start, t(27, 8, 30));
}

#[test]
fn deadline_is_flagged_when_nothing_fits_before_it() {
    let busy = [span(t(24, 8, 30), t(24, 17, 30))];
    let s = next_free(
        &work(),
        &busy,
        t(24, 8, 0),
        Duration::hours(1),
        Some(t(24, 17, 30)),
    )
    .unwrap();
    assert_eq!(s.start, t(25, 8, 30));
    assert!(s.after_deadline);
    let s = next_free(
        &work(),
        &[],
        t(24, 8, 0),
        Duration::hours(1),
        Some(t(24, 17, 30)),
    )
    .unwrap();
    assert!(!s.after_deadline);
}

#[test]
fn impossible_lengths_find_nothing() {
    assert!(next_free(&work(), &[], t(24, 8, 0), Duration::hours(10), None).is_none());
    assert!(next_free(&work(), &[], t(24, 8, 0), Duration::zero(), None).is_none());
    let none = Calendar {
        work: WorkTime {
            days: vec![],
            ..WorkTime::default()
        },
        ..work()
    };
    assert!(next_free(&none, &[], t(24, 8, 0), Duration::hours(1), None).is_none());
}

#[test]
fn working_time_contains_only_whole_sessions_on_working_days() {
    let w = work();
    assert!(w.contains(&span(t(24, 8, 30), t(24, 17, 30))));
    assert!(!w.contains(&span(t(24, 17, 0), t(24, 18, 0))));
    assert!(!w.contains(&span(t(28, 9, 0), t(28, 10, 0))), "Saturday");
    assert!(
        !w.contains(&span(t(24, 23, 0), t(25, 1, 0))),
        "across midnight"
    );
}

#[test]
fn typed_dates_and_times() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).ok_or("");
    assert_eq!(parse_day("2026-11-24", today), d(2026, 11, 24));
    assert_eq!(parse_day("11-25", today), d(2026, 11, 25));
    assert_eq!(
        parse_day("１２-０１", today),
        d(2026, 12, 1),
        "full-width digits"
    );
    assert_eq!(parse_day("+3", today), d(2026, 11, 27));
    assert_eq!(parse_day("-1", today), d(2026, 11, 23));
    assert_eq!(parse_day("0", today), d(2026, 11, 24));
    assert_eq!(parse_day("2026/12/31", today), d(2026, 12, 31));
    assert_eq!(parse_day("20261231", today), d(2026, 12, 31), "as on forms");
    assert_eq!(parse_day("２０２６１２３１", today), d(2026, 12, 31));
    assert_eq!(parse_day("１２－０１", today), d(2026, 12, 1), "IME dash");
    for bad in [
        "",
        "13-01",
        "+x",
        "tomorrow",
        "2026-02-30",
        "+99999999999999999999",
        "+-99999999999999",
        "-0001-01-01",
        "26-11-24",
        "20260230",
        "18991231",
    ] {
        assert_eq!(parse_day(bad, today), Err("err.calendar.date"), "{bad}");
    }
    let tm = |h, m| NaiveTime::from_hms_opt(h, m, 0).ok_or("");
    assert_eq!(parse_time("9:00"), tm(9, 0));
    assert_eq!(parse_time("14"), tm(14, 0));
    assert_eq!(parse_time("930"), tm(9, 30));
    assert_eq!(parse_time("1415"), tm(14, 15));
    assert_eq!(parse_time("１４：３０"), tm(14, 30), "IME colon");
    for bad in [
        "", "25:00", "24:00", "2400", "9:75", "abc", "12345", "-9:00",
    ] {
        assert_eq!(parse_time(bad), Err("err.calendar.time"), "{bad}");
    }
    assert_eq!(parse_length("６０"), Ok(Duration::minutes(60)));
    for bad in ["", "14", "721", "1h", "-60"] {
        assert_eq!(parse_length(bad), Err("err.calendar.length"), "{bad}");
    }
}
