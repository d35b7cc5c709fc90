//! PostgreSQL's migrations: the same version numbers as SQLite's (`LATEST`), tracked in the
//! one-row table `onedoor_schema` beside the application's id (the twin of SQLite's
//! `user_version` and `application_id`). A PostgreSQL record starts at `BASELINE`, the whole
//! schema at that version; each later version has its file in both engines' lists.
//!
//! Applied in one transaction under an advisory lock: desks starting together on an older
//! record upgrade it once, all or nothing. A newer schema is refused untouched, and so is a
//! schema holding another program's tables.
use super::LATEST;
use crate::store::db::Db;
use crate::store::identify::{APPLICATION_ID, NotOnedoor};
use crate::store::{Result, StoreError};

/// The version PostgreSQL's first migration brings a new record to.
pub(crate) const BASELINE: i64 = 15;

/// `MIGRATIONS[i]` brings a record to version `BASELINE + i`.
const MIGRATIONS: &[&str] = &[include_str!("pg/v15_baseline.sql")];

const META: &str = "CREATE TABLE onedoor_schema (
    application_id BIGINT NOT NULL,
    version        BIGINT NOT NULL
)";

/// What the connected schema holds.
enum Found {
    /// No table at all: a new record.
    Empty,
    /// onedoor's record at this version.
    Onedoor(i64),
    /// Tables of another program.
    Other,
}

fn found(db: Db) -> Result<Found> {
    let meta: i64 = db.one(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM pg_tables
         WHERE schemaname = current_schema() AND tablename = 'onedoor_schema'",
        &[],
    )?;
    if meta == 1 {
        let (app, version): (i64, i64) = db.query_row(
            "SELECT application_id, version FROM onedoor_schema",
            &[],
            |r| Ok((r.get(0, "onedoor_schema")?, r.get(1, "onedoor_schema")?)),
        )?;
        return Ok(if app == i64::from(APPLICATION_ID) {
            Found::Onedoor(version)
        } else {
            Found::Other
        });
    }
    let tables: i64 = db.one(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM pg_tables WHERE schemaname = current_schema()",
        &[],
    )?;
    Ok(if tables == 0 {
        Found::Empty
    } else {
        Found::Other
    })
}

/// The record's version; a newer one or another program's schema is an error.
pub(crate) fn check(db: Db, target: &str) -> Result<i64> {
    match found(db)? {
        Found::Empty => Ok(0),
        Found::Onedoor(v) if v > LATEST => Err(StoreError::NewerVersion {
            found: v,
            supported: LATEST,
        }),
        Found::Onedoor(v) => Ok(v),
        Found::Other => Err(StoreError::NotOnedoor {
            path: target.into(),
            what: NotOnedoor::OtherPostgres,
        }),
    }
}

/// Brings the record up to `LATEST`; returns the version found (0: a new record).
pub(crate) fn migrate(conn: &mut crate::store::db::Conn, target: &str) -> Result<i64> {
    if check(conn.db(), target)? >= LATEST {
        return Ok(LATEST);
    }
    let db = conn.db();
    db.batch("BEGIN")?;
    let out = (|| {
        db.one::<Option<String>>(
            "SELECT CAST(pg_advisory_xact_lock(?1) AS TEXT)",
            &[&i64::from(APPLICATION_ID)],
        )?;
        // Again under the lock: another desk may have migrated meanwhile.
        let from = check(db, target)?;
        if from == 0 {
            db.batch(META)?;
            db.execute(
                "INSERT INTO onedoor_schema (application_id, version) VALUES (?1, 0)",
                &[&i64::from(APPLICATION_ID)],
            )?;
        }
        for (i, sql) in MIGRATIONS.iter().enumerate() {
            let version = BASELINE + i as i64;
            if version > from {
                db.batch(sql)?;
                db.execute("UPDATE onedoor_schema SET version = ?1", &[&version])?;
            }
        }
        Ok(from)
    })();
    match out {
        Ok(from) => {
            db.batch("COMMIT")?;
            if from < LATEST {
                tracing::info!(from, to = LATEST, "PostgreSQL schema migrated");
            }
            Ok(from)
        }
        Err(e) => {
            let _ = db.batch("ROLLBACK");
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests;
