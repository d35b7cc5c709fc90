//! Deadlines in working time: every path that sets `deadline_at` counts with the calendar of
//! the centre that handles the case at that moment (`calendar::deadline_calendar`: its hours,
//! else the config's, and its days off), the one the triage form's preview also reads
//! (`Store::deadline_calendar`). The rules are in domain::worktime (red in clock hours, the
//! others in working days) and domain::centre_hours (which centre's time counts).
use super::super::calendar::deadline_calendar;
use super::super::db::Db;
use super::{Result, Store, queries};
use crate::domain::risk::{Colour, ResponseHours};
use crate::domain::slots::WorkTime;
use crate::domain::worktime::MEDIATION_TERM_DAYS;
use chrono::NaiveDateTime;

/// The response deadline of a colour from `from` (none for green), in `centre`'s time.
pub(in crate::store) fn response<'c>(
    conn: impl Into<Db<'c>>,
    work: &WorkTime,
    centre: i64,
    hours: &ResponseHours,
    colour: Colour,
    from: NaiveDateTime,
) -> Result<Option<NaiveDateTime>> {
    Ok(deadline_calendar(conn, work, centre, from.date())?.response(hours, colour, from))
}

/// End of a term of `days` counted from `from` (moved off `centre`'s days off).
pub(super) fn term<'c>(
    conn: impl Into<Db<'c>>,
    work: &WorkTime,
    centre: i64,
    from: NaiveDateTime,
    days: i64,
) -> Result<NaiveDateTime> {
    Ok(deadline_calendar(conn, work, centre, from.date())?.term_end(from, days))
}

impl Store {
    /// Open cases past their deadline at `now` (a range of the cases_active_deadline index;
    /// paused cases have no deadline). Cached by the caller like the colour counts.
    pub fn overdue_count(&self, now: NaiveDateTime) -> Result<i64> {
        queries::overdue(self.lite()?, now)
    }

    /// Open red cases with no action yet today: the list's `*` rule (`CaseRow::red_idle`), for
    /// the status bar. One index probe into the audit log per open red case.
    pub fn red_idle_count(&self, now: NaiveDateTime) -> Result<i64> {
        let today = now.date().and_hms_opt(0, 0, 0).unwrap_or(now);
        queries::red_idle(self.lite()?, today)
    }

    /// End of the mediation term of a case `centre` took at `received`, in its working time.
    pub fn mediation_term(&self, centre: i64, received: NaiveDateTime) -> Result<NaiveDateTime> {
        term(self.db(), &self.work, centre, received, MEDIATION_TERM_DAYS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::role::Role;
    use crate::store::{Actor, NewStaff};
    use chrono::{NaiveDate, NaiveTime};

    fn at(m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, m, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    fn store_with_lead() -> (Store, Actor) {
        let mut s = Store::open_in_memory().unwrap();
        let lead = NewStaff {
            code: "L1".into(),
            name: "组长".into(),
            role: Role::Lead,
            languages: vec!["zh".into()],
            specialties: vec![],
            team: None,
            pin: "1234".into(),
            centre_id: None,
        };
        let id = s.add_staff(None, &lead, at(11, 1, 8)).unwrap();
        (
            s,
            Actor {
                staff_id: id,
                role: Role::Lead,
            },
        )
    }

    #[test]
    fn deadlines_follow_the_calendar_holidays_and_the_configured_hours() {
        let (mut s, lead) = store_with_lead();
        let h = ResponseHours::default();
        // The one centre of a new record (id 1). Friday 11-20 16:00, orange (24 h): Monday
        // 16:00 ...
        let fri = at(11, 20, 16);
        let work = s.work_time().clone();
        let d = response(s.lite_conn(), &work, 1, &h, Colour::Orange, fri).unwrap();
        assert_eq!(d, Some(at(11, 23, 16)));
        // ... Tuesday once Monday is a public holiday in the calendar.
        s.add_holiday(lead, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(), "调休")
            .unwrap();
        let d = response(s.lite_conn(), &work, 1, &h, Colour::Orange, fri).unwrap();
        assert_eq!(d, Some(at(11, 24, 16)));
        // Red is seen the same day: clock hours, holiday or not.
        let d = response(s.lite_conn(), &work, 1, &h, Colour::Red, fri).unwrap();
        assert_eq!(d, Some(at(11, 20, 20)));
        assert_eq!(
            response(s.lite_conn(), &work, 1, &h, Colour::Green, fri).unwrap(),
            None
        );
        // A centre also open on Saturdays (config) counts Saturday.
        s.set_work_time(WorkTime {
            days: vec![1, 2, 3, 4, 5, 6],
            start: NaiveTime::from_hms_opt(8, 30, 0).unwrap(),
            end: NaiveTime::from_hms_opt(17, 30, 0).unwrap(),
        });
        let work = s.work_time().clone();
        let d = response(s.lite_conn(), &work, 1, &h, Colour::Orange, fri).unwrap();
        assert_eq!(d, Some(at(11, 21, 16)));
        // The term from 10-22 ends on Saturday 11-21 there, a working day.
        assert_eq!(s.mediation_term(1, at(10, 22, 9)).unwrap(), at(11, 21, 9));
    }

    #[test]
    fn overdue_count_counts_open_cases_past_their_deadline() {
        use crate::store::{NewCase, NewParty};
        let (mut s, lead) = store_with_lead();
        let h = ResponseHours::default();
        for d in [16, 18] {
            let c = NewCase::walk_in(
                at(11, d, 9),
                "neighbour",
                "楼上漏水",
                NewParty::named("张伟", None),
            );
            s.create_case(lead, &c, &h).unwrap();
        }
        // Blue: 7 working days: 11-16 -> 11-25 09:00, 11-18 -> 11-27 09:00.
        assert_eq!(s.overdue_count(at(11, 25, 8)).unwrap(), 0);
        assert_eq!(s.overdue_count(at(11, 25, 10)).unwrap(), 1);
        assert_eq!(s.overdue_count(at(11, 30, 10)).unwrap(), 2);
    }

    #[test]
    fn a_red_case_without_action_today_is_flagged_until_someone_acts() {
        use crate::store::{NewCase, NewParty};
        let (mut s, lead) = store_with_lead();
        let h = ResponseHours::default();
        let c = NewCase::walk_in(
            at(11, 23, 9),
            "neighbour",
            "扬言报复",
            NewParty::named("李强", None),
        );
        let id = s.create_case(lead, &c, &h).unwrap().id;
        let row = |s: &Store| s.case_rows(&[id]).unwrap().pop().unwrap();
        // Blue rows carry no last action and are never flagged.
        assert_eq!(row(&s).red_last_action, None);
        assert!(!row(&s).red_idle(at(11, 25, 9)));
        s.change_colour(lead, id, Colour::Red, "", &h, at(11, 23, 10))
            .unwrap();
        assert!(!row(&s).red_idle(at(11, 23, 16)), "acted today");
        assert_eq!(s.red_idle_count(at(11, 23, 16)).unwrap(), 0);
        assert!(row(&s).red_idle(at(11, 24, 9)), "nothing yet on the 24th");
        assert_eq!(
            s.red_idle_count(at(11, 24, 9)).unwrap(),
            1,
            "the status bar agrees"
        );
        // Looking at the numbers is not an action; a note is.
        s.reveal_numbers(lead, id, at(11, 24, 9)).unwrap();
        assert!(row(&s).red_idle(at(11, 24, 10)));
        s.add_case_note(lead, id, "已电话联系", at(11, 24, 10))
            .unwrap();
        assert!(!row(&s).red_idle(at(11, 24, 11)));
        assert_eq!(s.red_idle_count(at(11, 24, 11)).unwrap(), 0);
    }
}
