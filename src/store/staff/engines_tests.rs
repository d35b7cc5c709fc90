//! Staff accounts, logins, settings and drafts on both engines (store/testing.rs
//! `both_engines`): the same calls, the same answers, the same audit.
use crate::domain::role::Role;
use crate::domain::staff::{MAX_FAILED_LOGINS, StaffRule};
use crate::store::db::testing::TestPg;
use crate::store::testing::{add_staff, both_engines};
use crate::store::*;
use chrono::{NaiveDate, NaiveDateTime};

fn at(h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, 3)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

fn audited(s: &Store, action: &str) -> i64 {
    s.number(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM audit WHERE action = ?1",
        &[&action],
    )
}

#[test]
fn accounts_on_both_engines() {
    both_engines(|s| {
        let lead = add_staff(s, None, "L1", Role::Lead, at(8, 0));
        // A second first account is refused: only a lead adds staff from now on.
        let mut other = NewStaff {
            code: "X1".into(),
            name: "新人".into(),
            role: Role::Desk,
            languages: vec![],
            specialties: vec![],
            team: None,
            pin: "1234".into(),
            centre_id: None,
        };
        assert!(matches!(
            s.add_staff(None, &other, at(8, 1)),
            Err(StoreError::Forbidden)
        ));
        other.code = "l1".into();
        assert!(matches!(
            s.add_staff(Some(lead), &other, at(8, 1)),
            Err(StoreError::Staff(StaffRule::CodeTaken))
        ));
        let m = add_staff(s, Some(lead), "M1", Role::Mediator, at(8, 2));
        let codes: Vec<String> = s
            .list_staff()
            .unwrap()
            .into_iter()
            .map(|x| x.code)
            .collect();
        assert_eq!(codes, ["L1", "M1"], "{:?}", s.engine());
        s.set_staff_active(lead, "M1", false, at(8, 3)).unwrap();
        let m1 = s.staff_by_code("M1").unwrap().unwrap();
        assert_eq!(
            (m1.id, m1.active, m1.role),
            (m.staff_id, false, Role::Mediator)
        );
        assert!(matches!(
            s.login("M1", "1234", at(8, 4)).unwrap(),
            Err(LoginError::Disabled)
        ));
        assert_eq!(audited(s, "staff.add"), 2);
        assert_eq!(audited(s, "staff.disable"), 1);
    });
}

#[test]
fn wrong_pins_lock_and_the_right_one_unlocks_on_both_engines() {
    both_engines(|s| {
        add_staff(s, None, "L1", Role::Lead, at(8, 0));
        for left in (1..MAX_FAILED_LOGINS).rev() {
            assert_eq!(
                s.login("L1", "9999", at(9, 0)).unwrap(),
                Err(LoginError::Wrong {
                    attempts_left: left
                })
            );
        }
        assert!(matches!(
            s.login("L1", "9999", at(9, 0)).unwrap(),
            Err(LoginError::Locked(_))
        ));
        assert!(matches!(
            s.login("L1", "1234", at(9, 0)).unwrap(),
            Err(LoginError::Locked(_))
        ));
        assert!(s.login("L1", "1234", at(9, 1)).unwrap().is_ok());
        assert_eq!(audited(s, "auth.fail"), MAX_FAILED_LOGINS);
        assert_eq!(audited(s, "auth.ok"), 1);
    });
}

#[test]
fn settings_and_drafts_on_both_engines() {
    both_engines(|s| {
        let lead = add_staff(s, None, "L1", Role::Lead, at(8, 0));
        assert_eq!(s.setting("centre_name").unwrap(), None);
        s.set_setting("centre_name", "城关镇综治中心").unwrap();
        s.set_setting("centre_name", "城关镇矛调中心").unwrap();
        assert_eq!(
            s.setting("centre_name").unwrap().as_deref(),
            Some("城关镇矛调中心")
        );
        s.save_draft(lead.staff_id, "triage", "王秀英 欠薪", at(9, 0))
            .unwrap();
        s.save_draft(lead.staff_id, "triage", "王秀英 欠薪 三个月", at(9, 1))
            .unwrap();
        let d = s.load_draft(lead.staff_id, "triage").unwrap().unwrap();
        assert_eq!(
            (d.body.as_str(), d.updated_at),
            ("王秀英 欠薪 三个月", Some(at(9, 1)))
        );
        s.delete_draft(lead.staff_id, "triage").unwrap();
        assert_eq!(s.load_draft(lead.staff_id, "triage").unwrap(), None);
    });
}

/// Desks trying wrong PINs at the same moment on PostgreSQL: each attempt is counted once
/// (SERIALIZABLE with retry), the third locks, every later one is refused unchecked — as on
/// SQLite (tests.rs, the same test over one file).
#[test]
fn parallel_wrong_pins_are_counted_one_by_one_on_postgres() {
    const N: usize = 8;
    let Some(pg) = TestPg::empty() else { return };
    let url = pg.url();
    let mut s = Store::connect(&url).unwrap();
    add_staff(&mut s, None, "L1", Role::Lead, at(8, 0));
    let answers = super::tests::wrong_pins_at_once(N, || Store::connect(&url).unwrap());
    let wrong = answers
        .iter()
        .filter(|a| matches!(a, Err(LoginError::Wrong { .. })))
        .count();
    assert_eq!((wrong, N - wrong), (2, N - 2), "{answers:?}");
    assert_eq!(audited(&s, "auth.fail"), MAX_FAILED_LOGINS);
    assert_eq!(audited(&s, "auth.locked"), N as i64 - MAX_FAILED_LOGINS);
}

/// What is not yet written for PostgreSQL says so, translated, instead of running.
#[test]
fn a_subject_not_yet_on_postgres_says_so() {
    let Some(pg) = TestPg::empty() else { return };
    let s = Store::connect(&pg.url()).unwrap();
    let e = s.quick_check().unwrap_err();
    assert!(matches!(e, StoreError::NotOnThisEngine), "{e:?}");
    assert_eq!(e.i18n_key(), "err.db.engine");
}
