//! Deadline arithmetic in working time: one centre's working hours and days (its own, else the
//! config's), its days off and extra working days (`centre_hours`). Pure, no IO; the store
//! decides which rule a deadline uses and which centre's calendar counts it.
//!
//! Rules (the issue says "deadlines count working time"):
//! - Red counts clock hours: a red case is seen the same day, even after hours or on a holiday.
//! - Other colours: every whole 24 h of the configured response time is one working day (24 h
//!   from a Friday afternoon ends on Monday afternoon, not on Saturday); any remainder counts
//!   working hours. Counting starts at the intake, or at the next opening if the centre is closed.
//! - The mediation term is 30 days from intake; a term ending on a day off ends on the next
//!   working day instead, at closing time (the rule for periods in Chinese civil procedure).
use super::risk::{Colour, ResponseHours};
use super::slots::{Span, WorkTime};
use chrono::{Duration, NaiveDate, NaiveDateTime};

/// People's mediation is normally settled within 30 days.
pub const MEDIATION_TERM_DAYS: i64 = 30;
/// The longest one extension of the mediation term may add (with both parties' consent).
pub const MAX_EXTENSION_DAYS: i64 = 90;

/// What every deadline is counted in: one centre's working time (its own hours, else the
/// config's `[hours]`) and its days off and extra working days from the day counting starts
/// (`HOLIDAY_WINDOW_DAYS` of them); `domain::centre_hours::calendar_of` makes one. The triage
/// form's preview, the saved case, imports and the demo data all count with one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Calendar {
    pub work: WorkTime,
    /// Days off: public holidays and the centre's own closures.
    pub holidays: Vec<NaiveDate>,
    /// Days open although the working days say closed (a market-day Saturday, a 调休 Sunday).
    pub open_days: Vec<NaiveDate>,
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
        Some(response_deadline(from, h, colour == Colour::Red, self))
    }

    /// The end of a term of `days` from `from` (moved off days off).
    pub fn term_end(&self, from: NaiveDateTime, days: i64) -> NaiveDateTime {
        term_end(from, days, self)
    }

    /// The end of the mediation term of a case received at `received`.
    pub fn mediation_term(&self, received: NaiveDateTime) -> NaiveDateTime {
        self.term_end(received, MEDIATION_TERM_DAYS)
    }

    /// Open that day: a working day or an extra one, not a day off, with hours to work.
    pub fn is_open_day(&self, d: NaiveDate) -> bool {
        (self.work.is_working_day(d) || self.open_days.contains(&d))
            && !self.holidays.contains(&d)
            && self.work.start < self.work.end
    }

    /// The working hours of a day, if the centre is open that day.
    pub fn hours_of(&self, d: NaiveDate) -> Option<Span> {
        self.is_open_day(d)
            .then(|| Span::new(d.and_time(self.work.start), d.and_time(self.work.end)))
    }

    /// Is `s` inside the working hours of one open day?
    pub fn contains(&self, s: &Span) -> bool {
        self.hours_of(s.start.date())
            .is_some_and(|h| h.start <= s.start && s.end <= h.end)
    }

    /// The next open day after `d`; the day after if none is within two weeks.
    pub fn next_open_day(&self, d: NaiveDate) -> NaiveDate {
        (1..=14)
            .map(|i| d + Duration::days(i))
            .find(|n| self.is_open_day(*n))
            .unwrap_or(d + Duration::days(1))
    }
}

/// Far enough for any configured deadline; stops a loop if the config has no working day.
const MAX_DAYS: i64 = 3660;

/// The first instant at or after `t` inside working time (`t` itself if the centre is open).
pub fn next_open(t: NaiveDateTime, cal: &Calendar) -> NaiveDateTime {
    let mut d = t.date();
    for _ in 0..MAX_DAYS {
        if cal.is_open_day(d) {
            let (open, close) = (d.and_time(cal.work.start), d.and_time(cal.work.end));
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
pub fn add_working_hours(start: NaiveDateTime, hours: i64, cal: &Calendar) -> NaiveDateTime {
    let mut left = Duration::hours(hours.max(0));
    let mut t = next_open(start, cal);
    for _ in 0..MAX_DAYS {
        let close = t.date().and_time(cal.work.end);
        if t + left <= close {
            return t + left;
        }
        left -= close - t;
        t = next_open(close, cal);
    }
    t
}

/// `start` plus `days` working days, at the same time of day (counting from the next opening
/// if the centre is closed at `start`).
pub fn add_working_days(start: NaiveDateTime, days: i64, cal: &Calendar) -> NaiveDateTime {
    let t = next_open(start, cal);
    let mut d = t.date();
    let mut n = 0;
    for _ in 0..MAX_DAYS {
        if n >= days {
            break;
        }
        d = d.succ_opt().unwrap_or(d);
        if cal.is_open_day(d) {
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
    cal: &Calendar,
) -> NaiveDateTime {
    if clock {
        return start + Duration::hours(hours);
    }
    let t = add_working_days(start, hours / 24, cal);
    add_working_hours(t, hours % 24, cal)
}

/// The end of a term of `days` calendar days; moved to the next working day's closing time when
/// it falls on a day off.
pub fn term_end(start: NaiveDateTime, days: i64, cal: &Calendar) -> NaiveDateTime {
    let end = start + Duration::days(days);
    if cal.is_open_day(end.date()) {
        return end;
    }
    let mut d = end.date();
    for _ in 0..MAX_DAYS {
        d = d.succ_opt().unwrap_or(d);
        if cal.is_open_day(d) {
            return d.and_time(cal.work.end);
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
    fn cal(holidays: &[NaiveDate]) -> Calendar {
        Calendar {
            work: w(),
            holidays: holidays.to_vec(),
            open_days: vec![],
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
            add_working_hours(at(2026, 11, 18, 9, 0), 4, &cal(&[])),
            at(2026, 11, 18, 13, 0)
        );
        // Friday 16:00 + 4 h: 1.5 h on Friday, 2.5 h on Monday.
        assert_eq!(
            add_working_hours(at(2026, 11, 20, 16, 0), 4, &cal(&[])),
            at(2026, 11, 23, 11, 0)
        );
        // Exactly to closing time stays on that day.
        assert_eq!(
            add_working_hours(at(2026, 11, 18, 8, 30), 9, &cal(&[])),
            at(2026, 11, 18, 17, 30)
        );
    }

    #[test]
    fn after_hours_intake_counts_from_the_next_opening() {
        // Wednesday 20:00 -> Thursday 08:30 + 2 h.
        assert_eq!(
            add_working_hours(at(2026, 11, 18, 20, 0), 2, &cal(&[])),
            at(2026, 11, 19, 10, 30)
        );
        // Saturday intake, one working day -> Tuesday at opening time.
        assert_eq!(
            add_working_days(at(2026, 11, 21, 10, 0), 1, &cal(&[])),
            at(2026, 11, 24, 8, 30)
        );
        // Early morning counts from opening.
        assert_eq!(
            add_working_hours(at(2026, 11, 18, 6, 0), 1, &cal(&[])),
            at(2026, 11, 18, 9, 30)
        );
    }

    #[test]
    fn holidays_are_skipped() {
        let hol = [day(2026, 11, 23), day(2026, 11, 24)];
        // Friday 16:00 + 1 working day skips the weekend and the Mon/Tue holidays.
        assert_eq!(
            add_working_days(at(2026, 11, 20, 16, 0), 1, &cal(&hol)),
            at(2026, 11, 25, 16, 0)
        );
        assert_eq!(
            add_working_hours(at(2026, 11, 20, 17, 0), 1, &cal(&hol)),
            at(2026, 11, 25, 9, 0)
        );
    }

    #[test]
    fn across_the_year_end() {
        // Thursday 2026-12-31 15:00, New Year's Day a holiday: 3 working days -> Wed 2027-01-06.
        let hol = [day(2027, 1, 1)];
        assert_eq!(
            add_working_days(at(2026, 12, 31, 15, 0), 3, &cal(&hol)),
            at(2027, 1, 6, 15, 0)
        );
        assert_eq!(
            add_working_hours(at(2026, 12, 31, 15, 0), 4, &cal(&hol)),
            at(2027, 1, 4, 10, 0)
        );
    }

    #[test]
    fn response_deadlines_red_in_clock_hours_others_in_working_days() {
        let fri = at(2026, 11, 20, 16, 0);
        assert_eq!(
            response_deadline(fri, 4, true, &cal(&[])),
            at(2026, 11, 20, 20, 0)
        );
        assert_eq!(
            response_deadline(fri, 24, false, &cal(&[])),
            at(2026, 11, 23, 16, 0)
        );
        assert_eq!(
            response_deadline(fri, 168, false, &cal(&[])),
            at(2026, 12, 1, 16, 0)
        );
        // 36 h = one working day (to Monday 16:00) and 12 working hours (1.5 + 9 + 1.5).
        assert_eq!(
            response_deadline(fri, 36, false, &cal(&[])),
            at(2026, 11, 25, 10, 0)
        );
    }

    #[test]
    fn a_term_ending_on_a_day_off_moves_to_the_next_working_day() {
        // 2026-11-01 + 30 days = Tuesday 12-01: unchanged.
        assert_eq!(
            term_end(at(2026, 11, 1, 9, 0), 30, &cal(&[])),
            at(2026, 12, 1, 9, 0)
        );
        // 2026-12-02 + 30 = Friday 2027-01-01, a holiday -> Monday 01-04 at closing time.
        let hol = [day(2027, 1, 1)];
        assert_eq!(
            term_end(at(2026, 12, 2, 9, 0), 30, &cal(&hol)),
            at(2027, 1, 4, 17, 30)
        );
    }

    #[test]
    fn next_open_day_skips_weekends_and_days_off() {
        let d = |m, dd| day(2026, m, dd);
        assert_eq!(cal(&[]).next_open_day(d(11, 24)), d(11, 25)); // Tue → Wed
        assert_eq!(cal(&[]).next_open_day(d(11, 27)), d(11, 30)); // Fri → Mon
        assert_eq!(cal(&[d(11, 30)]).next_open_day(d(11, 27)), d(12, 1));
        let saturday = Calendar {
            open_days: vec![d(11, 28)],
            ..cal(&[])
        };
        assert_eq!(saturday.next_open_day(d(11, 27)), d(11, 28));
        let never = Calendar {
            work: WorkTime {
                days: vec![],
                ..w()
            },
            ..cal(&[])
        };
        assert_eq!(never.next_open_day(d(11, 27)), d(11, 28));
    }

    #[test]
    fn no_working_day_at_all_does_not_hang() {
        let none = WorkTime {
            days: vec![],
            ..w()
        };
        let t = at(2026, 11, 20, 16, 0);
        assert_eq!(
            next_open(
                t,
                &Calendar {
                    work: none.clone(),
                    ..cal(&[])
                }
            ),
            t
        );
        let _ = add_working_hours(
            t,
            4,
            &Calendar {
                work: none.clone(),
                ..cal(&[])
            },
        );
        let _ = add_working_days(
            t,
            4,
            &Calendar {
                work: none.clone(),
                ..cal(&[])
            },
        );
    }
}
