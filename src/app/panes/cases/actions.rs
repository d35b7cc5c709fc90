//! The case detail's keys that open popups (`start`), and the one-step actions their answers
//! take (called from the dispatch table in `flow.rs`). Every change goes through a store method
//! that checks role and status machine and writes the audit log; the UI only offers what makes
//! sense and shows the store's verdict.
use super::CasesState;
use super::flow::Flow;
use super::outcome::OutcomeKind;
use super::pick::Choice;
use super::popup::Popup;
use crate::app::panes::Ctx;
use crate::domain::case_filter::Waiting;
use crate::domain::dates;
use crate::domain::risk::Colour;
use crate::domain::role::may_mediate;
use crate::domain::status::Status;
use crate::i18n::trf;

/// Default days offered for an extension of the mediation term.
const EXTEND_DAYS: i64 = 30;

/// A typed number of days in `range`; otherwise the message `key` and the same question
/// (title, hint; flow) again with what was typed: a wrong number is never guessed at.
pub(super) fn days_or_again(
    st: &mut CasesState,
    ctx: &mut Ctx,
    typed: &str,
    range: std::ops::RangeInclusive<i64>,
    key: &'static str,
    (title, hint): (&str, &str),
    flow: Flow,
) -> Option<i64> {
    match dates::parse_count(typed, range, key) {
        Ok(days) => Some(days),
        Err(k) => {
            ctx.error(ctx.tr(k).to_string());
            let (title, hint) = (ctx.tr(title).to_string(), ctx.tr(hint).to_string());
            st.popups.open(Popup::ask(title, hint, flow, typed));
            None
        }
    }
}

/// Mediators and leads who can own a case.
pub(super) fn owners(ctx: &mut Ctx) -> Vec<(String, Choice)> {
    match ctx.store.list_staff() {
        Ok(staff) => staff
            .into_iter()
            .filter(|s| may_mediate(s.role, s.active))
            .map(|s| (format!("{} {}", s.code, s.name), Choice::Staff(s.id)))
            .collect(),
        Err(e) => {
            ctx.store_error(&e);
            Vec::new()
        }
    }
}

/// How many unanswered referrals the lead's list shows (soonest reply first).
const REFERRALS_SHOWN: i64 = 200;

/// A lead's list of referrals still unanswered; the store refuses other roles.
pub fn referrals(ctx: &mut Ctx) -> Option<Popup> {
    match ctx
        .store
        .unanswered_referrals(ctx.user.actor, REFERRALS_SHOWN)
    {
        Ok(list) if list.is_empty() => {
            ctx.info(ctx.tr("ui.deadlines.referrals_none").to_string());
            None
        }
        Ok(list) => {
            let today = ctx.now.date();
            let opts = list
                .into_iter()
                .map(|r| {
                    let due = r
                        .reply_due
                        .map_or("—".into(), |d| d.format("%m-%d").to_string());
                    let mark = if r.overdue(today) { "!" } else { " " };
                    let label = format!("{mark}{due} {} {}", r.case_no, r.referred_to);
                    (label, Choice::Case(r.id))
                })
                .collect();
            let title = ctx.tr("ui.deadlines.referrals").to_string();
            Some(Popup::pick(title, opts, Flow::Referral))
        }
        Err(e) => {
            ctx.store_error(&e);
            None
        }
    }
}

/// A detail key: the popup it opens, None when the key is not an action.
pub fn start(c: char, st: &CasesState, ctx: &mut Ctx) -> Option<Popup> {
    let d = st.detail.as_ref()?;
    let t = |k: &str| ctx.tr(k).to_string();
    Some(match c {
        'a' => Popup::pick(t("ui.cases.pick.assign"), owners(ctx), Flow::Assign),
        'n' => Popup::text(t("ui.cases.act.note"), String::new(), Flow::Note),
        'c' => Popup::pick(
            t("ui.cases.act.colour"),
            Colour::ALL
                .iter()
                .map(|c| (t(c.i18n_key()), Choice::Colour(*c)))
                .collect(),
            Flow::Colour,
        ),
        't' => {
            let level = d.row.level;
            let hint = trf(
                ctx.lang,
                "ui.cases.attempt_hint",
                &[
                    ("level", &ctx.tr(level.i18n_key())),
                    ("n", &(d.ladder().attempts_at(level) + 1)),
                    ("max", &level.max_attempts()),
                ],
            );
            Popup::text(t("ui.cases.act.attempt"), hint, Flow::Attempt)
        }
        'e' => {
            let next = d
                .row
                .level
                .next()
                .map(|l| ctx.tr(l.i18n_key()))
                .unwrap_or("—");
            let text = trf(ctx.lang, "ui.cases.confirm.escalate", &[("level", &next)]);
            Popup::confirm(t("ui.cases.act.escalate"), text, Flow::Escalate)
        }
        'o' => {
            use OutcomeKind::*;
            let opts = [
                (Agreement, Status::Agreement),
                (NoAgreement, Status::NoAgreement),
                (Referred, Status::ReferredOut),
                (Withdrawn, Status::Withdrawn),
            ]
            .iter()
            .map(|(k, s)| (t(s.i18n_key()), Choice::OutcomeKind(*k)))
            .collect();
            Popup::pick(t("ui.cases.act.outcome"), opts, Flow::OutcomeKind)
        }
        'C' => Popup::confirm(
            t("ui.cases.act.close"),
            trf(
                ctx.lang,
                "ui.cases.confirm.close",
                &[("no", &d.row.case_no)],
            ),
            Flow::Close,
        ),
        'w' if d.row.waiting.is_some() => Popup::confirm(
            t("ui.cases.act.resume"),
            t("ui.cases.confirm.resume"),
            Flow::Resume,
        ),
        'w' => Popup::pick(
            t("ui.cases.act.wait"),
            Waiting::ALL
                .iter()
                .map(|w| (t(w.i18n_key()), Choice::Waiting(*w)))
                .collect(),
            Flow::Wait,
        ),
        'b' => Popup::text(
            t("ui.cases.act.referral_back"),
            t("ui.cases.reason_hint"),
            Flow::ReferralBack,
        ),
        'x' => Popup::ask(
            t("ui.deadlines.act.extend"),
            t("ui.deadlines.extend_days_hint"),
            Flow::ExtendDays,
            &EXTEND_DAYS.to_string(),
        ),
        'R' => Popup::text(
            t("ui.cases.act.reopen"),
            t("ui.cases.reason_hint"),
            Flow::Reopen,
        ),
        'M' | 'P' | 'U' => return super::merge::start(c, st, ctx),
        'T' => return super::team::start(st, ctx),
        _ => return None,
    })
}

/// Shows the result of a store call: success message or the store's reason.
pub(super) fn done<T>(
    st: &mut CasesState,
    ctx: &mut Ctx,
    r: crate::store::Result<T>,
    ok_key: &str,
) -> Option<T> {
    match r {
        Ok(v) => {
            ctx.info(ctx.tr(ok_key).to_string());
            st.after_change(ctx);
            Some(v)
        }
        Err(e) => {
            ctx.store_error(&e);
            None
        }
    }
}

/// Opens the text question `title` / `hint` for `flow`.
fn ask(st: &mut CasesState, ctx: &Ctx, (title, hint): (&str, &str), flow: Flow) {
    let (title, hint) = (ctx.tr(title).to_string(), ctx.tr(hint).to_string());
    st.popups.open(Popup::text(title, hint, flow));
}

/// An owned case asks why it changes hands; an unowned one is assigned at once.
pub(super) fn assign(st: &mut CasesState, to: i64, ctx: &mut Ctx) {
    if st.detail.as_ref().is_some_and(|d| d.row.owner_id.is_some()) {
        let q = ("ui.cases.act.assign", "ui.cases.reason_hint");
        ask(st, ctx, q, Flow::AssignReason { to });
    } else {
        assign_saying(st, to, "", ctx);
    }
}

pub(super) fn assign_saying(st: &mut CasesState, to: i64, reason: &str, ctx: &mut Ctx) {
    let r = ctx
        .store
        .assign_case(ctx.user.actor, st.open_id(), to, reason, ctx.now);
    done(st, ctx, r, "ui.cases.done.assign");
}

pub(super) fn note(st: &mut CasesState, text: &str, ctx: &mut Ctx) {
    let r = ctx
        .store
        .add_case_note(ctx.user.actor, st.open_id(), text, ctx.now);
    done(st, ctx, r, "ui.cases.done.note");
}

/// Lowering the colour asks a reason; raising it does not.
pub(super) fn colour(st: &mut CasesState, to: Colour, ctx: &mut Ctx) {
    let current = st.detail.as_ref().map(|d| d.row.colour).unwrap_or(to);
    if current.above(to) {
        let q = ("ui.cases.act.colour", "ui.cases.lower_hint");
        ask(st, ctx, q, Flow::ColourReason { to });
    } else {
        colour_saying(st, to, "", ctx);
    }
}

pub(super) fn colour_saying(st: &mut CasesState, to: Colour, reason: &str, ctx: &mut Ctx) {
    let (by, id, hours) = (ctx.user.actor, st.open_id(), &ctx.config.response_hours);
    let r = ctx.store.change_colour(by, id, to, reason, hours, ctx.now);
    done(st, ctx, r, "ui.cases.done.colour");
}

/// Records an attempt; when the level's attempts are used up, escalation is proposed at once.
pub(super) fn attempt(st: &mut CasesState, result: &str, ctx: &mut Ctx) {
    let r = ctx
        .store
        .record_attempt(ctx.user.actor, st.open_id(), result, ctx.now);
    // In a tree the proposal is a hand-up to the centre above (xfer.rs).
    if let Some(rec) = done(st, ctx, r, "ui.cases.done.attempt")
        && rec.escalate_proposed
        && let Some(p) = super::xfer::start('e', st, ctx).unwrap_or_else(|| start('e', st, ctx))
    {
        ctx.info(ctx.tr("ui.cases.escalate_proposed").to_string());
        st.popups.open(p);
    }
}

pub(super) fn escalate(st: &mut CasesState, ctx: &mut Ctx) {
    let r = ctx
        .store
        .escalate_case(ctx.user.actor, st.open_id(), "", ctx.now);
    done(st, ctx, r, "ui.cases.done.escalate");
}

pub(super) fn close(st: &mut CasesState, ctx: &mut Ctx) {
    let r = ctx.store.close_case(ctx.user.actor, st.open_id(), ctx.now);
    done(st, ctx, r, "ui.cases.done.close");
}

pub(super) fn reopen(st: &mut CasesState, reason: &str, ctx: &mut Ctx) {
    let (by, id, hours) = (ctx.user.actor, st.open_id(), &ctx.config.response_hours);
    let r = ctx.store.reopen_case(by, id, reason, hours, ctx.now);
    done(st, ctx, r, "ui.cases.done.reopen");
}

pub(super) fn referral_back(st: &mut CasesState, reason: &str, ctx: &mut Ctx) {
    let (by, id, hours) = (ctx.user.actor, st.open_id(), &ctx.config.response_hours);
    let r = ctx.store.return_referral(by, id, reason, hours, ctx.now);
    done(st, ctx, r, "ui.cases.done.referral_back");
}

pub(super) fn ask_wait_note(st: &mut CasesState, what: Waiting, ctx: &mut Ctx) {
    let q = ("ui.cases.act.wait", "ui.cases.wait_hint");
    ask(st, ctx, q, Flow::WaitNote { what });
}

pub(super) fn wait(st: &mut CasesState, what: Waiting, note: &str, ctx: &mut Ctx) {
    let r = ctx
        .store
        .start_waiting(ctx.user.actor, st.open_id(), what, note, ctx.now);
    done(st, ctx, r, "ui.cases.done.wait");
}

pub(super) fn resume(st: &mut CasesState, ctx: &mut Ctx) {
    let r = ctx
        .store
        .stop_waiting(ctx.user.actor, st.open_id(), ctx.now);
    done(st, ctx, r, "ui.cases.done.resume");
}

/// Days typed for an extension: wrong ones are asked again; then the parties' consent.
pub(super) fn ask_consent(st: &mut CasesState, typed: &str, ctx: &mut Ctx) {
    let q = ("ui.deadlines.act.extend", "ui.deadlines.extend_days_hint");
    let range = 1..=crate::store::MAX_EXTENSION_DAYS;
    let key = "err.deadlines.days";
    if let Some(days) = days_or_again(st, ctx, typed, range, key, q, Flow::ExtendDays) {
        let q = ("ui.deadlines.act.extend", "ui.deadlines.consent_hint");
        ask(st, ctx, q, Flow::ExtendConsent { days });
    }
}

pub(super) fn extend(st: &mut CasesState, days: i64, consent: &str, ctx: &mut Ctx) {
    let r = ctx
        .store
        .extend_term(ctx.user.actor, st.open_id(), days, consent, ctx.now);
    if let Some(end) = done(st, ctx, r, "ui.deadlines.done.extend") {
        let end = end.format("%Y-%m-%d %H:%M").to_string();
        ctx.info(trf(ctx.lang, "ui.deadlines.done.extend", &[("end", &end)]));
    }
}
