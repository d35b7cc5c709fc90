//! What a connection sees, on both engines: the per-connection list of visible centres (a TEMP
//! table on SQLite and on PostgreSQL) and the tree's reads.
use crate::domain::role::Role;
use crate::store::testing::{add_staff, both_engines};
use chrono::NaiveDate;

#[test]
fn a_record_alone_is_one_centre_every_connection_sees_on_both_engines() {
    both_engines(|s| {
        let at = NaiveDate::from_ymd_opt(2026, 12, 3)
            .unwrap()
            .and_hms_opt(8, 0, 0)
            .unwrap();
        assert_eq!(s.visible_centres().unwrap(), [1], "{:?}", s.engine());
        let lead = add_staff(s, None, "L1", Role::Lead, at);
        let desk = add_staff(s, Some(lead), "D1", Role::Desk, at);
        assert_eq!(s.view_as(desk).unwrap(), [1]);
        assert_eq!(s.visible_centres().unwrap(), [1]);
        let tree = s.centre_tree().unwrap();
        assert_eq!(tree.len(), 1);
        assert_eq!(s.staff_centre(desk.staff_id).unwrap().code, "MAIN");
    });
}
