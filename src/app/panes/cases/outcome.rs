//! `o` in the case detail: the outcome's chain of questions, apart from the one-step actions.
use super::CasesState;
use super::actions::{days_or_again, done};
use super::popup::{Answer, Choice, Flow, OutcomeKind, Popup};
use crate::app::panes::Ctx;
use crate::i18n::trf;
use crate::store::Outcome;
use chrono::Duration;

/// Default days a receiving body has to answer a referral.
const REPLY_DAYS: i64 = 15;
/// The longest reply deadline a referral may be given.
const MAX_REPLY_DAYS: i64 = 365;

/// Answers to the outcome questions; any other flow goes on to the merge flows.
pub(super) fn answer(st: &mut CasesState, flow: Flow, a: Answer, ctx: &mut Ctx) {
    let by = ctx.user.actor;
    let now = ctx.now;
    let id = st.detail.as_ref().map(|d| d.row.id).unwrap_or(0);
    let t = |ctx: &Ctx, k: &str| ctx.tr(k).to_string();
    match (flow, a) {
        (Flow::OutcomeKind, Answer::Picked(Choice::OutcomeKind(k))) => {
            st.popup = Some(match k {
                OutcomeKind::Agreement => Popup::text(
                    t(ctx, "ui.cases.act.outcome"),
                    t(ctx, "ui.cases.terms_hint"),
                    Flow::Terms,
                ),
                OutcomeKind::Referred => Popup::text(
                    t(ctx, "ui.cases.act.outcome"),
                    t(ctx, "ui.cases.referred_hint"),
                    Flow::ReferredTo,
                ),
                kind => Popup::text(
                    t(ctx, "ui.cases.act.outcome"),
                    t(ctx, "ui.cases.reason_hint"),
                    Flow::OutcomeReason { kind },
                ),
            });
        }
        (Flow::Terms, Answer::Text(terms)) => {
            st.popup = Some(Popup::confirm(
                t(ctx, "ui.cases.act.outcome"),
                t(ctx, "ui.cases.confirm.judicial"),
                Flow::Judicial { terms },
            ));
        }
        (Flow::ReferredTo, Answer::Text(to)) => {
            st.popup = Some(Popup::ask(
                t(ctx, "ui.cases.act.outcome"),
                t(ctx, "ui.cases.reply_days_hint"),
                Flow::ReplyDays { to },
                &REPLY_DAYS.to_string(),
            ));
        }
        (Flow::ReplyDays { to }, Answer::Text(typed)) => {
            let q = ("ui.cases.act.outcome", "ui.cases.reply_days_hint");
            let again = Flow::ReplyDays { to: to.clone() };
            let key = "err.cases.reply_days";
            if let Some(n) = days_or_again(st, ctx, &typed, 1..=MAX_REPLY_DAYS, key, q, again) {
                let reply_due = now.date() + Duration::days(n);
                confirm_outcome(st, Outcome::Referred { to, reply_due }, ctx);
            }
        }
        (Flow::OutcomeReason { kind }, Answer::Text(reason)) => {
            let o = match kind {
                OutcomeKind::Withdrawn => Outcome::Withdrawn { reason },
                _ => Outcome::NoAgreement { reason },
            };
            confirm_outcome(st, o, ctx);
        }
        (Flow::Judicial { terms }, Answer::Yes) => judicial(st, terms, true, ctx),
        (Flow::Judicial { terms }, Answer::No) => judicial(st, terms, false, ctx),
        (Flow::ConfirmOutcome(o), Answer::Yes) => {
            let plan = ctx.config.followup_plan();
            let r = ctx.store.record_outcome(by, id, &o, &plan, now).map(|_| ());
            done(st, ctx, r, "ui.cases.done.outcome");
        }
        (flow, a) => super::merge::answer(st, flow, a, ctx),
    }
}

/// The judicial-confirmation question answers y or n; both go on to record the agreement.
fn judicial(st: &mut CasesState, terms: String, judicial: bool, ctx: &mut Ctx) {
    confirm_outcome(st, Outcome::Agreement { terms, judicial }, ctx);
}

fn confirm_outcome(st: &mut CasesState, o: Outcome, ctx: &mut Ctx) {
    let status = ctx.tr(o.status().i18n_key());
    let text = trf(ctx.lang, "ui.cases.confirm.outcome", &[("status", &status)]);
    st.popup = Some(Popup::confirm(
        ctx.tr("ui.cases.act.outcome").to_string(),
        text,
        Flow::ConfirmOutcome(o),
    ));
}
