//! Stored codes and times onedoor does not know are errors naming where they are, never a
//! silent default (convert.rs, time.rs).
use crate::domain::risk::ResponseHours;
use crate::domain::role::Role;
use crate::store::convert::UnknownCode;
use crate::store::{NewCase, NewParty, Store, StoreError};
use chrono::{NaiveDate, NaiveDateTime};

fn at(h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(h, 0, 0)
        .unwrap()
}

fn one_case() -> (Store, i64) {
    let mut s = Store::open_in_memory().unwrap();
    let lead = crate::store::testing::add_staff(&mut s, None, "L1", Role::Lead, at(8));
    let c = NewCase::walk_in(
        at(9),
        "neighbour",
        "楼上漏水",
        NewParty::named("张伟", None),
    );
    let id = s
        .create_case(lead, &c, &ResponseHours::default())
        .unwrap()
        .id;
    (s, id)
}

fn unknown(e: StoreError) -> UnknownCode {
    match e {
        StoreError::UnknownCode(u) => u,
        other => panic!("not an unknown code: {other:?}"),
    }
}

#[test]
fn an_unknown_status_fails_the_list_and_the_detail_naming_cases_status() {
    let (s, id) = one_case();
    s.lite_conn()
        .execute("UPDATE cases SET status = 'bogus' WHERE id = ?1", [id])
        .unwrap();
    let u = unknown(s.case_rows(&[id]).unwrap_err());
    assert_eq!((u.table, u.column.as_str()), ("cases", "status"));
    assert_eq!(u.value, "bogus");
    let u = unknown(s.case_detail(id).unwrap_err());
    assert_eq!((u.table, u.column.as_str()), ("cases", "status"));
}

#[test]
fn unknown_colour_level_and_party_role_are_named_too() {
    for (sql, column) in [
        ("UPDATE cases SET colour = 9", "colour"),
        ("UPDATE cases SET level = 'province'", "level"),
        ("UPDATE cases SET colour_computed = 7", "colour_computed"),
        ("UPDATE case_parties SET role = 'witness'", "role"),
    ] {
        let (s, id) = one_case();
        s.lite_conn()
            .execute_batch("PRAGMA ignore_check_constraints = ON")
            .unwrap();
        s.lite_conn().execute(sql, []).unwrap();
        let u = unknown(s.case_detail(id).unwrap_err());
        assert_eq!(u.column, column, "{sql}");
    }
}

#[test]
fn a_malformed_stored_time_is_an_error_not_a_default() {
    let (s, id) = one_case();
    s.lite_conn()
        .execute(
            "UPDATE cases SET received_at = '24/11/2026 9:00' WHERE id = ?1",
            [id],
        )
        .unwrap();
    let u = unknown(s.case_rows(&[id]).unwrap_err());
    assert_eq!(
        (u.kind, u.table, u.column.as_str()),
        ("time", "cases", "received_at")
    );
    s.lite_conn()
        .execute(
            "UPDATE cases SET received_at = '2026-11-24 09:00:00', deadline_at = 'soon' WHERE id = ?1",
            [id],
        )
        .unwrap();
    let u = unknown(s.case_detail(id).unwrap_err());
    assert_eq!(
        (u.column.as_str(), u.value.as_str()),
        ("deadline_at", "soon")
    );
}
