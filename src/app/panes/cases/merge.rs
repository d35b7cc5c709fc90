//! Merging duplicates from the case detail (a lead's keys): `M` merges another case, typed by
//! its number, into the open one; `P` merges two party records of the open case; `U` undoes a
//! merge. Every step ends in a confirmation; the store checks the role and audits.
use super::CasesState;
use super::actions::done;
use super::popup::{Answer, Choice, Flow, Popup};
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
fn parties(st: &CasesState, but: Option<i64>) -> Vec<(String, Choice)> {
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

pub(super) fn start(c: char, st: &CasesState, ctx: &mut Ctx) -> Option<Popup> {
    if !matches!(c, 'M' | 'P' | 'U') {
        return super::team::start(c, st, ctx);
    }
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
            if parties(st, None).len() < 2 {
                ctx.error(t("err.merge.one_party"));
                return None;
            }
            Popup::pick(t("ui.merge.party_keep"), parties(st, None), Flow::PartyKeep)
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

pub(super) fn answer(st: &mut CasesState, flow: Flow, a: Answer, ctx: &mut Ctx) {
    let by = ctx.user.actor;
    let now = ctx.now;
    let Some((id, no)) = st
        .detail
        .as_ref()
        .map(|d| (d.row.id, d.row.case_no.clone()))
    else {
        return;
    };
    let t = |ctx: &Ctx, k: &str| ctx.tr(k).to_string();
    match (flow, a) {
        (Flow::MergeCaseNo, Answer::Text(typed)) => match ctx.store.case_id_by_no(&typed) {
            Ok(Some(gone)) => {
                let text = trf(
                    ctx.lang,
                    "ui.merge.confirm_case",
                    &[("gone", &typed.trim()), ("keep", &no)],
                );
                st.popup = Some(Popup::confirm(
                    t(ctx, "ui.merge.case"),
                    text,
                    Flow::MergeCase { gone },
                ));
            }
            Ok(None) => ctx.error(t(ctx, "err.merge.no_case")),
            Err(e) => ctx.store_error(&e),
        },
        (Flow::MergeCase { gone }, Answer::Yes) => {
            let r = ctx.store.merge_cases(by, id, gone, now);
            done(st, ctx, r, "ui.merge.done");
        }
        (Flow::PartyKeep, Answer::Picked(Choice::Party(keep))) => {
            st.popup = Some(Popup::pick(
                t(ctx, "ui.merge.party_gone"),
                parties(st, Some(keep)),
                Flow::PartyGone { keep },
            ));
        }
        (Flow::PartyGone { keep }, Answer::Picked(Choice::Party(gone))) => {
            let text = trf(
                ctx.lang,
                "ui.merge.confirm_party",
                &[("gone", &format!("#{gone}")), ("keep", &format!("#{keep}"))],
            );
            st.popup = Some(Popup::confirm(
                t(ctx, "ui.merge.party"),
                text,
                Flow::MergeParty { keep, gone },
            ));
        }
        (Flow::MergeParty { keep, gone }, Answer::Yes) => {
            let r = ctx.store.merge_parties(by, keep, gone, now);
            done(st, ctx, r, "ui.merge.done");
        }
        (Flow::UndoPick, Answer::Picked(Choice::Merge(merge))) => {
            st.popup = Some(Popup::confirm(
                t(ctx, "ui.merge.undo"),
                t(ctx, "ui.merge.confirm_undo"),
                Flow::Undo { merge },
            ));
        }
        (Flow::Undo { merge }, Answer::Yes) => {
            let r = ctx.store.undo_merge(by, merge, now);
            done(st, ctx, r, "ui.merge.undone");
        }
        (flow, a) => super::team::answer(st, flow, a, ctx),
    }
}
