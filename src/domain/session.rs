//! Mediation sessions: their status codes and what a recording may set.
use super::codes::code_enum;

code_enum! {
    pub enum SessionStatus ("session") {
        Booked = "booked",
        Held = "held",
        NoShow = "no_show",
        Postponed = "postponed",
        Cancelled = "cancelled",
    }
}

impl SessionStatus {
    /// Statuses that occupy the mediator, the room and the parties.
    pub const BLOCKING: [SessionStatus; 2] = [SessionStatus::Booked, SessionStatus::Held];

    /// What a mediator may record after a session.
    pub const OUTCOMES: [SessionStatus; 3] = [
        SessionStatus::Held,
        SessionStatus::NoShow,
        SessionStatus::Postponed,
    ];
}

/// A session still booked after its start: nobody has recorded it.
pub fn is_late(
    status: SessionStatus,
    start: chrono::NaiveDateTime,
    now: chrono::NaiveDateTime,
) -> bool {
    status == SessionStatus::Booked && start < now
}
