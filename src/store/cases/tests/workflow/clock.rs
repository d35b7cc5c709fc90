//! The case's clock: waiting pauses it, the mediation term is extended with consent.
use super::*;

#[test]
fn waiting_pauses_the_clock_and_moving_on_restarts_it_with_the_time_left() {
    use crate::domain::case_filter::{CaseFilter, Chip, Sort, Waiting};
    let (mut s, [lead, _, m1, m2], id) = setup();
    let now = at(20, 10); // received 20th 09:00, blue: response deadline 27th 09:00
    s.assign_case(lead, id, m1.staff_id, "", now).unwrap();
    assert!(matches!(
        s.start_waiting(m2, id, Waiting::Party, "", now),
        Err(StoreError::Forbidden)
    ));
    s.start_waiting(m1, id, Waiting::Documents, "等病历", now)
        .unwrap();
    assert_eq!(
        s.start_waiting(m1, id, Waiting::Party, "", now)
            .unwrap_err()
            .i18n_key(),
        "err.cases.already_waiting"
    );
    let d = s.case_detail(id).unwrap();
    assert_eq!(
        (d.row.waiting, d.row.deadline_at),
        (Some(Waiting::Documents), None)
    );
    // Long after the old deadline it is not overdue: the clock is stopped.
    let later = at(29, 10);
    let overdue = CaseFilter {
        chips: vec![Chip::Overdue],
    };
    assert!(
        s.case_page(&overdue, Sort::default(), None, false, 10, later)
            .unwrap()
            .is_empty()
    );
    // An attempt moves the case on: the clock restarts with the 10 days 23 h that were left
    // (blue: 7 working days from Friday 11-20 09:00 = Tuesday 12-01 09:00),
    // then the first attempt turns the deadline into the mediation term.
    s.record_attempt(m1, id, "材料已到，开始调解", later)
        .unwrap();
    let d = s.case_detail(id).unwrap();
    assert_eq!(d.row.waiting, None);
    let acts: Vec<String> = d.timeline.iter().map(|a| a.action.clone()).collect();
    assert!(acts.contains(&"case.wait".to_string()) && acts.contains(&"case.resume".to_string()));
    let resumed = d
        .timeline
        .iter()
        .find(|a| a.action == "case.resume")
        .unwrap();
    assert_eq!(resumed.new, "2026-12-10 09:00:00");
    // A manual stop works too.
    s.start_waiting(m1, id, Waiting::Party, "", later).unwrap();
    s.stop_waiting(m1, id, at(30, 10)).unwrap();
    assert!(s.case_detail(id).unwrap().row.deadline_at.is_some());
}

#[test]
fn term_extension_needs_consent_the_owner_or_a_lead_and_is_audited() {
    let (mut s, [lead, desk, m1, m2], id) = setup();
    let now = at(24, 10);
    s.assign_case(desk, id, m1.staff_id, "", now).unwrap();
    // Not in mediation yet.
    assert!(matches!(
        s.extend_term(m1, id, 15, "双方同意", now),
        Err(StoreError::Case(CaseRule::NotInMediation))
    ));
    s.record_attempt(m1, id, "见面", now).unwrap();
    let term = s.case_detail(id).unwrap().term_ends();
    assert!(matches!(
        s.extend_term(m1, id, 15, "  ", now),
        Err(StoreError::Case(CaseRule::NoConsent))
    ));
    assert!(matches!(
        s.extend_term(m1, id, 0, "双方同意", now),
        Err(StoreError::Case(CaseRule::ExtensionDays))
    ));
    for who in [m2, desk] {
        assert!(matches!(
            s.extend_term(who, id, 15, "双方同意", now),
            Err(StoreError::Forbidden)
        ));
    }
    // Term 12-21 17:30 + 15 days = Tuesday 2027-01-05 17:30 (a working day).
    let end = s
        .extend_term(m1, id, 15, "双方电话同意 11-24", now)
        .unwrap();
    assert_eq!(end, term + Duration::days(15));
    let d = s.case_detail(id).unwrap();
    assert_eq!(d.row.deadline_at, Some(end));
    assert_eq!(d.term_ends(), end);
    let ext = d
        .timeline
        .iter()
        .find(|a| a.action == "case.extend")
        .unwrap();
    assert_eq!(ext.new, to_sql(end));
    assert!(d.timeline.iter().any(|a| a.action == "case.consent"));
    // A lead may extend too, from the extended end.
    let again = s.extend_term(lead, id, 1, "双方书面同意", now).unwrap();
    assert_eq!(again, end + Duration::days(1));
}
