//! Four desks saving, booking and following up at once, with backups taken meanwhile.
use crate::harness::{acks_of, check_whole, demo_db, long, spawn_child_env, wait_acks};
use onedoor::store::Store;
use std::collections::HashSet;
use std::path::Path;
use std::time::{Duration, Instant};

/// Cases each staff member has registered, by staff code.
fn created_by(db: &Path) -> std::collections::HashMap<String, i64> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT s.code, COUNT(*) FROM audit a JOIN staff s ON s.id = a.staff_id
             WHERE a.action = 'case.create' GROUP BY s.code",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Four desks register cases, book sessions on a slot grid they share and record follow-ups,
/// all at once: a few seconds in CI, at least a minute with `ONEDOOR_FAULT_LONG=1`.
#[test]
fn four_desks_saving_booking_and_following_up_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let started = Instant::now();
    let (per_desk, secs) = if long() {
        (u64::MAX, Some("60"))
    } else {
        (40, None)
    };
    let desks = ["D001", "D002", "L001", "L002"];
    let mut env = vec![("ONEDOOR_FAULT_MIX", "1")];
    env.extend(secs.map(|s| ("ONEDOOR_FAULT_SECS", s)));
    let before = created_by(&db);
    let mut children: Vec<_> = desks
        .iter()
        .map(|d| spawn_child_env(&db, d, per_desk, &env))
        .collect();
    let (acks, readers): (Vec<_>, Vec<_>) = children.iter_mut().map(acks_of).unzip();
    // Backups taken while the desks write are consistent: one in CI, one every ten seconds
    // of the long run.
    wait_acks(&acks[0], 5);
    let mut backups = Vec::new();
    loop {
        let b = dir.path().join(format!("during-{}.db", backups.len()));
        Store::open(&db).unwrap().backup_to(&b).unwrap();
        backups.push(b);
        if !long() || started.elapsed() > Duration::from_secs(50) {
            break;
        }
        std::thread::sleep(Duration::from_secs(10));
    }
    for c in children {
        let out = c.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "a desk failed: {err}");
        assert!(
            !err.contains("Locked"),
            "'database is locked' reached a desk: {err}"
        );
    }
    readers.into_iter().for_each(|r| r.join().unwrap());
    let took = started.elapsed();
    if long() {
        assert!(took >= Duration::from_secs(60), "ran only {took:?}");
    }
    let all: Vec<String> = acks
        .iter()
        .flat_map(|a| a.lock().unwrap().clone())
        .collect();
    if !long() {
        assert_eq!(all.len() as u64, per_desk * desks.len() as u64);
    }
    // Every desk's acknowledged saves are exactly what the store holds from it: none lost,
    // none committed without the desk hearing of it.
    let after = created_by(&db);
    for (desk, a) in desks.iter().zip(&acks) {
        let n = after[*desk] - before.get(*desk).copied().unwrap_or(0);
        assert_eq!(n, a.lock().unwrap().len() as i64, "{desk}");
    }
    let unique: HashSet<_> = all.iter().collect();
    assert_eq!(unique.len(), all.len(), "duplicate case numbers");
    check_whole(&db, &all);
    // No mediator or room is double-booked, however the desks raced for the shared slots.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let q = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    let overlaps = q(
        "SELECT COUNT(*) FROM sessions a JOIN sessions b ON a.id < b.id
        AND a.status IN ('booked', 'held') AND b.status IN ('booked', 'held')
        AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
        AND (a.mediator_id = b.mediator_id OR a.room_id = b.room_id)",
    );
    assert_eq!(overlaps, 0, "double bookings");
    let booked = q("SELECT COUNT(*) FROM audit WHERE action = 'session.book'");
    assert!(booked > 0);
    // Follow-ups were recorded, each exactly once: one audit entry per follow-up done.
    let done = q("SELECT COUNT(*) FROM followups WHERE status = 'done' AND done_by IS NOT NULL");
    assert!(done > 0, "no follow-up recorded");
    assert_eq!(
        q("SELECT COUNT(*) FROM audit WHERE action = 'followup.record'"),
        done
    );
    for b in &backups {
        let copy = Store::open(b).unwrap();
        assert_eq!(copy.integrity_check().unwrap(), ["ok"], "{}", b.display());
    }
    println!(
        "4 desks, {took:.1?}: {} cases ({:.0}/s), {booked} sessions booked, {done} follow-ups, {} backups",
        all.len(),
        all.len() as f64 / took.as_secs_f64(),
        backups.len()
    );
}
