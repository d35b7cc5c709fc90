//! Time slots: overlap rules, working time and the "next free slot" search. Pure, no IO.
//! Intervals are half-open [start, end): a session ending at 10:00 and one starting at 10:00
//! do not collide; sessions may run past midnight.
use super::worktime::Calendar;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};

/// A span of time, [start, end).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
}

impl Span {
    pub fn new(start: NaiveDateTime, end: NaiveDateTime) -> Span {
        Span { start, end }
    }

    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The whole of a day, midnight to midnight.
    pub fn day(d: NaiveDate) -> Span {
        let start = d.and_time(NaiveTime::MIN);
        Span::new(start, start + Duration::days(1))
    }
}

/// The longest session the store accepts; bounds the index range searched for overlaps.
pub const MAX_SESSION: Duration = Duration::hours(12);
/// Starts are offered on this grid.
pub const STEP_MINUTES: i64 = 15;
/// How far ahead the next-free-slot search looks.
pub const HORIZON_DAYS: i64 = 60;

/// Working hours and days (ISO weekdays, 1 = Monday), from the config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkTime {
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub days: Vec<u8>,
}

/// 08:30–17:30, Monday to Friday: the config's default.
impl Default for WorkTime {
    fn default() -> Self {
        WorkTime {
            start: NaiveTime::from_hms_opt(8, 30, 0).unwrap_or(NaiveTime::MIN),
            end: NaiveTime::from_hms_opt(17, 30, 0).unwrap_or(NaiveTime::MIN),
            days: vec![1, 2, 3, 4, 5],
        }
    }
}

impl WorkTime {
    /// Working time from the config's `"HH:MM"` texts (validated when the config loads); a
    /// text that does not parse keeps the default's time.
    pub fn from_texts(start: &str, end: &str, days: &[u8]) -> WorkTime {
        let d = WorkTime::default();
        let t = |s: &str, d| NaiveTime::parse_from_str(s, "%H:%M").unwrap_or(d);
        WorkTime {
            start: t(start, d.start),
            end: t(end, d.end),
            days: days.to_vec(),
        }
    }

    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        let wd = d.weekday().number_from_monday();
        self.days.iter().any(|x| u32::from(*x) == wd)
    }

    /// The working hours of a day, if it is a working day.
    pub fn hours_of(&self, d: NaiveDate) -> Option<Span> {
        self.is_working_day(d)
            .then(|| Span::new(d.and_time(self.start), d.and_time(self.end)))
    }

    /// Is `s` inside the working hours of one working day?
    pub fn contains(&self, s: &Span) -> bool {
        self.hours_of(s.start.date())
            .is_some_and(|h| h.start <= s.start && s.end <= h.end)
    }
}

/// What the search found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    /// The slot ends after the case's deadline: nothing earlier was free (the UI warns).
    pub after_deadline: bool,
}

/// Rounds up to the next multiple of STEP_MINUTES past midnight.
fn round_up(t: NaiveDateTime) -> NaiveDateTime {
    let day = t.date().and_time(NaiveTime::MIN);
    let secs = (t - day).num_seconds();
    let step = STEP_MINUTES * 60;
    let up = (secs + step - 1) / step * step;
    day + Duration::seconds(up)
}

/// The earliest start at or after `from` where a session of `len` fits inside working hours,
/// on a day the centre is open (its calendar: working days, days off, extra days), overlapping none of `busy` (the mediators', the
/// room's and the parties' sessions, and leave). Searches HORIZON_DAYS ahead.
pub fn next_free(
    cal: &Calendar,
    busy: &[Span],
    from: NaiveDateTime,
    len: Duration,
    deadline: Option<NaiveDateTime>,
) -> Option<Slot> {
    if len <= Duration::zero() {
        return None;
    }
    let mut busy: Vec<Span> = busy.to_vec();
    busy.sort();
    let first = from.date();
    for offset in 0..HORIZON_DAYS {
        let day = first + Duration::days(offset);
        let Some(hours) = cal.hours_of(day) else {
            continue;
        };
        let mut cand = round_up(hours.start.max(from));
        while cand + len <= hours.end {
            let want = Span::new(cand, cand + len);
            // The latest end among the spans in the way: jump past all of them at once.
            let blocking = busy
                .iter()
                .filter(|b| b.overlaps(&want))
                .map(|b| b.end)
                .max();
            match blocking {
                None => {
                    return Some(Slot {
                        start: want.start,
                        end: want.end,
                        after_deadline: deadline.is_some_and(|d| want.end > d),
                    });
                }
                Some(end) => cand = round_up(end.max(cand + Duration::minutes(1))),
            }
        }
    }
    None
}

/// A date as typed: a full date as [`super::dates::parse_iso_date`] reads it (`2026-11-24`,
/// `2026/11/24`, `20261124`), `11-24` (this year), `+3` / `-2` (days from today, at most
/// ten years), `0`. Errors are the translation key of the message.
pub fn parse_day(s: &str, today: NaiveDate) -> Result<NaiveDate, &'static str> {
    const KEY: &str = "err.calendar.date";
    let s = super::dates::normalise(s);
    let offset = |n: &str| {
        let n = super::dates::parse_count(n, 0..=3650, KEY)?;
        Ok::<_, &'static str>(Duration::days(n))
    };
    let d = if s == "0" {
        Some(today)
    } else if let Some(n) = s.strip_prefix('+') {
        today.checked_add_signed(offset(n)?)
    } else if let Some(n) = s.strip_prefix('-') {
        today.checked_sub_signed(offset(n)?)
    } else if !s.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        // chrono would take a signed or five-digit year; a person means neither.
        None
    } else if let Ok(d) = super::dates::parse_iso_date(&s) {
        // A full date as on the command line: `2026-11-24`, `2026/11/24`, `20261124`.
        Some(d)
    } else {
        let s = s.replace(['/', '.'], "-");
        NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok().or_else(|| {
            let full = format!("{}-{s}", today.year());
            NaiveDate::parse_from_str(&full, "%Y-%m-%d").ok()
        })
    };
    d.filter(|d| super::dates::plausible(*d)).ok_or(KEY)
}

/// A time of day as typed: `9:00`, `09:30`, `930`, `14`.
pub fn parse_time(s: &str) -> Result<NaiveTime, &'static str> {
    const KEY: &str = "err.calendar.time";
    let s = super::dates::normalise(s).replace('.', ":");
    if s.contains(':') {
        return NaiveTime::parse_from_str(&s, "%H:%M").map_err(|_| KEY);
    }
    if !s.chars().all(|c| c.is_ascii_digit()) || s.is_empty() || s.len() > 4 {
        return Err(KEY);
    }
    let n: u32 = s.parse().map_err(|_| KEY)?;
    let (h, m) = if s.len() <= 2 {
        (n, 0)
    } else {
        (n / 100, n % 100)
    };
    NaiveTime::from_hms_opt(h, m, 0).ok_or(KEY)
}

/// A session's length in minutes, 15 minutes to [`MAX_SESSION`].
pub fn parse_length(s: &str) -> Result<Duration, &'static str> {
    let max = MAX_SESSION.num_minutes();
    super::dates::parse_count(s, 15..=max, "err.calendar.length").map(Duration::minutes)
}

#[cfg(test)]
mod tests;
