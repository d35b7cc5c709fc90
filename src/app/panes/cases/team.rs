//! `T` in the case detail: the dedicated team of a complex case (一案一专班) — staff codes
//! typed in one box (prefilled with the current team), then the written plan. A lead or the
//! case's owner may edit it; the store checks and audits.
use super::CasesState;
use super::actions::done;
use super::flow::Flow;
use super::popup::Popup;
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

pub(super) fn start(st: &CasesState, ctx: &mut Ctx) -> Option<Popup> {
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
    Some(Popup::ask(
        ctx.tr("ui.team.title").to_string(),
        ctx.tr("ui.team.members_hint").to_string(),
        Flow::TeamMembers,
        &codes.join(" "),
    ))
}

/// Member codes typed: every one must be known; then the plan, prefilled with the current one.
pub(super) fn ask_plan(st: &mut CasesState, typed: &str, ctx: &mut Ctx) {
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
    st.popups.open(Popup::ask(
        ctx.tr("ui.team.title").to_string(),
        ctx.tr("ui.team.plan_hint").to_string(),
        Flow::TeamPlan { members },
        &plan,
    ));
}

pub(super) fn save(st: &mut CasesState, members: &[i64], plan: &str, ctx: &mut Ctx) {
    let r = ctx
        .store
        .set_case_team(ctx.user.actor, st.open_id(), members, plan, ctx.now);
    done(st, ctx, r, "ui.team.done");
}
