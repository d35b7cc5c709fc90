//! The case detail's hand-overs between centres, in a record of several centres: what the
//! case's standing allows (domain::transfer::Standing) — the handling centre hands it up (上报,
//! `e`) or down (交办, `d`); the centre it awaits signs for it (签收, `s`) or returns it (退回,
//! `r`) with a coded reason and a note; any other centre reads it only. Every step goes
//! through the store's hand-over calls, which check the same rules again.
use super::CasesState;
use super::flow::Flow;
use super::pick::Choice;
use super::popup::Popup;
use crate::app::panes::Ctx;
use crate::domain::dates;
use crate::domain::transfer::{
    DEFAULT_REPLY_DAYS, MAX_REPLY_DAYS, ReturnCode, Standing, TransferKind, TransferRule,
    TransferState,
};
use crate::i18n::trf;
use crate::store::StoreError;

/// The detail's keys that change a case (those `actions::start` opens, and these).
const ACTION_KEYS: &str = "ancteoCRxbwTMPUsrd";

/// A detail key in a record of several centres: None when it is not a hand-over key (the
/// case's own actions then answer it); Some(None) when it was answered with a message.
pub(super) fn start(c: char, st: &CasesState, ctx: &mut Ctx) -> Option<Option<Popup>> {
    if !ctx.place.several() || !ACTION_KEYS.contains(c) {
        return None;
    }
    let d = st.detail.as_ref()?;
    let t = |k: &str| ctx.tr(k).to_string();
    match (st.standing, c) {
        (Standing::ReadOnly, _) => {
            let centre = ctx.place.name(d.row.centre_id);
            ctx.error(trf(ctx.lang, "ui.xfer.read_only", &[("centre", &centre)]));
            Some(None)
        }
        (Standing::ToAnswer, 's') => {
            let text = trf(ctx.lang, "ui.xfer.confirm.sign", &[("no", &d.row.case_no)]);
            Some(Some(Popup::confirm(
                t("ui.xfer.act.sign"),
                text,
                Flow::Sign,
            )))
        }
        (Standing::ToAnswer, 'r') => {
            let kind = pending_kind(st).unwrap_or(TransferKind::Up);
            let opts = ReturnCode::for_kind(kind)
                .into_iter()
                .map(|r| (t(r.i18n_key()), Choice::ReturnCode(r)))
                .collect();
            Some(Some(Popup::pick(
                t("ui.xfer.act.return"),
                opts,
                Flow::ReturnCode,
            )))
        }
        (Standing::ToAnswer, _) => {
            ctx.error(t("ui.xfer.answer_first"));
            Some(None)
        }
        (Standing::Works, 'e') => {
            let parent = ctx.place.parent()?.name.clone();
            let title = trf(ctx.lang, "ui.xfer.act.up", &[("to", &parent)]);
            let hint = if d.ladder().remaining() > 0 {
                t("ui.xfer.up_early_hint")
            } else {
                t("ui.xfer.up_hint")
            };
            Some(Some(Popup::text(title, hint, Flow::HandUp)))
        }
        (Standing::Works, 'd') => {
            let opts: Vec<(String, Choice)> = ctx
                .place
                .below()
                .into_iter()
                .map(|c| (c.name.clone(), Choice::Centre(c.id)))
                .collect();
            if opts.is_empty() {
                ctx.error(t("ui.xfer.none_below"));
                return Some(None);
            }
            Some(Some(Popup::pick(t("ui.xfer.act.down"), opts, Flow::DownTo)))
        }
        (Standing::Works, _) => None,
    }
}

/// The kind of the case's hand-over awaiting an answer (its passage is read with the detail).
fn pending_kind(st: &CasesState) -> Option<TransferKind> {
    st.passage
        .as_ref()?
        .transfers
        .iter()
        .rev()
        .find(|t| t.state == TransferState::Pending)
        .map(|t| t.kind)
}

fn ask(st: &mut CasesState, ctx: &Ctx, title: &str, hint: &str, flow: Flow, value: &str) {
    let (title, hint) = (ctx.tr(title).to_string(), ctx.tr(hint).to_string());
    st.popups.open(Popup::ask(title, hint, flow, value));
}

/// 签收: the case moves to this centre; its detail stays open, now to be worked here.
pub(super) fn sign(st: &mut CasesState, ctx: &mut Ctx) {
    let (by, id, hours) = (ctx.user.actor, st.open_id(), &ctx.config.response_hours);
    let r = ctx.store.sign(by, id, hours, ctx.now);
    super::actions::done(st, ctx, r, "ui.xfer.done.sign");
}

/// A return's reason picked: "other" asks its words, then every return asks a note.
pub(super) fn ask_return_note(st: &mut CasesState, code: ReturnCode, ctx: &mut Ctx) {
    if code == ReturnCode::Other {
        let flow = Flow::ReturnOther { code };
        ask(
            st,
            ctx,
            "ui.xfer.act.return",
            "ui.xfer.other_hint",
            flow,
            "",
        );
    } else {
        let flow = Flow::ReturnNote {
            code,
            other: String::new(),
        };
        ask(st, ctx, "ui.xfer.act.return", "ui.xfer.note_hint", flow, "");
    }
}

pub(super) fn ask_other_note(st: &mut CasesState, code: ReturnCode, other: String, ctx: &Ctx) {
    let flow = Flow::ReturnNote { code, other };
    ask(st, ctx, "ui.xfer.act.return", "ui.xfer.note_hint", flow, "");
}

/// 退回: the case goes back to the centre that sent it, which this centre no longer reads:
/// the detail closes and the list of what awaits sign-off is read again.
pub(super) fn return_it(
    st: &mut CasesState,
    code: ReturnCode,
    other: &str,
    note: &str,
    ctx: &mut Ctx,
) {
    let (by, id) = (ctx.user.actor, st.open_id());
    match ctx
        .store
        .return_transfer(by, id, code, other, note, ctx.now)
    {
        Ok(()) => {
            ctx.info(ctx.tr("ui.xfer.done.return").to_string());
            st.close_detail();
            st.after_change(ctx);
        }
        Err(e) => ctx.store_error(&e),
    }
}

/// 上报 to the parent centre, with the reason typed (needed before the attempts are used up).
pub(super) fn hand_up(st: &mut CasesState, reason: &str, ctx: &mut Ctx) {
    let r = ctx
        .store
        .hand_up(ctx.user.actor, st.open_id(), reason, ctx.now);
    if let Some(h) = super::actions::done(st, ctx, r, "ui.xfer.done.up") {
        let to = ctx.place.name(h.to_centre);
        ctx.info(trf(ctx.lang, "ui.xfer.done.up", &[("to", &to)]));
    }
}

/// 交办: the centre picked → its instructions → the reply deadline in working days.
pub(super) fn ask_down_reason(st: &mut CasesState, to: i64, ctx: &mut Ctx) {
    let flow = Flow::DownReason { to };
    ask(st, ctx, "ui.xfer.act.down", "ui.xfer.down_hint", flow, "");
}

pub(super) fn ask_down_days(st: &mut CasesState, to: i64, reason: String, ctx: &mut Ctx) {
    let flow = Flow::DownDays { to, reason };
    let days = DEFAULT_REPLY_DAYS.to_string();
    ask(
        st,
        ctx,
        "ui.xfer.act.down",
        "ui.xfer.days_hint",
        flow,
        &days,
    );
}

/// The days typed (asked again with what was typed when outside 1 to `MAX_REPLY_DAYS`), then
/// the hand-over.
pub(super) fn hand_down(st: &mut CasesState, to: i64, reason: String, typed: &str, ctx: &mut Ctx) {
    let Ok(days) = dates::parse_count(typed, 1..=MAX_REPLY_DAYS, "") else {
        let max = MAX_REPLY_DAYS;
        ctx.answer_error(&StoreError::Transfer(TransferRule::ReplyDays { max }));
        let flow = Flow::DownDays { to, reason };
        ask(
            st,
            ctx,
            "ui.xfer.act.down",
            "ui.xfer.days_hint",
            flow,
            typed,
        );
        return;
    };
    let (by, id) = (ctx.user.actor, st.open_id());
    let r = ctx
        .store
        .hand_down(by, id, to, &reason, Some(days), ctx.now);
    if let Some(h) = super::actions::done(st, ctx, r, "ui.xfer.done.down") {
        let due = h
            .reply_by
            .map(|d| d.format("%m-%d %H:%M").to_string())
            .unwrap_or_default();
        let to = ctx.place.name(h.to_centre);
        ctx.info(trf(
            ctx.lang,
            "ui.xfer.done.down",
            &[("to", &to), ("due", &due)],
        ));
    }
}
