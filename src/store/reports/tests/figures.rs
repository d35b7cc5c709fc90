//! The county lead's November: each centre's own figures, rolled up the tree, the levels.
use super::*;
use crate::domain::centre_report::Tally;
use crate::domain::ladder::Level;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn each_figure_goes_to_one_centre() {
    let mut m = november();
    let lead = m.c.county_lead;
    m.c.store.view_as(lead).unwrap();
    let f =
        m.c.store
            .centre_figures(d(11, 1), d(11, 30), now())
            .unwrap();
    let v1 = f.own(V1);
    // A, B and C were received at V1; only A was resolved there; B's session and agreement
    // count where it was resolved (T1); C is open past its deadline; V1 handed B up and sent
    // E back.
    assert_eq!(
        (v1.received, v1.resolved, v1.mediated, v1.agreements),
        (3, 1, 1, 1)
    );
    assert_eq!((v1.overdue, v1.handed_up, v1.returned), (1, 1, 1));
    assert_eq!(v1.resolved_at, [1, 0, 0]);
    assert_eq!(v1.by_category["neighbour"].received, 3);
    assert_eq!(v1.by_category["neighbour"].resolved, 1);
    // Two village stays ended at V1: A's 2¼ days to its agreement, B's 3 days 3 hours to
    // T1's sign-off; C's is still open.
    assert_eq!(v1.stays, [2, 0, 0]);
    assert!(close(v1.stay_days[0], 2.25 + 3.125), "{:?}", v1.stay_days);
    let t1 = f.own(T1);
    assert_eq!(
        (t1.received, t1.resolved, t1.mediated, t1.agreements),
        (0, 1, 1, 1)
    );
    assert_eq!(t1.resolved_at, [0, 1, 0]);
    assert_eq!(t1.stays, [0, 1, 0]);
    assert!(close(t1.stay_days[1], 2.0 + 22.0 / 24.0));
    let main = f.own(MAIN);
    assert_eq!(
        (main.received, main.handed_down, main.overdue, main.resolved),
        (1, 1, 1, 0)
    );
    assert_eq!((f.own(V3).received, f.own(V3).overdue), (1, 1));
    assert!(f.own(V2).is_zero(), "{:?}", f.own(V2));
    assert!(f.own(T2).is_zero());
}

#[test]
fn a_centre_includes_every_centre_below_it() {
    let mut m = november();
    let lead = m.c.county_lead;
    m.c.store.view_as(lead).unwrap();
    let f =
        m.c.store
            .centre_figures(d(11, 1), d(11, 30), now())
            .unwrap();
    let t1 = f.rolled_up(T1);
    assert_eq!((t1.received, t1.resolved, t1.overdue), (3, 2, 1));
    assert_eq!(t1.level_share(Level::Village), Some(0.5));
    assert_eq!(t1.level_share(Level::Township), Some(0.5));
    let t2 = f.rolled_up(T2);
    assert_eq!((t2.received, t2.overdue), (1, 1));
    assert!(!t2.is_zero(), "V3's case is T2's to report");
    let county = f.rolled_up(MAIN);
    assert_eq!(county, f.total());
    assert_eq!(
        (county.received, county.resolved, county.overdue),
        (5, 2, 3)
    );
    assert_eq!(
        (county.handed_up, county.handed_down, county.returned),
        (1, 1, 1)
    );
    assert_eq!(county.level_share(Level::County), Some(0.0));
    assert!(close(
        county.mean_stay_days(Level::Village).unwrap(),
        (2.25 + 3.125) / 2.0
    ));
    let rows: Vec<(usize, &str)> = f
        .rows(None)
        .iter()
        .map(|(d, c)| (*d, c.code.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            (0, "MAIN"),
            (1, "T1"),
            (2, "V1"),
            (2, "V2"),
            (1, "T2"),
            (2, "V3")
        ]
    );
}

#[test]
fn a_month_with_nothing_is_a_zero_report_everywhere() {
    let mut m = november();
    let lead = m.c.county_lead;
    m.c.store.view_as(lead).unwrap();
    let f =
        m.c.store
            .centre_figures(d(10, 1), d(10, 31), now())
            .unwrap();
    assert_eq!(f.own.len(), 6, "every centre seen has its (empty) figures");
    assert!(f.own.values().all(Tally::is_zero));
    assert!(f.rolled_up(MAIN).is_zero());
    // The hand-overs of a period are those sent in it, whatever the case's intake date.
    let dec =
        m.c.store
            .centre_figures(d(12, 1), d(12, 31), now())
            .unwrap();
    assert!(dec.total().is_zero());
    let late =
        m.c.store
            .centre_figures(d(11, 27), d(11, 27), now())
            .unwrap();
    assert_eq!(late.own(V1).handed_up, 1);
    assert_eq!(late.own(V1).received, 0);
}
