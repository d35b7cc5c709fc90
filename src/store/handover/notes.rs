//! The shift lead's notes on the handover sheet: one text per day and shift, leads only.
use super::super::time::{date_to_sql, to_sql};
use super::super::{Actor, Result, Store, StoreError, audit};
use super::NOTES_MAX_CHARS;
use super::queries::notes as queries;
use crate::domain::role::Role;
use crate::domain::shift::Shift;
use chrono::{NaiveDate, NaiveDateTime};

impl Store {
    /// The lead's notes for a day and shift ("" when none were written).
    pub fn handover_note(&self, day: NaiveDate, shift: Shift) -> Result<String> {
        Ok(queries::note(self.lite()?, day, shift)?
            .map(|(body, _)| body)
            .unwrap_or_default())
    }

    /// The name of whoever last saved the notes of a day and shift (the shift lead on duty).
    pub fn handover_note_author(&self, day: NaiveDate, shift: Shift) -> Result<Option<String>> {
        Ok(queries::note(self.lite()?, day, shift)?.and_then(|(_, author)| author))
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
            queries::save(tx, day, shift, &body, by.staff_id, &at)?;
            audit::event(
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
