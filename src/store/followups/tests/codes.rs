//! A stored code onedoor does not know is an error naming its table and column, never a default.
use super::*;

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
fn unknown_followup_and_case_codes_are_errors_naming_table_and_column() {
    let mut t = setup();
    let id = case(&mut t, Some("M1"), Status::InMediation, "neighbour");
    t.s.record_agreement(t.m1, id, "道歉并修复", &FollowupPlan::default(), at(19))
        .unwrap();
    let no: String =
        t.s.conn
            .query_row("SELECT case_no FROM cases WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .unwrap();
    let every = FollowupFilter {
        scope: FollowupScope::All,
        ..Default::default()
    };
    let first = all(&t, t.m1, &every, day(24))[0].id;
    let raw = |t: &T, sql: &str| {
        t.s.conn
            .execute_batch(&format!("PRAGMA ignore_check_constraints = ON; {sql}"))
            .unwrap()
    };
    let page = |t: &T| t.s.followup_page(t.m1, &every, day(24), None, 10);
    raw(&t, "UPDATE followups SET kind = 'lost'");
    assert_eq!(unknown(page(&t)), named("followups", "kind", "lost"));
    raw(
        &t,
        "UPDATE followups SET kind = 'agreement'; UPDATE cases SET status = 'lost'",
    );
    let status = named("cases", "status", "lost");
    assert_eq!(unknown(page(&t)), status);
    assert_eq!(unknown(t.s.followup_case_by_no(&no)), status);
    let r = result(Performance::Fulfilled);
    let recorded =
        t.s.record_followup(t.m1, first, &r, &ResponseHours::default(), WEEKDAYS, at(26));
    assert_eq!(unknown(recorded), status);
    raw(&t, "UPDATE cases SET status = 'agreement', colour = 9");
    let colour = named("cases", "colour", "9");
    assert_eq!(unknown(page(&t)), colour);
    assert_eq!(unknown(t.s.followup_case_by_no(&no)), colour);
}
