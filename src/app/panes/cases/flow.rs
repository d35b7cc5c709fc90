//! What each cases popup is for, and the one dispatch table of their answers: every step of
//! every chain of questions is a row below, naming the function that acts (or asks the next
//! question). The popups that start a chain are opened by the keys (`actions::start`, the list
//! keys); the steps themselves live by subject in `actions.rs`, `outcome.rs`, `merge.rs`,
//! `team.rs` and `filters.rs`. An answer with no row (Esc aside, "no" to most confirmations)
//! does nothing.
use super::outcome::OutcomeKind;
use super::pick::Choice;
use super::popup::Answer;
use super::{CasesState, actions, filters, merge, outcome, team, xfer};
use crate::app::panes::Ctx;
use crate::domain::case_filter::Waiting;
use crate::domain::risk::Colour;
use crate::domain::transfer::ReturnCode;
use crate::store::Outcome;

/// What the answer of a popup is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flow {
    FilterKind,
    FilterValue,
    QueueOf,
    Referral,
    Assign,
    AssignReason { to: i64 },
    Note,
    Colour,
    ColourReason { to: Colour },
    Attempt,
    Escalate,
    Close,
    Reopen,
    ReferralBack,
    Wait,
    WaitNote { what: Waiting },
    Resume,
    ExtendDays,
    ExtendConsent { days: i64 },
    OutcomeKind,
    Terms,
    Judicial { terms: String },
    ReferredTo,
    ReplyDays { to: String },
    OutcomeReason { kind: OutcomeKind },
    ConfirmOutcome(Outcome),
    MergeCaseNo,
    MergeCase { gone: i64 },
    PartyKeep,
    PartyGone { keep: i64 },
    MergeParty { keep: i64, gone: i64 },
    UndoPick,
    Undo { merge: i64 },
    TeamMembers,
    TeamPlan { members: Vec<i64> },
    Sign,
    ReturnCode,
    ReturnOther { code: ReturnCode },
    ReturnNote { code: ReturnCode, other: String },
    HandUp,
    DownTo,
    DownReason { to: i64 },
    DownDays { to: i64, reason: String },
}

/// Acts on the answer to the popup of `flow`.
pub fn answer(st: &mut CasesState, flow: Flow, a: Answer, ctx: &mut Ctx) {
    use Answer::{No, Picked, Text, Yes};
    match (flow, a) {
        // The list: filter kind → value (chips without a value apply at once); a queue; a referral.
        (Flow::FilterKind, Picked(Choice::FilterKind(k))) => filters::ask_value(st, k, ctx),
        (Flow::FilterValue, Picked(Choice::Chip(chip))) => filters::apply_chip(st, chip, ctx),
        (Flow::QueueOf, Picked(c)) => filters::show_queue(st, c, ctx),
        (Flow::Referral, Picked(Choice::Case(case))) => st.open_case(case, ctx),
        // The detail's one-step actions; assigning an owned case and lowering ask a reason.
        (Flow::Assign, Picked(Choice::Staff(to))) => actions::assign(st, to, ctx),
        (Flow::AssignReason { to }, Text(why)) => actions::assign_saying(st, to, &why, ctx),
        (Flow::Note, Text(text)) => actions::note(st, &text, ctx),
        (Flow::Colour, Picked(Choice::Colour(to))) => actions::colour(st, to, ctx),
        (Flow::ColourReason { to }, Text(why)) => actions::colour_saying(st, to, &why, ctx),
        // An attempt that uses up the level proposes escalation (`Flow::Escalate`) at once.
        (Flow::Attempt, Text(result)) => actions::attempt(st, &result, ctx),
        (Flow::Escalate, Yes) => actions::escalate(st, ctx),
        (Flow::Close, Yes) => actions::close(st, ctx),
        (Flow::Reopen, Text(why)) => actions::reopen(st, &why, ctx),
        (Flow::ReferralBack, Text(why)) => actions::referral_back(st, &why, ctx),
        // Waiting: what for → a note; or resume.
        (Flow::Wait, Picked(Choice::Waiting(what))) => actions::ask_wait_note(st, what, ctx),
        (Flow::WaitNote { what }, Text(note)) => actions::wait(st, what, &note, ctx),
        (Flow::Resume, Yes) => actions::resume(st, ctx),
        // Extending the term: days (asked again when wrong) → the parties' consent.
        (Flow::ExtendDays, Text(typed)) => actions::ask_consent(st, &typed, ctx),
        (Flow::ExtendConsent { days }, Text(c)) => actions::extend(st, days, &c, ctx),
        // The outcome: kind → agreement terms → judicial confirmation y/n,
        // or referred to whom → reply days, or a reason; each ends in one confirmation.
        (Flow::OutcomeKind, Picked(Choice::OutcomeKind(k))) => outcome::ask_details(st, k, ctx),
        (Flow::Terms, Text(terms)) => outcome::ask_judicial(st, terms, ctx),
        (Flow::Judicial { terms }, Yes) => outcome::agreement(st, terms, true, ctx),
        (Flow::Judicial { terms }, No) => outcome::agreement(st, terms, false, ctx),
        (Flow::ReferredTo, Text(to)) => outcome::ask_reply_days(st, to, ctx),
        (Flow::ReplyDays { to }, Text(typed)) => outcome::referred(st, to, &typed, ctx),
        (Flow::OutcomeReason { kind }, Text(why)) => outcome::with_reason(st, kind, why, ctx),
        (Flow::ConfirmOutcome(o), Yes) => outcome::record(st, &o, ctx),
        // Merging (a lead's): a case by number → confirm; two parties → confirm; undo → confirm.
        (Flow::MergeCaseNo, Text(typed)) => merge::confirm_case(st, &typed, ctx),
        (Flow::MergeCase { gone }, Yes) => merge::cases(st, gone, ctx),
        (Flow::PartyKeep, Picked(Choice::Party(keep))) => merge::ask_gone(st, keep, ctx),
        (Flow::PartyGone { keep }, Picked(Choice::Party(g))) => {
            merge::confirm_party(st, keep, g, ctx)
        }
        (Flow::MergeParty { keep, gone }, Yes) => merge::parties(st, keep, gone, ctx),
        (Flow::UndoPick, Picked(Choice::Merge(m))) => merge::confirm_undo(st, m, ctx),
        (Flow::Undo { merge }, Yes) => merge::undo(st, merge, ctx),
        // The dedicated team: member codes → the plan.
        (Flow::TeamMembers, Text(typed)) => team::ask_plan(st, &typed, ctx),
        (Flow::TeamPlan { members }, Text(plan)) => team::save(st, &members, &plan, ctx),
        // Between centres: sign for; return with a reason (other: its words) and a note; hand
        // up with a reason; hand down to a centre, with instructions and a reply deadline.
        (Flow::Sign, Yes) => xfer::sign(st, ctx),
        (Flow::ReturnCode, Picked(Choice::ReturnCode(code))) => {
            xfer::ask_return_note(st, code, ctx)
        }
        (Flow::ReturnOther { code }, Text(other)) => xfer::ask_other_note(st, code, other, ctx),
        (Flow::ReturnNote { code, other }, Text(note)) => {
            xfer::return_it(st, code, &other, &note, ctx)
        }
        (Flow::HandUp, Text(reason)) => xfer::hand_up(st, &reason, ctx),
        (Flow::DownTo, Picked(Choice::Centre(to))) => xfer::ask_down_reason(st, to, ctx),
        (Flow::DownReason { to }, Text(why)) => xfer::ask_down_days(st, to, why, ctx),
        (Flow::DownDays { to, reason }, Text(days)) => xfer::hand_down(st, to, reason, &days, ctx),
        _ => {}
    }
}
