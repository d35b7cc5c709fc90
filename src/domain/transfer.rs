//! Hand-overs between centres (issue 14): up the ladder to the parent centre (上报), down to a
//! centre below (交办, usually where the parties live: 属地), across to another centre of the tree
//! (转办). The receiver signs for it (签收) or returns it (退回 / 退单) with a coded reason and a
//! note; the sender may overrule a return of a hand-over down or across (审定: it stands as
//! signed) or withdraw a hand-over nobody has answered yet. Pure rules; the store runs them.
//!
//! Who does what (decided here, checked by the store):
//! - **Send**: a member of the handling centre who may route the case (desk clerk, lead) or who
//!   works it (its mediator). Up goes to the parent only, once the case's attempts at its level
//!   are used up; before that only a lead, with a reason. The county has no parent: the top of
//!   the ladder. Down goes to any active centre below the sender (三级直通: the county may reach
//!   a village), across to any active centre that is neither above nor below it, with
//!   instructions (a reason) and a reply deadline.
//! - **Sign or return**: a desk clerk or lead of the addressed centre (签收 is the intake desk's
//!   act, as a 12345 work order is signed by the dispatch desk); mediators wait to be assigned.
//!   A return needs a reason that fits the kind, and a note; "other" needs its words.
//! - **Reply deadline** (down and across): `DEFAULT_REPLY_DAYS` working days from sending unless
//!   the sender gives 1 to `MAX_REPLY_DAYS`; pending past it, the hand-over is overdue, flagged
//!   in both centres. A hand-over up has none: the upper centre decides when it signs.
//! - **Overrule**: a lead of the sending centre, on a returned hand-over down or across, with a
//!   note. A village does not overrule its township: a return up stands.
//! - **Withdraw**: the sending centre (desk clerk, lead, or whoever sent it), while pending.
use super::centre::CentreTree;
use super::codes::code_enum;
use super::ladder::Ladder;
use super::role::{Permission, Role};
use super::status::Status;
use super::worktime::{Calendar, add_working_days};
use chrono::NaiveDateTime;

mod passage;
mod standing;
pub use passage::{Move, Stage, stages};
pub use standing::{Standing, standing};

/// Working days a centre has to sign for or return a hand-over down or across.
pub const DEFAULT_REPLY_DAYS: i64 = 3;
/// The longest reply deadline a sender may give (a 12345 complaint's 13 working days).
pub const MAX_REPLY_DAYS: i64 = 13;

code_enum! {
    pub enum TransferKind ("transfer.kind") {
        /// 上报: to the parent centre.
        Up = "up",
        /// 交办: to a centre below.
        Down = "down",
        /// 转办: to a centre neither above nor below.
        Across = "across",
    }
}

code_enum! {
    pub enum TransferState ("transfer.state") {
        /// 待签收.
        Pending = "pending",
        /// 签收: the receiver handles the case.
        Signed = "signed",
        /// 退回 / 退单: the case stays with the sender.
        Returned = "returned",
        /// 审定: the sender insisted; it stands as signed.
        Overruled = "overruled",
        /// The sender took it back before an answer.
        Withdrawn = "withdrawn",
    }
}

code_enum! {
    pub enum ReturnCode ("transfer.return") {
        /// 下级未穷尽: the lower level has not tried what it should (up).
        NotExhausted = "not_exhausted",
        /// 不属受理范围 (up).
        OutsideRemit = "outside_remit",
        /// 属地不符 (down, across).
        WrongLocality = "wrong_locality",
        /// 权属不清 (down, across).
        UnclearResponsibility = "unclear_responsibility",
        /// 职能交叉 (down, across).
        OverlappingDuties = "overlapping_duties",
        /// Anything else, in words.
        Other = "other",
    }
}

impl ReturnCode {
    /// The reasons a receiver of `kind` may give.
    pub fn fits(self, kind: TransferKind) -> bool {
        use ReturnCode::*;
        match self {
            Other => true,
            NotExhausted | OutsideRemit => kind == TransferKind::Up,
            WrongLocality | UnclearResponsibility | OverlappingDuties => kind != TransferKind::Up,
        }
    }

    pub fn for_kind(kind: TransferKind) -> Vec<ReturnCode> {
        ReturnCode::ALL
            .iter()
            .copied()
            .filter(|c| c.fits(kind))
            .collect()
    }
}

impl TransferState {
    /// Pending hand-overs end once; a return may be overruled; nothing else moves.
    pub fn can_go_to(self, to: TransferState) -> bool {
        use TransferState::*;
        matches!(
            (self, to),
            (Pending, Signed | Returned | Withdrawn) | (Returned, Overruled)
        )
    }

    /// The case now sits with the receiver.
    pub fn moved_case(self) -> bool {
        matches!(self, TransferState::Signed | TransferState::Overruled)
    }
}

/// Why a hand-over cannot be sent or answered as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransferRule {
    #[error("the county is the top of the ladder: there is no centre above it")]
    TopOfLadder,
    #[error("no such centre in this county's tree")]
    NotInTree,
    #[error("that centre is disabled")]
    ReceiverDisabled,
    #[error("a case is handed down only to a centre below this one")]
    NotBelow,
    #[error("a case is handed across only to a centre neither above nor below this one")]
    NotAcross,
    #[error("attempts are left at this level: only a lead hands the case up early")]
    AttemptsLeft,
    #[error("a reason is needed")]
    NoReason,
    #[error("the reply deadline is 1 to {max} working days")]
    ReplyDays { max: i64 },
    #[error("the case already awaits sign-off")]
    AlreadyPending,
    #[error("no hand-over of this case awaits an answer")]
    NotPending,
    #[error("this hand-over is not addressed to your centre")]
    NotAddressed,
    #[error("only the sending centre may do this")]
    NotSender,
    #[error("the case was not returned")]
    NotReturned,
    #[error("a return up the ladder stands: it cannot be overruled")]
    UpNotOverruled,
    #[error("that reason does not fit this kind of hand-over")]
    ReasonNotForKind,
    #[error("say what the other reason is")]
    OtherNeedsText,
    #[error("a return needs a note")]
    NoNote,
}

impl TransferRule {
    pub fn i18n_key(&self) -> &'static str {
        use TransferRule::*;
        match self {
            TopOfLadder => "err.transfer.top",
            NotInTree => "err.transfer.not_in_tree",
            ReceiverDisabled => "err.transfer.disabled",
            NotBelow => "err.transfer.not_below",
            NotAcross => "err.transfer.not_across",
            AttemptsLeft => "err.transfer.attempts_left",
            NoReason => "err.transfer.no_reason",
            ReplyDays { .. } => "err.transfer.reply_days",
            AlreadyPending => "err.transfer.already_pending",
            NotPending => "err.transfer.not_pending",
            NotAddressed => "err.transfer.not_addressed",
            NotSender => "err.transfer.not_sender",
            NotReturned => "err.transfer.not_returned",
            UpNotOverruled => "err.transfer.up_not_overruled",
            ReasonNotForKind => "err.transfer.reason_kind",
            OtherNeedsText => "err.transfer.other_text",
            NoNote => "err.transfer.no_note",
        }
    }

    /// The values its message names (`{max}`).
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            TransferRule::ReplyDays { max } => vec![("max", max.to_string())],
            _ => Vec::new(),
        }
    }

    /// Every rule, for the translation tests.
    pub fn all() -> Vec<TransferRule> {
        use TransferRule::*;
        vec![
            TopOfLadder,
            NotInTree,
            ReceiverDisabled,
            NotBelow,
            NotAcross,
            AttemptsLeft,
            NoReason,
            ReplyDays {
                max: MAX_REPLY_DAYS,
            },
            AlreadyPending,
            NotPending,
            NotAddressed,
            NotSender,
            NotReturned,
            UpNotOverruled,
            ReasonNotForKind,
            OtherNeedsText,
            NoNote,
        ]
    }
}

/// May this person send the case on? Those who route cases (desk, lead) or work it (its owner).
pub fn may_send(role: Role, me: i64, owner: Option<i64>) -> bool {
    role.may(Permission::Route) || role.may_work(me, owner)
}

/// May this person sign for or return a hand-over addressed to their centre? Desk and lead.
pub fn may_answer(role: Role) -> bool {
    role.may(Permission::Route)
}

/// A hand-over up from `from`: the parent's id. `ladder` is the case's; `reason` the sender's.
pub fn check_up(
    tree: &CentreTree,
    from: i64,
    ladder: &Ladder,
    role: Role,
    reason: &str,
) -> Result<i64, TransferRule> {
    let parent = tree.parent(from).ok_or(TransferRule::TopOfLadder)?;
    if !parent.active {
        return Err(TransferRule::ReceiverDisabled);
    }
    if ladder.remaining() > 0 {
        if role != Role::Lead {
            return Err(TransferRule::AttemptsLeft);
        }
        if reason.trim().is_empty() {
            return Err(TransferRule::NoReason);
        }
    }
    Ok(parent.id)
}

/// A hand-over down from `from` to `to`, with the sender's instructions: to an active centre
/// below it (not only its children: the county may hand a case straight to a village).
pub fn check_down(tree: &CentreTree, from: i64, to: i64, reason: &str) -> Result<(), TransferRule> {
    tree.get(to).ok_or(TransferRule::NotInTree)?;
    if to == from || !tree.is_within(to, from) {
        return Err(TransferRule::NotBelow);
    }
    check_receiver(tree, to, reason)
}

/// A hand-over across from `from` to `to`: an active centre neither above nor below it (a
/// neighbouring village or township, a county department kept as a centre).
pub fn check_across(
    tree: &CentreTree,
    from: i64,
    to: i64,
    reason: &str,
) -> Result<(), TransferRule> {
    tree.get(to).ok_or(TransferRule::NotInTree)?;
    if tree.is_within(to, from) || tree.is_within(from, to) {
        return Err(TransferRule::NotAcross);
    }
    check_receiver(tree, to, reason)
}

fn check_receiver(tree: &CentreTree, to: i64, reason: &str) -> Result<(), TransferRule> {
    if !tree.get(to).is_some_and(|c| c.active) {
        return Err(TransferRule::ReceiverDisabled);
    }
    if reason.trim().is_empty() {
        return Err(TransferRule::NoReason);
    }
    Ok(())
}

/// The reply deadline a sender asked for (none: the default), as working days.
pub fn reply_days(asked: Option<i64>) -> Result<i64, TransferRule> {
    let days = asked.unwrap_or(DEFAULT_REPLY_DAYS);
    if (1..=MAX_REPLY_DAYS).contains(&days) {
        Ok(days)
    } else {
        Err(TransferRule::ReplyDays {
            max: MAX_REPLY_DAYS,
        })
    }
}

/// When the answer to a hand-over sent at `sent` is due: `days` working days later, in the
/// receiver's calendar.
pub fn reply_by(sent: NaiveDateTime, days: i64, cal: &Calendar) -> NaiveDateTime {
    add_working_days(sent, days, cal)
}

/// Pending past its reply deadline.
pub fn is_overdue(
    state: TransferState,
    reply_by: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> bool {
    state == TransferState::Pending && reply_by.is_some_and(|d| now > d)
}

/// A receiver's return: the reason must fit the kind, "other" needs its words, every return a
/// note. Gives the trimmed other-text.
pub fn check_return(
    kind: TransferKind,
    code: ReturnCode,
    other: &str,
    note: &str,
) -> Result<String, TransferRule> {
    if !code.fits(kind) {
        return Err(TransferRule::ReasonNotForKind);
    }
    let other = other.trim();
    if code == ReturnCode::Other && other.is_empty() {
        return Err(TransferRule::OtherNeedsText);
    }
    if note.trim().is_empty() {
        return Err(TransferRule::NoNote);
    }
    Ok(if code == ReturnCode::Other {
        other.to_string()
    } else {
        String::new()
    })
}

/// The sender insists on a returned hand-over (审定). Role checks are the store's (a lead).
pub fn check_overrule(
    kind: TransferKind,
    state: TransferState,
    own_centre: i64,
    from: i64,
    note: &str,
) -> Result<(), TransferRule> {
    if own_centre != from {
        return Err(TransferRule::NotSender);
    }
    if kind == TransferKind::Up {
        return Err(TransferRule::UpNotOverruled);
    }
    if state != TransferState::Returned {
        return Err(TransferRule::NotReturned);
    }
    if note.trim().is_empty() {
        return Err(TransferRule::NoNote);
    }
    Ok(())
}

/// The status a case has at the centre that signed for it: an assigned case waits for the new
/// centre to assign it (its mediator works elsewhere); one in mediation stays in mediation at
/// the new level; the rest as they were (only open cases are handed over).
pub fn status_at_receiver(s: Status) -> Status {
    match s {
        Status::Assigned => Status::Registered,
        other => other,
    }
}

#[cfg(test)]
mod tests;
