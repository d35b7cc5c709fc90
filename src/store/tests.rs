//! Store tests: in-memory or temp-file databases with the real migrations.
use super::*;
use crate::domain::case_rule::CaseRule;
use crate::domain::party::Vulnerability;
use crate::domain::risk::{Colour, ResponseHours, RiskFlag};
use crate::domain::role::Role;
use chrono::{NaiveDate, NaiveDateTime};

pub(super) fn at(h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

fn staff(code: &str, role: Role) -> NewStaff {
    NewStaff {
        code: code.into(),
        name: format!("员工{code}"),
        role,
        languages: vec!["zh".into()],
        specialties: vec![],
        team: None,
        pin: "1234".into(),
        centre_id: None,
    }
}

/// A store with a lead (id 1), a desk clerk and a mediator.
fn store() -> (Store, Actor, Actor, Actor) {
    let mut s = Store::open_in_memory().unwrap();
    let lead_id = s
        .add_staff(None, &staff("L1", Role::Lead), at(8, 0))
        .unwrap();
    let lead = Actor {
        staff_id: lead_id,
        role: Role::Lead,
    };
    let desk_id = s
        .add_staff(Some(lead), &staff("D1", Role::Desk), at(8, 0))
        .unwrap();
    let med_id = s
        .add_staff(Some(lead), &staff("M1", Role::Mediator), at(8, 0))
        .unwrap();
    (
        s,
        lead,
        Actor {
            staff_id: desk_id,
            role: Role::Desk,
        },
        Actor {
            staff_id: med_id,
            role: Role::Mediator,
        },
    )
}

pub(super) fn new_case(received: NaiveDateTime) -> NewCase {
    let applicant = NewParty::named("张伟", Some("13812345678"));
    NewCase::walk_in(received, "neighbour", "楼上漏水，多次协商未果", applicant)
}

#[test]
fn case_numbers_are_per_day_sequential_and_never_reused() {
    let (mut s, _, desk, _) = store();
    let h = ResponseHours::default();
    let a = s.create_case(desk, &new_case(at(9, 0)), &h).unwrap();
    let b = s.create_case(desk, &new_case(at(9, 5)), &h).unwrap();
    assert_eq!(a.case_no, "2026-1124-001");
    assert_eq!(b.case_no, "2026-1124-002");
    let next_day = NaiveDate::from_ymd_opt(2026, 11, 25)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    assert_eq!(
        s.create_case(desk, &new_case(next_day), &h)
            .unwrap()
            .case_no,
        "2026-1125-001"
    );
    assert_eq!(case::format_case_no(at(9, 0), 1234), "2026-1124-1234");
}

mod case {
    pub use super::super::cases::format_case_no;
}

#[test]
fn created_case_is_blue_registered_audited_with_deadline() {
    let (mut s, _, desk, _) = store();
    let c = s
        .create_case(desk, &new_case(at(9, 0)), &ResponseHours::default())
        .unwrap();
    assert_eq!(c.colour, Colour::Blue);
    // Blue: 7 working days from Tuesday 11-24 09:00 = Thursday 12-03 09:00 (two weekends).
    let thursday = NaiveDate::from_ymd_opt(2026, 12, 3)
        .unwrap()
        .and_hms_opt(9, 0, 0);
    assert_eq!(c.deadline_at, thursday);
    let (status, keys, phone): (String, String, String) = s
        .lite_conn()
        .query_row(
            "SELECT c.status, p.name_keys, p.phone FROM cases c JOIN parties p ON p.id = c.first_party_id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(status, "registered");
    assert!(keys.contains("zhangwei") && keys.contains("zw"), "{keys}");
    assert_eq!(phone, "13812345678");
    let actions: Vec<String> = s
        .lite_conn()
        .prepare("SELECT action FROM audit WHERE case_id = ?1")
        .unwrap()
        .query_map([c.id], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(actions, ["case.create"]);
}

#[test]
fn malformed_numbers_are_refused_absent_ones_allowed() {
    let (mut s, _, desk, _) = store();
    let h = ResponseHours::default();
    let mut c = new_case(at(9, 0));
    c.parties[0].1.phone = Some("1381234567".into());
    let e = s.create_case(desk, &c, &h).unwrap_err();
    assert!(
        matches!(e, StoreError::Case(CaseRule::Phone { party: 0, .. })),
        "{e:?}"
    );
    c.parties[0].1.phone = None;
    c.parties[0].1.id_number = Some("110105194912310021".into());
    let e = s.create_case(desk, &c, &h).unwrap_err();
    assert!(
        matches!(e, StoreError::Case(CaseRule::IdNumber { party: 0, .. })),
        "{e:?}"
    );
    c.parties[0].1.id_number = Some("11010519491231002x".into());
    s.create_case(desk, &c, &h).unwrap();
    let id: String = s
        .lite_conn()
        .query_row("SELECT id_number FROM parties", [], |r| r.get(0))
        .unwrap();
    assert_eq!(id, "11010519491231002X");
}

#[test]
fn colour_rules_are_enforced_by_the_store() {
    let (mut s, _, desk, _) = store();
    let h = ResponseHours::default();
    let mut c = new_case(at(9, 0));
    c.flags = vec![RiskFlag::Weapon];
    assert!(matches!(
        s.create_case(desk, &c, &h),
        Err(StoreError::Case(CaseRule::RedNotAcknowledged))
    ));
    c.red_acknowledged = true;
    assert_eq!(s.create_case(desk, &c, &h).unwrap().colour, Colour::Red);

    // Lowering below the computed colour needs a reason, and the reason is audited.
    let mut c = new_case(at(9, 0));
    c.people = 8; // group dispute: orange
    c.colour = Some(Colour::Blue);
    assert!(matches!(
        s.create_case(desk, &c, &h),
        Err(StoreError::Case(CaseRule::Override(
            crate::domain::risk::OverrideError::ReasonRequired
        )))
    ));
    c.colour_reason = "实为两户，登记人数有误".into();
    let made = s.create_case(desk, &c, &h).unwrap();
    let (old, new): (String, String) = s
        .lite_conn()
        .query_row(
            "SELECT old, new FROM audit WHERE case_id = ?1 AND action = 'case.colour'",
            [made.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(old, "orange");
    assert!(new.starts_with("blue") && new.contains("登记人数有误"));

    // Computed flags come from the parties too.
    let mut c = new_case(at(9, 0));
    c.parties[0].1.vulnerability = vec![Vulnerability::Elderly];
    assert_eq!(s.create_case(desk, &c, &h).unwrap().colour, Colour::Yellow);
}

#[test]
fn roles_are_enforced_by_the_store() {
    let (mut s, lead, desk, med) = store();
    let mut c = new_case(at(9, 0));
    c.owner_id = Some(med.staff_id);
    assert!(s.create_case(desk, &c, &ResponseHours::default()).is_ok());
    assert!(matches!(
        s.add_staff(Some(desk), &staff("X1", Role::Desk), at(9, 0)),
        Err(StoreError::Forbidden)
    ));
    assert!(matches!(
        s.set_staff_active(med, "D1", false, at(9, 0)),
        Err(StoreError::Forbidden)
    ));
    // Only the very first account may be added without an actor.
    assert!(matches!(
        s.add_staff(None, &staff("X2", Role::Lead), at(9, 0)),
        Err(StoreError::Forbidden)
    ));
    s.set_staff_active(lead, "D1", false, at(9, 0)).unwrap();
    assert!(!s.staff_by_code("D1").unwrap().unwrap().active);
}

#[test]
fn login_locks_after_three_wrong_pins_and_audits_attempts() {
    let (mut s, _, _, _) = store();
    assert_eq!(s.login("D1", "1234", at(9, 0)).unwrap().unwrap().code, "D1");
    assert_eq!(
        s.login("D1", "0000", at(9, 1)).unwrap(),
        Err(LoginError::Wrong { attempts_left: 2 })
    );
    assert_eq!(
        s.login("D1", "0000", at(9, 1)).unwrap(),
        Err(LoginError::Wrong { attempts_left: 1 })
    );
    let until = at(9, 1) + chrono::Duration::seconds(30);
    assert_eq!(
        s.login("D1", "0000", at(9, 1)).unwrap(),
        Err(LoginError::Locked(until))
    );
    // Even the right PIN is refused while locked, then accepted after the lockout.
    assert!(matches!(
        s.login("D1", "1234", at(9, 1)).unwrap(),
        Err(LoginError::Locked(_))
    ));
    assert!(s.login("D1", "1234", at(9, 2)).unwrap().is_ok());
    assert!(matches!(
        s.login("nobody", "1234", at(9, 2)).unwrap(),
        Err(LoginError::Wrong { .. })
    ));
    let fails: i64 = s
        .lite_conn()
        .query_row(
            "SELECT COUNT(*) FROM audit WHERE action = 'auth.fail'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(fails, 3);
}

#[test]
fn urgent_counts_follow_active_red_and_orange() {
    let (mut s, _, desk, _) = store();
    let h = ResponseHours::default();
    let mut red = new_case(at(9, 0));
    red.flags = vec![RiskFlag::SelfHarm];
    red.red_acknowledged = true;
    s.create_case(desk, &red, &h).unwrap();
    let mut orange = new_case(at(9, 0));
    orange.flags = vec![RiskFlag::PetitionOrMedia];
    s.create_case(desk, &orange, &h).unwrap();
    s.create_case(desk, &orange, &h).unwrap();
    s.create_case(desk, &new_case(at(9, 0)), &h).unwrap();
    assert_eq!(
        s.urgent_counts().unwrap(),
        UrgentCounts {
            red: 1,
            orange: 2,
            overdue: 0,
            red_idle: 0,
            awaiting: 0
        }
    );
}

#[test]
fn drafts_round_trip() {
    let (mut s, _, desk, _) = store();
    assert_eq!(s.load_draft(desk.staff_id, "intake").unwrap(), None);
    s.save_draft(desk.staff_id, "intake", "{\"a\":1}", at(9, 0))
        .unwrap();
    s.save_draft(desk.staff_id, "intake", "{\"a\":2}", at(9, 1))
        .unwrap();
    let d = s.load_draft(desk.staff_id, "intake").unwrap().unwrap();
    assert_eq!(
        (d.body.as_str(), d.updated_at),
        ("{\"a\":2}", Some(at(9, 1)))
    );
    s.delete_draft(desk.staff_id, "intake").unwrap();
    assert_eq!(s.load_draft(desk.staff_id, "intake").unwrap(), None);
}

#[test]
fn file_database_is_wal_private_and_refuses_newer_and_corrupt_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("od.db");
    let s = Store::create(&path).unwrap();
    let mode: String = s
        .lite_conn()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let sync: i64 = s
        .lite_conn()
        .query_row("PRAGMA synchronous", [], |r| r.get(0))
        .unwrap();
    assert_eq!(sync, 2, "synchronous must be FULL");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    assert!(matches!(Store::create(&path), Err(StoreError::Exists(_))));
    s.lite_conn()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(s);
    let before = std::fs::read(&path).unwrap();
    assert!(matches!(
        Store::open(&path),
        Err(StoreError::NewerVersion { .. })
    ));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "a newer database must stay untouched"
    );

    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, vec![b'x'; 8192]).unwrap();
    assert!(matches!(
        Store::open(&junk),
        Err(StoreError::NotOnedoor {
            what: NotOnedoor::NotSqlite,
            ..
        })
    ));
    assert!(matches!(
        Store::open(&dir.path().join("none.db")),
        Err(StoreError::Missing(_))
    ));
}

#[test]
fn two_desks_saving_at_once_get_distinct_case_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("od.db");
    let mut s = Store::create(&path).unwrap();
    let lead = Actor {
        staff_id: s
            .add_staff(None, &staff("L1", Role::Lead), at(8, 0))
            .unwrap(),
        role: Role::Lead,
    };
    drop(s);
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut s = Store::open(&path).unwrap();
                (0..10)
                    .map(|_| {
                        s.create_case(lead, &new_case(at(10, 0)), &ResponseHours::default())
                            .unwrap()
                            .case_no
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut all: Vec<String> = threads
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 40);
    assert_eq!(all.last().unwrap(), "2026-1124-040");
}
