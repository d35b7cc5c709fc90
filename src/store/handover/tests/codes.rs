//! A stored code onedoor does not know is an error naming its table and column, never a default.
use super::*;
use crate::domain::shift::Shift;

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
fn unknown_case_codes_are_errors_naming_table_and_column() {
    let fx = fixture();
    let c1 = fx.ids[0];
    let raw = |sql: &str| {
        fx.store
            .conn
            .execute(&format!("UPDATE cases SET {sql} WHERE id = ?1"), [c1])
            .unwrap()
    };
    fx.store
        .conn
        .execute_batch("PRAGMA ignore_check_constraints = ON")
        .unwrap();
    let sheet = || fx.store.handover_sheet(&super::sheet::request(Shift::Day));
    let stats = || fx.store.stats(d(11, 1), d(11, 30));
    raw("colour = 9");
    assert_eq!(unknown(sheet()), named("cases", "colour", "9"));
    assert_eq!(unknown(stats()), named("cases", "colour", "9"));
    raw("colour = 0, status = 'lost'");
    assert_eq!(unknown(sheet()), named("cases", "status", "lost"));
    assert_eq!(unknown(stats()), named("cases", "status", "lost"));
    raw("status = 'assigned', channel = 'pigeon'");
    assert_eq!(unknown(stats()), named("cases", "channel", "pigeon"));
}
