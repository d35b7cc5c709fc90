//! Collisions of mediators, rooms and parties, across midnight and between two desks at once.
use super::*;

#[test]
fn back_to_back_is_fine_overlap_is_refused_with_what_collides() {
    let mut f = fix();
    let (c1, _) = case(&mut f, None, None);
    let (c2, _) = case(&mut f, None, None);
    let (m1, m2, [r1, r2]) = (f.m1.staff_id, f.m2, f.rooms);
    let desk = f.desk;
    book(&mut f, desk, c1, m1, r1, t(24, 9, 0), t(24, 10, 0)).unwrap();
    book(&mut f, desk, c2, m1, r1, t(24, 10, 0), t(24, 11, 0)).expect("back to back");
    let c = clash(book(&mut f, desk, c2, m1, r2, t(24, 9, 30), t(24, 10, 0)));
    assert!(matches!(c.with, ClashWith::Mediator(ref m) if m.contains("M1")));
    assert_eq!((c.start, c.end), (t(24, 9, 0), t(24, 10, 0)));
    let no1 = f.s.case_brief(c1).unwrap().case_no;
    assert_eq!(c.case_no, no1);
    let c = clash(book(&mut f, desk, c2, m2, r1, t(24, 8, 30), t(24, 9, 1)));
    assert_eq!(c.with, ClashWith::Room("第一调解室".into()));
    // A cancelled session frees its slot.
    let id = f.s.sessions_between(t(24, 0, 0), t(25, 0, 0)).unwrap()[0].id;
    f.s.cancel_session(desk, id, "当事人生病", t(23, 9, 0))
        .unwrap();
    book(&mut f, desk, c2, m2, r1, t(24, 8, 30), t(24, 9, 30)).expect("freed");
}

#[test]
fn the_same_party_cannot_be_in_two_rooms_at_once() {
    let mut f = fix();
    let (c1, p) = case(&mut f, None, None);
    let (c2, _) = case(&mut f, None, Some(p));
    let (m1, m2, [r1, r2]) = (f.m1.staff_id, f.m2, f.rooms);
    let desk = f.desk;
    book(&mut f, desk, c1, m1, r1, t(24, 9, 0), t(24, 10, 0)).unwrap();
    let c = clash(book(&mut f, desk, c2, m2, r2, t(24, 9, 30), t(24, 10, 30)));
    assert_eq!(c.with, ClashWith::Party("张伟".into()));
}

#[test]
fn across_midnight_only_a_lead_and_the_night_blocks_the_morning() {
    let mut f = fix();
    let (c1, _) = case(&mut f, None, None);
    let (c2, _) = case(&mut f, None, None);
    let (m1, [r1, r2]) = (f.m1.staff_id, f.rooms);
    let (desk, lead) = (f.desk, f.lead);
    let e = book(&mut f, desk, c1, m1, r1, t(24, 23, 0), t(25, 1, 0)).unwrap_err();
    assert!(matches!(e, StoreError::Booking(BookingRule::Hours)));
    book(&mut f, lead, c1, m1, r1, t(24, 23, 0), t(25, 1, 0)).unwrap();
    let c = clash(book(&mut f, lead, c2, m1, r2, t(25, 0, 30), t(25, 1, 30)));
    assert_eq!(c.start, t(24, 23, 0));
    book(&mut f, lead, c2, m1, r2, t(25, 1, 0), t(25, 2, 0)).expect("back to back after midnight");
    // The night session shows on both days.
    assert_eq!(
        f.s.sessions_between(t(25, 0, 0), t(26, 0, 0))
            .unwrap()
            .len(),
        2
    );
}

/// Two desks, two connections, the same room at the same moment: exactly one wins.
#[test]
fn two_desks_booking_at_once_cannot_both_win() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.db");
    let mut f = fix_on(Store::create(&path).unwrap());
    let (c1, _) = case(&mut f, None, None);
    let (c2, _) = case(&mut f, None, None);
    let (desk, m1, m2, r1) = (f.desk, f.m1.staff_id, f.m2, f.rooms[0]);
    drop(f);
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(2));
    let handles: Vec<_> = [(c1, m1), (c2, m2)]
        .into_iter()
        .map(|(case_id, med)| {
            let (path, barrier) = (path.clone(), barrier.clone());
            std::thread::spawn(move || {
                let mut s = Store::open(&path).unwrap();
                let n = NewSession {
                    case_id,
                    mediators: vec![med],
                    room_id: Some(r1),
                    start: t(24, 9, 0),
                    end: t(24, 10, 0),
                };
                barrier.wait();
                s.book_session(desk, &n, t(23, 8, 0))
            })
        })
        .collect();
    let results: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let ok = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(ok, 1, "{results:?}");
    assert!(results.iter().any(|r| matches!(r, Err(StoreError::Booking(BookingRule::Clash(c))) if c.with == ClashWith::Room("第一调解室".into()))));
    let s = Store::open(&path).unwrap();
    assert_eq!(
        s.sessions_between(t(24, 0, 0), t(25, 0, 0)).unwrap().len(),
        1
    );
}
