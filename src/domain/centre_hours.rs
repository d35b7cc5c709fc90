//! Which working time and which days off count for a centre (issue 14: "working hours and
//! holidays may differ per centre"). A centre's own hours replace the record's default (the
//! config's `[hours]`); its days are the county-wide ones (public holidays, 调休 working days)
//! with its own on top — a village's market-day closure, a township's Saturday opening — and
//! where both name a day, the centre's own rule wins. Pure, no IO: the store reads the rows and
//! every deadline, free slot and calendar grid of a centre counts with [`calendar_of`].
use super::slots::WorkTime;
use super::worktime::Calendar;
use chrono::{NaiveDate, NaiveTime};

/// One row of the calendar's days: closed (a holiday, a closure) or open (an extra working
/// day), for every centre (`centre_id` None) or for one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayRule {
    pub day: NaiveDate,
    pub centre_id: Option<i64>,
    pub open: bool,
    pub name: String,
}

/// The working time of a centre: its own hours, else the record's default.
pub fn work_of(default: &WorkTime, own: Option<&WorkTime>) -> WorkTime {
    own.unwrap_or(default).clone()
}

/// Does `rule` speak for `centre`: a county-wide rule, or the centre's own.
pub fn applies_to(rule: &DayRule, centre: i64) -> bool {
    rule.centre_id.is_none_or(|c| c == centre)
}

/// What a day is for `centre` by `rules`: Some(true) open, Some(false) closed, None as its
/// working days say. The centre's own rule wins over a county-wide one on the same day.
pub fn day_for(rules: &[DayRule], centre: i64, day: NaiveDate) -> Option<bool> {
    let mine = |r: &&DayRule| r.day == day && applies_to(r, centre);
    let own = rules.iter().filter(mine).find(|r| r.centre_id.is_some());
    own.or_else(|| rules.iter().find(mine)).map(|r| r.open)
}

/// The calendar deadlines and bookings of `centre` count in: its working time (`work_of`) and
/// its days from `rules` (county-wide and its own; another centre's are ignored).
pub fn calendar_of(
    default: &WorkTime,
    own: Option<&WorkTime>,
    centre: i64,
    rules: &[DayRule],
) -> Calendar {
    let mut days: Vec<NaiveDate> = rules
        .iter()
        .filter(|r| applies_to(r, centre))
        .map(|r| r.day)
        .collect();
    days.sort();
    days.dedup();
    let (open, closed): (Vec<NaiveDate>, Vec<NaiveDate>) = days
        .into_iter()
        .partition(|d| day_for(rules, centre, *d) == Some(true));
    Calendar {
        work: work_of(default, own),
        holidays: closed,
        open_days: open,
    }
}

/// Why a centre's working hours cannot be set as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum HoursRule {
    #[error("opening and closing times look like 08:30")]
    BadTime,
    #[error("the centre must open before it closes")]
    ClosesBeforeOpening,
    #[error("working days are 1 (Monday) to 7 (Sunday), at least one")]
    BadDays,
}

impl HoursRule {
    pub fn i18n_key(&self) -> &'static str {
        match self {
            HoursRule::BadTime => "err.hours.time",
            HoursRule::ClosesBeforeOpening => "err.hours.order",
            HoursRule::BadDays => "err.hours.days",
        }
    }
}

/// An `HH:MM` time of day (`08:30`, `8:30`).
pub fn parse_clock(s: &str) -> Result<NaiveTime, HoursRule> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M").map_err(|_| HoursRule::BadTime)
}

/// Working days as typed: `1-5`, `1,2,3,4,5,6`, `1-5,7` (ISO weekdays, 1 = Monday).
pub fn parse_days(s: &str) -> Result<Vec<u8>, HoursRule> {
    let one = |p: &str| match p.trim().parse::<u8>() {
        Ok(d) if (1..=7).contains(&d) => Ok(d),
        _ => Err(HoursRule::BadDays),
    };
    let mut days = Vec::new();
    for part in s.split([',', '，']).filter(|p| !p.trim().is_empty()) {
        match part.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (one(a)?, one(b)?);
                if a > b {
                    return Err(HoursRule::BadDays);
                }
                days.extend(a..=b);
            }
            None => days.push(one(part)?),
        }
    }
    days.sort_unstable();
    days.dedup();
    if days.is_empty() {
        return Err(HoursRule::BadDays);
    }
    Ok(days)
}

/// The one check of working hours, the config's `[hours]` and a centre's own alike.
pub fn check(start: NaiveTime, end: NaiveTime, days: &[u8]) -> Result<(), HoursRule> {
    if start >= end {
        return Err(HoursRule::ClosesBeforeOpening);
    }
    if days.is_empty() || days.iter().any(|d| !(1..=7).contains(d)) {
        return Err(HoursRule::BadDays);
    }
    Ok(())
}

/// A centre's hours as a county lead types them: any part not given keeps `base`'s (the
/// centre's present hours, else the default). Checked as a whole.
pub fn edited(
    base: &WorkTime,
    start: Option<&str>,
    end: Option<&str>,
    days: Option<&str>,
) -> Result<WorkTime, HoursRule> {
    let w = WorkTime {
        start: start.map(parse_clock).transpose()?.unwrap_or(base.start),
        end: end.map(parse_clock).transpose()?.unwrap_or(base.end),
        days: days
            .map(parse_days)
            .transpose()?
            .unwrap_or(base.days.clone()),
    };
    check(w.start, w.end, &w.days)?;
    Ok(w)
}

/// `1-5`, `1-6`, `1,3,5`: working days for reading (runs of three or more as a range).
pub fn days_text(days: &[u8]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < days.len() {
        let mut j = i;
        while j + 1 < days.len() && days[j + 1] == days[j] + 1 {
            j += 1;
        }
        if j >= i + 2 {
            out.push(format!("{}-{}", days[i], days[j]));
        } else {
            out.extend(days[i..=j].iter().map(u8::to_string));
        }
        i = j + 1;
    }
    out.join(",")
}

/// `08:00-12:00 1-6`: a centre's hours in one line.
pub fn hours_text(w: &WorkTime) -> String {
    format!(
        "{}-{} {}",
        w.start.format("%H:%M"),
        w.end.format("%H:%M"),
        days_text(&w.days)
    )
}

#[cfg(test)]
mod tests;
