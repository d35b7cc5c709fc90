//! The only place with SQL. Blocking calls, each bounded by an index and a LIMIT, so the UI may
//! call them between frames; results are cached in UI state, never re-queried per frame.
//!
//! Where SQL lives: each subject (cases, calendar, followups, handover, staff, import, bulk)
//! keeps every statement in its `queries` module (`queries.rs` or `queries/`). Outside the
//! subjects only the store-wide files run SQL: opening and pragmas (this file, identify.rs),
//! migrations.rs, the audit insert (audit.rs), settings.rs, drafts.rs, maintenance.rs; and
//! cases/grams.rs registers `od_grams`, the SQLite function the FTS5 triggers call.
//!
//! A query module holds functions taking `&Connection` (a `Transaction` derefs to it) and typed
//! arguments, that run statements, decode rows (`convert::code`, `time::read`) and return values
//! or row counts, plus the SQL they build (filter chips to WHERE, keyset steps). No rule: roles,
//! the status machine, the ladder, deadlines and merge checks are in `domain/` or in the
//! subject's other files, which decide, call queries and write the audit log in one `write`.
//! Left in SQL on purpose, for the indexes: the read filters (open, overdue, idle red, urgent
//! colours, the list's chips), which mirror `CaseRow::overdue` and `CaseRow::red_idle`.
//!
//! A second engine, PostgreSQL, is being built subject by subject (ARCHITECTURE.md): `db/` is
//! the connection of either engine, `write_db` the write on either; code still written for
//! SQLite alone reaches its connection through `lite()` and answers `NotOnThisEngine` on
//! PostgreSQL.
mod audit;
pub mod bulk;
mod calendar;
mod cases;
// The engine layer is wired into `Store` step by step (ARCHITECTURE.md); until then parts are
// used by its tests only.
pub mod centres;
mod check_gate;
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) mod db;
pub use check_gate::CheckGate;
pub use db::Engine;
pub(crate) mod convert;
mod convert_pg;
mod diagnostics;
mod drafts;
pub mod handover;
mod import;
pub use drafts::Draft;
pub use import::{ImportOutcome, ImportRecord, ImportRow, ImportSource, Imported, RowRefused};
mod error;
mod files;
mod followups;
mod identify;
mod live;
pub use live::ChangeMark;
mod maintenance;
mod migrations;
mod open_pg;
mod red_alerts;
mod reports;
pub use red_alerts::{RED_ALERTS_MAX, RedAlert};
mod settings;
mod staff;
mod time;
mod transfers;
mod tx;

pub use calendar::{CaseBrief, ClashWith, Conflict, DayMark, Leave, NewSession, Room, SessionView};
pub use cases::{
    AttemptRecorded, AuditLine, CaseCreated, CaseDetail, CaseRow, CaseTeam, CountJob, Cursor,
    EarlierCase, FollowupLine, MAX_EXTENSION_DAYS, MEDIATION_TERM_DAYS, MatchKind, MergeKind,
    MergeLine, MergeView, NewCase, NewParty, OpenReferral, Outcome, OutcomeRecord, PartiesAfter,
    PartyLine, Revealed, SearchHit, SessionLine, SlipData, UrgentCounts, format_case_no, grams,
    index_party,
};
pub use error::{Result, StoreError};
pub use followups::{
    FollowupCase, FollowupCounts, FollowupFilter, FollowupKey, FollowupRow, FollowupScope,
    RecordOutcome, RecordResult,
};
pub use identify::{APPLICATION_ID, NotOnedoor};
pub use maintenance::{ANONYMISED, PurgeCount};
pub use migrations::LATEST as SCHEMA_VERSION;
pub use staff::{LoginError, NewStaff, StaffMember, hash_pin};
pub use transfers::{
    BookedSession, CasePassage, Handed, OverdueAt, SENT_MAX, StageLine, TransferItem, TransferLine,
};

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Files up to this size get their quick integrity check while opening (well under 100 ms);
/// bigger ones before their first write (check_gate.rs).
pub const INLINE_CHECK_BYTES: u64 = 64 * 1024 * 1024;

/// How long a write on another connection of the app (a save on the background worker, a
/// draft) waits for the background quick check of a big file before it is refused.
const AGAIN_WRITE_WAIT: Duration = Duration::from_secs(30);

/// How many times a connection waits for another desk's transaction before giving up with
/// `Locked`: about 30 seconds in all.
const BUSY_RETRIES: i32 = 12_000;

/// SQLite's own busy timeout backs off to 100 ms sleeps, so under steady writes from other
/// desks a waiting desk can starve for seconds. Short, varied sleeps let desks take turns.
fn busy_wait(attempt: i32) -> bool {
    std::thread::sleep(Duration::from_micros(1_000 + (attempt % 4) as u64 * 1_000));
    attempt < BUSY_RETRIES
}

/// Puts the file in WAL mode and returns the mode now in force. Switching a new file needs an
/// exclusive lock, and SQLite answers "busy" at once there rather than call the busy handler
/// (it could deadlock): desks starting together on a new database wait here instead.
fn wal_mode(conn: &Connection) -> Result<String> {
    let mut attempt = 0;
    loop {
        match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)) {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy && busy_wait(attempt) =>
            {
                attempt += 1;
            }
            r => return Ok(r?),
        }
    }
}

/// Who is acting: every write checks the role and records the id in the audit log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    pub staff_id: i64,
    pub role: crate::domain::role::Role,
}

pub struct Store {
    /// SQLite's or PostgreSQL's (db/mod.rs).
    conn: db::Conn,
    path: Option<PathBuf>,
    /// Working time for deadlines (deadlines.rs).
    work: crate::domain::slots::WorkTime,
    /// Whether writes may go in yet (a big file's quick check), and how long one waits for a
    /// check running on another thread: not at all on the connection the render loop uses.
    gate: CheckGate,
    write_wait: Duration,
    /// Whose view this connection reads (centres/mod.rs `view_as`); none: the default view.
    viewer: Option<Actor>,
    /// How its reads name the visible centres in SQL (one centre of several: by id).
    scope: centres::Scope,
}

/// How a connection comes to trust the file it opens.
enum Opening {
    /// A new file, or memory: nothing to check.
    New,
    /// An existing file: checked now up to this size, beyond it before the first write.
    Check { inline_up_to: u64 },
    /// Another connection of this process to a file it opened: shares that file's check.
    Again(CheckGate),
}

impl Store {
    /// Opens an existing onedoor database: refuses untouched any other file (identify.rs) and a
    /// newer schema, checks integrity, migrates.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with_check_limit(path, INLINE_CHECK_BYTES)
    }

    /// `open`, with the size up to which the file is checked while opening (tests make a
    /// small file "big" with 0).
    pub fn open_with_check_limit(path: &Path, inline_check_bytes: u64) -> Result<Store> {
        Store::open_existing(
            path,
            Opening::Check {
                inline_up_to: inline_check_bytes,
            },
        )
    }

    fn open_existing(path: &Path, opening: Opening) -> Result<Store> {
        // Read-only first: nothing may write to a file before it is known to be onedoor's.
        identify::identify(path)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        Store::setup_checked(conn, Some(path.to_path_buf()), opening)
    }

    /// Whether opening this file will migrate an existing database (not a new, empty one):
    /// the caller may say so first, as a big file takes seconds to upgrade.
    pub fn needs_upgrade(path: &Path) -> bool {
        identify::identify(path).is_ok_and(|v| v > 0 && v < migrations::LATEST)
    }

    /// Another connection to a database this program already opened with `open` (the app's
    /// worker threads): the same settings, without repeating the integrity check; its writes
    /// wait (a while) for that file's check, `gate` (`Store::check_gate`).
    pub fn open_again(path: &Path, gate: &CheckGate) -> Result<Store> {
        Store::open_existing(path, Opening::Again(gate.clone()))
    }

    /// The file's check, to share with another connection (`open_again`) or to run on a
    /// background thread (`CheckGate::begin_background`).
    pub fn check_gate(&self) -> CheckGate {
        self.gate.clone()
    }

    /// Creates a new database file, readable by its owner only, where no file is. It is made
    /// under a temporary name beside `path` and appears there whole (schema, application id,
    /// WAL mode) or not at all: several processes creating one path at once get one database,
    /// the others `Exists`.
    pub fn create(path: &Path) -> Result<Store> {
        if std::fs::symlink_metadata(path).is_ok() {
            return Err(StoreError::Exists(path.to_path_buf()));
        }
        files::check_no_leftovers(path)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            crate::fsutil::create_private_dir_all(dir)?;
        }
        let temp = files::private_temp_beside(path, "new")?;
        let made = || -> Result<()> {
            let conn = Connection::open_with_flags(&temp, writable())?;
            let made = Store::setup(conn, Some(temp.clone()))?;
            // Everything into the file itself before it gets its name: its WAL stays behind.
            let busy: i64 = made
                .lite()?
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
            if busy != 0 {
                return Err(StoreError::Locked);
            }
            if let db::Conn::Lite(conn) = made.conn {
                conn.close().map_err(|(_, e)| e)?;
            }
            files::publish(&temp, path).map_err(|e| exists_or(e, path))
        };
        let made = made();
        files::remove_with_sidecars(&temp);
        made?;
        Store::open_existing(path, Opening::New)
    }

    /// A private in-memory database with the real schema, for tests.
    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?, None)
    }

    fn setup(conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        Store::setup_checked(conn, path, Opening::New)
    }

    fn setup_checked(
        mut conn: Connection,
        path: Option<PathBuf>,
        opening: Opening,
    ) -> Result<Store> {
        conn.busy_handler(Some(busy_wait))?;
        // Read before any write: a database from a newer onedoor must stay untouched.
        let found = migrations::check_not_newer(&conn)?;
        // Reading the schema catches a file that is not a database or has a broken first page.
        conn.query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })?;
        // quick_check reads the whole file (2.7 s at 1 M cases): inline only for small files
        // and for files about to be migrated (migrating writes); a big one is checked before its
        // first write, by the app on a background thread (check_gate.rs).
        let main = !matches!(opening, Opening::Again(_));
        let (gate, write_wait) = match opening {
            Opening::New => (CheckGate::passed(), Duration::ZERO),
            Opening::Again(gate) => (gate, AGAIN_WRITE_WAIT),
            Opening::Check { inline_up_to } => {
                let size = path
                    .as_deref()
                    .and_then(|p| std::fs::metadata(p).ok())
                    .map_or(0, |m| m.len());
                if size <= inline_up_to || found < migrations::LATEST {
                    Store::check_result(&conn)?;
                    (CheckGate::passed(), Duration::ZERO)
                } else {
                    (CheckGate::unchecked(), Duration::ZERO)
                }
            }
        };
        if path.is_some() {
            let mode = wal_mode(&conn)?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(StoreError::Corrupt(format!(
                    "journal mode {mode}, WAL expected"
                )));
            }
        }
        // FULL: a registered complaint survives a power cut, not only a crash.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        // After a checkpoint the WAL is cut back to this size, so a reader that held up
        // checkpoints for a while cannot leave a huge file behind.
        conn.pragma_update(None, "journal_size_limit", 64 * 1024 * 1024)?;
        let from = migrations::migrate(&mut conn)?;
        let scope = centres::init_visible(db::Db::Lite(&conn))?;
        diagnostics::opened(&conn, from, main);
        Ok(Store {
            conn: db::Conn::Lite(conn),
            path,
            work: crate::domain::slots::WorkTime::default(),
            gate,
            write_wait,
            viewer: None,
            scope,
        })
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Copies the WAL back into the database without waiting for anyone (PASSIVE): cheap, safe
    /// to call when the desk is idle. Returns (WAL frames, frames checkpointed).
    pub fn checkpoint(&self) -> Result<(i64, i64)> {
        Ok(self
            .lite()?
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
                Ok((r.get(1)?, r.get(2)?))
            })?)
    }

    /// Leaves checkpoints to whoever calls `checkpoint` (the desk's background worker): a commit
    /// then costs one WAL fsync, never also a checkpoint's page copying and the database
    /// file's fsync, which made the slowest saves at the desk (p99 10 ms, max ~100 ms).
    pub fn defer_checkpoints(&self) -> Result<()> {
        self.lite()?.pragma_update(None, "wal_autocheckpoint", 0)?;
        Ok(())
    }

    /// SQLite's quick integrity check (reads every page; seconds on a large file).
    pub fn quick_check(&self) -> Result<()> {
        Store::check_result(self.lite()?)
    }

    fn check_result(conn: &Connection) -> Result<()> {
        let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(StoreError::Corrupt(check));
        }
        Ok(())
    }

    /// Size of the database file in bytes (0 for in-memory stores).
    pub fn file_size(&self) -> u64 {
        self.path
            .as_deref()
            .and_then(|p| std::fs::metadata(p).ok())
            .map_or(0, |m| m.len())
    }

    pub fn schema_version(&self) -> Result<i64> {
        migrations::version(self.lite()?)
    }

    /// Full integrity check (slow on big files; for `onedoor check`, not for start-up).
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let mut stmt = self.lite()?.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Opening flags for a file this program writes: never through a symlink.
fn writable() -> OpenFlags {
    OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_NOFOLLOW
}

/// A file already at `path` is `Exists`; any other failure an IO error.
fn exists_or(e: std::io::Error, path: &Path) -> StoreError {
    match e.kind() {
        std::io::ErrorKind::AlreadyExists => StoreError::Exists(path.to_path_buf()),
        _ => StoreError::Io(e),
    }
}

#[cfg(test)]
pub(crate) mod big_file_tests;
/// The calendar's fixture, where the attempts and Calendar pane tests look for it.
#[cfg(test)]
pub(crate) use calendar::tests as calendar_tests;
#[cfg(test)]
mod open_tests;
#[cfg(test)]
pub(crate) mod testing;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod wal_tests;
