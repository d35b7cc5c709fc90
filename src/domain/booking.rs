//! Booking rules of the calendar: how long a session may last, who may book outside working
//! hours, which sessions occupy a slot and where to look for them, and every refusal a booking,
//! a move, a cancellation, a recording or a day off can meet. Pure; the store applies them
//! inside its write transactions.
use super::ladder::{Ladder, LadderError};
use super::role::Role;
use super::session::SessionStatus;
use super::slots::{MAX_SESSION, Span};
use super::worktime::Calendar;
use chrono::{NaiveDate, NaiveDateTime};

/// What a booking would collide with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClashWith {
    /// A mediator (name and code) already has a session.
    Mediator(String),
    Room(String),
    /// A party of the case (name) is in another session.
    Party(String),
}

/// The session a booking collides with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub with: ClashWith,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub case_no: String,
}

/// A calendar change the rules refuse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BookingRule {
    #[error("a session lasts 15 minutes to 12 hours")]
    Length,
    #[error("that day is a public holiday")]
    Holiday,
    #[error("outside working hours")]
    Hours,
    #[error("no such mediator")]
    Mediator,
    #[error("the mediator is on leave that day")]
    Leave,
    #[error("no such room")]
    Room,
    #[error("no reason given")]
    Reason,
    #[error("no such case")]
    Case,
    #[error("the case is closed")]
    CaseClosed,
    #[error("the session is not booked")]
    NotBooked,
    #[error("not an outcome of a session")]
    Outcome,
    #[error("the session has not happened yet")]
    NotYet,
    #[error("sessions are booked that day")]
    DayHasSessions,
    #[error("the last day of leave is before the first")]
    LeaveDates,
    #[error("the mediator has sessions during the leave")]
    LeaveHasSessions,
    /// The session's level has no attempts left on the 3-2-1 ladder: escalate first.
    #[error(transparent)]
    Ladder(LadderError),
    #[error("collides with the session of {} at {}", .0.case_no, .0.start)]
    Clash(Conflict),
}

impl BookingRule {
    /// Translation key of the message.
    pub fn i18n_key(&self) -> &'static str {
        match self {
            BookingRule::Length => "err.calendar.length",
            BookingRule::Holiday => "err.calendar.holiday",
            BookingRule::Hours => "err.calendar.hours",
            BookingRule::Mediator => "err.calendar.mediator",
            BookingRule::Leave => "err.calendar.leave",
            BookingRule::Room => "err.calendar.room",
            BookingRule::Reason => "err.calendar.reason",
            BookingRule::Case => "err.calendar.case",
            BookingRule::CaseClosed => "err.calendar.case_closed",
            BookingRule::NotBooked => "err.calendar.not_booked",
            BookingRule::Outcome => "err.calendar.outcome",
            BookingRule::NotYet => "err.calendar.not_yet",
            BookingRule::DayHasSessions => "err.calendar.day_has_sessions",
            BookingRule::LeaveDates => "err.calendar.leave_dates",
            BookingRule::LeaveHasSessions => "err.calendar.leave_has_sessions",
            BookingRule::Ladder(e) => e.i18n_key(),
            BookingRule::Clash(c) => match c.with {
                ClashWith::Mediator(_) => "err.calendar.clash_mediator",
                ClashWith::Room(_) => "err.calendar.clash_room",
                ClashWith::Party(_) => "err.calendar.clash_party",
            },
        }
    }

    /// The values the message names (`{who}`, `{case}`, `{time}` of a clash), for `i18n::trf`.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            BookingRule::Clash(c) => {
                let (ClashWith::Mediator(who) | ClashWith::Room(who) | ClashWith::Party(who)) =
                    &c.with;
                let time = format!(
                    "{}–{}",
                    c.start.format("%m-%d %H:%M"),
                    c.end.format("%H:%M")
                );
                vec![
                    ("who", who.clone()),
                    ("time", time),
                    ("case", c.case_no.clone()),
                ]
            }
            _ => Vec::new(),
        }
    }
}

/// A session lasts more than nothing and at most `MAX_SESSION`.
pub fn check_length(span: &Span) -> Result<(), BookingRule> {
    if span.end <= span.start || span.end - span.start > MAX_SESSION {
        return Err(BookingRule::Length);
    }
    Ok(())
}

/// Leads may book outside the centre's working hours (a red case seen the same evening);
/// others may not.
pub fn check_hours(role: Role, span: &Span, cal: &Calendar) -> Result<(), BookingRule> {
    if role != Role::Lead && !cal.contains(span) {
        return Err(BookingRule::Hours);
    }
    Ok(())
}

/// Nobody books a session on a day the centre's calendar closes (a public holiday it keeps,
/// its own closure).
pub fn check_day_off(span: &Span, cal: &Calendar) -> Result<(), BookingRule> {
    let (first, last) = days_touched(span);
    if cal.holidays.iter().any(|d| (first..=last).contains(d)) {
        return Err(BookingRule::Holiday);
    }
    Ok(())
}

/// The first and the last day a session touches (its end is not part of it: a session ending
/// at midnight does not touch the next day). Holidays and leave on these days refuse it.
pub fn days_touched(span: &Span) -> (NaiveDate, NaiveDate) {
    (
        span.start.date(),
        (span.end - chrono::Duration::seconds(1)).date(),
    )
}

/// A level whose attempts are used up takes no more sessions: escalate first.
pub fn check_attempts_left(ladder: &Ladder) -> Result<(), BookingRule> {
    if ladder.remaining() == 0 {
        return Err(BookingRule::Ladder(LadderError::AttemptsUsed));
    }
    Ok(())
}

/// Moving, cancelling and recording take a booked session only.
pub fn check_booked(status: SessionStatus) -> Result<(), BookingRule> {
    if status != SessionStatus::Booked {
        return Err(BookingRule::NotBooked);
    }
    Ok(())
}

/// What a recording may say, and when: held or a no-show only from the session's day on;
/// postponed at any time.
pub fn check_outcome(outcome: SessionStatus) -> Result<(), BookingRule> {
    if !SessionStatus::OUTCOMES.contains(&outcome) {
        return Err(BookingRule::Outcome);
    }
    Ok(())
}

pub fn check_recorded_on(
    outcome: SessionStatus,
    starts: NaiveDateTime,
    today: NaiveDate,
) -> Result<(), BookingRule> {
    if outcome != SessionStatus::Postponed && starts.date() > today {
        return Err(BookingRule::NotYet);
    }
    Ok(())
}

/// Where sessions overlapping a span can start. Intervals are half-open, so a session ending
/// when the span starts does not collide; as no session lasts longer than `MAX_SESSION`, one
/// that overlaps started less than that before the span: the bound keeps the index range of
/// the search short whatever the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// Start after this (sessions starting earlier have ended).
    pub starts_after: NaiveDateTime,
    /// Start before this.
    pub starts_before: NaiveDateTime,
    /// End after this.
    pub ends_after: NaiveDateTime,
}

pub fn window(from: NaiveDateTime, to: NaiveDateTime) -> Window {
    Window {
        starts_after: from - MAX_SESSION,
        starts_before: to,
        ends_after: from,
    }
}

/// Leave may not start while the mediator still has sessions to come in it: those that
/// ended by `now` are history and do not count.
pub fn leave_blocked_by(session_ends: &[NaiveDateTime], now: NaiveDateTime) -> bool {
    !session_ends.iter().all(|end| *end <= now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn t(d: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, d)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    }

    #[test]
    fn length_hours_and_days() {
        assert_eq!(
            check_length(&Span::new(t(24, 9, 0), t(24, 9, 0))),
            Err(BookingRule::Length)
        );
        assert_eq!(check_length(&Span::new(t(24, 9, 0), t(24, 21, 0))), Ok(()));
        assert_eq!(
            check_length(&Span::new(t(24, 9, 0), t(24, 21, 1))),
            Err(BookingRule::Length)
        );
        let evening = Span::new(t(24, 19, 0), t(24, 20, 0));
        let work = Calendar::default();
        assert_eq!(
            check_hours(Role::Desk, &evening, &work),
            Err(BookingRule::Hours)
        );
        assert_eq!(check_hours(Role::Lead, &evening, &work), Ok(()));
        // A Saturday the centre opens (its own extra day), and a Monday it closes.
        let saturday = Span::new(t(28, 9, 0), t(28, 10, 0));
        assert_eq!(
            check_hours(Role::Desk, &saturday, &work),
            Err(BookingRule::Hours)
        );
        let market = Calendar {
            open_days: vec![t(28, 0, 0).date()],
            holidays: vec![t(30, 0, 0).date()],
            ..Calendar::default()
        };
        assert_eq!(check_hours(Role::Desk, &saturday, &market), Ok(()));
        let monday = Span::new(t(30, 9, 0), t(30, 10, 0));
        assert_eq!(check_day_off(&monday, &market), Err(BookingRule::Holiday));
        assert_eq!(check_day_off(&saturday, &market), Ok(()));
        let night = Span::new(t(24, 22, 0), t(25, 0, 0));
        assert_eq!(
            days_touched(&night),
            (t(24, 0, 0).date(), t(24, 0, 0).date())
        );
        let across = Span::new(t(24, 22, 0), t(25, 0, 1));
        assert_eq!(days_touched(&across).1, t(25, 0, 0).date());
    }

    #[test]
    fn the_window_is_half_open_and_bounded_by_the_longest_session() {
        let w = window(t(24, 10, 0), t(24, 11, 0));
        assert_eq!(w.starts_after, t(24, 10, 0) - MAX_SESSION);
        assert_eq!(
            (w.starts_before, w.ends_after),
            (t(24, 11, 0), t(24, 10, 0))
        );
        assert!(!leave_blocked_by(&[t(24, 10, 0)], t(24, 10, 0)));
        assert!(leave_blocked_by(
            &[t(24, 10, 0)],
            t(24, 10, 0) - Duration::minutes(1)
        ));
    }

    #[test]
    fn a_clash_names_who_when_and_which_case() {
        let c = BookingRule::Clash(Conflict {
            with: ClashWith::Room("第一调解室".into()),
            start: t(24, 9, 0),
            end: t(24, 10, 0),
            case_no: "2026-1124-001".into(),
        });
        assert_eq!(c.i18n_key(), "err.calendar.clash_room");
        assert_eq!(
            c.args(),
            [
                ("who", "第一调解室".to_string()),
                ("time", "11-24 09:00–10:00".to_string()),
                ("case", "2026-1124-001".to_string())
            ]
        );
        assert!(BookingRule::Holiday.args().is_empty());
    }
}
