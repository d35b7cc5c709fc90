//! Keys of the detail and list that open popups, and what their answers do. Every change goes
//! through a store method that checks role and status machine and writes the audit log; the UI
//! only offers what makes sense and shows the store's verdict.
use super::popup::{Answer, Choice, FilterKind, Flow, OutcomeKind, Popup};
use super::{CasesState, ListKind};
use crate::app::panes::Ctx;
use crate::domain::case_filter::{Chip, OwnerFilter};
use crate::domain::category;
use crate::domain::channel::Channel;
use crate::domain::ladder::Level;
use crate::domain::risk::Colour;
use crate::domain::role::Role;
use crate::domain::status::Status;
use crate::i18n::trf;
use crate::store::Outcome;
use chrono::Duration;

/// Default days a receiving body has to answer a referral.
const REPLY_DAYS: i64 = 15;

fn title(ctx: &Ctx, key: &str) -> String {
    ctx.tr(key).to_string()
}

/// Mediators and leads who can own a case.
fn owners(ctx: &mut Ctx) -> Vec<(String, Choice)> {
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

pub fn queue_picker(ctx: &mut Ctx) -> Option<Popup> {
    if ctx.user.role() != Role::Lead {
        ctx.error(ctx.tr("err.forbidden").to_string());
        return None;
    }
    let mut opts = vec![(
        ctx.tr("ui.cases.unassigned").to_string(),
        Choice::Unassigned,
    )];
    opts.extend(owners(ctx));
    Some(Popup::pick(
        title(ctx, "ui.cases.pick.queue"),
        opts,
        Flow::QueueOf,
    ))
}

pub fn filter_kinds(ctx: &Ctx) -> Popup {
    use FilterKind::*;
    let kinds = [
        (Status, "ui.cases.col.status"),
        (Colour, "ui.cases.col.colour"),
        (Category, "ui.cases.col.category"),
        (Channel, "ui.cases.col.channel"),
        (Owner, "ui.cases.col.owner"),
        (Level, "ui.cases.col.level"),
        (Received, "ui.cases.col.received"),
        (Overdue, "ui.cases.chip.overdue"),
        (FollowUp, "ui.cases.chip.follow_up"),
    ];
    let opts = kinds
        .iter()
        .map(|(k, key)| (ctx.tr(key).to_string(), Choice::FilterKind(*k)))
        .collect();
    Popup::pick(title(ctx, "ui.cases.pick.filter"), opts, Flow::FilterKind)
}

fn filter_values(kind: FilterKind, ctx: &mut Ctx) -> Option<Popup> {
    let l = |k: &str| ctx.tr(k).to_string();
    let opts: Vec<(String, Choice)> = match kind {
        FilterKind::Overdue => return add_chip(Chip::Overdue),
        FilterKind::FollowUp => return add_chip(Chip::NeedsFollowUp),
        FilterKind::Status => std::iter::once((l("ui.cases.chip.open"), Choice::Chip(Chip::Open)))
            .chain(
                Status::ALL
                    .iter()
                    .map(|s| (l(s.i18n_key()), Choice::Chip(Chip::Status(*s)))),
            )
            .collect(),
        FilterKind::Colour => Colour::ALL
            .iter()
            .map(|c| (l(c.i18n_key()), Choice::Chip(Chip::Colour(*c))))
            .collect(),
        FilterKind::Category => category::all()
            .iter()
            .map(|c| {
                (
                    c.label(ctx.lang).to_string(),
                    Choice::Chip(Chip::Category(c.code.clone())),
                )
            })
            .collect(),
        FilterKind::Channel => Channel::ALL
            .iter()
            .map(|c| (l(c.i18n_key()), Choice::Chip(Chip::Channel(*c))))
            .collect(),
        FilterKind::Level => Level::ALL
            .iter()
            .map(|v| (l(v.i18n_key()), Choice::Chip(Chip::Level(*v))))
            .collect(),
        FilterKind::Owner => {
            let mut o = vec![(
                l("ui.cases.unassigned"),
                Choice::Chip(Chip::Owner(OwnerFilter::Unassigned)),
            )];
            o.extend(owners(ctx).into_iter().map(|(n, c)| match c {
                Choice::Staff(id) => (n, Choice::Chip(Chip::Owner(OwnerFilter::Staff(id)))),
                other => (n, other),
            }));
            o
        }
        FilterKind::Received => {
            let today = ctx.now.date();
            [
                (0, "ui.cases.range.today"),
                (6, "ui.cases.range.week"),
                (29, "ui.cases.range.month"),
                (364, "ui.cases.range.year"),
            ]
            .iter()
            .map(|(d, k)| {
                (
                    l(k),
                    Choice::Chip(Chip::Received {
                        from: today - Duration::days(*d),
                        to: today,
                    }),
                )
            })
            .collect()
        }
    };
    return Some(Popup::pick(
        title(ctx, "ui.cases.pick.filter"),
        opts,
        Flow::FilterValue,
    ));

    /// A chip with no value to choose: a marker popup never shown, applied by the caller.
    fn add_chip(chip: Chip) -> Option<Popup> {
        Some(Popup::pick(
            String::new(),
            vec![(String::new(), Choice::Chip(chip))],
            Flow::FilterValue,
        ))
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
        'R' => Popup::text(
            t("ui.cases.act.reopen"),
            t("ui.cases.reason_hint"),
            Flow::Reopen,
        ),
        _ => return None,
    })
}

/// Shows the result of a store call: success message or the store's reason.
fn done<T>(
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
            let mut p = Popup::text(
                t(ctx, "ui.cases.act.outcome"),
                t(ctx, "ui.cases.reply_days_hint"),
                Flow::ReplyDays { to },
            );
            if let super::popup::Body::Text { field, .. } = &mut p.body {
                field.set_value(&REPLY_DAYS.to_string());
            }
            st.popup = Some(p);
        }
        (Flow::ReplyDays { to }, Answer::Text(days)) => {
            let days = days.parse::<i64>().unwrap_or(REPLY_DAYS).clamp(1, 365);
            let o = Outcome::Referred {
                to,
                reply_due: now.date() + Duration::days(days),
            };
            confirm_outcome(st, o, ctx);
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
            let r = ctx.store.record_outcome(by, id, &o, now);
            done(st, ctx, r, "ui.cases.done.outcome");
        }
        (Flow::Close, Answer::Yes) => {
            let r = ctx.store.close_case(by, id, now);
            done(st, ctx, r, "ui.cases.done.close");
        }
        (Flow::Reopen, Answer::Text(reason)) => {
            let r = ctx
                .store
                .reopen_case(by, id, &reason, &ctx.config.response_hours, now);
            done(st, ctx, r, "ui.cases.done.reopen");
        }
        _ => {}
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

fn apply_chip(st: &mut CasesState, chip: Chip, ctx: &mut Ctx) {
    st.list.filter.set(chip);
    st.kind = ListKind::Custom;
    st.reload(ctx);
}

fn staff_name(owner: OwnerFilter, ctx: &mut Ctx) -> String {
    match owner {
        OwnerFilter::Unassigned => ctx.tr("ui.cases.unassigned").to_string(),
        OwnerFilter::Staff(id) => ctx
            .store
            .list_staff()
            .ok()
            .and_then(|s| s.into_iter().find(|m| m.id == id))
            .map(|m| format!("{} {}", m.code, m.name))
            .unwrap_or_default(),
    }
}
