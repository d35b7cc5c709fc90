//! The WAL under a long reader, and a backup taken while a desk keeps saving.
use crate::harness::{demo_db, intake, long};
use onedoor::domain::risk::ResponseHours;
use onedoor::store::{Actor, Store};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

#[test]
fn wal_stays_bounded_after_a_long_reader_lets_go() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let wal = db.with_extension("db-wal");
    let mut writer = Store::open(&db).unwrap();
    let lead = writer.staff_by_code("L001").unwrap().unwrap();
    let actor = Actor {
        staff_id: lead.id,
        role: lead.role,
    };
    // A reader holds a snapshot open (a long report), so checkpoints cannot pass it.
    let reader = rusqlite::Connection::open(&db).unwrap();
    reader
        .execute_batch("BEGIN; SELECT COUNT(*) FROM cases;")
        .unwrap();
    let n = if long() { 3000 } else { 300 };
    for i in 0..n {
        writer
            .create_case(actor, &intake("L001", i), &ResponseHours::default())
            .unwrap();
    }
    let grown = std::fs::metadata(&wal).unwrap().len();
    reader.execute_batch("COMMIT").unwrap();
    // Once the reader is gone, an idle checkpoint copies everything back …
    let (frames, done) = writer.checkpoint().unwrap();
    assert_eq!(
        frames, done,
        "every frame checkpointed once the reader let go"
    );
    // … and the next write restarts the WAL from its beginning instead of growing it.
    writer
        .create_case(actor, &intake("L001", n), &ResponseHours::default())
        .unwrap();
    writer.checkpoint().unwrap();
    let after = std::fs::metadata(&wal).unwrap().len();
    assert!(after <= grown, "WAL grew: {grown} -> {after}");
    assert!(
        after <= 64 * 1024 * 1024,
        "WAL above journal_size_limit: {after}"
    );
}

/// `onedoor backup` at a busy centre: a desk saving cases all the while must neither stop
/// the copy nor make it start over until the desk pauses.
#[test]
fn a_backup_finishes_while_a_desk_keeps_saving() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    // A few MB, so a copy takes many steps (the old page-by-page copy restarted at each write).
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "CREATE TABLE ballast (b BLOB); INSERT INTO ballast VALUES (zeroblob(8000000));",
    )
    .unwrap();
    drop(conn);
    let stop = Arc::new(AtomicBool::new(false));
    let saved = Arc::new(AtomicU64::new(0));
    let desk = {
        let (db, stop, saved) = (db.clone(), Arc::clone(&stop), Arc::clone(&saved));
        std::thread::spawn(move || {
            let mut s = Store::open(&db).unwrap();
            let me = s.staff_by_code("D001").unwrap().unwrap();
            let actor = Actor {
                staff_id: me.id,
                role: me.role,
            };
            let until = Instant::now() + Duration::from_secs(20);
            for i in 0.. {
                if stop.load(Ordering::Relaxed) || Instant::now() > until {
                    break;
                }
                s.create_case(actor, &intake("D001", i), &ResponseHours::default())
                    .unwrap();
                saved.fetch_add(1, Ordering::Relaxed);
            }
        })
    };
    while saved.load(Ordering::Relaxed) < 5 {
        std::thread::sleep(Duration::from_millis(1));
    }
    let start = Instant::now();
    let at_start = saved.load(Ordering::Relaxed);
    let copy = dir.path().join("busy.db");
    Store::open(&db).unwrap().backup_to(&copy).unwrap();
    let took = start.elapsed();
    let during = saved.load(Ordering::Relaxed) - at_start;
    stop.store(true, Ordering::Relaxed);
    desk.join().unwrap();
    assert!(took < Duration::from_secs(5), "backup took {took:?}");
    assert!(during > 0, "the desk was held up by the backup");
    let copy = Store::open(&copy).unwrap();
    assert_eq!(copy.integrity_check().unwrap(), ["ok"]);
}
