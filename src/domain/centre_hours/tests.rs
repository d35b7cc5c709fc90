use super::*;
use chrono::{NaiveDateTime, NaiveTime};

fn day(d: u32) -> NaiveDate {
    // November 2026: the 21st is a Saturday, the 23rd a Monday.
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn at(d: u32, h: u32) -> NaiveDateTime {
    day(d).and_hms_opt(h, 0, 0).unwrap()
}

fn rule(d: u32, centre: Option<i64>, open: bool) -> DayRule {
    DayRule {
        day: day(d),
        centre_id: centre,
        open,
        name: String::new(),
    }
}

fn saturday_mornings() -> WorkTime {
    WorkTime {
        start: NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
        end: NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
        days: vec![1, 2, 3, 4, 5, 6],
    }
}

#[test]
fn a_centre_without_its_own_hours_keeps_the_default() {
    let d = WorkTime::default();
    assert_eq!(work_of(&d, None), d);
    assert_eq!(work_of(&d, Some(&saturday_mornings())), saturday_mornings());
    // A centre alone, no rows of its own: exactly the calendar of before.
    let rules = [rule(23, None, false)];
    let cal = calendar_of(&d, None, 1, &rules);
    assert_eq!(cal.work, d);
    assert_eq!(cal.holidays, vec![day(23)]);
    assert!(cal.open_days.is_empty());
}

#[test]
fn days_off_are_the_county_wide_ones_and_the_centres_own() {
    let d = WorkTime::default();
    // The 24th is village 5's market-day closure; the 25th another village's.
    let rules = [
        rule(23, None, false),
        rule(24, Some(5), false),
        rule(25, Some(6), false),
    ];
    let five = calendar_of(&d, None, 5, &rules);
    assert_eq!(five.holidays, vec![day(23), day(24)]);
    let county = calendar_of(&d, None, 1, &rules);
    assert_eq!(county.holidays, vec![day(23)]);
    // Friday 20th 16:00 + one working day: Tuesday in the county, Wednesday in village 5.
    let h = crate::domain::risk::ResponseHours::default();
    let orange = crate::domain::risk::Colour::Orange;
    assert_eq!(county.response(&h, orange, at(20, 16)), Some(at(24, 16)));
    assert_eq!(five.response(&h, orange, at(20, 16)), Some(at(25, 16)));
}

#[test]
fn a_centres_own_day_wins_over_the_county_wide_one() {
    let d = WorkTime::default();
    // Saturday 21st open in centre 7 only; Monday 23rd a holiday everywhere but centre 7.
    let rules = [
        rule(21, Some(7), true),
        rule(23, None, false),
        rule(23, Some(7), true),
    ];
    assert_eq!(day_for(&rules, 7, day(23)), Some(true));
    assert_eq!(day_for(&rules, 8, day(23)), Some(false));
    assert_eq!(day_for(&rules, 8, day(21)), None);
    let seven = calendar_of(&d, None, 7, &rules);
    assert_eq!(seven.open_days, vec![day(21), day(23)]);
    assert!(seven.holidays.is_empty());
    assert!(seven.is_open_day(day(21)) && !seven.is_open_day(day(22)));
    let eight = calendar_of(&d, None, 8, &rules);
    assert!(!eight.is_open_day(day(21)) && !eight.is_open_day(day(23)));
    // Friday 16:00 + 24 h: Saturday 16:00 in centre 7, Tuesday in centre 8.
    let h = crate::domain::risk::ResponseHours::default();
    let orange = crate::domain::risk::Colour::Orange;
    assert_eq!(seven.response(&h, orange, at(20, 16)), Some(at(21, 16)));
    assert_eq!(eight.response(&h, orange, at(20, 16)), Some(at(24, 16)));
}

#[test]
fn a_centres_own_hours_count_its_deadlines() {
    let rules = [];
    let own = saturday_mornings();
    let cal = calendar_of(&WorkTime::default(), Some(&own), 3, &rules);
    // Friday 11:00 + 3 working hours: 1 h on Friday, 2 h on Saturday morning.
    assert_eq!(
        crate::domain::worktime::add_working_hours(at(20, 11), 3, &cal),
        at(21, 10)
    );
    assert_eq!(cal.hours_of(day(21)).map(|s| s.end), Some(at(21, 12)));
    assert_eq!(cal.next_open_day(day(20)), day(21));
}

#[test]
fn hours_as_typed() {
    assert_eq!(parse_days("1-5"), Ok(vec![1, 2, 3, 4, 5]));
    assert_eq!(parse_days("1-5,6"), Ok(vec![1, 2, 3, 4, 5, 6]));
    assert_eq!(parse_days("6,1，3"), Ok(vec![1, 3, 6]));
    for bad in ["", "0", "8", "5-1", "a", "1-", ","] {
        assert_eq!(parse_days(bad), Err(HoursRule::BadDays), "{bad:?}");
    }
    assert_eq!(
        parse_clock("8:00"),
        Ok(NaiveTime::from_hms_opt(8, 0, 0).unwrap())
    );
    assert_eq!(parse_clock("24:00"), Err(HoursRule::BadTime));
    let base = WorkTime::default();
    let w = edited(&base, Some("08:00"), Some("12:00"), Some("1-6")).unwrap();
    assert_eq!(w, saturday_mornings());
    // A part not given keeps the centre's present one.
    let w = edited(&saturday_mornings(), None, Some("17:00"), None).unwrap();
    assert_eq!((w.start, w.days.len()), (saturday_mornings().start, 6));
    assert_eq!(
        edited(&base, Some("18:00"), None, None),
        Err(HoursRule::ClosesBeforeOpening)
    );
    assert_eq!(
        edited(&base, Some("8h"), None, None),
        Err(HoursRule::BadTime)
    );
    assert_eq!(days_text(&[1, 2, 3, 4, 5, 6]), "1-6");
    assert_eq!(days_text(&[1, 2, 4, 6, 7]), "1,2,4,6,7");
    assert_eq!(hours_text(&saturday_mornings()), "08:00-12:00 1-6");
}
