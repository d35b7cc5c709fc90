//! A stored code onedoor does not know is an error naming its table and column, never a default.
use super::*;
use crate::domain::shift::Shift;
use crate::store::testing::assert_unknown_code as unknown;

#[test]
fn unknown_case_codes_are_errors_naming_table_and_column() {
    let fx = fixture();
    let c1 = fx.ids[0];
    let conn = &fx.store.lite_conn();
    conn.execute_batch("PRAGMA ignore_check_constraints = ON")
        .unwrap();
    let set = |sql: &str| {
        let sql = format!("UPDATE cases SET {sql} WHERE id = ?1");
        conn.execute(&sql, [c1]).unwrap()
    };
    let sheet = || fx.store.handover_sheet(&super::sheet::request(Shift::Day));
    let stats = || fx.store.stats(d(11, 1), d(11, 30));
    set("colour = 9");
    unknown(sheet(), "cases", "colour", "9");
    unknown(stats(), "cases", "colour", "9");
    set("colour = 0, status = 'lost'");
    unknown(sheet(), "cases", "status", "lost");
    unknown(stats(), "cases", "status", "lost");
    set("status = 'assigned', channel = 'pigeon'");
    unknown(stats(), "cases", "channel", "pigeon");
}
