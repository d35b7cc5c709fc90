//! The calendar's store calls end to end on both engines, now that the
//! centres' access checks run on either: a case registered, a session booked, moved and
//! cancelled — with their checks and audit entries.
use crate::domain::risk::ResponseHours;
use crate::domain::role::Role;
use crate::store::testing::{add_staff, both_engines};
use crate::store::*;
use chrono::{NaiveDate, NaiveDateTime};

fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, d)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

#[test]
fn booking_moving_and_cancelling_through_the_store_on_both_engines() {
    both_engines(|s| {
        let lead = add_staff(s, None, "L1", Role::Lead, at(1, 8, 0));
        let m1 = add_staff(s, Some(lead), "M1", Role::Mediator, at(1, 8, 0));
        let applicant = NewParty::named("王秀英", Some("13800138000"));
        let case = s
            .create_case(
                lead,
                &NewCase::walk_in(at(3, 9, 0), "neighbour", "楼上漏水", applicant),
                &ResponseHours::default(),
            )
            .unwrap();
        let booking = NewSession {
            case_id: case.id,
            mediators: vec![m1.staff_id],
            room_id: None,
            start: at(4, 10, 0),
            end: at(4, 11, 0),
        };
        let id = s.book_session(lead, &booking, at(3, 9, 5)).unwrap();
        // The same mediator at the same hour again: the booking rules name the clash.
        let again = NewSession {
            start: at(4, 10, 30),
            end: at(4, 11, 30),
            ..booking.clone()
        };
        assert!(
            matches!(
                s.book_session(lead, &again, at(3, 9, 6)),
                Err(StoreError::Booking(_))
            ),
            "{:?}",
            s.engine()
        );
        s.move_session(
            lead,
            id,
            at(7, 14, 0),
            at(7, 15, 0),
            None,
            "当事人出差",
            at(3, 9, 7),
        )
        .unwrap();
        s.cancel_session(lead, id, "已自行和解", at(3, 9, 8))
            .unwrap();
        let status: String = s
            .db()
            .one("SELECT status FROM sessions WHERE id = ?1", &[&id])
            .unwrap();
        assert_eq!(status, "cancelled");
        let audited = s.number(
            "SELECT CAST(COUNT(*) AS BIGINT) FROM audit WHERE case_id = ?1",
            &[&case.id],
        );
        assert!(audited >= 3, "{audited} on {:?}", s.engine());
    });
}
