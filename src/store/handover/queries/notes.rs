//! The lead's notes: one text per day and shift.
use super::super::super::Result;
use super::super::super::time::date_to_sql;
use crate::domain::shift::Shift;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

/// The notes of a day and shift, and the name of whoever last saved them.
pub(in crate::store::handover) fn note(
    conn: &Connection,
    day: NaiveDate,
    shift: Shift,
) -> Result<Option<(String, Option<String>)>> {
    Ok(conn
        .query_row(
            "SELECT n.body, s.name FROM handover_notes n LEFT JOIN staff s ON s.id = n.staff_id
             WHERE n.day = ?1 AND n.shift = ?2",
            [date_to_sql(day), shift.code().to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

pub(in crate::store::handover) fn save(
    conn: &Connection,
    day: NaiveDate,
    shift: Shift,
    body: &str,
    staff_id: i64,
    at: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO handover_notes (day, shift, body, staff_id, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (day, shift) DO UPDATE SET body = ?3, staff_id = ?4, updated_at = ?5",
        params![date_to_sql(day), shift.code(), body, staff_id, at],
    )?;
    Ok(())
}
