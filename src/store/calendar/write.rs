//! Booking, moving, cancelling and recording sessions. Every rule is checked inside the
//! write transaction, so two desks booking the same room at the same moment cannot both
//! succeed. On SQLite (IMMEDIATE) the second waits for the first's lock, then sees its session
//! and is refused. On PostgreSQL (SERIALIZABLE) the second's check-then-insert fails as a
//! serialization failure, or its insert meets the exclusion constraints (`sessions_mediator_free`,
//! `sessions_room_free`, SQLSTATE 23P01); either way the transaction runs again and its check
//! names the session now in the way: the same clash, never the server's error.
use super::super::centres::{
    check_handles, check_room, check_room_at, check_serves, handling_centre, session_host,
};
use super::super::db::Db;
use super::super::time::to_sql;
use super::super::{Actor, Result, Store, StoreError, audit};
use super::NewSession;
use super::clash::{Slot, check_slot};
use super::queries;
use crate::domain::booking::{self, BookingRule};
use crate::domain::role::Permission;
use crate::domain::session::SessionStatus;
use crate::domain::slots::Span;
use chrono::NaiveDateTime;

/// A reason, cleaned; none refuses the change.
fn required(reason: &str) -> Result<String> {
    let r = crate::domain::text::sanitize_single_line(reason, 200).text;
    if r.trim().is_empty() {
        return Err(BookingRule::Reason.into());
    }
    Ok(r.trim().to_string())
}

/// A session write refused by PostgreSQL's exclusion constraints: another desk's session
/// committed between this transaction's check and its write. Told as a conflict, so the
/// transaction runs again and the check names that session (the precise clash).
pub(super) fn overlap_as_conflict<T>(r: Result<T>) -> Result<T> {
    r.map_err(|e| {
        if queries::is_overlap(&e) {
            StoreError::Conflict
        } else {
            e
        }
    })
}

/// Writes a checked slot as a session, the mediator in charge first, then co-mediators.
pub(super) fn insert_slot(tx: Db, slot: &Slot, level: crate::domain::ladder::Level) -> Result<i64> {
    let id = overlap_as_conflict(queries::insert_session(
        tx,
        slot.case_id,
        slot.mediators[0],
        slot.room,
        slot.span.start,
        slot.span.end,
        level,
    ))?;
    for m in &slot.mediators[1..] {
        queries::add_co_mediator(tx, id, *m)?;
    }
    Ok(id)
}

/// Booking, moving and cancelling sessions take the role permission to book.
fn may_book(by: Actor) -> Result<()> {
    if !by.role.may(Permission::BookSession) {
        return Err(StoreError::Forbidden);
    }
    Ok(())
}

impl Store {
    /// Books a session. Refuses double-booking of any mediator, the room or a party.
    pub fn book_session(&mut self, by: Actor, s: &NewSession, now: NaiveDateTime) -> Result<i64> {
        may_book(by)?;
        let work = self.work_time().clone();
        let mut mediators = s.mediators.clone();
        mediators.dedup();
        if mediators.is_empty() {
            return Err(BookingRule::Mediator.into());
        }
        self.write_db(|tx| {
            let (ladder, active) = queries::case_ladder(tx, s.case_id)?.ok_or(BookingRule::Case)?;
            // The handling centre books its case's sessions: its own room, its mediators or
            // ones from a centre above (a county mediator in a township's room). These checks
            // are SQLite-only still (centres/access.rs).
            check_handles(tx, by, s.case_id)?;
            for m in &mediators {
                check_serves(tx, *m, s.case_id)?;
            }
            if let Some(r) = s.room_id {
                check_room(tx, r, s.case_id)?;
            }
            if !active {
                return Err(BookingRule::CaseClosed.into());
            }
            booking::check_attempts_left(&ladder)?;
            let slot = Slot {
                case_id: s.case_id,
                mediators: &mediators,
                room: s.room_id,
                span: Span::new(s.start, s.end),
                except: None,
            };
            // Booked at the handling centre: its days off and hours.
            let host = handling_centre(tx, s.case_id)?;
            check_slot(tx, by, &slot, &work, host)?;
            let id = insert_slot(tx, &slot, ladder.level)?;
            let what = format!("#{id} {}–{}", to_sql(s.start), to_sql(s.end));
            audit::event(
                tx,
                &to_sql(now),
                Some(by.staff_id),
                Some(s.case_id),
                "session.book",
                &what,
            )?;
            Ok(id)
        })
    }

    /// Moves a booked session to a new time (and room), with a reason; same rules as booking.
    #[allow(clippy::too_many_arguments)]
    pub fn move_session(
        &mut self,
        by: Actor,
        id: i64,
        start: NaiveDateTime,
        end: NaiveDateTime,
        room: Option<i64>,
        reason: &str,
        now: NaiveDateTime,
    ) -> Result<()> {
        may_book(by)?;
        let reason = required(reason)?;
        let work = self.work_time().clone();
        self.write_db(|tx| {
            let s = queries::session_case(tx, id)?;
            let host = session_host(tx, by, s.case_id, s.room)?;
            if let Some(r) = room {
                check_room_at(tx, r, host)?;
            }
            booking::check_booked(s.status)?;
            let mediators = queries::mediators_of(tx, id)?;
            let slot = Slot {
                case_id: s.case_id,
                mediators: &mediators,
                room,
                span: Span::new(start, end),
                except: Some(id),
            };
            check_slot(tx, by, &slot, &work, host)?;
            overlap_as_conflict(queries::move_session(tx, id, start, end, room))?;
            audit::append(
                tx,
                audit::Entry {
                    at: &to_sql(now),
                    staff_id: Some(by.staff_id),
                    case_id: Some(s.case_id),
                    action: "session.move",
                    field: "starts_at",
                    old: &format!("#{id} {}", to_sql(s.start)),
                    new: &format!("{} ({reason})", to_sql(start)),
                },
            )
        })
    }

    /// Cancels a booked session, with a reason.
    pub fn cancel_session(
        &mut self,
        by: Actor,
        id: i64,
        reason: &str,
        now: NaiveDateTime,
    ) -> Result<()> {
        may_book(by)?;
        let reason = required(reason)?;
        self.write_db(|tx| {
            let s = queries::session_case(tx, id)?;
            session_host(tx, by, s.case_id, s.room)?;
            booking::check_booked(s.status)?;
            queries::cancel_session(tx, id)?;
            audit::append(
                tx,
                audit::Entry {
                    at: &to_sql(now),
                    staff_id: Some(by.staff_id),
                    case_id: Some(s.case_id),
                    action: "session.cancel",
                    field: "status",
                    old: &format!("#{id} {} booked", to_sql(s.start)),
                    new: &format!("cancelled ({reason})"),
                },
            )
        })
    }

    /// Records what happened. A held session counts as an attempt on the 3-2-1 ladder at the
    /// session's level; refused once that level's attempts are used up (escalate first).
    pub fn record_session(
        &mut self,
        by: Actor,
        id: i64,
        outcome: SessionStatus,
        result: &str,
        now: NaiveDateTime,
    ) -> Result<()> {
        booking::check_outcome(outcome)?;
        let result = crate::domain::text::sanitize_single_line(result, 200)
            .text
            .trim()
            .to_string();
        let work = self.work.clone();
        // SQLite-only still: a held session's attempt is counted by cases/ladder.rs, which
        // takes a rusqlite transaction.
        self.write(|t| {
            let tx = Db::from(t);
            let s = queries::session_case(tx, id)?;
            // The session's own mediators record it, whatever their centre (a county mediator
            // who sat in a village's session); anyone else works for the case's centre or the
            // centre that hosts the session.
            let mine = queries::mediators_of(tx, id)?.contains(&by.staff_id);
            if !mine {
                session_host(t, by, s.case_id, s.room)?;
            }
            if !(mine || by.role.may_work(by.staff_id, s.owner)) {
                return Err(StoreError::Forbidden);
            }
            booking::check_booked(s.status)?;
            booking::check_recorded_on(outcome, s.start, now.date())?;
            queries::set_outcome(tx, id, outcome, &result)?;
            let at = to_sql(now);
            audit::append(
                tx,
                audit::Entry {
                    at: &at,
                    staff_id: Some(by.staff_id),
                    case_id: Some(s.case_id),
                    action: "session.record",
                    field: "status",
                    old: &format!("#{id} {} booked", to_sql(s.start)),
                    new: &format!("{} {result}", outcome.code()),
                },
            )?;
            if outcome == SessionStatus::Held {
                crate::store::cases::count_held_session(t, &work, by, s.case_id, id, s.level, now)?;
            }
            Ok(())
        })
    }
}
