//! Follow-up visits (回访) after an agreement: when they fall due, what a result means for the
//! case, and who may handle one. Pure rules; the store applies them inside its transactions.
use super::codes::code_enum;
use super::risk::Colour;
use super::role::Role;
use chrono::{Datelike, Duration, NaiveDate};
use std::collections::BTreeMap;

code_enum! {
    /// How the party was contacted.
    pub enum Method ("followup.method") {
        Phone = "phone",
        Visit = "visit",
        Message = "message",
    }
}

code_enum! {
    /// Is the agreement being carried out (履行情况)?
    pub enum Performance ("followup.perf") {
        Fulfilled = "fulfilled",
        Partly = "partly",
        Breached = "breached",
        Unreachable = "unreachable",
    }
}

code_enum! {
    /// Why a follow-up exists.
    pub enum Kind ("followup.kind") {
        /// Scheduled when an agreement was recorded.
        Agreement = "agreement",
        /// Asked for by the clerk for a case answered at the desk.
        Desk = "desk",
        /// The party could not be reached last time.
        Retry = "retry",
        /// Added by hand by a lead or the mediator.
        Manual = "manual",
        /// The agreement was only partly carried out at the last follow-up.
        Partly = "partly",
    }
}

/// Working days after a failed call before trying again.
pub const RETRY_WORKING_DAYS: u32 = 2;
/// Days until the next check when the last follow-up found the agreement partly carried out.
pub const PARTLY_NEXT_DAYS: i64 = 14;

/// Follow-up offsets (days after the agreement), with per-category overrides. An override key
/// is a category code or a prefix of one at a dot (`family` covers `family.divorce`); the
/// longest matching key wins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowupPlan {
    pub days: Vec<u32>,
    pub overrides: BTreeMap<String, Vec<u32>>,
}

impl Default for FollowupPlan {
    fn default() -> Self {
        FollowupPlan {
            days: vec![7, 30],
            overrides: BTreeMap::new(),
        }
    }
}

impl FollowupPlan {
    pub fn days_for(&self, category: &str) -> &[u32] {
        self.overrides
            .iter()
            .filter(|(k, _)| {
                category == k.as_str()
                    || category
                        .strip_prefix(k.as_str())
                        .is_some_and(|rest| rest.starts_with('.'))
            })
            .max_by_key(|(k, _)| k.len())
            .map(|(_, v)| v.as_slice())
            .unwrap_or(&self.days)
    }

    /// Due dates for an agreement reached on `agreed_on`: sorted, without repeats.
    pub fn due_dates(&self, category: &str, agreed_on: NaiveDate) -> Vec<NaiveDate> {
        let mut days: Vec<u32> = self.days_for(category).to_vec();
        days.sort_unstable();
        days.dedup();
        days.into_iter()
            .map(|d| agreed_on + Duration::days(i64::from(d)))
            .collect()
    }
}

/// `n` working days after `from` (`working` are ISO weekdays, 1 = Monday). With no working day
/// configured, calendar days are used rather than looping for ever.
pub fn add_working_days(from: NaiveDate, n: u32, working: &[u8]) -> NaiveDate {
    let is_working = |d: NaiveDate| {
        working.is_empty()
            || working
                .iter()
                .any(|w| u32::from(*w) == d.weekday().number_from_monday())
    };
    let mut d = from;
    let mut left = n;
    while left > 0 {
        d += Duration::days(1);
        if is_working(d) {
            left -= 1;
        }
    }
    d
}

/// When to try again after the party could not be reached on `on`.
pub fn retry_date(on: NaiveDate, working: &[u8]) -> NaiveDate {
    add_working_days(on, RETRY_WORKING_DAYS, working)
}

/// The colour of a case reopened because its agreement was breached: at least yellow, and at
/// least orange when it had already been reopened for a breach before (a repeat dispute).
pub fn colour_after_breach(current: Colour, earlier_breaches: u32) -> Colour {
    let floor = if earlier_breaches > 0 {
        Colour::Orange
    } else {
        Colour::Yellow
    };
    current.min(floor)
}

/// What recording a result does to the case, given whether other follow-ups are still due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consequence {
    /// Nothing more: other follow-ups remain.
    None,
    /// Try again on this date.
    Retry(NaiveDate),
    /// Check again on this date (partly carried out, nothing else pending).
    CheckAgain(NaiveDate),
    /// Reopen the case: back to its mediator, colour re-assessed.
    Reopen,
    /// The last follow-up found the agreement fulfilled: the case may be closed.
    OfferClose,
}

pub fn consequence(
    perf: Performance,
    on: NaiveDate,
    others_pending: bool,
    working: &[u8],
) -> Consequence {
    match perf {
        Performance::Unreachable => Consequence::Retry(retry_date(on, working)),
        Performance::Breached => Consequence::Reopen,
        Performance::Partly if !others_pending => {
            Consequence::CheckAgain(on + Duration::days(PARTLY_NEXT_DAYS))
        }
        Performance::Fulfilled if !others_pending => Consequence::OfferClose,
        _ => Consequence::None,
    }
}

/// Who may record, move or cancel a follow-up: a lead; the mediator who owns the case or the
/// follow-up; a clerk only the follow-up they own (a desk-answered case they asked one for).
pub fn may_handle(
    role: Role,
    me: i64,
    followup_owner: Option<i64>,
    case_owner: Option<i64>,
) -> bool {
    match role {
        Role::Lead => true,
        Role::Mediator => followup_owner == Some(me) || case_owner == Some(me),
        Role::Desk => followup_owner == Some(me),
    }
}

/// Which part of the work list a due date belongs to, seen from `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Overdue(i64),
    Today,
    Upcoming(i64),
}

pub fn when(due: NaiveDate, today: NaiveDate) -> When {
    let d = (due - today).num_days();
    match d {
        ..0 => When::Overdue(-d),
        0 => When::Today,
        _ => When::Upcoming(d),
    }
}

/// A typed due date: `2026-12-01`, `12-01` (this year, or next if already past), `+3` (days
/// from today) or `3` (the same), at most 999 days ahead. Never before today. Errors are the
/// translation key of the message.
pub fn parse_due(input: &str, today: NaiveDate) -> Result<NaiveDate, &'static str> {
    const KEY: &str = "err.followup.date";
    // An IME gives full-width digits and signs; 12/01 and 12.01 are common too.
    let s = super::dates::normalise(input).replace(['/', '.'], "-");
    let days = s.strip_prefix('+').unwrap_or(&s);
    let date = if !days.is_empty() && days.bytes().all(|b| b.is_ascii_digit()) {
        let n = super::dates::parse_count(days, 0..=999, KEY)?;
        today.checked_add_signed(Duration::days(n))
    } else if !s.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        // chrono would take a signed or five-digit year; a person means neither.
        None
    } else if let Ok(d) = NaiveDate::parse_from_str(&s, "%Y-%m-%d") {
        Some(d)
    } else {
        let in_year = |y: i32| NaiveDate::parse_from_str(&format!("{y}-{s}"), "%Y-%m-%d").ok();
        in_year(today.year())
            .filter(|d| *d >= today)
            .or_else(|| in_year(today.year() + 1))
    };
    date.filter(|d| *d >= today && super::dates::plausible(*d))
        .ok_or(KEY)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    const WEEKDAYS: &[u8] = &[1, 2, 3, 4, 5];

    #[test]
    fn offsets_default_and_per_category_overrides() {
        let mut p = FollowupPlan::default();
        assert_eq!(
            p.due_dates("neighbour", d(2026, 11, 24)),
            [d(2026, 12, 1), d(2026, 12, 24)]
        );
        p.overrides.insert("family".into(), vec![3, 14, 60]);
        p.overrides
            .insert("family.divorce".into(), vec![30, 10, 10]);
        assert_eq!(p.days_for("family.elder"), [3, 14, 60]);
        // The longer key wins; dates come out sorted and unique.
        assert_eq!(
            p.due_dates("family.divorce", d(2026, 11, 24)),
            [d(2026, 12, 4), d(2026, 12, 24)]
        );
        // A prefix must end at a dot: "fam" is not "family".
        p.overrides.insert("fam".into(), vec![1]);
        assert_eq!(p.days_for("family.elder"), [3, 14, 60]);
        assert_eq!(p.days_for("familyx"), [7, 30]);
    }

    #[test]
    fn retry_skips_weekends() {
        // 2026-11-26 is a Thursday: +2 working days is Monday.
        assert_eq!(retry_date(d(2026, 11, 26), WEEKDAYS), d(2026, 11, 30));
        assert_eq!(retry_date(d(2026, 11, 24), WEEKDAYS), d(2026, 11, 26));
        // From Saturday: Monday, Tuesday.
        assert_eq!(retry_date(d(2026, 11, 28), WEEKDAYS), d(2026, 12, 1));
        // Seven-day centres and a broken config with no working day at all.
        assert_eq!(
            retry_date(d(2026, 11, 27), &[1, 2, 3, 4, 5, 6, 7]),
            d(2026, 11, 29)
        );
        assert_eq!(retry_date(d(2026, 11, 27), &[]), d(2026, 11, 29));
    }

    #[test]
    fn breach_raises_colour_to_at_least_yellow_then_orange() {
        assert_eq!(colour_after_breach(Colour::Blue, 0), Colour::Yellow);
        assert_eq!(colour_after_breach(Colour::Green, 0), Colour::Yellow);
        assert_eq!(colour_after_breach(Colour::Yellow, 0), Colour::Yellow);
        assert_eq!(colour_after_breach(Colour::Red, 0), Colour::Red);
        assert_eq!(colour_after_breach(Colour::Blue, 1), Colour::Orange);
        assert_eq!(colour_after_breach(Colour::Red, 2), Colour::Red);
    }

    #[test]
    fn consequences_of_each_result() {
        let t = d(2026, 11, 24);
        use Consequence as C;
        use Performance as P;
        assert_eq!(
            consequence(P::Unreachable, t, true, WEEKDAYS),
            C::Retry(d(2026, 11, 26))
        );
        assert_eq!(consequence(P::Breached, t, true, WEEKDAYS), C::Reopen);
        assert_eq!(consequence(P::Fulfilled, t, true, WEEKDAYS), C::None);
        assert_eq!(consequence(P::Fulfilled, t, false, WEEKDAYS), C::OfferClose);
        assert_eq!(consequence(P::Partly, t, true, WEEKDAYS), C::None);
        assert_eq!(
            consequence(P::Partly, t, false, WEEKDAYS),
            C::CheckAgain(d(2026, 12, 8))
        );
    }

    #[test]
    fn who_may_handle() {
        assert!(may_handle(Role::Lead, 1, Some(2), Some(3)));
        assert!(may_handle(Role::Mediator, 2, Some(2), Some(3)));
        assert!(may_handle(Role::Mediator, 3, Some(2), Some(3)));
        assert!(!may_handle(Role::Mediator, 4, Some(2), Some(3)));
        assert!(!may_handle(Role::Mediator, 4, None, None));
        assert!(may_handle(Role::Desk, 5, Some(5), None));
        assert!(!may_handle(Role::Desk, 5, None, Some(5)));
    }

    #[test]
    fn typed_due_dates() {
        let t = d(2026, 11, 24);
        assert_eq!(parse_due("2026-12-01", t), Ok(d(2026, 12, 1)));
        assert_eq!(parse_due("１２－０１", t), Ok(d(2026, 12, 1)));
        assert_eq!(parse_due("01-05", t), Ok(d(2027, 1, 5)));
        assert_eq!(parse_due("12/1", t), Ok(d(2026, 12, 1)));
        assert_eq!(parse_due("+3", t), Ok(d(2026, 11, 27)));
        assert_eq!(parse_due("0", t), Ok(t));
        assert_eq!(parse_due("2026-11-01", t), Err("err.followup.date"));
        for bad in [
            "",
            "+",
            "tomorrow",
            "13-40",
            "+9999",
            "+-5",
            "2026-02-30",
            "3026-01-01",
            "+2026-12-01",
        ] {
            assert_eq!(parse_due(bad, t), Err("err.followup.date"), "{bad}");
        }
    }

    #[test]
    fn when_relative_to_today() {
        let t = d(2026, 11, 24);
        assert_eq!(when(d(2026, 11, 21), t), When::Overdue(3));
        assert_eq!(when(t, t), When::Today);
        assert_eq!(when(d(2026, 12, 1), t), When::Upcoming(7));
    }
}
