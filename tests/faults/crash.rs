//! A desk killed mid-save, again and again: every acknowledged case survives whole.
use crate::harness::{acks_of, check_whole, demo_db, long, spawn_child, wait_acks};
use onedoor::store::Store;
use std::collections::HashSet;
use std::time::Duration;

#[test]
fn sigkill_during_saves_loses_no_acknowledged_case() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let rounds = if long() { 200 } else { 8 };
    let mut all_acked = Vec::new();
    let mut seed = 0x9e37_79b9_u64;
    for round in 0..rounds {
        let mut child = spawn_child(&db, "D001", 1_000_000);
        let (acks, reader) = acks_of(&mut child);
        // Kill at a pseudo-random moment after a few saves, mid-transaction more often than not.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        wait_acks(&acks, 1 + (seed % 5) as usize);
        std::thread::sleep(Duration::from_micros(seed % 20_000));
        child.kill().unwrap();
        child.wait().unwrap();
        reader.join().unwrap();
        let acked = acks.lock().unwrap().clone();
        assert!(!acked.is_empty(), "round {round}");
        all_acked.extend(acked);
        // The draft written before the last save is there and readable.
        let s = Store::open(&db).unwrap();
        let desk = s.staff_by_code("D001").unwrap().unwrap();
        let d = s
            .load_draft(desk.id, "intake")
            .unwrap()
            .expect("draft survives");
        assert!(d.body.starts_with("draft "), "{}", d.body);
    }
    check_whole(&db, &all_acked);
    let unique: HashSet<_> = all_acked.iter().collect();
    assert_eq!(
        unique.len(),
        all_acked.len(),
        "a case number was reused after a crash"
    );
}
