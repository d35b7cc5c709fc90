//! Staff accounts and login: the lockout under parallel attempts, and the rules for codes and names.
use super::staff::MAX_FAILED_LOGINS;
use super::testing::add_staff;
use super::*;
use crate::domain::role::Role;
use chrono::{NaiveDate, NaiveDateTime};

fn at(h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

fn audit_count(s: &Store, action: &str) -> i64 {
    s.conn
        .query_row(
            "SELECT COUNT(*) FROM audit WHERE action = ?1",
            [action],
            |r| r.get(0),
        )
        .unwrap()
}

fn failed_logins(s: &Store, code: &str) -> i64 {
    s.conn
        .query_row(
            "SELECT failed_logins FROM staff WHERE code = ?1",
            [code],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn parallel_wrong_pins_are_counted_one_by_one_and_lock_the_account() {
    const N: usize = 24;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lock.db");
    let mut s = Store::create(&path).unwrap();
    add_staff(&mut s, None, "L1", Role::Lead, at(8, 0));
    let barrier = std::sync::Barrier::new(N);
    let answers: Vec<_> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..N)
            .map(|_| {
                let mut own = Store::open(&path).unwrap();
                let barrier = &barrier;
                scope.spawn(move || {
                    barrier.wait();
                    own.login("L1", "9999", at(9, 0)).unwrap()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let wrong = answers
        .iter()
        .filter(|a| matches!(a, Err(LoginError::Wrong { .. })))
        .count();
    let locked = answers
        .iter()
        .filter(|a| matches!(a, Err(LoginError::Locked(_))))
        .count();
    // Two wrong answers, the third locks, every later one is refused unchecked.
    assert_eq!((wrong, locked), (2, N - 2), "{answers:?}");
    assert_eq!(failed_logins(&s, "L1"), MAX_FAILED_LOGINS);
    assert_eq!(audit_count(&s, "auth.fail"), MAX_FAILED_LOGINS);
    assert_eq!(audit_count(&s, "auth.locked"), N as i64 - MAX_FAILED_LOGINS);
    // The right PIN is refused while locked, and accepted once the lockout is over.
    assert!(matches!(
        s.login("L1", "1234", at(9, 0)).unwrap(),
        Err(LoginError::Locked(_))
    ));
    assert!(s.login("L1", "1234", at(9, 1)).unwrap().is_ok());
    assert_eq!(failed_logins(&s, "L1"), 0);
}
