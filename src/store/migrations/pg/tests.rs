//! PostgreSQL's schema against SQLite's, and what the server itself refuses. Run when
//! `ONEDOOR_TEST_PG` names a server (always in CI); the version check always.
use super::*;
use crate::store::db::Conn;
use crate::store::db::testing::TestPg;
use std::collections::{BTreeMap, BTreeSet};

#[test]
fn both_engines_end_at_the_same_version() {
    assert_eq!(
        BASELINE + MIGRATIONS.len() as i64 - 1,
        LATEST,
        "a SQLite migration needs its PostgreSQL twin in migrations/pg/"
    );
}

/// Tables and their columns on a freshly migrated SQLite database (FTS5 tables aside).
fn lite_columns() -> BTreeMap<String, BTreeSet<String>> {
    let mut c = rusqlite::Connection::open_in_memory().unwrap();
    crate::store::migrations::migrate(&mut c).unwrap();
    let tables: Vec<String> = c
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE '%VIRTUAL%'
             AND name NOT LIKE '%grams%' AND name NOT LIKE 'sqlite_%'",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    tables
        .into_iter()
        .map(|t| {
            let cols = c
                .prepare(&format!("SELECT name FROM pragma_table_info('{t}')"))
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            (t, cols)
        })
        .collect()
}

fn pg_columns(db: Db) -> BTreeMap<String, BTreeSet<String>> {
    let rows = db
        .query_map(
            "SELECT table_name::text, column_name::text FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name <> 'onedoor_schema'
               AND column_name <> 'grams'",
            &[],
            |r| Ok((r.get::<String>(0, "")?, r.get::<String>(1, "")?)),
        )
        .unwrap();
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (t, c) in rows {
        out.entry(t).or_default().insert(c);
    }
    out
}

fn migrated() -> Option<TestPg> {
    let mut pg = TestPg::empty()?;
    assert_eq!(migrate(&mut pg.conn, "test").unwrap(), 0);
    Some(pg)
}

#[test]
fn a_new_record_has_every_table_and_column_of_sqlite() {
    let Some(mut pg) = migrated() else { return };
    assert_eq!(check(pg.conn.db(), "test").unwrap(), LATEST);
    assert_eq!(pg_columns(pg.conn.db()), lite_columns());
    // Idempotent: nothing to do the second time.
    assert_eq!(migrate(&mut pg.conn, "test").unwrap(), LATEST);
    let main: String = pg
        .conn
        .db()
        .one("SELECT code FROM centres WHERE id = 1", &[])
        .unwrap();
    assert_eq!(main, "MAIN");
}

#[test]
fn desks_starting_together_migrate_once() {
    let Some(pg) = TestPg::empty() else { return };
    let url = pg.url();
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let url = url.clone();
            std::thread::spawn(move || {
                let mut c = Conn::pg(&url).unwrap();
                migrate(&mut c, "test").unwrap()
            })
        })
        .collect();
    let found: Vec<i64> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    assert_eq!(found.iter().filter(|v| **v == 0).count(), 1, "{found:?}");
    let centres: i64 = pg
        .conn
        .db()
        .one("SELECT CAST(COUNT(*) AS BIGINT) FROM centres", &[])
        .unwrap();
    assert_eq!(centres, 1);
}

#[test]
fn a_newer_record_and_another_programs_tables_are_refused_untouched() {
    let Some(mut pg) = migrated() else { return };
    pg.conn
        .db()
        .execute("UPDATE onedoor_schema SET version = ?1", &[&(LATEST + 1)])
        .unwrap();
    assert!(matches!(
        migrate(&mut pg.conn, "test"),
        Err(StoreError::NewerVersion { found, .. }) if found == LATEST + 1
    ));
    let Some(mut other) = TestPg::empty() else {
        return;
    };
    other
        .conn
        .db()
        .batch("CREATE TABLE invoices (id BIGINT)")
        .unwrap();
    assert!(matches!(
        migrate(&mut other.conn, "test"),
        Err(StoreError::NotOnedoor {
            what: NotOnedoor::OtherPostgres,
            ..
        })
    ));
    let tables: i64 = other
        .conn
        .db()
        .one(
            "SELECT CAST(COUNT(*) AS BIGINT) FROM pg_tables WHERE schemaname = current_schema()",
            &[],
        )
        .unwrap();
    assert_eq!(tables, 1);
}

/// Inserts the rows a session needs: a staff member, a case, a room.
fn seed(db: Db) {
    db.batch(
        "INSERT INTO staff (code, name, role, pin_hash, created_at)
             VALUES ('m1', '李调解', 'mediator', 'x', '2026-12-01 09:00:00');
         INSERT INTO rooms (name) VALUES ('调解室一');
         INSERT INTO cases (case_no, received_at, channel, category, colour, colour_computed,
                            status, active, summary, updated_at)
             VALUES ('2026-1201-001', '2026-12-01 09:00:00', 'walk_in', 'wages', 2, 2,
                     'registered', 1, '欠薪', '2026-12-01 09:00:00');",
    )
    .unwrap();
}

fn book(db: Db, start: &str, end: &str, room: Option<i64>) -> Result<u64> {
    db.execute(
        "INSERT INTO sessions (case_id, mediator_id, room_id, starts_at, ends_at)
         VALUES (1, 1, ?1, ?2, ?3)",
        &[&room, &start, &end],
    )
}

#[test]
fn the_server_refuses_a_double_booking_but_not_back_to_back() {
    let Some(pg) = migrated() else { return };
    let db = pg.conn.db();
    seed(db);
    book(db, "2026-12-02 09:00:00", "2026-12-02 10:00:00", Some(1)).unwrap();
    book(db, "2026-12-02 10:00:00", "2026-12-02 11:00:00", Some(1)).unwrap();
    let clash = book(db, "2026-12-02 09:30:00", "2026-12-02 10:30:00", None).unwrap_err();
    assert!(
        matches!(&clash, StoreError::Server { state, .. } if state == "23P01"),
        "{clash:?}"
    );
    // A cancelled session frees its time.
    db.execute("UPDATE sessions SET status = 'cancelled' WHERE id = 1", &[])
        .unwrap();
    book(db, "2026-12-02 09:00:00", "2026-12-02 09:45:00", Some(1)).unwrap();
}

#[test]
fn the_audit_is_append_only_and_a_closed_case_needs_its_time() {
    let Some(pg) = migrated() else { return };
    let db = pg.conn.db();
    seed(db);
    db.execute(
        "INSERT INTO audit (at, action) VALUES ('2026-12-01 09:00:00', 'case.create')",
        &[],
    )
    .unwrap();
    for sql in [
        "UPDATE audit SET action = 'x'",
        "DELETE FROM audit",
        "TRUNCATE audit",
        "DELETE FROM centres",
        "UPDATE cases SET status = 'closed'",
    ] {
        let e = db.execute(sql, &[]).unwrap_err();
        assert!(matches!(e, StoreError::Server { .. }), "{sql}: {e:?}");
    }
    let n: i64 = db
        .one("SELECT CAST(COUNT(*) AS BIGINT) FROM audit", &[])
        .unwrap();
    assert_eq!(n, 1);
}
