//! The shift lead's notes on the handover sheet: one text per day and shift, leads only.
use super::report::NOTES_MAX_CHARS;
use super::time::{date_to_sql, to_sql};
use super::{Actor, Result, Store, StoreError};
use crate::domain::role::Role;
use crate::domain::shift::Shift;
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::params;

impl Store {
    /// The lead's notes for a day and shift ("" when none were written).
    pub fn handover_note(&self, day: NaiveDate, shift: Shift) -> Result<String> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row(
                "SELECT body FROM handover_notes WHERE day = ?1 AND shift = ?2",
                [date_to_sql(day), shift.code().to_string()],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or_default())
    }

    /// The name of whoever last saved the notes of a day and shift (the shift lead on duty).
    pub fn handover_note_author(&self, day: NaiveDate, shift: Shift) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row(
                "SELECT s.name FROM handover_notes n JOIN staff s ON s.id = n.staff_id
                 WHERE n.day = ?1 AND n.shift = ?2",
                [date_to_sql(day), shift.code().to_string()],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Saves the notes (shift leads only), with an audit entry of the new text's length.
    pub fn save_handover_note(
        &mut self,
        by: Actor,
        day: NaiveDate,
        shift: Shift,
        body: &str,
        now: NaiveDateTime,
    ) -> Result<()> {
        if by.role != Role::Lead {
            return Err(StoreError::Forbidden);
        }
        let body = crate::domain::text::sanitize_multi_line(body, NOTES_MAX_CHARS).text;
        let at = to_sql(now);
        self.write(|tx| {
            tx.execute(
                "INSERT INTO handover_notes (day, shift, body, staff_id, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (day, shift) DO UPDATE SET body = ?3, staff_id = ?4, updated_at = ?5",
                params![date_to_sql(day), shift.code(), body, by.staff_id, at],
            )?;
            super::audit::event(
                tx,
                &at,
                Some(by.staff_id),
                None,
                "handover.note",
                &format!(
                    "{} {} {} chars",
                    date_to_sql(day),
                    shift.code(),
                    body.chars().count()
                ),
            )
        })
    }
}
