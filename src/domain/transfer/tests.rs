use super::*;
use crate::domain::centre::testing::county;
use crate::domain::ladder::Level;
use chrono::NaiveDate;

fn t(d: u32, h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, d)
        .unwrap()
        .and_hms_opt(h, 0, 0)
        .unwrap()
}

fn village(attempts: u32) -> Ladder {
    Ladder {
        level: Level::Village,
        attempts: [attempts, 0, 0],
    }
}

#[test]
fn up_goes_to_the_parent_once_attempts_are_used_or_a_lead_says_why() {
    let tree = county();
    assert_eq!(check_up(&tree, 4, &village(3), Role::Desk, ""), Ok(2));
    assert_eq!(check_up(&tree, 2, &village(3), Role::Mediator, ""), Ok(1));
    assert_eq!(
        check_up(&tree, 4, &village(2), Role::Desk, "太复杂"),
        Err(TransferRule::AttemptsLeft)
    );
    assert_eq!(
        check_up(&tree, 4, &village(2), Role::Lead, "  "),
        Err(TransferRule::NoReason)
    );
    assert_eq!(
        check_up(&tree, 4, &village(0), Role::Lead, "涉及多村"),
        Ok(2)
    );
    assert_eq!(
        check_up(&tree, 1, &village(3), Role::Lead, "x"),
        Err(TransferRule::TopOfLadder)
    );
    let mut off = tree.all().to_vec();
    off[1].active = false;
    let off = CentreTree::new(off);
    assert_eq!(
        check_up(&off, 4, &village(3), Role::Desk, ""),
        Err(TransferRule::ReceiverDisabled)
    );
}

#[test]
fn down_reaches_any_centre_below_and_across_any_neither_above_nor_below() {
    let tree = county();
    assert_eq!(check_down(&tree, 1, 4, "属地处理"), Ok(()));
    assert_eq!(check_down(&tree, 2, 5, "属地处理"), Ok(()));
    for (from, to) in [(2, 6), (2, 2), (4, 2), (2, 1)] {
        assert_eq!(
            check_down(&tree, from, to, "x"),
            Err(TransferRule::NotBelow),
            "{from} -> {to}"
        );
    }
    assert_eq!(check_down(&tree, 1, 99, "x"), Err(TransferRule::NotInTree));
    assert_eq!(check_down(&tree, 1, 4, " "), Err(TransferRule::NoReason));
    assert_eq!(check_across(&tree, 4, 5, "属地不符"), Ok(()));
    assert_eq!(check_across(&tree, 2, 3, "x"), Ok(()));
    assert_eq!(check_across(&tree, 2, 6, "x"), Ok(()));
    for (from, to) in [(4, 2), (4, 1), (2, 4), (4, 4)] {
        assert_eq!(
            check_across(&tree, from, to, "x"),
            Err(TransferRule::NotAcross),
            "{from} -> {to}"
        );
    }
    assert_eq!(check_across(&tree, 4, 0, "x"), Err(TransferRule::NotInTree));
}

#[test]
fn who_sends_and_who_answers() {
    assert!(may_send(Role::Desk, 7, None));
    assert!(may_send(Role::Lead, 7, Some(8)));
    assert!(may_send(Role::Mediator, 7, Some(7)));
    assert!(!may_send(Role::Mediator, 7, Some(8)));
    assert!(may_answer(Role::Desk) && may_answer(Role::Lead));
    assert!(!may_answer(Role::Mediator));
}

#[test]
fn reply_deadlines_count_working_days_and_stay_in_range() {
    assert_eq!(reply_days(None), Ok(DEFAULT_REPLY_DAYS));
    assert_eq!(reply_days(Some(13)), Ok(13));
    for bad in [0, -1, 14] {
        assert_eq!(
            reply_days(Some(bad)),
            Err(TransferRule::ReplyDays {
                max: MAX_REPLY_DAYS
            })
        );
    }
    // Sent Friday 11-20 at 10:00: three working days is Wednesday 11-25 at 10:00.
    let due = reply_by(t(20, 10), 3, &Calendar::default());
    assert_eq!(due, t(25, 10));
    // A holiday on Monday pushes it to Thursday.
    let monday = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    assert_eq!(
        reply_by(
            t(20, 10),
            3,
            &Calendar {
                holidays: vec![monday],
                ..Calendar::default()
            }
        ),
        t(26, 10)
    );
    assert!(!is_overdue(TransferState::Pending, Some(due), due));
    assert!(is_overdue(TransferState::Pending, Some(due), t(25, 11)));
    assert!(!is_overdue(TransferState::Signed, Some(due), t(25, 11)));
    assert!(!is_overdue(TransferState::Pending, None, t(30, 11)));
}

#[test]
fn returns_need_a_fitting_reason_and_a_note() {
    use ReturnCode::*;
    assert_eq!(
        check_return(TransferKind::Up, NotExhausted, "", "还可再调"),
        Ok(String::new())
    );
    assert_eq!(
        check_return(TransferKind::Up, WrongLocality, "", "x"),
        Err(TransferRule::ReasonNotForKind)
    );
    assert_eq!(
        check_return(TransferKind::Down, OutsideRemit, "", "x"),
        Err(TransferRule::ReasonNotForKind)
    );
    assert_eq!(
        check_return(TransferKind::Across, Other, " ", "x"),
        Err(TransferRule::OtherNeedsText)
    );
    assert_eq!(
        check_return(TransferKind::Across, Other, " 已诉讼 ", "x"),
        Ok("已诉讼".into())
    );
    assert_eq!(
        check_return(TransferKind::Down, WrongLocality, "", " "),
        Err(TransferRule::NoNote)
    );
    assert_eq!(
        ReturnCode::for_kind(TransferKind::Up),
        [NotExhausted, OutsideRemit, Other]
    );
    assert_eq!(
        ReturnCode::for_kind(TransferKind::Across),
        [
            WrongLocality,
            UnclearResponsibility,
            OverlappingDuties,
            Other
        ]
    );
}

#[test]
fn only_the_sender_overrules_a_return_down_or_across() {
    use TransferKind::*;
    use TransferState::*;
    assert_eq!(check_overrule(Down, Returned, 1, 1, "属地为准"), Ok(()));
    assert_eq!(
        check_overrule(Down, Returned, 2, 1, "x"),
        Err(TransferRule::NotSender)
    );
    assert_eq!(
        check_overrule(Up, Returned, 4, 4, "x"),
        Err(TransferRule::UpNotOverruled)
    );
    assert_eq!(
        check_overrule(Across, Signed, 1, 1, "x"),
        Err(TransferRule::NotReturned)
    );
    assert_eq!(
        check_overrule(Across, Returned, 1, 1, ""),
        Err(TransferRule::NoNote)
    );
}

#[test]
fn states_move_once_and_a_return_may_be_overruled() {
    use TransferState::*;
    for to in [Signed, Returned, Withdrawn] {
        assert!(Pending.can_go_to(to));
    }
    assert!(Returned.can_go_to(Overruled));
    assert!(!Signed.can_go_to(Returned));
    assert!(!Withdrawn.can_go_to(Signed));
    assert!(!Overruled.can_go_to(Returned));
    assert!(!Pending.can_go_to(Overruled));
    assert!(Signed.moved_case() && Overruled.moved_case());
    assert!(!Returned.moved_case() && !Withdrawn.moved_case());
}

#[test]
fn the_receiver_assigns_its_own_mediator() {
    assert_eq!(status_at_receiver(Status::Assigned), Status::Registered);
    assert_eq!(status_at_receiver(Status::InMediation), Status::InMediation);
    assert_eq!(status_at_receiver(Status::Registered), Status::Registered);
}

#[test]
fn stages_follow_the_moves_in_time_order() {
    let moves = [
        Move {
            to: 1,
            at: t(27, 9),
        },
        Move {
            to: 2,
            at: t(25, 9),
        },
    ];
    assert_eq!(
        stages(4, t(20, 9), &moves),
        [
            Stage {
                centre: 4,
                from: t(20, 9),
                until: Some(t(25, 9))
            },
            Stage {
                centre: 2,
                from: t(25, 9),
                until: Some(t(27, 9))
            },
            Stage {
                centre: 1,
                from: t(27, 9),
                until: None
            },
        ]
    );
    assert_eq!(stages(4, t(20, 9), &[]).len(), 1);
}

#[test]
fn every_rule_has_its_own_key() {
    let keys: std::collections::BTreeSet<_> = TransferRule::all()
        .iter()
        .map(TransferRule::i18n_key)
        .collect();
    assert_eq!(keys.len(), TransferRule::all().len());
}
