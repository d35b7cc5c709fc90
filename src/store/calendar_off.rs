//! Public holidays and mediator leave, entered by a shift lead. Refused while sessions are
//! booked then, so nothing booked silently lands on a day off.
use super::calendar_clash::clashes_mediator;
use super::time::{date_to_sql, to_sql};
use super::{Actor, Result, Store, StoreError};
use crate::domain::role::Role;
use crate::domain::slots::Span;
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::params;

impl Store {
    /// Marks a public holiday (a lead's task). Refused while sessions are booked on that day.
    pub fn add_holiday(&mut self, by: Actor, day: NaiveDate, name: &str) -> Result<()> {
        if by.role != Role::Lead {
            return Err(StoreError::Forbidden);
        }
        let name = crate::domain::text::sanitize_single_line(name, 200)
            .text
            .trim()
            .to_string();
        self.write(|tx| {
            let day_span = Span::day(day);
            let booked: i64 = tx.query_row(
                "SELECT COUNT(*) FROM sessions WHERE starts_at >= ?1 AND starts_at < ?2
                 AND status = 'booked'",
                params![to_sql(day_span.start), to_sql(day_span.end)],
                |r| r.get(0),
            )?;
            if booked > 0 {
                return Err(StoreError::Rule("err.calendar.day_has_sessions"));
            }
            tx.execute(
                "INSERT INTO holidays (day, name, created_by) VALUES (?1, ?2, ?3)
                 ON CONFLICT (day) DO UPDATE SET name = excluded.name",
                params![date_to_sql(day), name, by.staff_id],
            )?;
            Ok(())
        })
    }

    /// Enters a mediator's leave (a lead's task). Refused while the mediator has sessions then.
    pub fn add_leave(
        &mut self,
        by: Actor,
        staff_id: i64,
        from: NaiveDate,
        to: NaiveDate,
        note: &str,
        now: NaiveDateTime,
    ) -> Result<i64> {
        if by.role != Role::Lead {
            return Err(StoreError::Forbidden);
        }
        if to < from {
            return Err(StoreError::Rule("err.calendar.leave_dates"));
        }
        let note = crate::domain::text::sanitize_single_line(note, 200)
            .text
            .trim()
            .to_string();
        self.write(|tx| {
            let span = Span::new(Span::day(from).start, Span::day(to).end);
            if !clashes_mediator(tx, staff_id, span.start, span.end, None)?
                .iter()
                .all(|h| h.1 <= now)
            {
                return Err(StoreError::Rule("err.calendar.leave_has_sessions"));
            }
            tx.execute(
                "INSERT INTO staff_leave (staff_id, from_day, to_day, note, created_by, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    staff_id,
                    date_to_sql(from),
                    date_to_sql(to),
                    note,
                    by.staff_id,
                    to_sql(now)
                ],
            )?;
            Ok(tx.last_insert_rowid())
        })
    }
}
