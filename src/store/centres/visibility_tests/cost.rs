//! What the visibility test costs a county-wide reader: nothing per row. A reader who sees
//! every centre (the county lead, a single-centre database) passes `readable!`, `readable_case!`
//! and `party_seen!` on the first term, so a search driven by another index (case numbers,
//! parties, the summary grams) never reads the cases' own rows to check their centre — at
//! 1,000,000 cases those reads were most of a keystroke. Counted in pages the statement
//! fetches (SQLite's cache hits and misses), not in time.
use super::world;
use crate::store::Store;
use crate::store::centres::fixture::{at, walk_in};
use crate::store::centres::{party_seen, readable, readable_case};
use rusqlite::ffi;

/// Pages fetched (from SQLite's cache or the file) while `sql` runs to its end.
fn pages(s: &Store, sql: &str) -> i64 {
    let status = |op: i32| {
        let (mut cur, mut hi) = (0, 0);
        // SAFETY: the handle is this live connection's; db_status only reads its counters.
        let rc =
            unsafe { ffi::sqlite3_db_status(s.lite_conn().handle(), op, &mut cur, &mut hi, 1) };
        assert_eq!(rc, ffi::SQLITE_OK);
        i64::from(cur)
    };
    let reset = || status(ffi::SQLITE_DBSTATUS_CACHE_HIT) + status(ffi::SQLITE_DBSTATUS_CACHE_MISS);
    reset();
    let n: i64 = s.lite_conn().query_row(sql, [], |r| r.get(0)).unwrap();
    assert!(n >= 200, "{n} rows: {sql}");
    reset()
}

#[test]
fn a_reader_of_every_centre_reads_no_case_row_to_check_it() {
    let mut w = world();
    // 200 cases at village V1, whose clerk and the county lead both read them all.
    let clerk = w.c.v1_desk;
    for i in 0..200 {
        let c = walk_in(at(9, 0), "王伟", &format!("138{i:08}"));
        w.c.store
            .create_case(clerk, &c, &Default::default())
            .unwrap();
    }
    let by_number = concat!(
        "SELECT count(*) FROM cases c WHERE c.case_no > '' AND ",
        readable!("c")
    );
    let by_link = concat!(
        "SELECT count(*) FROM case_parties cp WHERE ",
        readable_case!("cp.case_id")
    );
    let by_party = concat!("SELECT count(*) FROM parties p WHERE ", party_seen!("p.id"));
    for sql in [by_number, by_link, by_party] {
        let village = pages(w.as_(clerk), sql);
        let county = pages(w.as_(w.c.county_lead), sql);
        // The clerk's test reads each case's row (one page fetch or more a row); the county
        // lead's reads only the driving index.
        assert!(
            county * 3 < village,
            "county lead {county} pages, village clerk {village}: {sql}"
        );
    }
}
