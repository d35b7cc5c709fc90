//! Calendar writes. Every rule is checked inside the IMMEDIATE write transaction, so two desks
//! booking the same room at the same moment cannot both succeed: the second one waits for the
//! first's lock, then sees its session and is refused.
use super::calendar::{holidays_in, leave_in};
use super::calendar_clash::{clashes_mediator, clashes_party, clashes_room};
use super::time::{date_to_sql, to_sql};
use super::{Actor, Result, Store, StoreError, audit};
use crate::domain::ladder::{Ladder, Level};
use crate::domain::role::{Permission, Role};
use crate::domain::session::SessionStatus;
use crate::domain::slots::{MAX_SESSION, Span, WorkTime};
use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, Transaction, params};

/// What a booking would collide with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClashWith {
    /// A mediator (code and name) already has a session.
    Mediator(String),
    Room(String),
    /// A party of the case (name) is in another session.
    Party(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub with: ClashWith,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub case_no: String,
}

/// A booking refused: a rule of the store, or a collision with another session.
#[derive(Debug, thiserror::Error)]
pub enum BookError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("collides with the session of {} at {}", .0.case_no, .0.start)]
    Conflict(Conflict),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSession {
    pub case_id: i64,
    /// The mediator in charge first; at least one.
    pub mediators: Vec<i64>,
    pub room_id: Option<i64>,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
}

/// Rules shared by booking and moving: length, holidays, leave, working time, collisions.
#[allow(clippy::too_many_arguments)]
fn check_slot(
    tx: &Transaction,
    by: Actor,
    case_id: i64,
    mediators: &[i64],
    room: Option<i64>,
    span: Span,
    work: &WorkTime,
    except: Option<i64>,
) -> Result<Option<Conflict>> {
    if span.end <= span.start || span.end - span.start > MAX_SESSION {
        return Err(StoreError::Rule("err.calendar.length"));
    }
    let (first, last) = (
        span.start.date(),
        (span.end - chrono::Duration::seconds(1)).date(),
    );
    if !holidays_in(tx, first, last)?.is_empty() {
        return Err(StoreError::Rule("err.calendar.holiday"));
    }
    // Leads may book outside working hours (a red case seen the same evening); others may not.
    if by.role != Role::Lead && !work.contains(&span) {
        return Err(StoreError::Rule("err.calendar.hours"));
    }
    for m in mediators {
        let (code, name, role, active): (String, String, String, bool) = tx
            .query_row(
                "SELECT code, name, role, active FROM staff WHERE id = ?1",
                [m],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?
            .ok_or(StoreError::Rule("err.calendar.mediator"))?;
        if !active || role == Role::Desk.code() {
            return Err(StoreError::Rule("err.calendar.mediator"));
        }
        if !leave_in(tx, Some(*m), first, last)?.is_empty() {
            return Err(StoreError::Rule("err.calendar.leave"));
        }
        if let Some(h) = clashes_mediator(tx, *m, span.start, span.end, except)?.first() {
            return Ok(Some(Conflict {
                with: ClashWith::Mediator(format!("{name}（{code}）")),
                start: h.0,
                end: h.1,
                case_no: h.3.clone(),
            }));
        }
    }
    if let Some(r) = room {
        let name: String = tx
            .query_row(
                "SELECT name FROM rooms WHERE id = ?1 AND active = 1",
                [r],
                |x| x.get(0),
            )
            .optional()?
            .ok_or(StoreError::Rule("err.calendar.room"))?;
        if let Some(h) = clashes_room(tx, r, span.start, span.end, except)?.first() {
            return Ok(Some(Conflict {
                with: ClashWith::Room(name),
                start: h.0,
                end: h.1,
                case_no: h.3.clone(),
            }));
        }
    }
    if let Some(h) = clashes_party(tx, case_id, span.start, span.end, except)?.first() {
        return Ok(Some(Conflict {
            with: ClashWith::Party(h.4.clone()),
            start: h.0,
            end: h.1,
            case_no: h.3.clone(),
        }));
    }
    Ok(None)
}

fn session_case(tx: &Transaction, id: i64) -> Result<(i64, String, String, String, Option<i64>)> {
    Ok(tx.query_row(
        "SELECT s.case_id, s.status, s.starts_at, s.level, c.owner_id FROM sessions s
         JOIN cases c ON c.id = s.case_id WHERE s.id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
    )?)
}

fn mediators_of(tx: &Transaction, id: i64) -> Result<Vec<i64>> {
    let mut stmt = tx.prepare_cached(
        "SELECT mediator_id FROM sessions WHERE id = ?1
         UNION ALL SELECT staff_id FROM session_mediators WHERE session_id = ?1",
    )?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn required(reason: &str) -> Result<String> {
    let r = crate::domain::text::sanitize_single_line(reason, 200).text;
    if r.trim().is_empty() {
        return Err(StoreError::Rule("err.calendar.reason"));
    }
    Ok(r.trim().to_string())
}

impl Store {
    /// Books a session. Refuses double-booking of any mediator, the room or a party.
    pub fn book_session(
        &mut self,
        by: Actor,
        s: &NewSession,
        work: &WorkTime,
        now: NaiveDateTime,
    ) -> Result<i64, BookError> {
        if !by.role.may(Permission::BookSession) {
            return Err(StoreError::Forbidden.into());
        }
        let mut mediators = s.mediators.clone();
        mediators.dedup();
        if mediators.is_empty() {
            return Err(StoreError::Rule("err.calendar.mediator").into());
        }
        let span = Span::new(s.start, s.end);
        let out = self.write(|tx| {
            let (level, active, attempts): (String, bool, [u32; 3]) = tx
                .query_row(
                    "SELECT level, active, attempts_village, attempts_township, attempts_county
                     FROM cases WHERE id = ?1",
                    [s.case_id],
                    |r| Ok((r.get(0)?, r.get(1)?, [r.get(2)?, r.get(3)?, r.get(4)?])),
                )
                .optional()?
                .ok_or(StoreError::Rule("err.calendar.case"))?;
            if !active {
                return Err(StoreError::Rule("err.calendar.case_closed"));
            }
            // A level whose attempts are used up takes no more sessions: escalate first.
            let ladder = Ladder {
                level: Level::from_code(&level).unwrap_or(Level::Village),
                attempts,
            };
            if ladder.remaining() == 0 {
                return Err(StoreError::Rule(
                    crate::domain::ladder::LadderError::AttemptsUsed.i18n_key(),
                ));
            }
            if let Some(c) =
                check_slot(tx, by, s.case_id, &mediators, s.room_id, span, work, None)?
            {
                return Ok(Err(c));
            }
            tx.execute(
                "INSERT INTO sessions (case_id, mediator_id, room_id, starts_at, ends_at, level)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![s.case_id, mediators[0], s.room_id, to_sql(s.start), to_sql(s.end), level],
            )?;
            let id = tx.last_insert_rowid();
            for m in &mediators[1..] {
                tx.execute(
                    "INSERT OR IGNORE INTO session_mediators (session_id, staff_id) VALUES (?1, ?2)",
                    params![id, m],
                )?;
            }
            let what = format!("#{id} {}–{}", to_sql(s.start), to_sql(s.end));
            audit::event(tx, &to_sql(now), Some(by.staff_id), Some(s.case_id), "session.book", &what)?;
            Ok(Ok(id))
        })?;
        out.map_err(BookError::Conflict)
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
        work: &WorkTime,
        now: NaiveDateTime,
    ) -> Result<(), BookError> {
        if !by.role.may(Permission::BookSession) {
            return Err(StoreError::Forbidden.into());
        }
        let reason = required(reason)?;
        let out = self.write(|tx| {
            let (case_id, status, old_start, _, _) = session_case(tx, id)?;
            if status != SessionStatus::Booked.code() {
                return Err(StoreError::Rule("err.calendar.not_booked"));
            }
            let mediators = mediators_of(tx, id)?;
            let span = Span::new(start, end);
            if let Some(c) = check_slot(tx, by, case_id, &mediators, room, span, work, Some(id))? {
                return Ok(Err(c));
            }
            tx.execute(
                "UPDATE sessions SET starts_at = ?2, ends_at = ?3, room_id = ?4 WHERE id = ?1",
                params![id, to_sql(start), to_sql(end), room],
            )?;
            audit::append(
                tx,
                audit::Entry {
                    at: &to_sql(now),
                    staff_id: Some(by.staff_id),
                    case_id: Some(case_id),
                    action: "session.move",
                    field: "starts_at",
                    old: &format!("#{id} {old_start}"),
                    new: &format!("{} ({reason})", to_sql(start)),
                },
            )?;
            Ok(Ok(()))
        })?;
        out.map_err(BookError::Conflict)
    }

    /// Cancels a booked session, with a reason.
    pub fn cancel_session(
        &mut self,
        by: Actor,
        id: i64,
        reason: &str,
        now: NaiveDateTime,
    ) -> Result<()> {
        if !by.role.may(Permission::BookSession) {
            return Err(StoreError::Forbidden);
        }
        let reason = required(reason)?;
        self.write(|tx| {
            let (case_id, status, starts, _, _) = session_case(tx, id)?;
            if status != SessionStatus::Booked.code() {
                return Err(StoreError::Rule("err.calendar.not_booked"));
            }
            tx.execute(
                "UPDATE sessions SET status = 'cancelled' WHERE id = ?1",
                [id],
            )?;
            audit::append(
                tx,
                audit::Entry {
                    at: &to_sql(now),
                    staff_id: Some(by.staff_id),
                    case_id: Some(case_id),
                    action: "session.cancel",
                    field: "status",
                    old: &format!("#{id} {starts} booked"),
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
        if !SessionStatus::OUTCOMES.contains(&outcome) {
            return Err(StoreError::Rule("err.calendar.outcome"));
        }
        let result = crate::domain::text::sanitize_single_line(result, 200)
            .text
            .trim()
            .to_string();
        let work = self.work.clone();
        self.write(|tx| {
            let (case_id, status, starts, level, owner) = session_case(tx, id)?;
            let mine = mediators_of(tx, id)?.contains(&by.staff_id);
            if !(mine || by.role.may_work(by.staff_id, owner)) {
                return Err(StoreError::Forbidden);
            }
            if status != SessionStatus::Booked.code() {
                return Err(StoreError::Rule("err.calendar.not_booked"));
            }
            let day = starts.get(..10).unwrap_or_default();
            if outcome != SessionStatus::Postponed && day > date_to_sql(now.date()).as_str() {
                return Err(StoreError::Rule("err.calendar.not_yet"));
            }
            tx.execute(
                "UPDATE sessions SET status = ?2, result = ?3 WHERE id = ?1",
                params![id, outcome.code(), result],
            )?;
            let at = to_sql(now);
            audit::append(
                tx,
                audit::Entry {
                    at: &at,
                    staff_id: Some(by.staff_id),
                    case_id: Some(case_id),
                    action: "session.record",
                    field: "status",
                    old: &format!("#{id} {starts} booked"),
                    new: &format!("{} {result}", outcome.code()),
                },
            )?;
            let level = Level::from_code(&level).unwrap_or(Level::Village);
            if outcome == SessionStatus::Held {
                super::cases::count_held_session(tx, &work, by, case_id, id, level, now)?;
            }
            Ok(())
        })
    }
}
