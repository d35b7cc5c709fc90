//! A stored code onedoor does not know is an error naming its table and column, never a default.
use super::*;
use crate::store::testing::assert_unknown_code as unknown;

#[test]
fn unknown_followup_and_case_codes_are_errors_naming_table_and_column() {
    let mut t = setup();
    let id = case(&mut t, Some("M1"), Status::InMediation, "neighbour");
    let plan = FollowupPlan::default();
    t.s.record_agreement(t.m1, id, "道歉并修复", &plan, at(19))
        .unwrap();
    let no = t.s.case_brief(id).unwrap().case_no;
    let every = FollowupFilter {
        scope: FollowupScope::All,
        ..Default::default()
    };
    let first = all(&t, t.m1, &every, day(24))[0].id;
    let raw = |t: &T, sql: &str| {
        t.s.lite_conn()
            .execute_batch(&format!("PRAGMA ignore_check_constraints = ON; {sql}"))
            .unwrap()
    };
    let page = |t: &T| t.s.followup_page(t.m1, &every, day(24), None, 10);
    raw(&t, "UPDATE followups SET kind = 'lost'");
    unknown(page(&t), "followups", "kind", "lost");
    raw(
        &t,
        "UPDATE followups SET kind = 'agreement'; UPDATE cases SET status = 'lost'",
    );
    unknown(page(&t), "cases", "status", "lost");
    unknown(t.s.followup_case_by_no(&no), "cases", "status", "lost");
    let done = result(Performance::Fulfilled);
    let hours = ResponseHours::default();
    let recorded =
        t.s.record_followup(t.m1, first, &done, &hours, WEEKDAYS, at(26));
    unknown(recorded, "cases", "status", "lost");
    raw(&t, "UPDATE cases SET status = 'agreement', colour = 9");
    unknown(page(&t), "cases", "colour", "9");
    unknown(t.s.followup_case_by_no(&no), "cases", "colour", "9");
}
