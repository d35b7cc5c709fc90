//! After a hand-over (issue 14 items 3, 4): the centre that sent a case on reads it, read-only
//! (found by number, refused with Forbidden when it tries to work it, not in its lists); a
//! session it booked stays with it; the centre now handling it works it; others still see
//! nothing.
use super::lists::room_at;
use super::world;
use crate::domain::case_filter::{CaseFilter, Chip};
use crate::domain::risk::ResponseHours;
use crate::store::centres::fixture::at;
use crate::store::{NewSession, StoreError};

#[test]
fn the_sender_reads_a_case_it_handed_up_but_no_longer_works_it_nor_lists_it() {
    let mut w = world();
    let room = room_at(&mut w, "一村调解室", 4);
    let (v1, no) = (w.v1.id, w.v1.case_no.clone());
    let (v1_desk, v1_lead, t1_desk, v2_desk) = (w.c.v1_desk, w.v1_lead, w.c.t1_desk, w.c.v2_desk);
    let vm1 = w.c.v1_mediator.staff_id;
    let booking = NewSession {
        case_id: v1,
        mediators: vec![vm1],
        room_id: Some(room),
        start: at(15, 0),
        end: at(16, 0),
    };
    let s = w.as_(v1_desk);
    let session = s.book_session(v1_desk, &booking, at(13, 0)).unwrap();
    s.hand_up(v1_lead, v1, "涉及多个村，需镇里协调", at(13, 30))
        .unwrap();
    let s = w.as_(t1_desk);
    s.sign(t1_desk, v1, &ResponseHours::default(), at(14, 0))
        .unwrap();
    let open = CaseFilter {
        chips: vec![Chip::Open],
    };
    // V1 reads it by id, by number and by search, read-only; its lists are its own work.
    let s = w.as_(v1_desk);
    assert!(s.case_detail(v1).is_ok());
    assert_eq!(s.case_id_by_no(&no).unwrap(), Some(v1));
    let found: Vec<i64> = s
        .search_cases("1124-001", 10, at(17, 0))
        .unwrap()
        .iter()
        .map(|h| h.row.id)
        .collect();
    assert_eq!(found, [v1]);
    assert_eq!(s.count_cases(&open, at(17, 0)).unwrap(), 0);
    assert!(matches!(
        s.add_case_note(v1_desk, v1, "还在吗", at(14, 5)),
        Err(StoreError::Forbidden)
    ));
    // Its booked session stays with it: in its calendar, cancelled there.
    assert_eq!(s.sessions_between(at(0, 0), at(23, 0)).unwrap().len(), 1);
    s.cancel_session(v1_desk, session, "已上报镇里", at(14, 10))
        .unwrap();
    // T1 works it and lists it; V2 still learns nothing.
    let s = w.as_(t1_desk);
    assert_eq!(s.count_cases(&open, at(17, 0)).unwrap(), 2);
    s.add_case_note(t1_desk, v1, "已签收，约双方面谈", at(14, 20))
        .unwrap();
    let s = w.as_(v2_desk);
    assert!(matches!(s.case_detail(v1), Err(StoreError::NotFound)));
    assert!(matches!(
        s.add_case_note(v2_desk, v1, "x", at(14, 30)),
        Err(StoreError::NotFound)
    ));
}
