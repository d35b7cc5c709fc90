use super::testing::{centre, county};
use super::*;
use chrono::NaiveDate;

#[test]
fn a_lead_sees_the_subtree_and_anyone_else_one_centre() {
    let t = county();
    assert_eq!(t.visible_to(Role::Lead, 1), [1, 2, 3, 4, 5, 6]);
    assert_eq!(t.visible_to(Role::Lead, 2), [2, 4, 5]);
    assert_eq!(t.visible_to(Role::Lead, 4), [4]);
    assert_eq!(t.visible_to(Role::Desk, 2), [2]);
    assert_eq!(t.visible_to(Role::Mediator, 1), [1]);
}

#[test]
fn paths_go_up_to_the_county() {
    let t = county();
    assert_eq!(t.path_up(5), [5, 2, 1]);
    assert!(t.is_within(6, 3));
    assert!(!t.is_within(6, 2));
    assert_eq!(t.parent(4).map(|c| c.id), Some(2));
    assert!(t.parent(1).is_none());
    assert_eq!(t.by_code("v2").map(|c| c.id), Some(5));
}

#[test]
fn a_centre_goes_one_level_under_its_parent() {
    let t = county();
    let ok = t.check_place(None, "V9", "九村", Level::Village, Some(3));
    assert_eq!(ok, Ok(()));
    let cases = [
        (
            "V9",
            "x",
            Level::Village,
            Some(1),
            CentreRule::WrongParentLevel,
        ),
        (
            "V9",
            "x",
            Level::Village,
            None,
            CentreRule::WrongParentLevel,
        ),
        (
            "T9",
            "x",
            Level::Township,
            Some(4),
            CentreRule::WrongParentLevel,
        ),
        (
            "C9",
            "x",
            Level::County,
            Some(1),
            CentreRule::CountyHasParent,
        ),
        (
            "V9",
            "x",
            Level::Village,
            Some(99),
            CentreRule::NoSuchCentre,
        ),
        ("V1", "x", Level::Village, Some(2), CentreRule::CodeTaken),
        ("v9", "x", Level::Village, Some(2), CentreRule::BadCode),
        ("东林", "x", Level::Village, Some(2), CentreRule::BadCode),
        ("V", "x", Level::Village, Some(2), CentreRule::BadCode),
        ("V9", " ", Level::Village, Some(2), CentreRule::NoName),
    ];
    for (code, name, level, parent, want) in cases {
        assert_eq!(
            t.check_place(None, code, name, level, parent),
            Err(want),
            "{code} {level:?} under {parent:?}"
        );
    }
    // Keeping its own code is not "taken"; moving a township under itself is refused.
    assert_eq!(
        t.check_place(Some(4), "V1", "x", Level::Village, Some(3)),
        Ok(())
    );
}

#[test]
fn numbers_carry_the_centre_except_the_original_one() {
    let at = NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(9, 5, 0)
        .unwrap();
    assert_eq!(case_no("", at, 7), "2026-1124-007");
    assert_eq!(case_no("DX", at, 7), "DX-2026-1124-007");
    assert_eq!(case_no("DX", at, 1234), "DX-2026-1124-1234");
    assert_eq!(counter_key("", at), "2026-11-24");
    assert_eq!(counter_key("DX", at), "DX:2026-11-24");
}

#[test]
fn the_tree_reads_depth_first_each_level_by_code() {
    let mut centres = county().all().to_vec();
    // A township added later with a code before T1's.
    centres.push(centre(7, "T0", Level::Township, Some(1)));
    centres.push(centre(8, "V0", Level::Village, Some(7)));
    let t = CentreTree::new(centres);
    let read: Vec<(usize, &str)> = t
        .depth_first()
        .into_iter()
        .map(|(d, c)| (d, c.code.as_str()))
        .collect();
    assert_eq!(
        read,
        [
            (0, "AJ"),
            (1, "T0"),
            (2, "V0"),
            (1, "T1"),
            (2, "V1"),
            (2, "V2"),
            (1, "T2"),
            (2, "V3"),
        ]
    );
}

#[test]
fn one_centre_reads_without_a_name_several_do_not() {
    assert!(open_to_all(1));
    assert!(!open_to_all(2));
    assert!(!open_to_all(10));
}

#[test]
fn case_numbers_are_as_wide_as_the_longest_code_makes_them() {
    assert_eq!(
        CentreTree::new(vec![centre(1, "AJ", Level::County, None)]).case_no_width(),
        13
    );
    assert_eq!(county().case_no_width(), "V1-2026-1124-001".len());
    let mut long = county().all().to_vec();
    long.push(centre(7, "DONGLIN8", Level::Village, Some(2)));
    assert_eq!(CentreTree::new(long).case_no_width(), 22);
}

#[test]
fn a_report_is_for_ones_own_centre_or_one_a_lead_sees_below() {
    let t = county();
    assert_eq!(t.report_centre(Role::Desk, 4, None), Ok(4));
    assert_eq!(t.report_centre(Role::Lead, 2, Some("v2")), Ok(5));
    assert_eq!(t.report_centre(Role::Lead, 2, Some("T1")), Ok(2));
    assert_eq!(
        t.report_centre(Role::Lead, 2, Some("V3")),
        Err(CentreRule::OutsideView)
    );
    assert_eq!(
        t.report_centre(Role::Lead, 2, Some("AJ")),
        Err(CentreRule::OutsideView)
    );
    assert_eq!(
        t.report_centre(Role::Desk, 2, Some("V1")),
        Err(CentreRule::OutsideView)
    );
    assert_eq!(
        t.report_centre(Role::Lead, 1, Some("XX")),
        Err(CentreRule::NoSuchCentre)
    );
}

#[test]
fn the_handling_centre_works_a_case_a_lead_above_supervises_it_others_never_see_it() {
    let t = county();
    // V1's case (4): V1 handles it, T1's and the county's leads supervise it.
    assert_eq!(t.reach(Role::Desk, 4, 4), Reach::Handles);
    assert_eq!(t.reach(Role::Lead, 2, 4), Reach::Supervises);
    assert_eq!(t.reach(Role::Lead, 1, 4), Reach::Supervises);
    // Township staff who are not leads, the other township's lead, the next village: hidden.
    assert_eq!(t.reach(Role::Desk, 2, 4), Reach::Hidden);
    assert_eq!(t.reach(Role::Lead, 3, 4), Reach::Hidden);
    assert_eq!(t.reach(Role::Lead, 5, 4), Reach::Hidden);
    // A lead below the handling centre does not see up.
    assert_eq!(t.reach(Role::Lead, 4, 2), Reach::Hidden);
}

#[test]
fn staff_from_the_handling_centre_or_above_may_serve_its_case() {
    let t = county();
    assert!(t.may_serve(4, 4));
    assert!(t.may_serve(2, 4));
    assert!(t.may_serve(1, 4));
    assert!(!t.may_serve(3, 4));
    assert!(!t.may_serve(5, 4));
    assert!(!t.may_serve(4, 2));
}

#[test]
fn a_case_starts_on_its_centres_level_unless_the_centre_stands_alone() {
    assert_eq!(intake_level(10, Level::Village), Level::Village);
    assert_eq!(intake_level(10, Level::Township), Level::Township);
    assert_eq!(intake_level(10, Level::County), Level::County);
    assert_eq!(intake_level(1, Level::County), Level::Village);
}
