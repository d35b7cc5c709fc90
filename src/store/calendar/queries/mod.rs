//! Every SQL statement of the calendar, by topic: reading sessions, cases, rooms and leave
//! (read.rs), the days off and extra working days (days.rs), the clash searches (clash.rs),
//! and the writes (write.rs).
mod clash;
mod days;
mod read;
mod write;

pub(super) use clash::*;
pub(in crate::store) use days::day_rules;
pub(super) use days::{delete_day, upsert_day};
pub(super) use read::{brief_by_id, brief_by_no, leave_in, rooms, session_by_id, sessions_in};
pub(super) use write::*;

use super::super::Result;
use super::super::db::Row;
use super::super::time::from_sql;
use chrono::NaiveDateTime;

/// A stored time (local 'YYYY-MM-DD HH:MM:SS' text).
fn time(r: &Row, i: usize) -> Result<NaiveDateTime> {
    Ok(from_sql(&r.get::<String>(i, "sessions")?).unwrap_or_default())
}

/// The statuses that occupy a mediator, a room and the parties, as an SQL list.
pub(in crate::store) fn blocking() -> String {
    let codes: Vec<String> = crate::domain::session::SessionStatus::BLOCKING
        .iter()
        .map(|s| format!("'{}'", s.code()))
        .collect();
    format!("({})", codes.join(", "))
}
