//! The write-ahead log at the desk: who checkpoints it, and when.
use super::tests::{at, new_case};
use super::*;
use crate::domain::risk::ResponseHours;
use crate::domain::role::Role;

/// At the desk the background worker checkpoints (store::defer_checkpoints): commits must then
/// leave the WAL alone, where SQLite alone would copy it back every 1,000 pages mid-save.
#[test]
fn deferred_checkpoints_leave_the_wal_to_the_worker() {
    let wal_frames = |defer: bool| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("od.db");
        let mut s = Store::create(&path).unwrap();
        let lead = crate::store::testing::add_staff(&mut s, None, "L1", Role::Lead, at(8, 0));
        if defer {
            s.defer_checkpoints().unwrap();
        }
        for _ in 0..120 {
            s.create_case(lead, &new_case(at(10, 0)), &ResponseHours::default())
                .unwrap();
        }
        let (frames, done) = Store::open(&path).unwrap().checkpoint().unwrap();
        assert_eq!(
            frames, done,
            "a passive checkpoint with no reader copies all"
        );
        frames
    };
    assert!(wal_frames(false) < 1000 + 100);
    assert!(wal_frames(true) > 1000 + 100);
}
