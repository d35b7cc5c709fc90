//! Staff accounts and login: the lockout under parallel attempts, and the rules for codes and names.
use crate::domain::role::Role;
use crate::domain::staff::MAX_FAILED_LOGINS;
use crate::domain::staff::StaffRule;
use crate::store::testing::add_staff;
use crate::store::*;
use chrono::{NaiveDate, NaiveDateTime};

fn at(h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

fn audit_count(s: &Store, action: &str) -> i64 {
    s.lite_conn()
        .query_row(
            "SELECT COUNT(*) FROM audit WHERE action = ?1",
            [action],
            |r| r.get(0),
        )
        .unwrap()
}

fn failed_logins(s: &Store, code: &str) -> i64 {
    s.lite_conn()
        .query_row(
            "SELECT failed_logins FROM staff WHERE code = ?1",
            [code],
            |r| r.get(0),
        )
        .unwrap()
}

/// `n` desks, each on its own connection from `open`, try a wrong PIN for L1 at the same
/// moment (at 09:00); their answers.
pub(super) fn wrong_pins_at_once(
    n: usize,
    open: impl Fn() -> Store,
) -> Vec<Result<StaffMember, LoginError>> {
    let barrier = std::sync::Barrier::new(n);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..n)
            .map(|_| {
                let mut own = open();
                let barrier = &barrier;
                scope.spawn(move || {
                    barrier.wait();
                    own.login("L1", "9999", at(9, 0)).unwrap()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    })
}

#[test]
fn parallel_wrong_pins_are_counted_one_by_one_and_lock_the_account() {
    const N: usize = 24;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lock.db");
    let mut s = Store::create(&path).unwrap();
    add_staff(&mut s, None, "L1", Role::Lead, at(8, 0));
    let answers = wrong_pins_at_once(N, || Store::open(&path).unwrap());
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

fn person(code: &str, name: &str) -> NewStaff {
    NewStaff {
        code: code.into(),
        name: name.into(),
        role: Role::Desk,
        languages: vec![],
        specialties: vec![],
        team: None,
        pin: "1234".into(),
        centre_id: None,
    }
}

fn staff_count(s: &Store) -> i64 {
    s.lite_conn()
        .query_row("SELECT COUNT(*) FROM staff", [], |r| r.get(0))
        .unwrap()
}

fn rule(r: Result<i64>) -> StaffRule {
    match r {
        Err(StoreError::Staff(rule)) => rule,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn staff_codes_are_letters_and_digits_and_unique_ignoring_case() {
    let mut s = Store::open_in_memory().unwrap();
    let lead = add_staff(&mut s, None, "L1", Role::Lead, at(8, 0));
    for bad in [
        "",
        "   ",
        "D-01",
        "D 01",
        "Ｄ001",
        "张1",
        "D\u{0}1",
        "ABCDEFGHIJKLMNOPQ",
    ] {
        let r = s.add_staff(Some(lead), &person(bad, "张丽"), at(8, 0));
        assert_eq!(rule(r), StaffRule::Code, "{bad:?}");
    }
    s.add_staff(Some(lead), &person("D001", "张丽"), at(8, 0))
        .unwrap();
    for taken in ["d001", "D001", " d001 ", "l1"] {
        let r = s.add_staff(Some(lead), &person(taken, "李娜"), at(8, 0));
        assert_eq!(rule(r), StaffRule::CodeTaken, "{taken:?}");
    }
    s.add_staff(Some(lead), &person("ABCDEFGHIJKLMNOP", "李娜"), at(8, 0))
        .unwrap();
    assert_eq!(staff_count(&s), 3);
}

#[test]
fn staff_names_are_one_clean_line_of_at_most_40_characters() {
    let mut s = Store::open_in_memory().unwrap();
    let lead = add_staff(&mut s, None, "L1", Role::Lead, at(8, 0));
    let cases = [
        ("", StaffRule::NameEmpty),
        ("  ", StaffRule::NameEmpty),
        ("张\u{7}丽", StaffRule::NameControl),
        ("张丽\nX", StaffRule::NameControl),
        ("张\t丽", StaffRule::NameControl),
        ("\u{202E}丽张", StaffRule::NameControl),
        ("\u{1b}[31m张丽", StaffRule::NameControl),
    ];
    for (i, (bad, key)) in cases.iter().enumerate() {
        let r = s.add_staff(Some(lead), &person(&format!("D{i}"), bad), at(8, 0));
        assert_eq!(rule(r), *key, "{bad:?}");
    }
    let long = "张".repeat(41);
    let r = s.add_staff(Some(lead), &person("D9", &long), at(8, 0));
    assert_eq!(rule(r), StaffRule::NameTooLong);
    assert_eq!(staff_count(&s), 1);
    // Forty characters, Chinese or not, and a name with inner spaces are fine.
    s.add_staff(Some(lead), &person("D10", &"张".repeat(40)), at(8, 0))
        .unwrap();
    s.add_staff(Some(lead), &person("D11", " Ayşe Li "), at(8, 0))
        .unwrap();
    assert_eq!(s.staff_by_code("D11").unwrap().unwrap().name, "Ayşe Li");
}

#[test]
fn a_lead_cannot_disable_themself_and_may_enable_a_disabled_account() {
    let mut s = Store::open_in_memory().unwrap();
    let lead = add_staff(&mut s, None, "L1", Role::Lead, at(8, 0));
    let desk = add_staff(&mut s, Some(lead), "D1", Role::Desk, at(8, 0));
    assert!(matches!(
        s.set_staff_active(lead, "L1", false, at(9, 0)),
        Err(StoreError::Staff(StaffRule::SelfDisable))
    ));
    assert!(s.staff_by_code("L1").unwrap().unwrap().active);
    s.set_staff_active(lead, "D1", false, at(9, 0)).unwrap();
    assert_eq!(
        s.login("D1", "1234", at(9, 1)).unwrap(),
        Err(LoginError::Disabled)
    );
    // Only a lead enables, and it is audited like disabling.
    assert!(matches!(
        s.set_staff_active(desk, "D1", true, at(9, 2)),
        Err(StoreError::Forbidden)
    ));
    s.set_staff_active(lead, "D1", true, at(9, 2)).unwrap();
    assert!(s.login("D1", "1234", at(9, 3)).unwrap().is_ok());
    assert_eq!(audit_count(&s, "staff.disable"), 1);
    assert_eq!(audit_count(&s, "staff.enable"), 1);
    assert!(matches!(
        s.set_staff_active(lead, "X9", true, at(9, 4)),
        Err(StoreError::NotFound)
    ));
}

#[test]
fn an_unknown_stored_role_is_an_error_naming_table_and_column() {
    let mut s = Store::open_in_memory().unwrap();
    add_staff(&mut s, None, "L1", Role::Lead, at(8, 0));
    s.lite_conn()
        .execute_batch(
            "PRAGMA ignore_check_constraints = ON;
             UPDATE staff SET role = 'boss' WHERE code = 'L1';",
        )
        .unwrap();
    use crate::store::testing::assert_unknown_code as unknown;
    unknown(s.list_staff(), "staff", "role", "boss");
    unknown(s.staff_by_code("L1"), "staff", "role", "boss");
    unknown(s.login("L1", "1234", at(9, 0)), "staff", "role", "boss");
}
