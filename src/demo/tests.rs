//! The demo data follows the desk's rules, so a demo list never mixes two deadline rules.
use super::{DemoOptions, generate};
use crate::domain::risk::ResponseHours;
use crate::domain::status::Status;
use crate::store::Store;
use chrono::NaiveDate;

#[test]
fn demo_deadlines_count_working_time_as_a_saved_case_does() {
    let mut s = Store::open_in_memory().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let opts = DemoOptions {
        cases: 200,
        seed: 5,
        today,
    };
    generate(&mut s, &opts, "1234").unwrap();
    let ids: Vec<i64> = (1..=s.case_count().unwrap()).collect();
    let rows = s.case_rows(&ids).unwrap();
    assert_eq!(rows.len(), 200);
    let mut weekend_or_evening = 0;
    for r in rows {
        let cal = s.deadline_calendar(r.received_at.date()).unwrap();
        let want = match r.status {
            Status::InMediation => Some(cal.mediation_term(r.received_at)),
            _ => cal.response(&ResponseHours::default(), r.colour, r.received_at),
        };
        assert_eq!(r.deadline_at, want, "{} {:?}", r.case_no, r.status);
        // A clock-hour deadline would often fall on a day off; a working-time one never does
        // (red aside: seen the same day).
        if let Some(d) = r
            .deadline_at
            .filter(|_| r.colour != crate::domain::risk::Colour::Red)
            && !cal.work.is_working_day(d.date())
        {
            weekend_or_evening += 1;
        }
    }
    assert_eq!(weekend_or_evening, 0);
}
