use super::fixture::{at, county, walk_in};
use super::*;
use crate::domain::risk::ResponseHours;
use crate::domain::role::Role;
use crate::store::NewStaff;

#[test]
fn a_database_from_before_centres_is_one_centre_with_its_numbers_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let mut c = rusqlite::Connection::open(&path).unwrap();
        c.pragma_update(None, "journal_mode", "wal").unwrap();
        let before = super::super::migrations::before_centres();
        super::super::migrations::migrate_to(&mut c, before).unwrap();
        c.execute_batch(
            "INSERT INTO settings (key, value) VALUES ('centre_name', '老城矛调中心');
             INSERT INTO staff (code, name, role, pin_hash, created_at)
                 VALUES ('L1', '王', 'lead', 'x', '2026-11-01 08:00:00');
             INSERT INTO case_counters (day, last) VALUES ('2026-11-24', 7);",
        )
        .unwrap();
    }
    let mut s = Store::open(&path).unwrap();
    let tree = s.centre_tree().unwrap();
    assert_eq!(tree.len(), 1);
    let only = &tree.all()[0];
    assert_eq!(
        (
            only.code.as_str(),
            only.name.as_str(),
            only.level,
            only.number_prefix.as_str()
        ),
        ("MAIN", "老城矛调中心", Level::County, "")
    );
    // Without anyone logged in, the one centre is visible, as before.
    assert_eq!(s.visible_centres().unwrap(), [only.id]);
    let lead = Actor {
        staff_id: 1,
        role: Role::Lead,
    };
    let made = s
        .create_case(
            lead,
            &walk_in(at(9, 0), "张伟", "13812345678"),
            &ResponseHours::default(),
        )
        .unwrap();
    // The day counter carries on from 7, in the same format.
    assert_eq!(made.case_no, "2026-1124-008");
}

#[test]
fn each_centre_numbers_its_cases_with_its_code() {
    let mut c = county();
    let h = ResponseHours::default();
    let s = &mut c.store;
    let county_case = s.create_case(c.county_lead, &walk_in(at(9, 0), "张伟", "13800000001"), &h);
    let v1 = s.create_case(c.v1_desk, &walk_in(at(9, 1), "李娜", "13800000002"), &h);
    let v1b = s.create_case(c.v1_desk, &walk_in(at(9, 2), "王芳", "13800000003"), &h);
    let v2 = s.create_case(c.v2_desk, &walk_in(at(9, 3), "刘洋", "13800000004"), &h);
    let nos: Vec<String> = [county_case, v1, v1b, v2]
        .into_iter()
        .map(|r| r.unwrap().case_no)
        .collect();
    assert_eq!(
        nos,
        [
            "2026-1124-001",
            "V1-2026-1124-001",
            "V1-2026-1124-002",
            "V2-2026-1124-001"
        ]
    );
}

#[test]
fn a_lead_sees_below_and_a_clerk_sees_their_own_centre() {
    let mut c = county();
    let s = &mut c.store;
    // Several centres and nobody named: nothing is visible.
    assert_eq!(s.visible_centres().unwrap(), Vec::<i64>::new());
    assert_eq!(s.view_as(c.county_lead).unwrap(), [1, 2, 3, 4, 5, 6]);
    assert_eq!(s.view_as(c.t1_lead).unwrap(), [2, 4, 5]);
    assert_eq!(s.view_as(c.t1_desk).unwrap(), [2]);
    assert_eq!(s.view_as(c.v1_mediator).unwrap(), [4]);
    assert_eq!(s.visible_centres().unwrap(), [4]);
    // A case of the other township's village: the county lead reads it, T1's lead does not.
    let v3 = s
        .create_case(
            c.v3_desk,
            &walk_in(at(9, 0), "赵敏", "13800000006"),
            &ResponseHours::default(),
        )
        .unwrap();
    s.view_as(c.t1_lead).unwrap();
    assert!(matches!(s.case_detail(v3.id), Err(StoreError::NotFound)));
    s.view_as(c.county_lead).unwrap();
    assert_eq!(
        s.case_detail(v3.id).unwrap().row.case_no,
        "V3-2026-1124-001"
    );
}

#[test]
fn another_villages_case_is_not_found_and_seeing_is_not_handling() {
    let mut c = county();
    let h = ResponseHours::default();
    let theirs = c
        .store
        .create_case(c.v2_desk, &walk_in(at(9, 0), "刘洋", "13800000004"), &h)
        .unwrap();
    let s = &mut c.store;
    s.view_as(c.v1_desk).unwrap();
    assert!(matches!(
        s.case_detail(theirs.id),
        Err(StoreError::NotFound)
    ));
    // To the next village it does not exist, for writes either.
    assert!(matches!(
        check_handles(s.lite_conn(), c.v1_desk, theirs.id),
        Err(StoreError::NotFound)
    ));
    s.view_as(c.t1_lead).unwrap();
    assert_eq!(
        s.case_detail(theirs.id).unwrap().row.case_no,
        theirs.case_no
    );
    // Seeing is not handling: the township lead supervises, the village works it.
    assert!(matches!(
        check_handles(s.lite_conn(), c.t1_lead, theirs.id),
        Err(StoreError::Forbidden)
    ));
    assert!(check_handles(s.lite_conn(), c.v2_desk, theirs.id).is_ok());
}

#[test]
fn only_the_county_lead_manages_centres_and_the_tree_rules_hold() {
    let mut c = county();
    let s = &mut c.store;
    let v = NewCentre {
        code: "V4".into(),
        name: "西山镇四村调解室".into(),
        level: Level::Village,
        parent: Some("T2".into()),
        address: String::new(),
        phone: String::new(),
    };
    assert!(matches!(
        s.add_centre(c.t1_lead, &v, at(10, 0)),
        Err(StoreError::Forbidden)
    ));
    let wrong = NewCentre {
        parent: Some("MAIN".into()),
        ..v.clone()
    };
    assert!(matches!(
        s.add_centre(c.county_lead, &wrong, at(10, 0)),
        Err(StoreError::Centre(CentreRule::WrongParentLevel))
    ));
    let id = s.add_centre(c.county_lead, &v, at(10, 0)).unwrap();
    assert_eq!(s.centre_tree().unwrap().parent(id).unwrap().code, "T2");
    // A township with active villages stays active; a village can be disabled, never deleted.
    assert!(matches!(
        s.set_centre_active(c.county_lead, "T2", false, at(10, 1)),
        Err(StoreError::Centre(CentreRule::HasActiveChildren))
    ));
    s.set_centre_active(c.county_lead, "V4", false, at(10, 1))
        .unwrap();
    assert!(!s.centre_tree().unwrap().get(id).unwrap().active);
    let deleted = s
        .lite_conn()
        .execute("DELETE FROM centres WHERE id = ?1", [id]);
    assert!(deleted.is_err());
    s.edit_centre(
        c.county_lead,
        "V4",
        &CentreEdit {
            phone: Some("0572-1234567".into()),
            ..CentreEdit::default()
        },
        at(10, 2),
    )
    .unwrap();
    assert_eq!(
        s.centre_tree().unwrap().get(id).unwrap().phone,
        "0572-1234567"
    );
    let audited: i64 = s
        .lite_conn()
        .query_row(
            "SELECT count(*) FROM audit WHERE action LIKE 'centre.%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    // Five centres of the fixture, V4 added, disabled, its phone changed.
    assert_eq!(audited, 8);
}

#[test]
fn a_lead_adds_staff_only_within_their_subtree() {
    let mut c = county();
    let s = &mut c.store;
    let n = |code: &str, centre| NewStaff {
        code: code.into(),
        name: "新人".into(),
        role: Role::Desk,
        languages: vec![],
        specialties: vec![],
        team: None,
        pin: "1234".into(),
        centre_id: centre,
    };
    assert!(matches!(
        s.add_staff(Some(c.t1_lead), &n("X1", Some(6)), at(9, 0)),
        Err(StoreError::Forbidden)
    ));
    let id = s
        .add_staff(Some(c.t1_lead), &n("X2", Some(4)), at(9, 0))
        .unwrap();
    assert_eq!(s.staff_centre(id).unwrap().code, "V1");
    let own = s
        .add_staff(Some(c.t1_lead), &n("X3", None), at(9, 0))
        .unwrap();
    assert_eq!(s.staff_centre(own).unwrap().code, "T1");
}

#[test]
fn centre_counts_give_staff_everywhere_and_open_cases_only_within_the_view() {
    let mut c = county();
    let h = ResponseHours::default();
    let s = &mut c.store;
    for (by, phone) in [(c.v1_desk, "13800000001"), (c.v1_desk, "13800000002")] {
        s.create_case(by, &walk_in(at(9, 0), "李娜", phone), &h)
            .unwrap();
    }
    s.create_case(c.v3_desk, &walk_in(at(9, 5), "赵敏", "13800000003"), &h)
        .unwrap();
    let counts = |s: &Store| {
        let m = s.centre_counts().unwrap();
        (1..=6)
            .map(|id| (m[&id].staff, m[&id].open_cases))
            .collect::<Vec<_>>()
    };
    s.view_as(c.t1_lead).unwrap();
    assert_eq!(
        counts(s),
        [
            (1, None),
            (2, Some(0)),
            (0, None),
            (2, Some(2)),
            (1, Some(0)),
            (1, None)
        ]
    );
    s.view_as(c.county_lead).unwrap();
    let open: Vec<Option<i64>> = counts(s).into_iter().map(|(_, o)| o).collect();
    assert_eq!(open, [Some(0), Some(0), Some(0), Some(2), Some(0), Some(1)]);
}

#[test]
fn a_case_starts_on_the_level_of_the_centre_that_registers_it() {
    let mut c = county();
    let h = ResponseHours::default();
    let s = &mut c.store;
    let village = s
        .create_case(c.v1_desk, &walk_in(at(9, 0), "李娜", "13800000002"), &h)
        .unwrap();
    let township = s
        .create_case(c.t1_desk, &walk_in(at(9, 1), "王芳", "13800000003"), &h)
        .unwrap();
    let county_case = s
        .create_case(c.county_lead, &walk_in(at(9, 2), "张伟", "13800000001"), &h)
        .unwrap();
    s.view_as(c.county_lead).unwrap();
    let level = |id| s.case_detail(id).unwrap().row.level;
    assert_eq!(level(village.id), Level::Village);
    assert_eq!(level(township.id), Level::Township);
    assert_eq!(level(county_case.id), Level::County);
}

#[test]
fn a_slip_names_the_centre_that_received_the_visitor() {
    let mut c = county();
    let h = ResponseHours::default();
    let made = c
        .store
        .create_case(c.v1_desk, &walk_in(at(9, 0), "李娜", "13800000002"), &h)
        .unwrap();
    c.store.view_as(c.v1_desk).unwrap();
    let slip = c.store.slip(&made.case_no).unwrap();
    assert_eq!(slip.received_centre.as_deref(), Some("东林镇一村调解室"));
    // One centre alone: no name from the tree (the settings or the config name it).
    let mut one = Store::open_in_memory().unwrap();
    let lead = crate::store::testing::add_staff(&mut one, None, "L1", Role::Lead, at(8, 0));
    let alone = one
        .create_case(lead, &walk_in(at(9, 0), "张伟", "13800000001"), &h)
        .unwrap();
    assert_eq!(one.slip(&alone.case_no).unwrap().received_centre, None);
}
