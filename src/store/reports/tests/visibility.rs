//! Reports answer within the asker's view: a township lead's figures hold no other township's,
//! a village clerk's only their village's.
use super::*;

#[test]
fn a_township_lead_reports_on_their_township_only() {
    let mut m = november();
    let lead = m.c.t1_lead;
    m.c.store.view_as(lead).unwrap();
    let f =
        m.c.store
            .centre_figures(d(11, 1), d(11, 30), now())
            .unwrap();
    let mut seen: Vec<i64> = f.own.keys().copied().collect();
    seen.sort();
    assert_eq!(seen, [T1, V1, V2]);
    let total = f.total();
    // A, B, C: not D (V3) nor E (received and kept at the county).
    assert_eq!((total.received, total.resolved, total.overdue), (3, 2, 1));
    assert_eq!(total.handed_down, 0, "the county's hand-down is not T1's");
    assert_eq!(f.rolled_up(MAIN), total, "above T1 only T1's own are seen");
    let codes: Vec<&str> = f.rows(None).iter().map(|(_, c)| c.code.as_str()).collect();
    assert_eq!(codes, ["T1", "V1", "V2"]);
}

#[test]
fn a_village_clerk_reports_on_their_village_only() {
    let mut m = november();
    let desk = m.c.v1_desk;
    m.c.store.view_as(desk).unwrap();
    let f =
        m.c.store
            .centre_figures(d(11, 1), d(11, 30), now())
            .unwrap();
    assert_eq!(f.own.keys().copied().collect::<Vec<_>>(), [V1]);
    let v1 = f.own(V1);
    assert_eq!((v1.received, v1.resolved), (3, 1));
    // B went up and was resolved at T1: V1's clerk does not see that resolution counted.
    assert_eq!(f.total().resolved, 1);
    m.c.store.view_as(m.c.v2_desk).unwrap();
    let f =
        m.c.store
            .centre_figures(d(11, 1), d(11, 30), now())
            .unwrap();
    assert!(f.total().is_zero(), "V2's clerk sees nothing of V1's month");
}
