//! Keys of the detail and list that open popups, and what their answers do. Every change goes
//! through a store method that checks role and status machine and writes the audit log; the UI
//! only offers what makes sense and shows the store's verdict.
use super::filters::{apply_chip, filter_values, staff_name};
use super::popup::{Answer, Choice, Flow, OutcomeKind, Popup};
use super::{CasesState, ListKind};
use crate::app::panes::Ctx;
use crate::domain::case_filter::{OwnerFilter, Waiting};
use crate::domain::dates;
use crate::domain::risk::Colour;
use crate::domain::role::Role;
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
            st.popup = Some(Popup::ask(title, hint, flow, typed));
            None
        }
    }
}

/// Mediators and leads who can own a case.
pub(super) fn owners(ctx: &mut Ctx) -> Vec<(String, Choice)> {
    match ctx.store.list_staff() {
        Ok(staff) => staff
            .into_iter()
            .filter(|s| s.active && matches!(s.role, Role::Mediator | Role::Lead))
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
        _ => return super::merge::start(c, st, ctx),
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

pub fn answer(st: &mut CasesState, flow: Flow, a: Answer, ctx: &mut Ctx) {
    let by = ctx.user.actor;
    let now = ctx.now;
    let id = st.detail.as_ref().map(|d| d.row.id).unwrap_or(0);
    let t = |ctx: &Ctx, k: &str| ctx.tr(k).to_string();
    match (flow, a) {
        (Flow::FilterKind, Answer::Picked(Choice::FilterKind(k))) => {
            st.popup = filter_values(k, ctx);
            // Value-less chips apply at once.
            if let Some(p) = &st.popup
                && p.title.is_empty()
                && let super::popup::Body::Pick { options, .. } = &p.body
                && let Some((_, Choice::Chip(chip))) = options.first().cloned()
            {
                st.popup = None;
                apply_chip(st, chip, ctx);
            }
        }
        (Flow::FilterValue, Answer::Picked(Choice::Chip(chip))) => apply_chip(st, chip, ctx),
        (Flow::QueueOf, Answer::Picked(c)) => {
            let owner = match c {
                Choice::Staff(id) => OwnerFilter::Staff(id),
                _ => OwnerFilter::Unassigned,
            };
            let name = staff_name(owner, ctx);
            st.show(
                ListKind::Queue { owner, name },
                crate::domain::case_filter::CaseFilter::queue(owner),
                ctx,
            );
        }
        (Flow::Assign, Answer::Picked(Choice::Staff(to))) => {
            if st.detail.as_ref().is_some_and(|d| d.row.owner_id.is_some()) {
                st.popup = Some(Popup::text(
                    t(ctx, "ui.cases.act.assign"),
                    t(ctx, "ui.cases.reason_hint"),
                    Flow::AssignReason { to },
                ));
            } else {
                let r = ctx.store.assign_case(by, id, to, "", now);
                done(st, ctx, r, "ui.cases.done.assign");
            }
        }
        (Flow::AssignReason { to }, Answer::Text(reason)) => {
            let r = ctx.store.assign_case(by, id, to, &reason, now);
            done(st, ctx, r, "ui.cases.done.assign");
        }
        (Flow::Note, Answer::Text(text)) => {
            let r = ctx.store.add_case_note(by, id, &text, now);
            done(st, ctx, r, "ui.cases.done.note");
        }
        (Flow::Colour, Answer::Picked(Choice::Colour(to))) => {
            let current = st.detail.as_ref().map(|d| d.row.colour).unwrap_or(to);
            if current.above(to) {
                st.popup = Some(Popup::text(
                    t(ctx, "ui.cases.act.colour"),
                    t(ctx, "ui.cases.lower_hint"),
                    Flow::ColourReason { to },
                ));
            } else {
                let r = ctx
                    .store
                    .change_colour(by, id, to, "", &ctx.config.response_hours, now);
                done(st, ctx, r, "ui.cases.done.colour");
            }
        }
        (Flow::ColourReason { to }, Answer::Text(reason)) => {
            let r = ctx
                .store
                .change_colour(by, id, to, &reason, &ctx.config.response_hours, now);
            done(st, ctx, r, "ui.cases.done.colour");
        }
        (Flow::Attempt, Answer::Text(result)) => {
            let r = ctx.store.record_attempt(by, id, &result, now);
            if let Some(rec) = done(st, ctx, r, "ui.cases.done.attempt")
                && rec.escalate_proposed
            {
                // The level's attempts are used up: propose escalation right away.
                if let Some(p) = start('e', st, ctx) {
                    ctx.info(ctx.tr("ui.cases.escalate_proposed").to_string());
                    st.popup = Some(p);
                }
            }
        }
        (Flow::Escalate, Answer::Yes) => {
            let r = ctx.store.escalate_case(by, id, "", now);
            done(st, ctx, r, "ui.cases.done.escalate");
        }
        (Flow::Close, Answer::Yes) => {
            let r = ctx.store.close_case(by, id, now);
            done(st, ctx, r, "ui.cases.done.close");
        }
        (Flow::Wait, Answer::Picked(Choice::Waiting(what))) => {
            st.popup = Some(Popup::text(
                t(ctx, "ui.cases.act.wait"),
                t(ctx, "ui.cases.wait_hint"),
                Flow::WaitNote { what },
            ));
        }
        (Flow::WaitNote { what }, Answer::Text(note)) => {
            let r = ctx.store.start_waiting(by, id, what, &note, now);
            done(st, ctx, r, "ui.cases.done.wait");
        }
        (Flow::Resume, Answer::Yes) => {
            let r = ctx.store.stop_waiting(by, id, now);
            done(st, ctx, r, "ui.cases.done.resume");
        }
        (Flow::ReferralBack, Answer::Text(reason)) => {
            let hours = &ctx.config.response_hours;
            let r = ctx.store.return_referral(by, id, &reason, hours, now);
            done(st, ctx, r, "ui.cases.done.referral_back");
        }
        (Flow::Reopen, Answer::Text(reason)) => {
            let r = ctx
                .store
                .reopen_case(by, id, &reason, &ctx.config.response_hours, now);
            done(st, ctx, r, "ui.cases.done.reopen");
        }
        (Flow::Referral, Answer::Picked(Choice::Case(case))) => st.open_case(case, ctx),
        (Flow::ExtendDays, Answer::Text(typed)) => {
            let q = ("ui.deadlines.act.extend", "ui.deadlines.extend_days_hint");
            let range = 1..=crate::store::MAX_EXTENSION_DAYS;
            let key = "err.deadlines.days";
            if let Some(days) = days_or_again(st, ctx, &typed, range, key, q, Flow::ExtendDays) {
                st.popup = Some(Popup::text(
                    t(ctx, "ui.deadlines.act.extend"),
                    t(ctx, "ui.deadlines.consent_hint"),
                    Flow::ExtendConsent { days },
                ));
            }
        }
        (Flow::ExtendConsent { days }, Answer::Text(consent)) => {
            let r = ctx.store.extend_term(by, id, days, &consent, now);
            if let Some(end) = done(st, ctx, r, "ui.deadlines.done.extend") {
                let end = end.format("%Y-%m-%d %H:%M").to_string();
                ctx.info(trf(ctx.lang, "ui.deadlines.done.extend", &[("end", &end)]));
            }
        }
        (flow, a) => super::outcome::answer(st, flow, a, ctx),
    }
}
