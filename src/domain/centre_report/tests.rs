use super::*;
use crate::domain::centre::testing::county;
use chrono::NaiveDate;

fn day(d: u32, h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, d)
        .unwrap()
        .and_hms_opt(h, 0, 0)
        .unwrap()
}

fn stage(centre: i64, from: NaiveDateTime, until: Option<NaiveDateTime>) -> Stage {
    Stage {
        centre,
        from,
        until,
    }
}

#[test]
fn a_stay_runs_from_arrival_to_leaving_the_level_or_the_outcome() {
    let t = county();
    // Registered at V1 on the 2nd, signed for by T1 on the 5th, across to T2 on the 6th,
    // resolved there on the 9th at noon.
    let stages = [
        stage(4, day(2, 9), Some(day(5, 9))),
        stage(2, day(5, 9), Some(day(6, 9))),
        stage(3, day(6, 9), None),
    ];
    let stays = level_stays(&t, &stages, Some(day(9, 21)));
    assert_eq!(
        stays,
        [
            LevelStay {
                level: Level::Village,
                centre: 4,
                days: 3.0
            },
            // T1 then T2: one stay at the township level, ended at T2.
            LevelStay {
                level: Level::Township,
                centre: 3,
                days: 4.5
            },
        ]
    );
    // Still open at T2: the township stay has not ended and is left out.
    let open = level_stays(&t, &stages, None);
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].level, Level::Village);
}

fn tally(received: i64, resolved: i64, level: Level) -> Tally {
    let mut t = Tally {
        received,
        resolved,
        ..Tally::default()
    };
    t.resolved_at[level as usize] = resolved;
    t.by_category
        .insert("neighbour".into(), CategoryCount { received, resolved });
    t
}

#[test]
fn a_centre_rolls_up_what_is_below_it_and_only_what_is_seen() {
    let mut own = HashMap::new();
    own.insert(2, tally(1, 2, Level::Township));
    own.insert(4, tally(5, 3, Level::Village));
    own.insert(5, Tally::default());
    let f = CentreFigures {
        tree: county(),
        own,
        ..CentreFigures::default()
    };
    let t1 = f.rolled_up(2);
    assert_eq!((t1.received, t1.resolved), (6, 5));
    assert_eq!(t1.resolved_at, [3, 2, 0]);
    assert_eq!(t1.by_category["neighbour"].received, 6);
    assert_eq!(t1.level_share(Level::Village), Some(0.6));
    assert_eq!(t1.level_share(Level::County), Some(0.0));
    // The county is not seen (a township lead's view): rolling it up gives what is seen.
    assert_eq!(f.rolled_up(1), t1);
    assert_eq!(f.total(), t1);
    let rows: Vec<(usize, &str)> = f
        .rows(Some(2))
        .iter()
        .map(|(d, c)| (*d, c.code.as_str()))
        .collect();
    assert_eq!(rows, [(0, "T1"), (1, "V1"), (1, "V2")]);
    assert!(f.has_children(2));
    assert!(!f.has_children(3));
    assert!(f.own(5).is_zero());
    assert!(f.rolled_up(3).is_zero());
    assert!(!f.own(4).is_zero());
}

#[test]
fn zero_means_nothing_at_all_and_rates_need_a_denominator() {
    let mut t = Tally::default();
    assert!(t.is_zero());
    assert_eq!(t.success_rate(), None);
    assert_eq!(t.level_share(Level::Village), None);
    assert_eq!(t.mean_stay_days(Level::Village), None);
    t.returned = 1;
    assert!(!t.is_zero(), "a hand-over sent back is something to report");
    let mut t = Tally {
        mediated: 4,
        agreements: 3,
        ..Tally::default()
    };
    assert_eq!(t.success_rate(), Some(0.75));
    t.stays[1] = 2;
    t.stay_days[1] = 5.0;
    assert_eq!(t.mean_stay_days(Level::Township), Some(2.5));
    assert!(resolves(Status::Agreement) && resolves(Status::AnsweredAtDesk));
    assert!(!resolves(Status::NoAgreement) && !resolves(Status::Closed));
}

#[test]
fn rows_are_indented_below_the_centres_listed_above_them() {
    let mut own = HashMap::new();
    for id in [2, 4, 5] {
        own.insert(id, Tally::default());
    }
    let f = CentreFigures {
        tree: county(),
        own,
        ..CentreFigures::default()
    };
    // The county is not seen: T1 heads the list, its villages one step in.
    let rows: Vec<(usize, &str)> = f
        .rows(None)
        .iter()
        .map(|(d, c)| (*d, c.code.as_str()))
        .collect();
    assert_eq!(rows, [(0, "T1"), (1, "V1"), (1, "V2")]);
    let v1: Vec<(usize, &str)> = f
        .rows(Some(4))
        .iter()
        .map(|(d, c)| (*d, c.code.as_str()))
        .collect();
    assert_eq!(v1, [(0, "V1")]);
}
