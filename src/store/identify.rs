//! What a file is, found before anything writes to it: onedoor opens for writing only its own
//! databases and refuses every other file untouched (same bytes, no -journal, -wal or -shm).
use super::error::{Result, StoreError};
use super::migrations::LATEST;
use rusqlite::{Connection, OpenFlags};
use std::io::Read;
use std::path::{Path, PathBuf};

/// `PRAGMA application_id` of every onedoor database: ASCII "ODOR".
pub const APPLICATION_ID: i32 = 0x4F44_4F52;

/// Tables of onedoor's first schema. A database made before onedoor set its application id is
/// recognised by them together with a schema version (user_version) above 0.
const FIRST_TABLES: [&str; 4] = ["staff", "cases", "case_parties", "case_counters"];

/// What a file that is not a onedoor database turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotOnedoor {
    Directory,
    /// A device, pipe or socket (`/dev/null`).
    Special,
    /// Zero bytes: a copy or backup that stopped at its start.
    Empty,
    /// Not an SQLite file at all.
    NotSqlite,
    /// An SQLite file shorter than its own header says: a copy or backup cut off.
    Truncated {
        bytes: u64,
        expected: u64,
    },
    /// An SQLite database without a single table.
    EmptySqlite,
    /// Another program's SQLite database.
    OtherSqlite,
    /// A PostgreSQL database (its schema) holding another program's tables.
    OtherPostgres,
}

impl NotOnedoor {
    pub fn i18n_key(self) -> &'static str {
        match self {
            NotOnedoor::Directory => "err.db.not_onedoor.directory",
            NotOnedoor::Special => "err.db.not_onedoor.special",
            NotOnedoor::Empty => "err.db.not_onedoor.empty",
            NotOnedoor::NotSqlite => "err.db.not_onedoor.not_sqlite",
            NotOnedoor::Truncated { .. } => "err.db.not_onedoor.truncated",
            NotOnedoor::EmptySqlite => "err.db.not_onedoor.empty_sqlite",
            NotOnedoor::OtherSqlite => "err.db.not_onedoor.other_sqlite",
            NotOnedoor::OtherPostgres => "err.db.not_onedoor.other_postgres",
        }
    }
}

impl std::fmt::Display for NotOnedoor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotOnedoor::Directory => write!(f, "a folder"),
            NotOnedoor::Special => write!(f, "not a regular file"),
            NotOnedoor::Empty => write!(f, "an empty file"),
            NotOnedoor::NotSqlite => write!(f, "not an SQLite database"),
            NotOnedoor::Truncated { bytes, expected } => {
                write!(f, "incomplete ({bytes} of {expected} bytes)")
            }
            NotOnedoor::EmptySqlite => write!(f, "an empty SQLite database"),
            NotOnedoor::OtherSqlite => write!(f, "another program's SQLite database"),
            NotOnedoor::OtherPostgres => write!(f, "a PostgreSQL database of another program"),
        }
    }
}

/// Checks, reading only, that `path` is a onedoor database no newer than this program, and
/// returns its schema version. Nothing is written, locked or created beside the file.
pub(super) fn identify(path: &Path) -> Result<i64> {
    let refuse = |what| {
        Err(StoreError::NotOnedoor {
            path: path.to_path_buf(),
            what,
        })
    };
    let meta = match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(StoreError::Missing(path.to_path_buf()));
        }
        r => r?,
    };
    if meta.is_dir() {
        return refuse(NotOnedoor::Directory);
    }
    if !meta.is_file() {
        return refuse(NotOnedoor::Special);
    }
    if meta.len() == 0 {
        return refuse(NotOnedoor::Empty);
    }
    let mut header = [0u8; 100];
    let whole = match std::fs::File::open(path)?.read_exact(&mut header) {
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => false,
        r => r.map(|()| true)?,
    };
    if !whole || !header.starts_with(b"SQLite format 3\0") {
        return refuse(NotOnedoor::NotSqlite);
    }
    // With a -wal or a hot -journal beside it the file may lawfully be short for a moment.
    if let Some(expected) = size_in_header(&header)
        && expected > meta.len()
        && !sidecar(path, "-wal").exists()
        && !sidecar(path, "-journal").exists()
    {
        let bytes = meta.len();
        return refuse(NotOnedoor::Truncated { bytes, expected });
    }
    let conn = open_read_only(path)?;
    let (app_id, version, tables, ours): (i32, i64, i64, i64) = conn.query_row(
        "SELECT (SELECT application_id FROM pragma_application_id),
                (SELECT user_version FROM pragma_user_version),
                (SELECT COUNT(*) FROM sqlite_master),
                (SELECT COUNT(*) FROM sqlite_master
                 WHERE type = 'table' AND name IN (?1, ?2, ?3, ?4))",
        FIRST_TABLES,
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    let before_the_id = app_id == 0 && version > 0 && ours == FIRST_TABLES.len() as i64;
    if app_id != APPLICATION_ID && !before_the_id {
        return refuse(if app_id == 0 && version == 0 && tables == 0 {
            NotOnedoor::EmptySqlite
        } else {
            NotOnedoor::OtherSqlite
        });
    }
    if version > LATEST {
        return Err(StoreError::NewerVersion {
            found: version,
            supported: LATEST,
        });
    }
    Ok(version)
}

/// The size the header gives the database, when SQLite marks that figure valid (the change
/// counter at byte 24 equals the version-valid-for number at byte 92).
fn size_in_header(h: &[u8; 100]) -> Option<u64> {
    let be32 = |at: usize| u32::from_be_bytes([h[at], h[at + 1], h[at + 2], h[at + 3]]);
    let page = match u16::from_be_bytes([h[16], h[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    let pages = u64::from(be32(28));
    (pages > 0 && be32(24) == be32(92)).then_some(pages * page)
}

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// A connection that can only read. Where another connection keeps a WAL (its -wal and -shm
/// are there) it reads through them; otherwise it reads the file as immutable, which takes no
/// lock and creates no -wal or -shm (a plain read-only connection to a WAL-mode file leaves both
/// behind).
fn open_read_only(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = if sidecar(path, "-wal").exists() && sidecar(path, "-shm").exists() {
        Connection::open_with_flags(path, flags)?
    } else {
        let uri = format!("{}?immutable=1", file_uri(path));
        Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)?
    };
    conn.busy_handler(Some(super::busy_wait))?;
    Ok(conn)
}

/// `file:` URI of a path, every byte but unreserved ones and `/` percent-encoded.
fn file_uri(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    #[cfg(unix)]
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(abs.as_os_str()).to_vec();
    #[cfg(not(unix))]
    let bytes = abs.to_string_lossy().replace('\\', "/").into_bytes();
    let mut uri = String::from(if bytes.starts_with(b"/") {
        "file:"
    } else {
        "file:/"
    });
    for b in bytes {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_escape_what_sqlite_would_read_as_syntax() {
        assert_eq!(
            file_uri(Path::new("/srv/a b?c#d%e/中.db")),
            "file:/srv/a%20b%3Fc%23d%25e/%E4%B8%AD.db"
        );
    }
}
