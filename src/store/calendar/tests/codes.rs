//! A stored code onedoor does not know is an error naming its table and column, never a default.
use super::*;
use crate::domain::session::SessionStatus;

fn unknown<T: std::fmt::Debug>(r: Result<T>) -> (&'static str, String, String) {
    match r {
        Err(StoreError::UnknownCode(u)) => (u.table, u.column, u.value),
        other => panic!("expected an unknown code, got {other:?}"),
    }
}

fn named(table: &'static str, column: &str, value: &str) -> (&'static str, String, String) {
    (table, column.to_string(), value.to_string())
}

#[test]
fn unknown_session_and_case_codes_are_errors_naming_table_and_column() {
    let mut f = fix();
    let (m1, [r1, _], desk) = (f.m1, f.rooms, f.desk);
    let (c1, _) = case(&mut f, Some(m1.staff_id), None);
    let id = book(&mut f, desk, c1, m1.staff_id, r1, t(24, 9, 0), t(24, 10, 0)).unwrap();
    let raw = |f: &Fix, sql: &str| {
        f.s.conn
            .execute_batch(&format!("PRAGMA ignore_check_constraints = ON; {sql}"))
            .unwrap()
    };
    let week = || (t(23, 0, 0), t(30, 0, 0));
    raw(&f, "UPDATE sessions SET level = 'province'");
    let level = named("sessions", "level", "province");
    assert_eq!(unknown(f.s.session(id)), level);
    assert_eq!(unknown(f.s.sessions_between(week().0, week().1)), level);
    let held =
        f.s.record_session(m1, id, SessionStatus::Held, "", t(24, 16, 0));
    assert_eq!(unknown(held), level);
    raw(&f, "UPDATE sessions SET level = 'village', status = 'lost'");
    assert_eq!(
        unknown(f.s.session(id)),
        named("sessions", "status", "lost")
    );
    let cancel = f.s.cancel_session(desk, id, "当事人生病", t(23, 9, 0));
    assert_eq!(unknown(cancel), named("sessions", "status", "lost"));
    raw(
        &f,
        "UPDATE sessions SET status = 'booked'; UPDATE cases SET colour = 9",
    );
    assert_eq!(unknown(f.s.session(id)), named("cases", "colour", "9"));
    assert_eq!(unknown(f.s.case_brief(c1)), named("cases", "colour", "9"));
    raw(&f, "UPDATE cases SET colour = 1, level = 'province'");
    assert_eq!(
        unknown(f.s.case_brief(c1)),
        named("cases", "level", "province")
    );
    let again = book(&mut f, desk, c1, m1.staff_id, r1, t(25, 9, 0), t(25, 10, 0));
    assert_eq!(unknown(again), named("cases", "level", "province"));
}
