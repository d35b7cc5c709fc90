//! Versioned schema migrations, tracked in `PRAGMA user_version`.
//!
//! A hand-written runner rather than rusqlite_migration: it takes the write lock first
//! (BEGIN IMMEDIATE) and re-reads the version inside the transaction, so two desks starting
//! on an empty file at the same moment apply the schema exactly once, all or nothing.
use super::error::{Result, StoreError};
use rusqlite::{Connection, TransactionBehavior};

/// Each entry upgrades from version `index` to `index + 1`. Append only; never edit a released one.
const MIGRATIONS: &[&str] = &[
    include_str!("schema_v1.sql"),
    include_str!("schema_report.sql"),
];

pub const LATEST: i64 = MIGRATIONS.len() as i64;

pub fn version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Refuses a database from a newer onedoor before anything writes to it.
pub fn check_not_newer(conn: &Connection) -> Result<i64> {
    let found = version(conn)?;
    if found > LATEST {
        return Err(StoreError::NewerVersion {
            found,
            supported: LATEST,
        });
    }
    Ok(found)
}

pub fn migrate(conn: &mut Connection) -> Result<()> {
    if check_not_newer(conn)? == LATEST {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let from = check_not_newer(&tx)?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(from as usize) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
    }
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrates_empty_database_once() {
        let mut c = Connection::open_in_memory().unwrap();
        migrate(&mut c).unwrap();
        assert_eq!(version(&c).unwrap(), LATEST);
        migrate(&mut c).unwrap(); // idempotent
        let n: i64 = c
            .query_row(
                "SELECT COUNT(*) FROM sqlite_master WHERE name = 'cases'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1);
    }

    #[test]
    fn newer_database_is_refused_untouched() {
        let mut c = Connection::open_in_memory().unwrap();
        c.pragma_update(None, "user_version", LATEST + 1).unwrap();
        let err = migrate(&mut c).unwrap_err();
        assert!(matches!(err, StoreError::NewerVersion { found, .. } if found == LATEST + 1));
        let tables: i64 = c
            .query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| r.get(0))
            .unwrap();
        assert_eq!(tables, 0);
    }

    #[test]
    fn audit_is_append_only() {
        let mut c = Connection::open_in_memory().unwrap();
        migrate(&mut c).unwrap();
        c.execute(
            "INSERT INTO audit (at, action) VALUES ('2026-11-24 09:00:00', 'x')",
            [],
        )
        .unwrap();
        assert!(c.execute("UPDATE audit SET action = 'y'", []).is_err());
        assert!(c.execute("DELETE FROM audit", []).is_err());
        let a: String = c
            .query_row("SELECT action FROM audit", [], |r| r.get(0))
            .unwrap();
        assert_eq!(a, "x");
    }
}
