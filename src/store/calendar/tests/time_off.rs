//! Holidays and leave: refused bookings, the slot search, leave over a booked session.
use super::*;

#[test]
fn holidays_and_leave_refuse_bookings_and_feed_the_slot_search() {
    let mut f = fix();
    let (c1, _) = case(&mut f, None, None);
    let (m1, [r1, _]) = (f.m1.staff_id, f.rooms);
    let (desk, lead) = (f.desk, f.lead);
    let d25 = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let d26 = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    assert!(matches!(
        f.s.add_holiday(desk, d25, "x"),
        Err(StoreError::Forbidden)
    ));
    f.s.add_holiday(lead, d25, "调休").unwrap();
    f.s.add_leave(lead, m1, d26, d26, "年假", t(23, 8, 0))
        .unwrap();
    let e = book(&mut f, desk, c1, m1, r1, t(25, 9, 0), t(25, 10, 0)).unwrap_err();
    assert!(matches!(e, StoreError::Booking(BookingRule::Holiday)));
    let e = book(&mut f, desk, c1, m1, r1, t(26, 9, 0), t(26, 10, 0)).unwrap_err();
    assert!(matches!(e, StoreError::Booking(BookingRule::Leave)));
    book(&mut f, desk, c1, m1, r1, t(24, 8, 30), t(24, 17, 30)).unwrap();
    let busy =
        f.s.busy_spans(&[m1], Some(r1), Some(c1), t(24, 8, 0), t(30, 0, 0))
            .unwrap();
    let cal = f.s.desk_calendar(desk.staff_id, d25).unwrap();
    assert_eq!(cal.holidays, vec![d25]);
    let slot =
        crate::domain::slots::next_free(&cal, &busy, t(24, 8, 0), chrono::Duration::hours(1), None)
            .unwrap();
    assert_eq!(slot.start, t(27, 8, 30));
    // Leave over a booked session is refused.
    let e = f.s.add_leave(
        lead,
        m1,
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
        d26,
        "",
        t(23, 8, 0),
    );
    assert!(matches!(
        e,
        Err(StoreError::Booking(BookingRule::LeaveHasSessions))
    ));
}
