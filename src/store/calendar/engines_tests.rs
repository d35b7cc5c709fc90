//! The calendar's SQL on both engines (store/testing.rs `both_engines`): sessions, co-mediators,
//! leave and each centre's days written and read back the same; on PostgreSQL, the exclusion
//! constraints' refusal of a second session at the same hour told as a conflict to run again.
//! The case and room come from plain SQL (the cases subject is not on both engines yet).
use super::queries;
use crate::domain::booking::BookingRule;
use crate::domain::ladder::Level;
use crate::domain::role::Role;
use crate::domain::session::SessionStatus;
use crate::store::db::testing::TestPg;
use crate::store::testing::{add_staff, both_engines};
use crate::store::*;
use chrono::{NaiveDate, NaiveDateTime};

pub(crate) fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, d)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
}

/// A lead, two mediators, a room and an open yellow case of centre 1.
pub(crate) struct Seed {
    pub lead: Actor,
    pub m1: i64,
    pub m2: i64,
    pub room: i64,
    pub case: i64,
}

pub(crate) fn seed(s: &mut Store) -> Seed {
    let lead = add_staff(s, None, "L1", Role::Lead, at(1, 8, 0));
    let m1 = add_staff(s, Some(lead), "M1", Role::Mediator, at(1, 8, 0)).staff_id;
    let m2 = add_staff(s, Some(lead), "M2", Role::Mediator, at(1, 8, 0)).staff_id;
    let db = s.db();
    let room = db
        .one(
            "INSERT INTO rooms (name, centre_id) VALUES ('第一调解室', 1) RETURNING id",
            &[],
        )
        .unwrap();
    let case = db
        .one(
            "INSERT INTO cases (case_no, received_at, channel, category, colour, colour_computed,
                 status, active, summary, updated_at, centre_id, received_centre_id)
             VALUES ('2026-1201-001', '2026-12-01 08:00:00', 'walk_in', 'labour.wages', 2, 2,
                 'registered', 1, '欠薪三个月', '2026-12-01 08:00:00', 1, 1) RETURNING id",
            &[],
        )
        .unwrap();
    Seed {
        lead,
        m1,
        m2,
        room,
        case,
    }
}

fn book(s: &mut Store, x: &Seed, m: i64, from: NaiveDateTime, to: NaiveDateTime) -> i64 {
    s.write_db(|db| queries::insert_session(db, x.case, m, Some(x.room), from, to, Level::Village))
        .unwrap()
}

#[test]
fn sessions_and_co_mediators_on_both_engines() {
    both_engines(|s| {
        let x = seed(s);
        let id = book(s, &x, x.m1, at(3, 9, 0), at(3, 10, 0));
        s.write_db(|db| {
            queries::add_co_mediator(db, id, x.m2)?;
            // Twice is once.
            queries::add_co_mediator(db, id, x.m2)
        })
        .unwrap();
        let db = s.db();
        assert_eq!(queries::mediators_of(db, id).unwrap(), [x.m1, x.m2]);
        let (ladder, active) = queries::case_ladder(db, x.case).unwrap().unwrap();
        assert_eq!(
            (ladder.level, ladder.attempts, active),
            (Level::Village, [0; 3], true)
        );
        let (code, _, role, on) = queries::staff_brief(db, x.m2).unwrap().unwrap();
        assert_eq!((code.as_str(), role, on), ("M2", Role::Mediator, true));
        assert_eq!(
            queries::active_room(db, x.room).unwrap().as_deref(),
            Some("第一调解室")
        );
        let in_day = |s: &Store, c| {
            queries::booked_in(s.db(), c, crate::domain::slots::Span::day(day(3))).unwrap()
        };
        assert_eq!(
            (in_day(s, None), in_day(s, Some(1)), in_day(s, Some(9))),
            (1, 1, 0)
        );
        s.write_db(|db| queries::move_session(db, id, at(4, 14, 0), at(4, 15, 0), None))
            .unwrap();
        let moved = queries::session_case(s.db(), id).unwrap();
        assert_eq!(
            (moved.case_id, moved.start, moved.room, moved.status),
            (x.case, at(4, 14, 0), None, SessionStatus::Booked)
        );
        assert_eq!(in_day(s, None), 0);
        s.write_db(|db| queries::set_outcome(db, id, SessionStatus::Held, "达成协议"))
            .unwrap();
        assert_eq!(
            queries::session_case(s.db(), id).unwrap().status,
            SessionStatus::Held
        );
        let other = book(s, &x, x.m1, at(5, 9, 0), at(5, 10, 0));
        s.write_db(|db| queries::cancel_session(db, other)).unwrap();
        assert_eq!(
            queries::session_case(s.db(), other).unwrap().status,
            SessionStatus::Cancelled,
            "{:?}",
            s.engine()
        );
    });
}

#[test]
fn leave_is_entered_and_read_on_both_engines() {
    both_engines(|s| {
        let x = seed(s);
        let id = s
            .write_db(|db| {
                queries::insert_leave(
                    db,
                    x.m1,
                    day(7),
                    day(9),
                    "年假",
                    x.lead.staff_id,
                    at(1, 9, 0),
                )
            })
            .unwrap();
        let leave = s.leave_between(day(9), day(12)).unwrap();
        assert_eq!(leave.len(), 1);
        assert_eq!(
            (
                leave[0].id,
                leave[0].staff_id,
                leave[0].from,
                leave[0].to,
                leave[0].note.as_str()
            ),
            (id, x.m1, day(7), day(9), "年假")
        );
        assert!(leave[0].covers(day(8)));
        assert!(s.leave_between(day(10), day(12)).unwrap().is_empty());
    });
}

#[test]
fn a_centres_days_on_both_engines() {
    both_engines(|s| {
        let x = seed(s);
        let mark = |centre, d, open, name: &str| DayMark {
            centre,
            day: day(d),
            open,
            name: name.into(),
        };
        s.mark_day(x.lead, &mark(Some(1), 10, false, "停电"))
            .unwrap();
        // Marking the day again renames it (one row per centre and day).
        s.mark_day(x.lead, &mark(Some(1), 10, false, "线路检修"))
            .unwrap();
        s.mark_day(x.lead, &mark(Some(1), 12, true, "补班"))
            .unwrap();
        assert_eq!(
            s.holidays(1, day(1), day(31)).unwrap(),
            [(day(10), "线路检修".to_string())]
        );
        let rules = s.day_rules(day(1), day(31)).unwrap();
        let seen: Vec<_> = rules
            .iter()
            .map(|r| (r.day, r.centre_id, r.open, r.name.as_str()))
            .collect();
        assert_eq!(
            seen,
            [
                (day(10), Some(1), false, "线路检修"),
                (day(12), Some(1), true, "补班")
            ]
        );
        // A day with a session booked is not closed.
        book(s, &x, x.m1, at(15, 9, 0), at(15, 10, 0));
        assert!(matches!(
            s.mark_day(x.lead, &mark(Some(1), 15, false, "停电")),
            Err(StoreError::Booking(BookingRule::DayHasSessions))
        ));
        assert!(s.unmark_day(x.lead, Some(1), day(10)).unwrap());
        assert!(!s.unmark_day(x.lead, Some(1), day(10)).unwrap());
        assert!(
            s.holidays(1, day(1), day(31)).unwrap().is_empty(),
            "{:?}",
            s.engine()
        );
    });
}

/// Two desks' sessions for one mediator, or in one room, at the same hour: PostgreSQL's
/// exclusion constraints refuse the second even with no check before it (SQLSTATE 23P01), and
/// the booking tells that as a conflict, so its transaction runs again and its check names the
/// session in the way (write.rs) — never the server's error.
#[test]
fn the_server_refuses_a_second_session_at_the_same_hour_as_a_conflict() {
    let Some(pg) = TestPg::empty() else { return };
    let mut s = Store::connect(&pg.url()).unwrap();
    let x = seed(&mut s);
    book(&mut s, &x, x.m1, at(3, 9, 0), at(3, 10, 0));
    let db = s.db();
    // The same mediator half an hour later, in no room.
    let e = queries::insert_session(
        db,
        x.case,
        x.m1,
        None,
        at(3, 9, 30),
        at(3, 10, 30),
        Level::Village,
    )
    .unwrap_err();
    assert!(queries::is_overlap(&e), "{e:?}");
    assert!(matches!(
        super::write::overlap_as_conflict(Err::<(), _>(e)),
        Err(StoreError::Conflict)
    ));
    // Another mediator in the same room.
    let e = queries::insert_session(
        db,
        x.case,
        x.m2,
        Some(x.room),
        at(3, 9, 59),
        at(3, 11, 0),
        Level::Village,
    )
    .unwrap_err();
    assert!(queries::is_overlap(&e), "{e:?}");
    // Back to back is no overlap (half-open ranges); a cancelled session blocks nothing.
    let next = queries::insert_session(
        db,
        x.case,
        x.m1,
        Some(x.room),
        at(3, 10, 0),
        at(3, 11, 0),
        Level::Village,
    )
    .unwrap();
    queries::cancel_session(db, next).unwrap();
    queries::insert_session(
        db,
        x.case,
        x.m2,
        Some(x.room),
        at(3, 10, 0),
        at(3, 11, 0),
        Level::Village,
    )
    .unwrap();
    // Any other server error stays what it is.
    let e = queries::insert_session(
        db,
        x.case,
        x.m1,
        None,
        at(3, 12, 0),
        at(3, 11, 0),
        Level::Village,
    )
    .unwrap_err();
    assert!(!queries::is_overlap(&e), "{e:?}");
}

/// The calendar's reads through the connection's view (`visible!`, `readable!`), and leave
/// refused while the mediator has sessions then.
#[test]
fn the_calendar_reads_and_leave_on_both_engines() {
    both_engines(|s| {
        let x = seed(s);
        let id = book(s, &x, x.m1, at(3, 9, 0), at(3, 10, 0));
        s.write_db(|db| queries::add_co_mediator(db, id, x.m2))
            .unwrap();
        let day_view = s.sessions_between(at(3, 0, 0), at(4, 0, 0)).unwrap();
        assert_eq!(day_view.len(), 1, "{:?}", s.engine());
        let v = &day_view[0];
        assert_eq!(
            (
                v.id,
                v.case_no.as_str(),
                v.mediators.as_slice(),
                v.room.as_str()
            ),
            (id, "2026-1201-001", [x.m1, x.m2].as_slice(), "第一调解室")
        );
        assert_eq!(s.session(id).unwrap(), *v);
        assert!(
            s.sessions_between(at(4, 0, 0), at(5, 0, 0))
                .unwrap()
                .is_empty()
        );
        let brief = s.case_brief_by_no(" 2026-1201-001 ").unwrap().unwrap();
        assert_eq!((brief.id, brief.active, brief.centre_id), (x.case, true, 1));
        assert_eq!(s.case_brief(x.case).unwrap(), brief);
        assert_eq!(s.rooms().unwrap()[0].id, x.room);
        let busy = s
            .busy_spans(
                &[x.m2],
                Some(x.room),
                Some(x.case),
                at(3, 0, 0),
                at(4, 0, 0),
            )
            .unwrap();
        assert_eq!(busy.len(), 2, "the co-mediator's and the room's: {busy:?}");
        // Leave over a booked day is refused; the next days are not.
        assert!(matches!(
            s.add_leave(x.lead, x.m2, day(3), day(4), "年假", at(1, 9, 0)),
            Err(StoreError::Booking(BookingRule::LeaveHasSessions))
        ));
        s.add_leave(x.lead, x.m2, day(4), day(5), "年假", at(1, 9, 0))
            .unwrap();
        assert_eq!(s.leave_between(day(1), day(31)).unwrap().len(), 1);
    });
}
