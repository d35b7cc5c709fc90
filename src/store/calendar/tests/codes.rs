//! A stored code onedoor does not know is an error naming its table and column, never a default.
use super::*;
use crate::domain::session::SessionStatus;
use crate::store::testing::assert_unknown_code as unknown;

#[test]
fn unknown_session_and_case_codes_are_errors_naming_table_and_column() {
    let mut f = fix();
    let (m1, [r1, _], desk) = (f.m1, f.rooms, f.desk);
    let (c1, _) = case(&mut f, Some(m1.staff_id), None);
    let id = book(&mut f, desk, c1, m1.staff_id, r1, t(24, 9, 0), t(24, 10, 0)).unwrap();
    let raw = |f: &Fix, sql: &str| {
        f.s.lite_conn()
            .execute_batch(&format!("PRAGMA ignore_check_constraints = ON; {sql}"))
            .unwrap()
    };
    raw(&f, "UPDATE sessions SET level = 'province'");
    let level = ("sessions", "level", "province");
    unknown(f.s.session(id), level.0, level.1, level.2);
    let week = f.s.sessions_between(t(23, 0, 0), t(30, 0, 0));
    unknown(week, level.0, level.1, level.2);
    let held =
        f.s.record_session(m1, id, SessionStatus::Held, "", t(24, 16, 0));
    unknown(held, level.0, level.1, level.2);
    raw(&f, "UPDATE sessions SET level = 'village', status = 'lost'");
    unknown(f.s.session(id), "sessions", "status", "lost");
    let cancel = f.s.cancel_session(desk, id, "当事人生病", t(23, 9, 0));
    unknown(cancel, "sessions", "status", "lost");
    raw(
        &f,
        "UPDATE sessions SET status = 'booked'; UPDATE cases SET colour = 9",
    );
    unknown(f.s.session(id), "cases", "colour", "9");
    unknown(f.s.case_brief(c1), "cases", "colour", "9");
    raw(&f, "UPDATE cases SET colour = 1, level = 'province'");
    unknown(f.s.case_brief(c1), "cases", "level", "province");
    let again = book(&mut f, desk, c1, m1.staff_id, r1, t(25, 9, 0), t(25, 10, 0));
    unknown(again, "cases", "level", "province");
}
