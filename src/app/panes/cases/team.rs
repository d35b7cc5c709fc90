//! `T` in the case detail: the dedicated team of a complex case (一案一专班) — staff codes
//! typed in one box (prefilled with the current team), then the written plan. A lead or the
//! case's owner may edit it; the store checks and audits.
use super::CasesState;
use super::actions::done;
use super::popup::{Answer, Body, Flow, Popup};
use crate::app::panes::Ctx;
use crate::domain::role::Role;
use crate::i18n::trf;
use crate::store::CaseTeam;

pub(super) fn load(id: i64, ctx: &mut Ctx) -> Option<CaseTeam> {
    ctx.store.case_team(id).unwrap_or_else(|e| {
        ctx.store_error(&e);
        None
    })
}

fn prefilled(title: String, hint: String, value: &str, flow: Flow) -> Popup {
    let mut p = Popup::text(title, hint, flow);
    if let Body::Text { field, .. } = &mut p.body {
        field.set_value(value);
    }
    p
}

pub(super) fn start(c: char, st: &CasesState, ctx: &mut Ctx) -> Option<Popup> {
    if c != 'T' {
        return None;
    }
    let d = st.detail.as_ref()?;
    let me = ctx.user.actor;
    if me.role != Role::Lead && d.row.owner_id != Some(me.staff_id) {
        ctx.error(ctx.tr("err.team.lead_or_owner").to_string());
        return None;
    }
    let codes: Vec<&str> = st
        .team
        .iter()
        .flat_map(|t| t.members.iter().map(|m| m.1.as_str()))
        .collect();
    Some(prefilled(
        ctx.tr("ui.team.title").to_string(),
        ctx.tr("ui.team.members_hint").to_string(),
        &codes.join(" "),
        Flow::TeamMembers,
    ))
}

pub(super) fn answer(st: &mut CasesState, flow: Flow, a: Answer, ctx: &mut Ctx) {
    let Some(id) = st.detail.as_ref().map(|d| d.row.id) else {
        return;
    };
    match (flow, a) {
        (Flow::TeamMembers, Answer::Text(typed)) => {
            let staff = match ctx.store.list_staff() {
                Ok(s) => s,
                Err(e) => return ctx.store_error(&e),
            };
            let mut members = Vec::new();
            for code in typed
                .split([' ', ',', '，', '、'])
                .filter(|c| !c.is_empty())
            {
                match staff.iter().find(|s| s.code.eq_ignore_ascii_case(code)) {
                    Some(s) if !members.contains(&s.id) => members.push(s.id),
                    Some(_) => {}
                    None => {
                        let msg = trf(ctx.lang, "err.team.unknown", &[("code", &code)]);
                        return ctx.error(msg);
                    }
                }
            }
            let plan = st.team.as_ref().map(|t| t.plan.clone()).unwrap_or_default();
            st.popup = Some(prefilled(
                ctx.tr("ui.team.title").to_string(),
                ctx.tr("ui.team.plan_hint").to_string(),
                &plan,
                Flow::TeamPlan { members },
            ));
        }
        (Flow::TeamPlan { members }, Answer::Text(plan)) => {
            let r = ctx
                .store
                .set_case_team(ctx.user.actor, id, &members, &plan, ctx.now);
            done(st, ctx, r, "ui.team.done");
        }
        _ => {}
    }
}
