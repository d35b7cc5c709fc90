//! A big file skips its quick integrity check while opening (it reads every page: seconds at a
//! million cases); nothing may write into it before that check has passed.
use super::*;
use crate::domain::role::Role;
use chrono::{NaiveDate, NaiveDateTime};

pub(crate) fn t() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

/// A database made at schema `version` whose index cases_received has a damaged page: the
/// schema reads, quick_check refuses it.
pub(crate) fn damaged(version: i64) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.db");
    {
        let mut c = Connection::open(&path).unwrap();
        c.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
            .unwrap();
        migrations::migrate_to(&mut c, version).unwrap();
        c.execute_batch(
            "INSERT INTO staff (code, name, role, pin_hash, created_at)
                VALUES ('L1', '王建国', 'lead', 'x', '2026-10-01 09:00:00');",
        )
        .unwrap();
    }
    let (root, page): (i64, i64) = {
        let c = Connection::open(&path).unwrap();
        (
            c.query_row(
                "SELECT rootpage FROM sqlite_master WHERE name = 'cases_received'",
                [],
                |r| r.get(0),
            )
            .unwrap(),
            c.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap(),
        )
    };
    use std::io::{Seek, SeekFrom, Write};
    let mut f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    f.seek(SeekFrom::Start(((root - 1) * page) as u64)).unwrap();
    f.write_all(&[0]).unwrap(); // not a b-tree page type
    (dir, path)
}

/// The database file and its WAL, byte for byte.
pub(crate) fn bytes(path: &Path) -> (Vec<u8>, Vec<u8>) {
    let wal = path.with_extension("db-wal");
    (
        std::fs::read(path).unwrap(),
        std::fs::read(wal).unwrap_or_default(),
    )
}

pub(crate) fn lead() -> Actor {
    Actor {
        staff_id: 1,
        role: Role::Lead,
    }
}

pub(crate) fn clerk() -> NewStaff {
    NewStaff {
        code: "D1".into(),
        name: "张丽".into(),
        role: Role::Desk,
        languages: vec![],
        specialties: vec![],
        team: None,
        pin: "1234".into(),
        centre_id: None,
    }
}

#[test]
fn a_write_into_a_big_file_runs_the_quick_check_first_and_a_damaged_file_is_refused() {
    let (_dir, path) = damaged(migrations::LATEST);
    let before = bytes(&path);
    assert!(
        matches!(Store::open(&path), Err(StoreError::Corrupt(_))),
        "checked while opening, the damage shows"
    );
    // Treated as big: it opens without the check, but no write goes in.
    let mut s = Store::open_with_check_limit(&path, 0).unwrap();
    assert_eq!(s.staff_by_code("L1").unwrap().unwrap().name, "王建国");
    assert!(matches!(
        s.add_staff(Some(lead()), &clerk(), t()),
        Err(StoreError::Corrupt(_))
    ));
    assert!(matches!(
        s.purge_closed_before(lead(), t().date(), false, t()),
        Err(StoreError::Corrupt(_))
    ));
    assert!(matches!(
        s.login("L1", "1234", t()),
        Err(StoreError::Corrupt(_))
    ));
    drop(s);
    assert!(bytes(&path) == before, "the file is unchanged");
}

#[test]
fn a_big_file_to_upgrade_is_checked_before_migrating() {
    let (_dir, path) = damaged(migrations::LATEST - 1);
    let before = bytes(&path);
    assert!(matches!(
        Store::open_with_check_limit(&path, 0),
        Err(StoreError::Corrupt(_))
    ));
    assert!(bytes(&path) == before, "the file is unchanged");
}

#[test]
fn an_undamaged_big_file_takes_writes_once_checked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.db");
    let mut s = Store::create(&path).unwrap();
    let lead = testing::add_staff(&mut s, None, "L1", Role::Lead, t());
    drop(s);
    let mut s = Store::open_with_check_limit(&path, 0).unwrap();
    s.add_staff(Some(lead), &clerk(), t()).unwrap();
    assert_eq!(s.list_staff().unwrap().len(), 2);
}
