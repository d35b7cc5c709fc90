//! Desks booking at the same moment on PostgreSQL: eight connections, one hour. The booking's
//! own check-then-insert (`check_clashes`, `insert_slot`: what `book_session` runs after the
//! centre and calendar checks) in SERIALIZABLE transactions: exactly one session is written and
//! every other desk is told the precise clash — for a mediator in charge (the exclusion
//! constraint backs the check) and for a co-mediator (no constraint: serializable isolation
//! alone makes the check safe).
use super::clash::{Slot, check_clashes};
use super::engines_tests::{at, seed};
use super::write::insert_slot;
use crate::domain::booking::{BookingRule, ClashWith};
use crate::domain::ladder::Level;
use crate::domain::role::Role;
use crate::domain::slots::Span;
use crate::store::db::testing::TestPg;
use crate::store::testing::add_staff;
use crate::store::*;
use std::sync::Barrier;

const DESKS: usize = 8;

/// Each desk books `mediators(desk)` for case `case` at 09:00–10:00 on its own connection,
/// all at once; the answers, by desk.
fn race(url: &str, case: i64, mediators: impl Fn(usize) -> Vec<i64> + Sync) -> Vec<Result<i64>> {
    let barrier = Barrier::new(DESKS);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..DESKS)
            .map(|desk| {
                let mut own = Store::connect(url).unwrap();
                let (barrier, mediators) = (&barrier, &mediators);
                scope.spawn(move || {
                    let ms = mediators(desk);
                    let slot = Slot {
                        case_id: case,
                        mediators: &ms,
                        room: None,
                        span: Span::new(at(3, 9, 0), at(3, 10, 0)),
                        except: None,
                    };
                    let d = at(3, 9, 0).date();
                    barrier.wait();
                    own.write_db(|db| {
                        check_clashes(db, &slot, d, d)?;
                        // A slow desk: every other one checks before anyone writes.
                        std::thread::sleep(std::time::Duration::from_millis(20));
                        insert_slot(db, &slot, Level::Village)
                    })
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    })
}

/// One booked; every other desk told the clash with `who` at 09:00–10:00, never a server error.
#[track_caller]
fn one_booked_the_rest_told(s: &Store, answers: &[Result<i64>], who: &str) {
    let booked = answers.iter().filter(|a| a.is_ok()).count();
    assert_eq!(booked, 1, "{answers:?}");
    for a in answers.iter().filter(|a| a.is_err()) {
        match a {
            Err(StoreError::Booking(BookingRule::Clash(c))) => {
                assert_eq!(c.with, ClashWith::Mediator(who.to_string()), "{answers:?}");
                assert_eq!((c.start, c.end), (at(3, 9, 0), at(3, 10, 0)));
                assert_eq!(c.case_no, "2026-1201-001");
            }
            other => panic!("expected the clash, got {other:?}"),
        }
    }
    assert_eq!(
        s.number("SELECT CAST(COUNT(*) AS BIGINT) FROM sessions", &[]),
        1
    );
}

#[test]
fn eight_desks_booking_one_mediator_at_one_hour_book_once_on_postgres() {
    let Some(pg) = TestPg::empty() else { return };
    let url = pg.url();
    let mut s = Store::connect(&url).unwrap();
    let x = seed(&mut s);
    let answers = race(&url, x.case, |_| vec![x.m1]);
    one_booked_the_rest_told(&s, &answers, "员工M1（M1）");
}

#[test]
fn eight_desks_sharing_a_co_mediator_at_one_hour_book_once_on_postgres() {
    let Some(pg) = TestPg::empty() else { return };
    let url = pg.url();
    let mut s = Store::connect(&url).unwrap();
    let x = seed(&mut s);
    // Each desk its own mediator in charge, all with M2 beside them.
    let own: Vec<i64> = (0..DESKS)
        .map(|i| {
            let code = format!("N{i}");
            add_staff(&mut s, Some(x.lead), &code, Role::Mediator, at(1, 8, 0)).staff_id
        })
        .collect();
    let answers = race(&url, x.case, |desk| vec![own[desk], x.m2]);
    one_booked_the_rest_told(&s, &answers, "员工M2（M2）");
    assert_eq!(
        s.number(
            "SELECT CAST(COUNT(*) AS BIGINT) FROM session_mediators WHERE staff_id = ?1",
            &[&x.m2]
        ),
        1
    );
}
