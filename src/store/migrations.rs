//! Versioned schema migrations, tracked in `PRAGMA user_version`.
//!
//! A hand-written runner rather than rusqlite_migration: it takes the write lock first
//! (BEGIN IMMEDIATE) and re-reads the version inside the transaction, so two desks starting
//! on an older database at the same moment upgrade it exactly once, all or nothing.
use super::error::{Result, StoreError};
use rusqlite::{Connection, TransactionBehavior};

#[cfg_attr(not(test), allow(dead_code))]
pub(crate) mod pg;

/// Each entry upgrades from version `index` to `index + 1`. Append only; never edit a released one.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/schema_v1.sql"),
    include_str!("migrations/schema_triage.sql"),
    include_str!("migrations/schema_cases.sql"),
    include_str!("migrations/schema_calendar.sql"),
    include_str!("migrations/schema_followups.sql"),
    include_str!("migrations/schema_cases_waiting.sql"),
    include_str!("migrations/schema_report.sql"),
    include_str!("migrations/schema_merges.sql"),
    include_str!("migrations/schema_names.sql"),
    include_str!("migrations/schema_application_id.sql"),
    CLOSED_AT,
    include_str!("migrations/schema_imports.sql"),
    RED_ALERTS,
    CENTRES,
    include_str!("migrations/schema_transfers.sql"),
];

const CLOSED_AT: &str = include_str!("migrations/schema_closed_at.sql");
const RED_ALERTS: &str = include_str!("migrations/schema_red_alerts.sql");
const CENTRES: &str = include_str!("migrations/schema_centres.sql");

pub const LATEST: i64 = MIGRATIONS.len() as i64;

/// The version before closing times were filled in and enforced (tests build such databases).
#[cfg(test)]
pub(crate) fn before_closed_at() -> i64 {
    MIGRATIONS.iter().position(|m| *m == CLOSED_AT).unwrap_or(0) as i64
}

/// The version before red alerts (tests build such databases).
#[cfg(test)]
pub(crate) fn before_red_alerts() -> i64 {
    MIGRATIONS
        .iter()
        .position(|m| *m == RED_ALERTS)
        .unwrap_or(0) as i64
}

/// The version before centres (tests build single-centre databases from before with it).
#[cfg(test)]
pub(crate) fn before_centres() -> i64 {
    MIGRATIONS.iter().position(|m| *m == CENTRES).unwrap_or(0) as i64
}

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

/// Brings the schema up to date; returns the version found (`LATEST`: nothing to do).
pub fn migrate(conn: &mut Connection) -> Result<i64> {
    migrate_to(conn, LATEST)
}

/// Applies migrations up to `target` (tests build old databases with it); returns the version
/// found.
pub(crate) fn migrate_to(conn: &mut Connection, target: i64) -> Result<i64> {
    // Search-index triggers call od_grams(): every connection that may write needs it.
    super::grams::register(conn)?;
    let found = check_not_newer(conn)?;
    if found >= target {
        return Ok(found);
    }
    let started = std::time::Instant::now();
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let from = check_not_newer(&tx)?;
    if from < target {
        tracing::info!(from, to = target, "migrating the schema");
    }
    for (i, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .take(target as usize)
        .skip(from as usize)
    {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
    }
    tx.commit()?;
    if from < target {
        let ms = started.elapsed().as_millis() as u64;
        tracing::info!(from, to = target, ms, "schema migrated");
    }
    Ok(from)
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

    /// A database made by the first released schema, with data, migrates to the latest and
    /// keeps every row.
    #[test]
    fn first_version_database_migrates_forward_with_its_data() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        let mut c = Connection::open(&path).unwrap();
        migrate_to(&mut c, 1).unwrap();
        assert_eq!(version(&c).unwrap(), 1);
        c.execute_batch(
            "INSERT INTO staff (code, name, role, pin_hash, created_at) VALUES ('L1', '王建国', 'lead', 'x', '2026-01-05 09:00:00');
             INSERT INTO parties (name, name_keys, phone) VALUES ('张伟', 'zhangwei zw', '13812345678');
             INSERT INTO cases (case_no, received_at, channel, category, colour, colour_computed, status, active, summary, updated_at, first_party_id)
               VALUES ('2026-0105-001', '2026-01-05 09:10:00', 'walk_in', 'neighbour', 3, 3, 'registered', 1, '楼上漏水', '2026-01-05 09:10:00', 1);
             INSERT INTO case_parties VALUES (1, 1, 'applicant');
             INSERT INTO audit (at, staff_id, case_id, action, new) VALUES ('2026-01-05 09:10:00', 1, 1, 'case.create', '2026-0105-001 blue');",
        )
        .unwrap();
        drop(c);
        assert!(crate::store::Store::needs_upgrade(&path));
        let s = crate::store::Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), LATEST);
        assert!(!crate::store::Store::needs_upgrade(&path));
        // The name index's loader reads the covering index in name order.
        let plan: String = s
            .lite_conn()
            .query_row(
                "EXPLAIN QUERY PLAN SELECT name, name_keys, max(id), count(*) FROM parties
                 GROUP BY name ORDER BY name",
                [],
                |r| r.get(3),
            )
            .unwrap();
        assert!(plan.contains("COVERING INDEX parties_name"), "{plan}");
        let (no, name, audit): (String, String, i64) = s
            .lite_conn()
            .query_row(
                "SELECT c.case_no, p.name, (SELECT COUNT(*) FROM audit) FROM cases c JOIN parties p ON p.id = c.first_party_id",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(
            (no.as_str(), name.as_str(), audit),
            ("2026-0105-001", "张伟", 1)
        );
        assert_eq!(s.staff_by_code("L1").unwrap().unwrap().name, "王建国");
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
