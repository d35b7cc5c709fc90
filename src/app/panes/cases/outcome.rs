//! `o` in the case detail: the steps of the outcome's chain of questions (the chain itself is
//! in `flow.rs`): the kind, then terms and judicial confirmation, or whom it was referred to
//! and the reply days, or a reason; each ends in one confirmation before it is recorded.
use super::CasesState;
use super::actions::{days_or_again, done};
use super::flow::Flow;
use super::popup::Popup;
use crate::app::panes::Ctx;
use crate::i18n::trf;
use crate::store::Outcome;
use chrono::Duration;

/// Default days a receiving body has to answer a referral.
const REPLY_DAYS: i64 = 15;
/// The longest reply deadline a referral may be given.
const MAX_REPLY_DAYS: i64 = 365;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutcomeKind {
    Agreement,
    NoAgreement,
    Referred,
    Withdrawn,
}

fn title(ctx: &Ctx) -> String {
    ctx.tr("ui.cases.act.outcome").to_string()
}

/// The kind picked: the terms of an agreement, whom a case went to, or the reason.
pub(super) fn ask_details(st: &mut CasesState, k: OutcomeKind, ctx: &mut Ctx) {
    let (hint, flow) = match k {
        OutcomeKind::Agreement => ("ui.cases.terms_hint", Flow::Terms),
        OutcomeKind::Referred => ("ui.cases.referred_hint", Flow::ReferredTo),
        kind => ("ui.cases.reason_hint", Flow::OutcomeReason { kind }),
    };
    let hint = ctx.tr(hint).to_string();
    st.popups.open(Popup::text(title(ctx), hint, flow));
}

pub(super) fn ask_judicial(st: &mut CasesState, terms: String, ctx: &mut Ctx) {
    let text = ctx.tr("ui.cases.confirm.judicial").to_string();
    st.popups
        .open(Popup::confirm(title(ctx), text, Flow::Judicial { terms }));
}

/// The judicial-confirmation question answers y or n; both go on to record the agreement.
pub(super) fn agreement(st: &mut CasesState, terms: String, judicial: bool, ctx: &mut Ctx) {
    confirm_outcome(st, Outcome::Agreement { terms, judicial }, ctx);
}

pub(super) fn ask_reply_days(st: &mut CasesState, to: String, ctx: &mut Ctx) {
    let hint = ctx.tr("ui.cases.reply_days_hint").to_string();
    let days = REPLY_DAYS.to_string();
    st.popups
        .open(Popup::ask(title(ctx), hint, Flow::ReplyDays { to }, &days));
}

/// Reply days typed: wrong ones are asked again with what was typed.
pub(super) fn referred(st: &mut CasesState, to: String, typed: &str, ctx: &mut Ctx) {
    let q = ("ui.cases.act.outcome", "ui.cases.reply_days_hint");
    let again = Flow::ReplyDays { to: to.clone() };
    let key = "err.cases.reply_days";
    if let Some(n) = days_or_again(st, ctx, typed, 1..=MAX_REPLY_DAYS, key, q, again) {
        let reply_due = ctx.now.date() + Duration::days(n);
        confirm_outcome(st, Outcome::Referred { to, reply_due }, ctx);
    }
}

pub(super) fn with_reason(st: &mut CasesState, kind: OutcomeKind, reason: String, ctx: &mut Ctx) {
    let o = match kind {
        OutcomeKind::Withdrawn => Outcome::Withdrawn { reason },
        _ => Outcome::NoAgreement { reason },
    };
    confirm_outcome(st, o, ctx);
}

fn confirm_outcome(st: &mut CasesState, o: Outcome, ctx: &mut Ctx) {
    let status = ctx.tr(o.status().i18n_key());
    let text = trf(ctx.lang, "ui.cases.confirm.outcome", &[("status", &status)]);
    st.popups
        .open(Popup::confirm(title(ctx), text, Flow::ConfirmOutcome(o)));
}

/// Confirmed: recorded, with the follow-ups the configured plan asks for.
pub(super) fn record(st: &mut CasesState, o: &Outcome, ctx: &mut Ctx) {
    let plan = ctx.config.followup_plan();
    let r = ctx
        .store
        .record_outcome(ctx.user.actor, st.open_id(), o, &plan, ctx.now)
        .map(|_| ());
    done(st, ctx, r, "ui.cases.done.outcome");
}
