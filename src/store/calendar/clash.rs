//! The checks shared by booking and moving a session: length, the host centre's days off and
//! working time, the
//! mediators (who they are, their leave, their sessions), the room, and the parties' other
//! sessions. The first collision refuses the change, naming what collides.
use super::super::db::Db;
use super::super::{Actor, Result, StoreError};
use super::queries::{self, Hit};
use crate::domain::booking::{self, BookingRule, ClashWith, Conflict};
use crate::domain::role::may_mediate;
use crate::domain::slots::{Span, WorkTime};

/// A slot for a session of `case_id` with these mediators and room.
pub(super) struct Slot<'a> {
    pub case_id: i64,
    pub mediators: &'a [i64],
    pub room: Option<i64>,
    pub span: Span,
    /// The session being moved (its own time is no collision).
    pub except: Option<i64>,
}

fn clash(with: ClashWith, h: &Hit) -> StoreError {
    BookingRule::Clash(Conflict {
        with,
        start: h.start,
        end: h.end,
        case_no: h.case_no.clone(),
    })
    .into()
}

/// Refuses a slot the rules or another session forbid; the days off and working hours are
/// those of `host`, the centre the session is booked at (its calendar over `default`).
pub(super) fn check_slot(tx: Db, by: Actor, s: &Slot, default: &WorkTime, host: i64) -> Result<()> {
    booking::check_length(&s.span)?;
    let (first, last) = booking::days_touched(&s.span);
    let cal = super::days::centre_calendar(tx, default, host, first, last)?;
    booking::check_day_off(&s.span, &cal)?;
    booking::check_hours(by.role, &s.span, &cal)?;
    check_clashes(tx, s, first, last)
}

/// Refuses a slot a mediator's leave or another session of a mediator, the room or a party
/// takes (the part of `check_slot` that reads other bookings; `first`..`last` are the days the
/// slot touches).
pub(super) fn check_clashes(
    tx: Db,
    s: &Slot,
    first: chrono::NaiveDate,
    last: chrono::NaiveDate,
) -> Result<()> {
    let w = booking::window(s.span.start, s.span.end);
    for m in s.mediators {
        let (code, name, _, _) = queries::staff_brief(tx, *m)?
            .filter(|(_, _, role, active)| may_mediate(*role, *active))
            .ok_or(BookingRule::Mediator)?;
        if !queries::leave_in(tx, Some(*m), first, last)?.is_empty() {
            return Err(BookingRule::Leave.into());
        }
        if let Some(h) = queries::clashes_mediator(tx, *m, w, s.except)?.first() {
            let who = format!("{name}（{code}）");
            return Err(clash(ClashWith::Mediator(who), h));
        }
    }
    if let Some(r) = s.room {
        let name = queries::active_room(tx, r)?.ok_or(BookingRule::Room)?;
        if let Some(h) = queries::clashes_room(tx, r, w, s.except)?.first() {
            return Err(clash(ClashWith::Room(name), h));
        }
    }
    if let Some(h) = queries::clashes_party(tx, s.case_id, w, s.except)?.first() {
        return Err(clash(ClashWith::Party(h.party.clone()), h));
    }
    Ok(())
}
