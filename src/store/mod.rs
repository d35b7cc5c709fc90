//! The only place with SQL. Blocking calls, each bounded by an index and a LIMIT, so the UI may
//! call them between frames; results are cached in UI state, never re-queried per frame.
mod audit;
pub mod bulk;
mod cases;
mod counts;
mod drafts;
pub use drafts::Draft;
mod error;
mod migrations;
pub mod report;
pub mod report_stats;
mod settings;
mod staff;
mod time;

pub use cases::{CaseCreated, NewCase, NewParty, format_case_no};
pub use counts::UrgentCounts;
pub use error::{Result, StoreError};
pub use migrations::LATEST as SCHEMA_VERSION;
pub use staff::{LoginError, NewStaff, StaffMember, hash_pin};

use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a write waits for another desk's transaction before giving up with `Locked`.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Who is acting: every write checks the role and records the id in the audit log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    pub staff_id: i64,
    pub role: crate::domain::role::Role,
}

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens an existing database: refuses a newer schema untouched, checks integrity, migrates.
    pub fn open(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError::Missing(path.to_path_buf()));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        Store::setup(conn, Some(path.to_path_buf()))
    }

    /// Creates a new database file, readable by its owner only.
    pub fn create(path: &Path) -> Result<Store> {
        if path.exists() {
            return Err(StoreError::Exists(path.to_path_buf()));
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        create_private_file(path)?;
        let conn = Connection::open(path)?;
        Store::setup(conn, Some(path.to_path_buf()))
    }

    /// A private in-memory database with the real schema, for tests.
    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?, None)
    }

    fn setup(mut conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Read before any write: a database from a newer onedoor must stay untouched.
        migrations::check_not_newer(&conn)?;
        let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(StoreError::Corrupt(check));
        }
        if path.is_some() {
            let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(StoreError::Corrupt(format!(
                    "journal mode {mode}, WAL expected"
                )));
            }
        }
        // FULL: a registered complaint survives a power cut, not only a crash.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        migrations::migrate(&mut conn)?;
        Ok(Store { conn, path })
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Every write goes through here: IMMEDIATE takes the write lock up front, so a busy
    /// database waits in `busy_timeout` instead of failing a read-then-write half way.
    fn write<T>(&mut self, f: impl FnOnce(&rusqlite::Transaction) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    pub fn schema_version(&self) -> Result<i64> {
        migrations::version(&self.conn)
    }

    /// Full integrity check (slow on big files; for `onedoor check`, not for start-up).
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(unix)]
fn create_private_file(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map(|_| ())
}

#[cfg(not(unix))]
fn create_private_file(path: &Path) -> std::io::Result<()> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map(|_| ())
}

#[cfg(test)]
mod report_tests;
#[cfg(test)]
mod tests;
