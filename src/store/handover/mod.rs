//! The handover: the sheet of a shift (sheet.rs), the statistics of a period (stats.rs) and
//! the lead's notes (notes.rs). The pane, `onedoor handover`/`stats` and the exports all render
//! these structs, so every number agrees everywhere. Every SQL statement is in `queries/`.
mod notes;
mod queries;
mod sheet;
pub mod stats;
#[cfg(test)]
mod tests;

pub use sheet::{
    DeadlineCase, Escalation, FollowupLine, Intakes, Listing, NEAR_DEADLINE_HOURS, NOTES_MAX_CHARS,
    NextSession, SHEET_LIST_LIMIT, SessionLine, Sheet, SheetRequest, UrgentCase,
};
