//! Why a change to a case is refused: one variant per rule, whoever checks it (the triage form
//! before saving, the store before writing). The message key is derived here and nowhere else.
use super::idnum::IdError;
use super::ladder::LadderError;
use super::phone::PhoneError;
use super::risk::OverrideError;
use super::status::TransitionError;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaseRule {
    // Registering a case (domain::intake).
    #[error("no applicant")]
    NoApplicant,
    #[error("no known category")]
    UnknownCategory,
    #[error("no summary")]
    NoSummary,
    /// The phone number of the party at this place in the form's list.
    #[error("party {party}: {error}")]
    Phone { party: usize, error: PhoneError },
    #[error("party {party}: {error}")]
    IdNumber { party: usize, error: IdError },
    #[error("{0}")]
    Override(OverrideError),
    #[error("red checklist not acknowledged")]
    RedNotAcknowledged,
    #[error("the case is closed: a new visit cannot be attached")]
    AttachClosed,
    // The workflow.
    #[error("{0}")]
    Transition(TransitionError),
    #[error("{0}")]
    Ladder(LadderError),
    #[error("the case is not open")]
    NotOpen,
    #[error("the case is still open")]
    AlreadyOpen,
    #[error("already owned by this person")]
    SameOwner,
    #[error("a reason is needed")]
    NoReason,
    #[error("not an active mediator or lead")]
    NotMediator,
    #[error("the note is empty")]
    NoteEmpty,
    #[error("the attempt's result is empty")]
    ResultEmpty,
    #[error("the case is not in mediation")]
    NotInMediation,
    #[error("today's held session already counted this attempt")]
    AttemptBySession,
    #[error("the agreement's terms are empty")]
    TermsEmpty,
    #[error("the referral has no receiver")]
    ReferredEmpty,
    #[error("the case was not referred out")]
    NotReferred,
    #[error("the case is already waiting")]
    AlreadyWaiting,
    #[error("the parties' consent is not recorded")]
    NoConsent,
    #[error("an extension adds 1 to 90 days")]
    ExtensionDays,
    // Dedicated teams.
    #[error("a team member must be an active mediator or lead")]
    TeamMember,
    #[error("a plan needs a team member")]
    TeamNoMembers,
    // Merges.
    #[error("a record cannot be merged with itself")]
    MergeSame,
    #[error("already merged")]
    MergeAlready,
    #[error("changed since the merge")]
    MergeChanged,
    #[error("the merge was undone already")]
    MergeUndone,
    #[error("the case was merged into another")]
    IsMerged,
}

impl CaseRule {
    /// Translation key of the message shown to the user.
    pub fn i18n_key(&self) -> &'static str {
        use CaseRule::*;
        match self {
            NoApplicant => "err.case.applicant",
            UnknownCategory => "err.case.category",
            NoSummary => "err.case.summary",
            Phone { error, .. } => error.i18n_key(),
            IdNumber { error, .. } => error.i18n_key(),
            Override(e) => e.i18n_key(),
            RedNotAcknowledged => "err.case.red_ack",
            AttachClosed => "err.triage.attach_closed",
            Transition(e) => e.i18n_key(),
            Ladder(e) => e.i18n_key(),
            NotOpen => "err.cases.not_open",
            AlreadyOpen => "err.cases.already_open",
            SameOwner => "err.cases.same_owner",
            NoReason => "err.cases.reason",
            NotMediator => "err.cases.not_mediator",
            NoteEmpty => "err.cases.note_empty",
            ResultEmpty => "err.cases.result_empty",
            NotInMediation => "err.cases.not_in_mediation",
            AttemptBySession => "err.cases.attempt_by_session",
            TermsEmpty => "err.cases.terms_empty",
            ReferredEmpty => "err.cases.referred_empty",
            NotReferred => "err.cases.not_referred",
            AlreadyWaiting => "err.cases.already_waiting",
            NoConsent => "err.deadlines.consent",
            ExtensionDays => "err.deadlines.days",
            TeamMember => "err.team.member",
            TeamNoMembers => "err.team.no_members",
            MergeSame => "err.merge.same",
            MergeAlready => "err.merge.already",
            MergeChanged => "err.merge.changed",
            MergeUndone => "err.merge.undone",
            IsMerged => "err.merge.is_merged",
        }
    }

    /// Values the message names (none of the case rules' messages has any today).
    pub fn args(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }
}

impl From<TransitionError> for CaseRule {
    fn from(e: TransitionError) -> Self {
        CaseRule::Transition(e)
    }
}

impl From<LadderError> for CaseRule {
    fn from(e: LadderError) -> Self {
        CaseRule::Ladder(e)
    }
}

impl From<OverrideError> for CaseRule {
    fn from(e: OverrideError) -> Self {
        CaseRule::Override(e)
    }
}
