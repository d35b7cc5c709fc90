//! What every mediation attempt does, however it is recorded: a session marked held in the
//! calendar, or an attempt entered on the case (mediation without a booked session — at the
//! desk, on the phone). Both start mediation the same way, and one attempt is never counted
//! twice: the manual entry is refused when a session held today already counted at that level,
//! and a session held after a manual entry of the same day counts nothing more.
use super::case_actions::{State, log, set_status};
use super::time::{date_to_sql, to_sql};
use super::{Actor, Result, StoreError};
use crate::domain::ladder::Level;
use crate::domain::slots::WorkTime;
use crate::domain::status::Status;
use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, Transaction, params};

/// A session of this case at `level`, other than `except`, held on `now`'s day.
fn held_session_today(
    tx: &Transaction,
    case_id: i64,
    level: Level,
    now: NaiveDateTime,
    except: i64,
) -> Result<bool> {
    Ok(tx
        .query_row(
            "SELECT 1 FROM sessions WHERE case_id = ?1 AND level = ?2 AND status = 'held'
             AND substr(starts_at, 1, 10) = ?3 AND id <> ?4 LIMIT 1",
            params![case_id, level.code(), date_to_sql(now.date()), except],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// An attempt entered on the case today at `level` (the manual entry's audit shape: the
/// level's code as field; a session's count uses the attempts column's name).
fn manual_attempt_today(
    tx: &Transaction,
    case_id: i64,
    level: Level,
    now: NaiveDateTime,
) -> Result<bool> {
    Ok(tx
        .query_row(
            "SELECT 1 FROM audit WHERE case_id = ?1 AND action = 'case.attempt' AND field = ?2
             AND substr(at, 1, 10) = ?3 LIMIT 1",
            params![case_id, level.code(), date_to_sql(now.date())],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Refuses a manual attempt that today's held session already counted.
pub(super) fn check_manual(
    tx: &Transaction,
    case_id: i64,
    level: Level,
    now: NaiveDateTime,
) -> Result<()> {
    if held_session_today(tx, case_id, level, now, 0)? {
        return Err(StoreError::Rule("err.cases.attempt_by_session"));
    }
    Ok(())
}

/// Whether a session just held should count: not when today's manual entry at its level
/// already stands for it (and no other session held today has claimed that entry).
pub(super) fn session_counts(
    tx: &Transaction,
    case_id: i64,
    session_id: i64,
    level: Level,
    now: NaiveDateTime,
) -> Result<bool> {
    Ok(!manual_attempt_today(tx, case_id, level, now)?
        || held_session_today(tx, case_id, level, now, session_id)?)
}

/// The first attempt on an assigned case starts mediation: status in mediation, and the
/// deadline becomes the end of the mediation term.
pub(super) fn start_mediation(
    tx: &Transaction,
    work: &WorkTime,
    by: Actor,
    id: i64,
    s: &State,
    now: NaiveDateTime,
) -> Result<()> {
    if s.status != Status::Assigned {
        return Ok(());
    }
    let at = to_sql(now);
    set_status(tx, &at, by, id, s.status, Status::InMediation)?;
    let term = to_sql(super::deadlines::term(
        tx,
        work,
        s.received,
        super::case_detail::MEDIATION_TERM_DAYS,
    )?);
    tx.execute(
        "UPDATE cases SET deadline_at = ?2 WHERE id = ?1",
        params![id, term],
    )?;
    let old = s.deadline.as_deref().unwrap_or("");
    log(tx, &at, by, id, "case.deadline", "deadline_at", old, &term)
}

#[cfg(test)]
mod tests {
    use super::super::calendar_tests::{case, fix, t};
    use super::super::{NewSession, StoreError};
    use crate::domain::session::SessionStatus;
    use crate::domain::slots::WorkTime;

    fn work() -> WorkTime {
        WorkTime::default()
    }

    /// (status, village attempts, deadline) of a case.
    fn state(f: &super::super::calendar_tests::Fix, id: i64) -> (String, i64, String) {
        f.s.conn
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
        let id = f.s.book_session(f.desk, &s, &work(), t(23, 8, 0)).unwrap();
        f.s.record_session(m1, id, SessionStatus::Held, "", t(24, 11, 0))
            .unwrap();
        let (status, n, deadline) = state(&f, c);
        assert_eq!((status.as_str(), n), ("in_mediation", 1));
        let term = f.s.mediation_term(t(23, 9, 0)).unwrap();
        assert_eq!(
            deadline,
            super::to_sql(term),
            "the deadline is the mediation term"
        );
        // The mediator also enters it on the case the same day: refused, counted once.
        let e = f.s.record_attempt(m1, c, "再次调解", t(24, 16, 0));
        assert!(matches!(
            e,
            Err(StoreError::Rule("err.cases.attempt_by_session"))
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
            sessions.push(f.s.book_session(f.desk, &s, &work(), t(24, 8, 0)).unwrap());
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
