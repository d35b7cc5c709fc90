//! The statistics of a period: counts, rates, groups, per-day figures and follow-ups.
use super::*;

#[test]
fn statistics_of_a_month() {
    let fx = fixture();
    let st = fx.store.stats(d(11, 30), d(11, 1)).unwrap(); // reversed bounds are swapped
    assert_eq!((st.from, st.to), (d(11, 1), d(11, 30)));
    assert_eq!(st.received, 5);
    assert_eq!(st.closed, 3);
    assert_eq!(st.resolved, 2);
    assert_eq!(st.mediated, 3);
    assert_eq!(st.agreements, 1);
    assert_eq!(st.success_rate(), Some(1.0 / 3.0));
    assert_eq!(st.resolution_rate(), Some(0.4));
    assert_eq!(st.closure_rate(), Some(0.6));
    assert_eq!(st.repeat_cases, 1);
    assert_eq!(st.repeat_rate(), Some(0.2));
    let mean = st.first_session_mean_days.unwrap();
    assert!(
        (mean - (1.0 / 24.0 + 2.0 + 4.0) / 3.0).abs() < 1e-9,
        "{mean}"
    );
    assert_eq!(st.first_session_median_days, Some(2.0));
    let colours: Vec<(&str, i64)> = st
        .by_colour
        .iter()
        .map(|g| (g.key.as_str(), g.received))
        .collect();
    assert_eq!(
        colours,
        [("red", 1), ("orange", 1), ("blue", 2), ("green", 1)]
    );
    let channels: Vec<(&str, i64)> = st
        .by_channel
        .iter()
        .map(|g| (g.key.as_str(), g.received))
        .collect();
    assert_eq!(channels, [("walk_in", 4), ("phone", 1)]);
    let cats: Vec<(&str, i64)> = st
        .by_category
        .iter()
        .map(|g| (g.key.as_str(), g.received))
        .collect();
    assert_eq!(
        cats,
        [("family.violence", 1), ("neighbour", 3), ("consumer", 1)]
    );
    let m1 = &st.by_mediator[0];
    assert_eq!(
        (
            m1.key.as_str(),
            m1.received,
            m1.mediated,
            m1.agreements,
            m1.closed,
            m1.resolved
        ),
        ("员工M1", 3, 3, 1, 2, 1)
    );
    assert_eq!(
        (st.by_mediator[1].key.as_str(), st.by_mediator[1].received),
        ("", 2)
    );
    assert_eq!(st.per_day.len(), 30);
    let busy: Vec<(u32, i64)> = st
        .per_day
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(d, n)| (chrono::Datelike::day(d), *n))
        .collect();
    assert_eq!(busy, [(10, 1), (11, 1), (12, 1), (24, 2)]);
    let f = &st.followups;
    assert_eq!(
        (
            f.due,
            f.done,
            f.on_time,
            f.fulfilled,
            f.partly,
            f.breached,
            f.unreachable
        ),
        (4, 2, 1, 1, 0, 1, 0)
    );
    assert_eq!(f.fulfilment_rate(), Some(0.5));
    assert_eq!(f.on_time_rate(), Some(0.5));
    assert_eq!(st.satisfaction, [0, 1, 0, 0, 1]);
    assert_eq!(st.satisfaction_mean(), Some(3.5));
}

#[test]
fn empty_period_has_no_rates() {
    let fx = fixture();
    let st = fx.store.stats(d(1, 1), d(1, 31)).unwrap();
    assert_eq!(st.received, 0);
    assert_eq!(st.success_rate(), None);
    assert_eq!(st.satisfaction_mean(), None);
    assert_eq!(st.first_session_median_days, None);
    assert_eq!(st.per_day.len(), 31);
}
