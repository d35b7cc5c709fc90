//! Deadline arithmetic in working time: working hours and days from the config, public
//! holidays from the calendar. Pure, no IO; the store decides which rule a deadline uses.
//!
//! Rules (the issue says "deadlines count working time"):
//! - Red counts clock hours: a red case is seen the same day, even after hours or on a holiday.
//! - Other colours: every whole 24 h of the configured response time is one working day (24 h
//!   from a Friday afternoon ends on Monday afternoon, not on Saturday); any remainder counts
//!   working hours. Counting starts at the intake, or at the next opening if the centre is closed.
//! - The mediation term is 30 days from intake; a term ending on a day off ends on the next
//!   working day instead, at closing time (the rule for periods in Chinese civil procedure).
use super::risk::{Colour, ResponseHours};
use super::slots::WorkTime;
use chrono::{Duration, NaiveDate, NaiveDateTime};

/// People's mediation is normally settled within 30 days.
pub const MEDIATION_TERM_DAYS: i64 = 30;
/// The longest one extension of the mediation term may add (with both parties' consent).
pub const MAX_EXTENSION_DAYS: i64 = 90;

/// What every deadline is counted in: the centre's working time (the config's `[hours]`) and
/// the calendar's public holidays from the day counting starts (`HOLIDAY_WINDOW_DAYS` of them).
/// The triage form's preview, the saved case, imports and the demo data all count with one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Calendar {
    pub work: WorkTime,
    pub holidays: Vec<NaiveDate>,
}

impl Calendar {
    /// The response deadline of a case of `colour` from `from`: red in clock hours (seen the
    /// same day, after hours and on holidays too), the other colours in working time; green
    /// has none.
    pub fn response(
        &self,
        hours: &ResponseHours,
        colour: Colour,
        from: NaiveDateTime,
    ) -> Option<NaiveDateTime> {
        let h = hours.of(colour)?;
        Some(response_deadline(
            from,
            h,
            colour == Colour::Red,
            &self.work,
            &self.holidays,
        ))
    }

    /// The end of a term of `days` from `from` (moved off days off).
    pub fn term_end(&self, from: NaiveDateTime, days: i64) -> NaiveDateTime {
        term_end(from, days, &self.work, &self.holidays)
    }

    /// The end of the mediation term of a case received at `received`.
    pub fn mediation_term(&self, received: NaiveDateTime) -> NaiveDateTime {
        self.term_end(received, MEDIATION_TERM_DAYS)
    }
}

/// Far enough for any configured deadline; stops a loop if the config has no working day.
const MAX_DAYS: i64 = 3660;

fn is_open_day(d: NaiveDate, w: &WorkTime, holidays: &[NaiveDate]) -> bool {
    w.is_working_day(d) && !holidays.contains(&d) && w.start < w.end
}

/// The first instant at or after `t` inside working time (`t` itself if the centre is open).
pub fn next_open(t: NaiveDateTime, w: &WorkTime, holidays: &[NaiveDate]) -> NaiveDateTime {
    let mut d = t.date();
    for _ in 0..MAX_DAYS {
        if is_open_day(d, w, holidays) {
            let (open, close) = (d.and_time(w.start), d.and_time(w.end));
            if t < close {
                return t.max(open);
            }
        }
        d = d.succ_opt().unwrap_or(d);
    }
    t
}

/// `start` plus `hours` of working time. After-hours intake starts counting at the next
/// opening; a deadline that uses up a day exactly ends at that day's closing time.
pub fn add_working_hours(
    start: NaiveDateTime,
    hours: i64,
    w: &WorkTime,
    holidays: &[NaiveDate],
) -> NaiveDateTime {
    let mut left = Duration::hours(hours.max(0));
    let mut t = next_open(start, w, holidays);
    for _ in 0..MAX_DAYS {
        let close = t.date().and_time(w.end);
        if t + left <= close {
            return t + left;
        }
        left -= close - t;
        t = next_open(close, w, holidays);
    }
    t
}

/// `start` plus `days` working days, at the same time of day (counting from the next opening
/// if the centre is closed at `start`).
pub fn add_working_days(
    start: NaiveDateTime,
    days: i64,
    w: &WorkTime,
    holidays: &[NaiveDate],
) -> NaiveDateTime {
    let t = next_open(start, w, holidays);
    let mut d = t.date();
    let mut n = 0;
    for _ in 0..MAX_DAYS {
        if n >= days {
            break;
        }
        d = d.succ_opt().unwrap_or(d);
        if is_open_day(d, w, holidays) {
            n += 1;
        }
    }
    d.and_time(t.time())
}

/// A response deadline of `hours`: red in clock hours, the others in working time (see above).
pub fn response_deadline(
    start: NaiveDateTime,
    hours: i64,
    clock: bool,
    w: &WorkTime,
    holidays: &[NaiveDate],
) -> NaiveDateTime {
    if clock {
        return start + Duration::hours(hours);
    }
    let t = add_working_days(start, hours / 24, w, holidays);
    add_working_hours(t, hours % 24, w, holidays)
}

/// The end of a term of `days` calendar days; moved to the next working day's closing time when
/// it falls on a day off.
pub fn term_end(
    start: NaiveDateTime,
    days: i64,
    w: &WorkTime,
    holidays: &[NaiveDate],
) -> NaiveDateTime {
    let end = start + Duration::days(days);
    if is_open_day(end.date(), w, holidays) {
        return end;
    }
    let mut d = end.date();
    for _ in 0..MAX_DAYS {
        d = d.succ_opt().unwrap_or(d);
        if is_open_day(d, w, holidays) {
            return d.and_time(w.end);
        }
    }
    end
}

/// How many days of holidays after `start` a deadline can need (for loading them).
pub const HOLIDAY_WINDOW_DAYS: i64 = 400;

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveTime;

    fn w() -> WorkTime {
        WorkTime {
            start: NaiveTime::from_hms_opt(8, 30, 0).unwrap(),
            end: NaiveTime::from_hms_opt(17, 30, 0).unwrap(),
            days: vec![1, 2, 3, 4, 5],
        }
    }
    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }
    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    // 2026-11-20 is a Friday.
    #[test]
    fn working_hours_within_a_day_and_over_the_weekend() {
        assert_eq!(
            add_working_hours(at(2026, 11, 18, 9, 0), 4, &w(), &[]),
            at(2026, 11, 18, 13, 0)
        );
        // Friday 16:00 + 4 h: 1.5 h on Friday, 2.5 h on Monday.
        assert_eq!(
            add_working_hours(at(2026, 11, 20, 16, 0), 4, &w(), &[]),
            at(2026, 11, 23, 11, 0)
        );
        // Exactly to closing time stays on that day.
        assert_eq!(
            add_working_hours(at(2026, 11, 18, 8, 30), 9, &w(), &[]),
            at(2026, 11, 18, 17, 30)
        );
    }

    #[test]
    fn after_hours_intake_counts_from_the_next_opening() {
        // Wednesday 20:00 -> Thursday 08:30 + 2 h.
        assert_eq!(
            add_working_hours(at(2026, 11, 18, 20, 0), 2, &w(), &[]),
            at(2026, 11, 19, 10, 30)
        );
        // Saturday intake, one working day -> Tuesday at opening time.
        assert_eq!(
            add_working_days(at(2026, 11, 21, 10, 0), 1, &w(), &[]),
            at(2026, 11, 24, 8, 30)
        );
        // Early morning counts from opening.
        assert_eq!(
            add_working_hours(at(2026, 11, 18, 6, 0), 1, &w(), &[]),
            at(2026, 11, 18, 9, 30)
        );
    }

    #[test]
    fn holidays_are_skipped() {
        let hol = [day(2026, 11, 23), day(2026, 11, 24)];
        // Friday 16:00 + 1 working day skips the weekend and the Mon/Tue holidays.
        assert_eq!(
            add_working_days(at(2026, 11, 20, 16, 0), 1, &w(), &hol),
            at(2026, 11, 25, 16, 0)
        );
        assert_eq!(
            add_working_hours(at(2026, 11, 20, 17, 0), 1, &w(), &hol),
            at(2026, 11, 25, 9, 0)
        );
    }

    #[test]
    fn across_the_year_end() {
        // Thursday 2026-12-31 15:00, New Year's Day a holiday: 3 working days -> Wed 2027-01-06.
        let hol = [day(2027, 1, 1)];
        assert_eq!(
            add_working_days(at(2026, 12, 31, 15, 0), 3, &w(), &hol),
            at(2027, 1, 6, 15, 0)
        );
        assert_eq!(
            add_working_hours(at(2026, 12, 31, 15, 0), 4, &w(), &hol),
            at(2027, 1, 4, 10, 0)
        );
    }

    #[test]
    fn response_deadlines_red_in_clock_hours_others_in_working_days() {
        let fri = at(2026, 11, 20, 16, 0);
        assert_eq!(
            response_deadline(fri, 4, true, &w(), &[]),
            at(2026, 11, 20, 20, 0)
        );
        assert_eq!(
            response_deadline(fri, 24, false, &w(), &[]),
            at(2026, 11, 23, 16, 0)
        );
        assert_eq!(
            response_deadline(fri, 168, false, &w(), &[]),
            at(2026, 12, 1, 16, 0)
        );
        // 36 h = one working day (to Monday 16:00) and 12 working hours (1.5 + 9 + 1.5).
        assert_eq!(
            response_deadline(fri, 36, false, &w(), &[]),
            at(2026, 11, 25, 10, 0)
        );
    }

    #[test]
    fn a_term_ending_on_a_day_off_moves_to_the_next_working_day() {
        // 2026-11-01 + 30 days = Tuesday 12-01: unchanged.
        assert_eq!(
            term_end(at(2026, 11, 1, 9, 0), 30, &w(), &[]),
            at(2026, 12, 1, 9, 0)
        );
        // 2026-12-02 + 30 = Friday 2027-01-01, a holiday -> Monday 01-04 at closing time.
        let hol = [day(2027, 1, 1)];
        assert_eq!(
            term_end(at(2026, 12, 2, 9, 0), 30, &w(), &hol),
            at(2027, 1, 4, 17, 30)
        );
    }

    #[test]
    fn no_working_day_at_all_does_not_hang() {
        let none = WorkTime {
            days: vec![],
            ..w()
        };
        let t = at(2026, 11, 20, 16, 0);
        assert_eq!(next_open(t, &none, &[]), t);
        let _ = add_working_hours(t, 4, &none, &[]);
        let _ = add_working_days(t, 4, &none, &[]);
    }
}
