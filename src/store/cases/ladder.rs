//! What every mediation attempt does, however it is recorded: a session marked held in the
//! calendar, or an attempt entered on the case (mediation without a booked session — at the
//! desk, on the phone). Both start mediation the same way, and one attempt is never counted
//! twice: the manual entry is refused when a session held today already counted at that level,
//! and a session held after a manual entry of the same day counts nothing more.
use super::super::db::Db;
use super::state::{State, deadline_text, log, required, set_status, state};
use super::time::{date_to_sql, to_sql};
use super::waiting::resume;
use super::{Actor, Result, Store, StoreError, audit, queries};
use crate::domain::case_rule::CaseRule;
use crate::domain::ladder::{Ladder, Level};
use crate::domain::slots::WorkTime;
use crate::domain::status::Status;
use chrono::NaiveDateTime;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttemptRecorded {
    pub level: Level,
    pub attempts: u32,
    /// The level's attempts are used up: the system proposes escalation.
    pub escalate_proposed: bool,
}

/// A session of this case at `level`, other than `except`, held on `now`'s day.
fn held_session_today<'c>(
    tx: impl Into<Db<'c>>,
    case_id: i64,
    level: Level,
    now: NaiveDateTime,
    except: i64,
) -> Result<bool> {
    queries::held_session_on(tx, case_id, level, &date_to_sql(now.date()), except)
}

/// An attempt entered on the case today at `level` (the manual entry's audit shape: the
/// level's code as field; a session's count uses the attempts column's name).
fn manual_attempt_today<'c>(
    tx: impl Into<Db<'c>>,
    case_id: i64,
    level: Level,
    now: NaiveDateTime,
) -> Result<bool> {
    queries::manual_attempt_on(tx, case_id, level, &date_to_sql(now.date()))
}

/// Refuses a manual attempt that today's held session already counted.
pub(super) fn check_manual<'c>(
    tx: impl Into<Db<'c>>,
    case_id: i64,
    level: Level,
    now: NaiveDateTime,
) -> Result<()> {
    if held_session_today(tx, case_id, level, now, 0)? {
        return Err(StoreError::Case(CaseRule::AttemptBySession));
    }
    Ok(())
}

/// Whether a session just held should count: not when today's manual entry at its level
/// already stands for it (and no other session held today has claimed that entry).
pub(super) fn session_counts<'c>(
    tx: impl Into<Db<'c>>,
    case_id: i64,
    session_id: i64,
    level: Level,
    now: NaiveDateTime,
) -> Result<bool> {
    let tx = tx.into();
    Ok(!manual_attempt_today(tx, case_id, level, now)?
        || held_session_today(tx, case_id, level, now, session_id)?)
}

/// The first attempt on an assigned case starts mediation: status in mediation, and the
/// deadline becomes the end of the mediation term.
pub(super) fn start_mediation<'c>(
    tx: impl Into<Db<'c>>,
    work: &WorkTime,
    by: Actor,
    id: i64,
    s: &State,
    now: NaiveDateTime,
) -> Result<()> {
    let tx = tx.into();
    if s.status != Status::Assigned {
        return Ok(());
    }
    let at = to_sql(now);
    set_status(tx, &at, by, id, s.status, Status::InMediation)?;
    let term = to_sql(super::deadlines::term(
        tx,
        work,
        s.centre,
        s.received,
        super::detail::MEDIATION_TERM_DAYS,
    )?);
    queries::set_deadline(tx, id, &term)?;
    let old = deadline_text(s.deadline);
    log(tx, &at, by, id, "case.deadline", "deadline_at", &old, &term)
}

/// A session marked held in the calendar: one attempt at its level, unless today's manual
/// entry already stands for it (`session_counts`); the first attempt starts mediation.
pub(in crate::store) fn count_held_session<'c>(
    tx: impl Into<Db<'c>>,
    work: &WorkTime,
    by: Actor,
    case_id: i64,
    session_id: i64,
    level: Level,
    now: NaiveDateTime,
) -> Result<()> {
    let tx = tx.into();
    if !session_counts(tx, case_id, session_id, level, now)? {
        return Ok(());
    }
    count_attempt(tx, by, case_id, level, &to_sql(now))?;
    let s = state(tx, case_id)?;
    start_mediation(tx, work, by, case_id, &s, now)
}

/// One more attempt at `level` on the case's ladder (domain::ladder decides if one is left).
fn count_attempt(tx: Db, by: Actor, case_id: i64, level: Level, at: &str) -> Result<()> {
    let attempts = queries::attempts(tx, case_id)?;
    let mut ladder = Ladder { level, attempts };
    ladder
        .record_attempt()
        .map_err(|e| StoreError::Case(e.into()))?;
    let new = ladder.attempts_at(level);
    queries::set_attempts(tx, case_id, level, new, at)?;
    audit::append(
        tx,
        audit::Entry {
            at,
            staff_id: Some(by.staff_id),
            case_id: Some(case_id),
            action: "case.attempt",
            field: queries::attempts_column(level),
            old: &(new - 1).to_string(),
            new: &new.to_string(),
        },
    )
}

impl Store {
    /// One mediation attempt at the case's current level, with its result. The first attempt
    /// starts mediation; the deadline becomes the end of the 30-day mediation term.
    pub fn record_attempt(
        &mut self,
        by: Actor,
        id: i64,
        result: &str,
        now: NaiveDateTime,
    ) -> Result<AttemptRecorded> {
        let result = required(result, CaseRule::ResultEmpty)?;
        let work = self.work.clone();
        self.write(|tx| {
            super::super::centres::check_handles(tx, by, id)?;
            let mut s = state(tx, id)?;
            if !by.role.may_work(by.staff_id, s.owner) {
                return Err(StoreError::Forbidden);
            }
            resume(tx, &to_sql(now), by, id, now)?;
            s.deadline = state(tx, id)?.deadline;
            if !matches!(s.status, Status::Assigned | Status::InMediation) {
                return Err(StoreError::Case(CaseRule::NotInMediation));
            }
            super::ladder::check_manual(tx, id, s.ladder.level, now)?;
            s.ladder
                .record_attempt()
                .map_err(|e| StoreError::Case(e.into()))?;
            let level = s.ladder.level;
            let n = s.ladder.attempts_at(level);
            let at = to_sql(now);
            queries::set_attempts(tx, id, level, n, &at)?;
            log(
                tx,
                &at,
                by,
                id,
                "case.attempt",
                level.code(),
                &format!("{n}/{}", level.max_attempts()),
                &result,
            )?;
            super::ladder::start_mediation(tx, &work, by, id, &s, now)?;
            Ok(AttemptRecorded {
                level,
                attempts: n,
                escalate_proposed: s.ladder.should_escalate(),
            })
        })
    }

    /// Moves the case up the 3-2-1 ladder (village → township → county). In a tree of centres
    /// a handling centre with a parent hands the case up instead (`Store::hand_up`: it moves,
    /// level and all, when the parent signs for it) and this gives the level it is handed to;
    /// the label alone moves only where there is no parent (a single-centre database).
    pub fn escalate_case(
        &mut self,
        by: Actor,
        id: i64,
        reason: &str,
        now: NaiveDateTime,
    ) -> Result<Level> {
        let handed = self.write(|tx| {
            if let Some(to) = super::super::transfers::escalate_by_hand_up(tx, by, id, reason, now)?
            {
                return Ok(Some(to));
            }
            super::super::centres::check_handles(tx, by, id)?;
            let mut s = state(tx, id)?;
            if !by.role.may_work(by.staff_id, s.owner) {
                return Err(StoreError::Forbidden);
            }
            if !s.status.is_active() {
                return Err(StoreError::Case(CaseRule::NotOpen));
            }
            resume(tx, &to_sql(now), by, id, now)?;
            let from = s.ladder.level;
            let to = s
                .ladder
                .escalate()
                .map_err(|e| StoreError::Case(e.into()))?;
            let at = to_sql(now);
            queries::set_level(tx, id, to, &at)?;
            let new = if reason.trim().is_empty() {
                to.code().to_string()
            } else {
                format!("{} ({})", to.code(), reason.trim())
            };
            log(tx, &at, by, id, "case.escalate", "level", from.code(), &new)?;
            Ok(None)
        })?;
        match handed {
            Some(to) => Ok(to),
            None => queries::level(self.db(), id),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::case_rule::CaseRule;
    use crate::domain::session::SessionStatus;
    use crate::store::calendar_tests::{case, fix, t};
    use crate::store::{NewSession, StoreError};

    /// (status, village attempts, deadline) of a case.
    fn state(f: &crate::store::calendar_tests::Fix, id: i64) -> (String, i64, String) {
        f.s.lite_conn()
            .query_row(
                "SELECT status, attempts_village, deadline_at FROM cases WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap()
    }

    #[test]
    fn a_held_session_starts_mediation_and_is_not_counted_again_by_hand() {
        let mut f = fix();
        let m1 = f.m1;
        let (c, _) = case(&mut f, Some(m1.staff_id), None);
        assert_eq!(state(&f, c).0, "assigned");
        let s = NewSession {
            case_id: c,
            mediators: vec![m1.staff_id],
            room_id: Some(f.rooms[0]),
            start: t(24, 9, 0),
            end: t(24, 10, 0),
        };
        let id = f.s.book_session(f.desk, &s, t(23, 8, 0)).unwrap();
        f.s.record_session(m1, id, SessionStatus::Held, "", t(24, 11, 0))
            .unwrap();
        let (status, n, deadline) = state(&f, c);
        assert_eq!((status.as_str(), n), ("in_mediation", 1));
        let term = f.s.mediation_term(1, t(23, 9, 0)).unwrap();
        assert_eq!(
            deadline,
            super::to_sql(term),
            "the deadline is the mediation term"
        );
        // The mediator also enters it on the case the same day: refused, counted once.
        let e = f.s.record_attempt(m1, c, "再次调解", t(24, 16, 0));
        assert!(matches!(
            e,
            Err(StoreError::Case(CaseRule::AttemptBySession))
        ));
        assert_eq!(state(&f, c).1, 1);
        // Another day, an attempt without a session counts.
        f.s.record_attempt(m1, c, "电话调解", t(25, 10, 0)).unwrap();
        assert_eq!(state(&f, c).1, 2);
    }

    #[test]
    fn a_session_held_after_the_same_days_manual_entry_counts_nothing_more() {
        let mut f = fix();
        let m1 = f.m1;
        let (c, _) = case(&mut f, Some(m1.staff_id), None);
        f.s.record_attempt(m1, c, "当面调解", t(24, 9, 30)).unwrap();
        let (status, n, _) = state(&f, c);
        assert_eq!((status.as_str(), n), ("in_mediation", 1));
        let mut sessions = Vec::new();
        for h in [10, 14] {
            let s = NewSession {
                case_id: c,
                mediators: vec![m1.staff_id],
                room_id: Some(f.rooms[0]),
                start: t(24, h, 0),
                end: t(24, h + 1, 0),
            };
            sessions.push(f.s.book_session(f.desk, &s, t(24, 8, 0)).unwrap());
        }
        // The morning's session is the attempt already entered by hand …
        f.s.record_session(m1, sessions[0], SessionStatus::Held, "", t(24, 16, 0))
            .unwrap();
        assert_eq!(state(&f, c).1, 1);
        // … the afternoon's is a second one.
        f.s.record_session(m1, sessions[1], SessionStatus::Held, "", t(24, 16, 0))
            .unwrap();
        assert_eq!(state(&f, c).1, 2);
    }
}
