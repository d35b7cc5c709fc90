//! The county demo's cases move between its centres through the store's hand-overs: read
//! back from the store (not the generator's report), there are hand-ups signed at both levels,
//! returns, hand-downs signed, sent back and overruled, some awaiting sign-off today (one past
//! its reply deadline at the default size), and each case's history tells every hand-over as
//! it happened.
use super::{DEMO_LEAD, DemoOptions, generate_county};
use crate::domain::ladder::Level;
use crate::domain::transfer::{TransferKind, TransferState};
use crate::store::{Actor, Store, TransferLine};
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::HashMap;

fn at(h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

/// The hand-overs of a demo of `cases` cases, by kind, state and the level they went to, with
/// those pending past their reply deadline; every case's history checked on the way.
fn flows(cases: u32) -> (HashMap<(TransferKind, TransferState, Level), u32>, u32) {
    let now = at(10, 30);
    let mut s = Store::open_in_memory().unwrap();
    let opts = DemoOptions {
        cases,
        seed: 1,
        now,
    };
    let report = generate_county(&mut s, &opts, "1234").unwrap();
    let m = s.staff_by_code(DEMO_LEAD).unwrap().unwrap();
    s.view_as(Actor {
        staff_id: m.id,
        role: m.role,
    })
    .unwrap();
    let tree = s.centre_tree().unwrap();
    let (mut by, mut late) = (HashMap::new(), 0);
    for id in 1..=s.case_count().unwrap() {
        let passage = s.transfers_of(id).unwrap();
        if passage.transfers.is_empty() {
            continue;
        }
        history_tells(&s, id, &passage.transfers);
        for t in &passage.transfers {
            let to = tree.get(t.to_centre).unwrap().level;
            *by.entry((t.kind, t.state, to)).or_insert(0) += 1;
            late += u32::from(t.is_overdue(now));
        }
    }
    let signed_up = |l| {
        by.get(&(TransferKind::Up, TransferState::Signed, l))
            .copied()
    };
    let up = report.flows.up_signed;
    assert_eq!(signed_up(Level::Township).unwrap_or(0), up[0] as u32);
    assert_eq!(signed_up(Level::County).unwrap_or(0), up[1] as u32);
    (by, late)
}

/// The case's history (its audit trail) tells each hand-over at its time: sent from where to
/// where, signed for, returned, overruled; the case moves (centre) exactly when a hand-over is
/// signed for or overruled, from where it was to the receiver; it ends where the last one went.
fn history_tells(s: &Store, id: i64, transfers: &[TransferLine]) {
    let tree = s.centre_tree().unwrap();
    let code = |c: i64| tree.get(c).unwrap().code.clone();
    let d = s.case_detail(id).unwrap();
    let has = |action: &str, t: Option<NaiveDateTime>, old: &str, new: &str| {
        let at = t.expect("a time").format("%Y-%m-%d %H:%M:%S").to_string();
        d.timeline
            .iter()
            .any(|a| a.action == action && a.at == at && a.old == old && a.new.starts_with(new))
    };
    let mut arrivals = Vec::new();
    for t in transfers {
        let (from, to) = (code(t.from_centre), code(t.to_centre));
        let sent = match t.kind {
            TransferKind::Up => "transfer.up",
            TransferKind::Down => "transfer.down",
            TransferKind::Across => "transfer.across",
        };
        assert!(
            has(sent, Some(t.sent_at), &from, &to),
            "{} {t:?}",
            d.row.case_no
        );
        let arrived = match t.state {
            TransferState::Pending | TransferState::Withdrawn => None,
            TransferState::Signed => {
                assert!(has("transfer.sign", t.answered_at, "pending", "signed"));
                t.answered_at
            }
            TransferState::Returned | TransferState::Overruled => {
                assert!(has("transfer.return", t.answered_at, "pending", ""));
                assert!(t.return_code.is_some() && !t.return_note.is_empty());
                (t.state == TransferState::Overruled).then(|| {
                    assert!(has("transfer.overrule", t.overruled_at, "returned", ""));
                    t.overruled_at.unwrap()
                })
            }
        };
        if let Some(when) = arrived {
            assert!(has("transfer.move", Some(when), &from, &to), "{t:?}");
            assert!(t.sent_at < when);
            arrivals.push(t.to_centre);
        }
        // Only the latest hand-over can still be pending.
        let last = std::ptr::eq(t, transfers.last().unwrap());
        assert!(
            last || t.state != TransferState::Pending,
            "{}",
            d.row.case_no
        );
    }
    let moves = d
        .timeline
        .iter()
        .filter(|a| a.action == "transfer.move" && a.field == "centre_id")
        .count();
    assert_eq!(moves, arrivals.len(), "{}", d.row.case_no);
    let stage = s.transfers_of(id).unwrap().stages.pop().unwrap();
    let here = arrivals.last().copied().unwrap_or(transfers[0].from_centre);
    assert_eq!(
        (stage.centre, stage.until),
        (here, None),
        "{}",
        d.row.case_no
    );
    assert_eq!(d.row.level, tree.get(here).unwrap().level);
}

/// At the default size (`onedoor demo`): every road taken, two hand-downs awaiting a village's
/// sign-off today, one of them past its reply deadline.
#[test]
fn the_county_demo_moves_cases_through_the_hand_overs() {
    let (by, late) = flows(2000);
    let n = |k, st, l| by.get(&(k, st, l)).copied().unwrap_or(0);
    use {Level::*, TransferKind::*, TransferState::*};
    assert!(n(Up, Signed, Township) >= 50, "{by:?}");
    assert!(n(Up, Signed, County) >= 5, "{by:?}");
    assert!(n(Up, Returned, Township) >= 2, "{by:?}");
    assert!(n(Down, Signed, Village) >= 5, "{by:?}");
    assert_eq!(n(Down, Returned, Village), 1, "{by:?}");
    assert_eq!(n(Down, Overruled, Village), 1, "{by:?}");
    assert_eq!(n(Down, Pending, Village), 2, "{by:?}");
    assert_eq!(late, 1, "{by:?}");
    assert_eq!(n(Across, Signed, Township) + n(Up, Withdrawn, Township), 0);
}

/// A smaller county moves fewer cases, and leaves none waiting past its reply deadline: one
/// overdue case would be too large a share of its few open ones.
#[test]
fn a_small_county_demo_moves_cases_but_leaves_none_overdue() {
    let (by, late) = flows(600);
    let n = |k, st, l| by.get(&(k, st, l)).copied().unwrap_or(0);
    use {Level::*, TransferKind::*, TransferState::*};
    assert!(n(Up, Signed, Township) >= 10, "{by:?}");
    assert!(n(Up, Signed, County) >= 1, "{by:?}");
    assert!(n(Down, Signed, Village) >= 1, "{by:?}");
    assert_eq!(n(Down, Overruled, Village), 1, "{by:?}");
    assert_eq!(late, 0, "{by:?}");
}
