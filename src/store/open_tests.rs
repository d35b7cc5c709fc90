//! Opening refuses, untouched, every file that is not a onedoor database; creating is atomic.
use super::*;
use std::path::Path;

/// A file that must be refused, and the message it must be refused with.
struct Bad {
    path: PathBuf,
    key: &'static str,
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// A real onedoor database with some data, closed (so its WAL is checkpointed away).
pub(crate) fn real_db(path: &Path) {
    let mut s = Store::create(path).unwrap();
    let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    let lead = testing::add_staff(&mut s, None, "L1", crate::domain::role::Role::Lead, at);
    for i in 0..20 {
        let c = NewCase::walk_in(
            at,
            "neighbour",
            &format!("楼上漏水 {i}"),
            NewParty::named("张伟", Some("13812345678")),
        );
        s.create_case(lead, &c, &Default::default()).unwrap();
    }
}

/// Every kind of file a desk might point onedoor at by mistake, each in its own folder.
fn bad_files(root: &Path) -> Vec<Bad> {
    let mut out = Vec::new();
    let mut add = |name: &str, key: &'static str, make: &dyn Fn(&Path)| {
        let dir = root.join(name);
        std::fs::create_dir(&dir).unwrap();
        let path = dir.join("onedoor.db");
        make(&path);
        out.push(Bad { path, key });
    };
    add("zero", "err.db.not_onedoor.empty", &|p| {
        std::fs::File::create(p).unwrap();
    });
    add("junk", "err.db.not_onedoor.not_sqlite", &|p| {
        std::fs::write(p, vec![b'x'; 8192]).unwrap();
    });
    add("empty-sqlite", "err.db.not_onedoor.empty_sqlite", &|p| {
        rusqlite::Connection::open(p)
            .unwrap()
            .execute_batch("VACUUM")
            .unwrap();
        assert!(std::fs::metadata(p).unwrap().len() > 0);
    });
    add(
        "empty-sqlite-wal",
        "err.db.not_onedoor.empty_sqlite",
        &|p| {
            let c = rusqlite::Connection::open(p).unwrap();
            c.execute_batch("PRAGMA journal_mode = WAL; CREATE TABLE t(x); DROP TABLE t;")
                .unwrap();
        },
    );
    add("other", "err.db.not_onedoor.other_sqlite", &|p| {
        rusqlite::Connection::open(p)
            .unwrap()
            .execute_batch(
                "CREATE TABLE foo (x); INSERT INTO foo VALUES (1); PRAGMA user_version = 3;",
            )
            .unwrap();
    });
    add("other-wal", "err.db.not_onedoor.other_sqlite", &|p| {
        rusqlite::Connection::open(p)
            .unwrap()
            .execute_batch(
                "PRAGMA journal_mode = WAL; CREATE TABLE foo (x); INSERT INTO foo VALUES (1);",
            )
            .unwrap();
    });
    // onedoor's tables under another program's application id are that program's.
    add("other-app", "err.db.not_onedoor.other_sqlite", &|p| {
        let mut c = rusqlite::Connection::open(p).unwrap();
        migrations::migrate(&mut c).unwrap();
        c.pragma_update(None, "application_id", 0x0F55_11AA)
            .unwrap();
    });
    // The first part of a real database: a copy or backup cut off half-way.
    add("half", "err.db.not_onedoor.truncated", &|p| {
        let whole = p.with_extension("whole");
        real_db(&whole);
        let bytes = std::fs::read(&whole).unwrap();
        assert!(bytes.len() > 64 * 1024, "{}", bytes.len());
        std::fs::write(p, &bytes[..32 * 1024]).unwrap();
        std::fs::remove_file(&whole).unwrap();
    });
    add("folder", "err.db.not_onedoor.directory", &|p| {
        std::fs::create_dir(p).unwrap();
    });
    #[cfg(unix)]
    add("fifo", "err.db.not_onedoor.special", &|p| {
        let c = std::ffi::CString::new(p.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    });
    out
}

fn contents(p: &Path) -> Option<Vec<u8>> {
    std::fs::read(p).ok()
}

#[test]
fn files_that_are_not_onedoor_databases_are_refused_untouched() {
    let root = tempfile::tempdir().unwrap();
    for bad in bad_files(root.path()) {
        let dir = bad.path.parent().unwrap();
        let is_file = bad.path.is_file();
        let before = is_file.then(|| contents(&bad.path));
        let names = names_in(dir);
        let what = bad.path.display();
        for (how, r) in [
            ("open", Store::open(&bad.path).map(drop)),
            (
                "open_again",
                Store::open_again(&bad.path, &super::CheckGate::unchecked()).map(drop),
            ),
        ] {
            let e = r.err().unwrap_or_else(|| panic!("{how} accepted {what}"));
            assert_eq!(e.i18n_key(), bad.key, "{how} {what}: {e}");
            assert!(e.to_string().contains(&what.to_string()), "{e}");
        }
        assert!(!Store::needs_upgrade(&bad.path), "{what}");
        assert!(
            matches!(Store::create(&bad.path), Err(StoreError::Exists(_))),
            "{what}"
        );
        // Same bytes (so the same journal mode and header) and no new -journal/-wal/-shm.
        assert_eq!(is_file.then(|| contents(&bad.path)), before, "{what}");
        assert_eq!(names_in(dir), names, "{what}");
    }
}

#[cfg(unix)]
#[test]
fn dev_null_is_refused_and_gets_no_journal() {
    let journal = Path::new("/dev/null-journal");
    let had = journal.exists();
    let e = Store::open(Path::new("/dev/null")).map(drop).unwrap_err();
    assert_eq!(e.i18n_key(), "err.db.not_onedoor.special", "{e}");
    assert_eq!(journal.exists(), had);
}

#[test]
fn new_databases_carry_onedoor_application_id_and_old_ones_get_it() {
    let dir = tempfile::tempdir().unwrap();
    let app_id = |p: &Path| -> i64 {
        rusqlite::Connection::open(p)
            .unwrap()
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .unwrap()
    };
    let new = dir.path().join("new.db");
    drop(Store::create(&new).unwrap());
    assert_eq!(app_id(&new), 0x4F44_4F52, "ASCII ODOR");
    // A database made before onedoor set its application id: user_version and tables.
    let old = dir.path().join("old.db");
    let mut c = rusqlite::Connection::open(&old).unwrap();
    migrations::migrate_to(&mut c, 3).unwrap();
    drop(c);
    assert_eq!(app_id(&old), 0);
    let s = Store::open(&old).unwrap();
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    drop(s);
    assert_eq!(app_id(&old), 0x4F44_4F52);
}

/// A new database appears whole under its name or not at all: nothing half-made is ever
/// visible there, and no temporary file is left beside it.
#[test]
fn creating_leaves_only_the_finished_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("centre.db");
    let s = Store::create(&path).unwrap();
    assert_eq!(
        names_in(dir.path()),
        ["centre.db", "centre.db-shm", "centre.db-wal"]
    );
    drop(s);
    assert_eq!(names_in(dir.path()), ["centre.db"]);
    // A file already there, even an empty one, is left alone.
    let empty = dir.path().join("empty.db");
    std::fs::File::create(&empty).unwrap();
    assert!(matches!(Store::create(&empty), Err(StoreError::Exists(_))));
    assert_eq!(std::fs::metadata(&empty).unwrap().len(), 0);
}

/// A `-wal` left by an earlier database at the same name would be replayed into a new one (a
/// fresh database or a backup) and corrupt it: both are refused, naming the leftover, which
/// stays as it was.
#[test]
fn a_new_database_or_backup_is_refused_beside_a_stale_wal() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.db");
    let conn = Connection::open(&old).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;
         CREATE TABLE t(x); INSERT INTO t VALUES (1);",
    )
    .unwrap();
    let target = dir.path().join("new.db");
    let wal = dir.path().join("new.db-wal");
    std::fs::copy(dir.path().join("old.db-wal"), &wal).unwrap();
    drop(conn);
    let before = contents(&wal);
    match Store::create(&target) {
        Err(StoreError::Exists(p)) => assert_eq!(p, wal),
        other => panic!("created beside a stale WAL: {:?}", other.map(|_| ())),
    }
    let s = Store::create(&dir.path().join("source.db")).unwrap();
    match s.backup_to(&target) {
        Err(StoreError::Exists(p)) => assert_eq!(p, wal),
        other => panic!("backed up beside a stale WAL: {other:?}"),
    }
    assert!(!target.exists());
    assert_eq!(contents(&wal), before, "the leftover is untouched");
}
