//! Two desks answering one hand-over at the same moment, on two connections to one file:
//! SQLite serialises the writers and each checks the state inside its IMMEDIATE transaction,
//! so exactly one wins and the other is told the hand-over is no longer pending.
use super::*;
use crate::domain::ladder::Level;
use crate::domain::transfer::{ReturnCode, TransferRule};
use crate::store::centres::NewCentre;
use std::sync::{Arc, Barrier};

/// The county of the fixture, on a file: (path's dir, county lead, T1's two desks, V1's desk).
fn county_file() -> (tempfile::TempDir, std::path::PathBuf, [Actor; 4]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("county.db");
    let mut s = Store::create(&path).unwrap();
    let lead = crate::store::testing::add_staff(&mut s, None, "L1", Role::Lead, at(8, 0));
    for (code, level, parent) in [
        ("T1", Level::Township, "MAIN"),
        ("V1", Level::Village, "T1"),
    ] {
        let c = NewCentre {
            code: code.into(),
            name: format!("{code}中心"),
            level,
            parent: Some(parent.into()),
            address: String::new(),
            phone: String::new(),
        };
        s.add_centre(lead, &c, at(8, 0)).unwrap();
    }
    let d1 = staff_at(&mut s, lead, "TD1", Role::Desk, 2);
    let d2 = staff_at(&mut s, lead, "TD2", Role::Desk, 2);
    let v1 = staff_at(&mut s, lead, "VD1", Role::Lead, 3);
    (dir, path, [lead, d1, d2, v1])
}

#[test]
fn of_two_desks_answering_at_once_exactly_one_wins() {
    let (_dir, path, [_, d1, d2, v1]) = county_file();
    for round in 0..6 {
        let mut s = Store::open(&path).unwrap();
        let id = case_by(&mut s, v1, &format!("张伟{round}"));
        s.hand_up(v1, id, "村里管不了", at(10, 0)).unwrap();
        drop(s);
        let go = Arc::new(Barrier::new(2));
        let answer = |who: Actor, sign: bool| {
            let (path, go) = (path.clone(), go.clone());
            std::thread::spawn(move || {
                let mut s = Store::open(&path).unwrap();
                go.wait();
                if sign {
                    s.sign(who, id, &hours(), at(11, 0))
                } else {
                    s.return_transfer(
                        who,
                        id,
                        ReturnCode::OutsideRemit,
                        "",
                        "不属受理范围",
                        at(11, 0),
                    )
                }
            })
        };
        // Both sign in even rounds; one signs while the other returns in odd ones.
        let a = answer(d1, true);
        let b = answer(d2, round % 2 == 0);
        let results = [a.join().unwrap(), b.join().unwrap()];
        let won = results.iter().filter(|r| r.is_ok()).count();
        assert_eq!(won, 1, "round {round}: {results:?}");
        for r in results.into_iter().filter(|r| r.is_err()) {
            refused(r, TransferRule::NotPending);
        }
        let s = Store::open(&path).unwrap();
        let answered: i64 = s
            .lite_conn()
            .query_row(
                "SELECT count(*) FROM audit WHERE case_id = ?1
                     AND action IN ('transfer.sign', 'transfer.return')",
                [id],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(answered, 1);
    }
}
