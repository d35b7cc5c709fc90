//! What a follow-up change must satisfy: who owns a follow-up added by hand and of what kind,
//! the reason and date it needs, what a recorded result must say, and every refusal. Pure; the
//! store applies these inside its write transactions.
use super::followup::{Kind, Performance};
use super::role::{Permission, Role};
use super::status::{Status, TransitionError};
use chrono::NaiveDate;

/// A follow-up change the rules refuse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FollowupRule {
    #[error("the follow-up was already recorded or cancelled")]
    NotDue,
    #[error("a follow-up cannot be added to a case in this state")]
    CaseState,
    #[error("no reason given")]
    Reason,
    #[error("a follow-up cannot be due before today")]
    Past,
    #[error("nobody named as reached")]
    Reached,
    #[error("satisfaction is 1 to 5")]
    Satisfaction,
    #[error("follow-ups are still due")]
    Pending,
    /// A typed due date that does not read (the forms' `followup::parse_due`).
    #[error("unreadable due date")]
    Date,
    /// The case's status cannot take the change a result brings.
    #[error(transparent)]
    Transition(TransitionError),
}

impl FollowupRule {
    /// Translation key of the message.
    pub fn i18n_key(&self) -> &'static str {
        match self {
            FollowupRule::NotDue => "err.followup.not_due",
            FollowupRule::CaseState => "err.followup.case_state",
            FollowupRule::Reason => "err.followup.reason",
            FollowupRule::Past => "err.followup.past",
            FollowupRule::Reached => "err.followup.reached",
            FollowupRule::Satisfaction => "err.followup.satisfaction",
            FollowupRule::Pending => "err.followup.pending",
            FollowupRule::Date => "err.followup.date",
            FollowupRule::Transition(e) => e.i18n_key(),
        }
    }
}

/// A follow-up added by hand: its kind, its owner, and whether the one adding it may.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByHand {
    pub kind: Kind,
    pub owner: Option<i64>,
    pub allowed: bool,
}

/// For a case answered at the desk, the party's request: whoever asks owns it (a clerk may).
/// After an agreement, one more check: the case's mediator owns it (else whoever asks), and
/// only a lead or that mediator may add it. Other cases take none.
pub fn by_hand(
    status: Status,
    role: Role,
    me: i64,
    case_owner: Option<i64>,
) -> Result<ByHand, FollowupRule> {
    match status {
        Status::AnsweredAtDesk => Ok(ByHand {
            kind: Kind::Desk,
            owner: Some(me),
            allowed: role.may(Permission::Register),
        }),
        Status::Agreement | Status::FollowUp => Ok(ByHand {
            kind: Kind::Manual,
            owner: case_owner.or(Some(me)),
            allowed: super::followup::may_handle(role, me, None, case_owner),
        }),
        _ => Err(FollowupRule::CaseState),
    }
}

/// A follow-up added after an agreement says why; the desk's own one needs no reason.
pub fn check_added(
    kind: Kind,
    reason: &str,
    due: NaiveDate,
    today: NaiveDate,
) -> Result<(), FollowupRule> {
    if kind == Kind::Manual && reason.is_empty() {
        return Err(FollowupRule::Reason);
    }
    check_due(due, today)
}

/// Moving or cancelling a follow-up needs a reason.
pub fn check_reason(reason: &str) -> Result<(), FollowupRule> {
    if reason.is_empty() {
        return Err(FollowupRule::Reason);
    }
    Ok(())
}

/// A follow-up is never due before today.
pub fn check_due(due: NaiveDate, today: NaiveDate) -> Result<(), FollowupRule> {
    if due < today {
        return Err(FollowupRule::Past);
    }
    Ok(())
}

/// A result names who was reached (unless nobody was) and a satisfaction of 1 to 5, if any.
pub fn check_result(
    performance: Performance,
    reached: &str,
    satisfaction: Option<u8>,
) -> Result<(), FollowupRule> {
    if performance != Performance::Unreachable && reached.is_empty() {
        return Err(FollowupRule::Reached);
    }
    if satisfaction.is_some_and(|s| !(1..=5).contains(&s)) {
        return Err(FollowupRule::Satisfaction);
    }
    Ok(())
}

/// Only a due follow-up can be recorded, moved or cancelled.
pub fn check_still_due(status: &str) -> Result<(), FollowupRule> {
    if status != "due" {
        return Err(FollowupRule::NotDue);
    }
    Ok(())
}

/// Where a case goes when a breach reopens it: an active case stays as it is; else back to its
/// mediator (Assigned), or to Registered when nobody owns it.
pub fn reopened_status(status: Status, owner: Option<i64>) -> Status {
    if status.is_active() {
        status
    } else if owner.is_some() && status.can_go_to(Status::Assigned) {
        Status::Assigned
    } else {
        Status::Registered
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    #[test]
    fn by_hand_depends_on_the_case_and_the_role() {
        let desk = by_hand(Status::AnsweredAtDesk, Role::Desk, 7, Some(3)).unwrap();
        assert_eq!(
            (desk.kind, desk.owner, desk.allowed),
            (Kind::Desk, Some(7), true)
        );
        let other = by_hand(Status::Agreement, Role::Mediator, 7, Some(3)).unwrap();
        assert_eq!(
            (other.kind, other.owner, other.allowed),
            (Kind::Manual, Some(3), false)
        );
        let own = by_hand(Status::FollowUp, Role::Mediator, 3, Some(3)).unwrap();
        assert!(own.allowed);
        assert_eq!(
            by_hand(Status::InMediation, Role::Lead, 1, None),
            Err(FollowupRule::CaseState)
        );
    }

    #[test]
    fn reasons_dates_and_results() {
        assert_eq!(
            check_added(Kind::Manual, "", d(24), d(24)),
            Err(FollowupRule::Reason)
        );
        assert_eq!(check_added(Kind::Desk, "", d(24), d(24)), Ok(()));
        assert_eq!(
            check_added(Kind::Desk, "", d(23), d(24)),
            Err(FollowupRule::Past)
        );
        assert_eq!(
            check_result(Performance::Fulfilled, "", None),
            Err(FollowupRule::Reached)
        );
        assert_eq!(
            check_result(Performance::Unreachable, "", Some(0)),
            Err(FollowupRule::Satisfaction)
        );
        assert_eq!(check_result(Performance::Partly, "申请人", Some(5)), Ok(()));
        assert_eq!(check_still_due("done"), Err(FollowupRule::NotDue));
        assert_eq!(reopened_status(Status::FollowUp, Some(3)), Status::Assigned);
        assert_eq!(reopened_status(Status::FollowUp, None), Status::Registered);
        assert_eq!(
            reopened_status(Status::InMediation, None),
            Status::InMediation
        );
    }
}
