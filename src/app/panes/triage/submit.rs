//! Saving the intake (checks that need the clerk first), the screen after saving, and the
//! offer to attach the visit to an earlier case instead.
use super::popup::Popup;
use super::{Queued, Saved, Saving, TriageState, save};
use crate::app::panes::{Ctx, Handled, Request};
use crate::domain::case_rule::CaseRule;
use crate::domain::role::Permission;
use crate::i18n::trf;
use crate::store::CaseCreated;
use Handled::Consumed;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

pub(super) fn ask_attach(s: &mut TriageState, ctx: &mut Ctx) {
    match s.lookup.selected_case() {
        Some(c) if c.is_open() => s.popups.open(Popup::ConfirmAttach {
            case_id: c.case_id,
            case_no: c.case_no.clone(),
        }),
        Some(_) => ctx.error(ctx.tr("err.triage.attach_closed").to_string()),
        None => ctx.error(ctx.tr("ui.triage.match.none").to_string()),
    }
}

pub(super) fn try_save(s: &mut TriageState, ctx: &mut Ctx) {
    let may_route = ctx.user.role().may(Permission::Route);
    let case = save::new_case(&s.form, ctx.now, s.earlier_visits(), may_route);
    if let Some(p) = save::check(&s.form, &case) {
        tracing::info!(reason = p.key, "intake not saved");
        s.form.focus = p.focus;
        ctx.error(ctx.tr(p.key).to_string());
        return;
    }
    // The colour's rules, asked for in popups: a reason for lowering it, red's checklist.
    match case.check().map_err(|p| p.rule) {
        Err(CaseRule::Override(_)) => {
            if let Some(c) = s.form.colour {
                s.popups.open(Popup::lower_reason(c));
            }
            return;
        }
        Err(CaseRule::RedNotAcknowledged) => {
            s.red_due = false;
            s.popups.open(Popup::RedChecklist {
                ticks: s.form.red_ack,
                save_after: true,
            });
            return;
        }
        _ => {}
    }
    let owner_id = case.owner_id;
    let (actor, hours) = (ctx.user.actor, ctx.config.response_hours);
    ctx.info(ctx.tr("ui.triage.saving").to_string());
    let pending = ctx
        .background
        .query(ctx.store, move |st| st.create_case(actor, &case, &hours));
    s.saving = Some(Saving {
        pending,
        owner_id,
        queued: Vec::new(),
    });
    poll_save(s, ctx);
}

/// Takes the save's answer once it has come: the saved screen, or the refusal with the form
/// as it was; then the keys typed meanwhile.
pub(super) fn poll_save(s: &mut TriageState, ctx: &mut Ctx) {
    let Some(answer) = s.saving.as_mut().and_then(|w| w.pending.poll()) else {
        return;
    };
    let Some(saving) = s.saving.take() else {
        return;
    };
    match answer {
        Ok(created) => show_saved(s, ctx, created, saving.owner_id),
        Err(e) => ctx.answer_error(&e),
    }
    for q in saving.queued {
        match q {
            Queued::Key(k) => drop(super::keys::on_key(s, k, ctx)),
            Queued::Paste(t) => drop(super::keys::on_paste(s, &t, ctx)),
        }
    }
}

fn show_saved(s: &mut TriageState, ctx: &mut Ctx, created: CaseCreated, owner_id: Option<i64>) {
    let owner_name = s.form.owner.and_then(|id| {
        s.candidates
            .as_ref()?
            .iter()
            .find(|c| c.staff_id == id)
            .map(|c| c.name.clone())
    });
    let slip = match ctx.store.slip(&created.case_no) {
        Ok(d) => crate::report::slip::slip_text(
            ctx.lang,
            &d,
            ctx.config,
            &crate::report::slip_centre(ctx.store, ctx.config, &d)
                .unwrap_or_else(|_| ctx.config.centre.name.clone()),
        ),
        Err(_) => String::new(),
    };
    // Found at once by the next visitor's look-up, without reloading the index.
    for (id, name, keys) in ctx.store.case_party_names(created.id).unwrap_or_default() {
        ctx.names.insert(id, &name, &keys);
    }
    ctx.delete_draft(super::DRAFT_KIND);
    ctx.info(trf(
        ctx.lang,
        "ui.triage.saved",
        &[("case", &created.case_no)],
    ));
    ctx.requests.push(Request::RefreshCounts);
    s.reset(ctx);
    s.saved = Some(Saved {
        created,
        owner_id,
        owner_name,
        slip,
        slip_path: None,
    });
}

pub(super) fn saved_key(s: &mut TriageState, key: KeyEvent, ctx: &mut Ctx) -> Handled {
    let Some(saved) = &mut s.saved else {
        return Handled::NotConsumed;
    };
    match key.code {
        KeyCode::Char('p' | 'P') => match super::slip_out::print(saved, ctx) {
            Ok(()) => ctx.info(ctx.tr("ui.triage.slip.printed").to_string()),
            Err(e) => ctx.error(format!("{}: {e}", ctx.tr("err.triage.print"))),
        },
        KeyCode::Char('w' | 'W') => match super::slip_out::write(saved, ctx) {
            Ok(path) => ctx.info(trf(ctx.lang, "ui.triage.slip.written", &[("path", &path)])),
            Err(e) => ctx.error(format!("{}: {e}", ctx.tr("err.triage.write"))),
        },
        // Straight to booking the first session, with the chosen mediator filled in.
        KeyCode::Char('b' | 'B') => ctx.requests.push(Request::BookSession {
            case_id: saved.created.id,
            mediator_id: saved.owner_id,
        }),
        KeyCode::Enter | KeyCode::Char('n' | 'N') | KeyCode::Esc => s.saved = None,
        _ => return Handled::NotConsumed,
    }
    Consumed
}
