//! List popups: filter chips (kind, then value), a mediator's queue, and applying them.
use super::actions::owners;
use super::flow::Flow;
use super::pick::Choice;
use super::popup::Popup;
use super::{CasesState, ListKind};
use crate::app::panes::Ctx;
use crate::domain::case_filter::{CaseFilter, Chip, OwnerFilter};
use crate::domain::category;
use crate::domain::channel::Channel;
use crate::domain::ladder::Level;
use crate::domain::risk::Colour;
use crate::domain::role::Role;
use crate::domain::status::Status;
use chrono::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterKind {
    Status,
    Colour,
    Category,
    Channel,
    Owner,
    Level,
    Received,
    Overdue,
    FollowUp,
    /// A lead above village level: one of their centres.
    Centre,
}

fn title(ctx: &Ctx, key: &str) -> String {
    ctx.tr(key).to_string()
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
    let mut opts: Vec<(String, Choice)> = kinds
        .iter()
        .map(|(k, key)| (ctx.tr(key).to_string(), Choice::FilterKind(*k)))
        .collect();
    if ctx.place.lead_above_village() {
        let label = ctx.tr("ui.xfer.col.centre").to_string();
        opts.push((label, Choice::FilterKind(Centre)));
    }
    Popup::pick(title(ctx, "ui.cases.pick.filter"), opts, Flow::FilterKind)
}

/// A filter kind picked: its values to pick from; a chip with no value applies at once.
pub(super) fn ask_value(st: &mut CasesState, kind: FilterKind, ctx: &mut Ctx) {
    let l = |k: &str| ctx.tr(k).to_string();
    let opts: Vec<(String, Choice)> = match kind {
        FilterKind::Overdue => return apply_chip(st, Chip::Overdue, ctx),
        FilterKind::FollowUp => return apply_chip(st, Chip::NeedsFollowUp, ctx),
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
        FilterKind::Centre => ctx
            .place
            .visible()
            .into_iter()
            .map(|c| (c.name.clone(), Choice::Chip(Chip::Centre(c.id))))
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
    let title = title(ctx, "ui.cases.pick.filter");
    st.popups.open(Popup::pick(title, opts, Flow::FilterValue));
}

pub(super) fn apply_chip(st: &mut CasesState, chip: Chip, ctx: &mut Ctx) {
    st.list.filter.set(chip);
    st.kind = ListKind::Custom;
    st.reload(ctx);
}

/// A queue picked (a lead's `M`): that person's open cases, or the unassigned ones.
pub(super) fn show_queue(st: &mut CasesState, c: Choice, ctx: &mut Ctx) {
    let owner = match c {
        Choice::Staff(id) => OwnerFilter::Staff(id),
        _ => OwnerFilter::Unassigned,
    };
    let name = staff_name(owner, ctx);
    st.show(
        ListKind::Queue { owner, name },
        CaseFilter::queue(owner),
        ctx,
    );
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
