//! Each centre's calendar: its working time (its own hours, else the record's default from the
//! config) and its days (county-wide holidays and extra working days, and its own), by the one
//! rule `domain::centre_hours::calendar_of`. Every deadline, free slot and booking of a centre
//! counts with `centre_calendar`; a lead marks days for the centres they see.
use super::super::centres::{self, check_county_wide};
use super::super::db::Db;
use super::super::{Actor, Result, Store, StoreError};
use super::queries;
use crate::domain::booking::BookingRule;
use crate::domain::centre_hours::{self, DayRule};
use crate::domain::role::Role;
use crate::domain::slots::{Span, WorkTime};
use crate::domain::worktime::{Calendar, HOLIDAY_WINDOW_DAYS};
use chrono::{Duration, NaiveDate};

/// The calendar of `centre` over [from, to].
pub(in crate::store) fn centre_calendar<'c>(
    db: impl Into<Db<'c>>,
    default: &WorkTime,
    centre: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Calendar> {
    let db = db.into();
    let own = centres::hours_of(db, centre)?;
    let rules = queries::day_rules(db, Some(centre), from, to)?;
    Ok(centre_hours::calendar_of(
        default,
        own.as_ref(),
        centre,
        &rules,
    ))
}

/// The calendar a deadline of `centre` counted from `from` can meet (`HOLIDAY_WINDOW_DAYS`).
pub(in crate::store) fn deadline_calendar<'c>(
    conn: impl Into<Db<'c>>,
    default: &WorkTime,
    centre: i64,
    from: NaiveDate,
) -> Result<Calendar> {
    let to = from + Duration::days(HOLIDAY_WINDOW_DAYS);
    centre_calendar(conn, default, centre, from, to)
}

/// A day as a lead marks it: closed (a holiday, a closure) or open (an extra working day), for
/// every centre (None) or one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayMark {
    pub centre: Option<i64>,
    pub day: NaiveDate,
    pub open: bool,
    pub name: String,
}

impl Store {
    /// The record's default working hours and days (the config's `[hours]`; a centre without
    /// its own counts in these).
    pub fn set_work_time(&mut self, work: WorkTime) {
        self.work = work;
    }

    pub fn work_time(&self) -> &WorkTime {
        &self.work
    }

    /// The calendar of `centre` over [from, to]: its hours and its days.
    pub fn centre_calendar(&self, centre: i64, from: NaiveDate, to: NaiveDate) -> Result<Calendar> {
        centre_calendar(self.db(), &self.work, centre, from, to)
    }

    /// What a deadline of `centre` counted from `from` is counted in: the same function the
    /// store's saves call, so the triage form's preview shows what is saved.
    pub fn deadline_calendar(&self, centre: i64, from: NaiveDate) -> Result<Calendar> {
        deadline_calendar(self.db(), &self.work, centre, from)
    }

    /// What a deadline of a case registered by `staff_id` counts in: their centre's calendar,
    /// by the same two functions the store's save calls (the triage form's preview).
    pub fn desk_calendar(&self, staff_id: i64, from: NaiveDate) -> Result<Calendar> {
        let desk = centres::desk_centre(self.db(), staff_id)?;
        deadline_calendar(self.db(), &self.work, desk.id, from)
    }

    /// The days `centre` is closed by the calendar in [from, to] (county-wide holidays it keeps
    /// and its own closures), with their names.
    pub fn holidays(
        &self,
        centre: i64,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(NaiveDate, String)>> {
        let rules = queries::day_rules(self.db(), Some(centre), from, to)?;
        let mut out: Vec<(NaiveDate, String)> = Vec::new();
        for r in &rules {
            let closed = centre_hours::day_for(&rules, centre, r.day) == Some(false);
            if closed && !out.iter().any(|(d, _)| *d == r.day) && !r.open {
                out.push((r.day, r.name.clone()));
            }
        }
        Ok(out)
    }

    /// Every day row in [from, to]: county-wide and every centre's (for `centre days`).
    pub fn day_rules(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<DayRule>> {
        queries::day_rules(self.db(), None, from, to)
    }

    /// Marks a public holiday for every centre (a county-wide lead's task).
    pub fn add_holiday(&mut self, by: Actor, day: NaiveDate, name: &str) -> Result<()> {
        let mark = DayMark {
            centre: None,
            day,
            open: false,
            name: name.to_string(),
        };
        self.mark_day(by, &mark)
    }

    /// Marks a day closed or open, county-wide (a lead of the whole record) or for one centre
    /// (a lead who sees it). Closing a day is refused while sessions are booked there then.
    pub fn mark_day(&mut self, by: Actor, m: &DayMark) -> Result<()> {
        if by.role != Role::Lead {
            return Err(StoreError::Forbidden);
        }
        let name = super::time_off::cleaned(&m.name);
        self.write_db(|tx| {
            check_marks(tx, by, m.centre)?;
            if !m.open && queries::booked_in(tx, m.centre, Span::day(m.day))? > 0 {
                return Err(BookingRule::DayHasSessions.into());
            }
            queries::upsert_day(tx, m.centre, m.day, m.open, &name, by.staff_id)
        })
    }

    /// Removes a day's row (county-wide or one centre's): the day counts as its weekday again,
    /// or as the county-wide row says. False when there was none.
    pub fn unmark_day(&mut self, by: Actor, centre: Option<i64>, day: NaiveDate) -> Result<bool> {
        if by.role != Role::Lead {
            return Err(StoreError::Forbidden);
        }
        self.write_db(|tx| {
            check_marks(tx, by, centre)?;
            queries::delete_day(tx, centre, day)
        })
    }
}

/// County-wide days are a county-wide lead's; a centre's own, a lead's who sees that centre.
fn check_marks(db: Db, by: Actor, centre: Option<i64>) -> Result<()> {
    match centre {
        // The county-wide check is SQLite-only still (centres/mod.rs).
        None => check_county_wide(db, by),
        Some(c) => {
            let own = centres::desk_centre(db, by.staff_id)?;
            let tree = centres::tree(db)?;
            if tree.get(c).is_none() {
                return Err(crate::domain::centre::CentreRule::NoSuchCentre.into());
            }
            if tree.visible_to(by.role, own.id).contains(&c) {
                Ok(())
            } else {
                Err(StoreError::Forbidden)
            }
        }
    }
}
