//! Merging duplicates from the case detail (a lead's keys): `M` merges another case, typed by
//! its number, into the open one; `P` merges two party records of the open case; `U` undoes a
//! merge. Every chain ends in a confirmation (the steps are rows of `flow.rs`); the store
//! checks the role and audits.
use super::CasesState;
use super::actions::done;
use super::flow::Flow;
use super::pick::Choice;
use super::popup::Popup;
use crate::app::panes::Ctx;
use crate::domain::role::Role;
use crate::i18n::trf;
use crate::store::{MergeKind, MergeView};

pub(super) fn view(id: i64, ctx: &mut Ctx) -> MergeView {
    ctx.store.merge_view(id).unwrap_or_else(|e| {
        ctx.store_error(&e);
        MergeView::default()
    })
}

/// The parties of the open case except `but`, as pick-list entries.
fn party_choices(st: &CasesState, but: Option<i64>) -> Vec<(String, Choice)> {
    let Some(d) = &st.detail else {
        return Vec::new();
    };
    let mut seen = Vec::new();
    d.parties
        .iter()
        .filter(|p| Some(p.party_id) != but)
        .filter(|p| {
            let new = !seen.contains(&p.party_id);
            seen.push(p.party_id);
            new
        })
        .map(|p| {
            let phone = p.phone.as_deref().unwrap_or("—");
            (
                format!("#{} {} {phone}", p.party_id, p.name),
                Choice::Party(p.party_id),
            )
        })
        .collect()
}

/// `M`, `P` or `U`: the first question of a merge, for a lead.
pub(super) fn start(c: char, st: &CasesState, ctx: &mut Ctx) -> Option<Popup> {
    if ctx.user.actor.role != Role::Lead {
        ctx.error(ctx.tr("err.merge.lead_only").to_string());
        return None;
    }
    let t = |k: &str| ctx.tr(k).to_string();
    Some(match c {
        'M' => Popup::text(
            t("ui.merge.case"),
            t("ui.merge.case_hint"),
            Flow::MergeCaseNo,
        ),
        'P' => {
            if party_choices(st, None).len() < 2 {
                ctx.error(t("err.merge.one_party"));
                return None;
            }
            Popup::pick(
                t("ui.merge.party_keep"),
                party_choices(st, None),
                Flow::PartyKeep,
            )
        }
        _ => {
            if st.merges.merges.is_empty() {
                ctx.error(t("err.merge.none"));
                return None;
            }
            let opts = st
                .merges
                .merges
                .iter()
                .map(|m| {
                    let at = m.at.get(..16).unwrap_or(&m.at);
                    let kind = match m.kind {
                        MergeKind::Case => t("ui.merge.kind_case"),
                        MergeKind::Party => t("ui.merge.kind_party"),
                    };
                    (
                        format!("{at} {kind} {} → {}", m.gone, m.keep),
                        Choice::Merge(m.id),
                    )
                })
                .collect();
            Popup::pick(t("ui.merge.undo"), opts, Flow::UndoPick)
        }
    })
}

fn t(ctx: &Ctx, k: &str) -> String {
    ctx.tr(k).to_string()
}

/// A case number typed: found, the merge into the open case is confirmed first.
pub(super) fn confirm_case(st: &mut CasesState, typed: &str, ctx: &mut Ctx) {
    let Some(no) = st.detail.as_ref().map(|d| d.row.case_no.clone()) else {
        return;
    };
    match ctx.store.case_id_by_no(typed) {
        Ok(Some(gone)) => {
            let text = trf(
                ctx.lang,
                "ui.merge.confirm_case",
                &[("gone", &typed.trim()), ("keep", &no)],
            );
            st.popups.open(Popup::confirm(
                t(ctx, "ui.merge.case"),
                text,
                Flow::MergeCase { gone },
            ));
        }
        Ok(None) => ctx.error(t(ctx, "err.merge.no_case")),
        Err(e) => ctx.store_error(&e),
    }
}

pub(super) fn cases(st: &mut CasesState, gone: i64, ctx: &mut Ctx) {
    let r = ctx
        .store
        .merge_cases(ctx.user.actor, st.open_id(), gone, ctx.now);
    done(st, ctx, r, "ui.merge.done");
}

/// The party kept is picked: now the one merged into it.
pub(super) fn ask_gone(st: &mut CasesState, keep: i64, ctx: &mut Ctx) {
    st.popups.open(Popup::pick(
        t(ctx, "ui.merge.party_gone"),
        party_choices(st, Some(keep)),
        Flow::PartyGone { keep },
    ));
}

pub(super) fn confirm_party(st: &mut CasesState, keep: i64, gone: i64, ctx: &mut Ctx) {
    let text = trf(
        ctx.lang,
        "ui.merge.confirm_party",
        &[("gone", &format!("#{gone}")), ("keep", &format!("#{keep}"))],
    );
    st.popups.open(Popup::confirm(
        t(ctx, "ui.merge.party"),
        text,
        Flow::MergeParty { keep, gone },
    ));
}

pub(super) fn parties(st: &mut CasesState, keep: i64, gone: i64, ctx: &mut Ctx) {
    let r = ctx.store.merge_parties(ctx.user.actor, keep, gone, ctx.now);
    done(st, ctx, r, "ui.merge.done");
}

pub(super) fn confirm_undo(st: &mut CasesState, merge: i64, ctx: &mut Ctx) {
    st.popups.open(Popup::confirm(
        t(ctx, "ui.merge.undo"),
        t(ctx, "ui.merge.confirm_undo"),
        Flow::Undo { merge },
    ));
}

pub(super) fn undo(st: &mut CasesState, merge: i64, ctx: &mut Ctx) {
    let r = ctx.store.undo_merge(ctx.user.actor, merge, ctx.now);
    done(st, ctx, r, "ui.merge.undone");
}
