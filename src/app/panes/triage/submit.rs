//! Saving the intake (checks that need the clerk first), the screen after saving, and the
//! answers to popups (discard, attach a visit, red checklist, lowering reason).
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
        Some(c) if c.is_open() => {
            s.popup = Some(Popup::ConfirmAttach {
                case_id: c.case_id,
                case_no: c.case_no.clone(),
            })
        }
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
            s.popup = s.form.colour.map(Popup::lower_reason);
            return;
        }
        Err(CaseRule::RedNotAcknowledged) => {
            s.popup = Some(Popup::RedChecklist {
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
            &crate::report::centre_name(ctx.store, ctx.config)
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

pub(super) fn popup_key(s: &mut TriageState, key: KeyEvent, ctx: &mut Ctx) {
    let Some(popup) = s.popup.take() else { return };
    match popup {
        Popup::OfferDraft(form) => match key.code {
            KeyCode::Enter | KeyCode::Char('y' | 'Y') => {
                s.form = *form;
                s.dirty = true;
                s.repropose();
                for i in 0..s.form.parties.len() {
                    s.refresh_lookup(i, ctx);
                }
                ctx.info(ctx.tr("ui.triage.draft.restored").to_string());
            }
            KeyCode::Esc | KeyCode::Char('n' | 'N') => s.discard(ctx),
            _ => s.popup = Some(Popup::OfferDraft(form)),
        },
        Popup::ConfirmDiscard => match key.code {
            KeyCode::Enter | KeyCode::Char('y' | 'Y') => s.discard(ctx),
            KeyCode::Esc | KeyCode::Char('n' | 'N') => {}
            _ => s.popup = Some(Popup::ConfirmDiscard),
        },
        Popup::LowerReason { to, mut reason } => match key.code {
            KeyCode::Esc => {}
            KeyCode::Enter if !reason.value().trim().is_empty() => {
                s.form.colour = Some(to);
                s.form.colour_reason = reason.value().trim().to_string();
                s.changed(ctx);
            }
            KeyCode::Enter => {
                ctx.error(ctx.tr("err.colour.reason_required").to_string());
                s.popup = Some(Popup::LowerReason { to, reason });
            }
            _ => {
                reason.key(key);
                s.popup = Some(Popup::LowerReason { to, reason });
            }
        },
        Popup::RedChecklist {
            mut ticks,
            save_after,
        } => match key.code {
            KeyCode::Char(c @ '1'..='3') => {
                let i = (c as usize) - ('1' as usize);
                ticks[i] = !ticks[i];
                s.popup = Some(Popup::RedChecklist { ticks, save_after });
            }
            KeyCode::Enter if ticks.iter().all(|x| *x) => {
                s.form.red_ack = ticks;
                s.changed(ctx);
                if save_after {
                    try_save(s, ctx);
                }
            }
            KeyCode::Enter => {
                ctx.error(ctx.tr("err.case.red_ack").to_string());
                s.popup = Some(Popup::RedChecklist { ticks, save_after });
            }
            KeyCode::Esc => s.form.red_ack = ticks,
            _ => s.popup = Some(Popup::RedChecklist { ticks, save_after }),
        },
        Popup::ConfirmAttach { case_id, case_no } => match key.code {
            KeyCode::Enter | KeyCode::Char('y' | 'Y') => {
                match ctx
                    .store
                    .attach_visit(ctx.user.actor, case_id, s.form.channel, ctx.now, "")
                {
                    Ok(n) => {
                        ctx.info(trf(
                            ctx.lang,
                            "ui.triage.attached",
                            &[("case", &case_no), ("n", &n)],
                        ));
                        ctx.delete_draft(super::DRAFT_KIND);
                        ctx.requests.push(Request::RefreshCounts);
                        s.reset(ctx);
                    }
                    Err(e) => ctx.store_error(&e),
                }
            }
            KeyCode::Esc | KeyCode::Char('n' | 'N') => {}
            _ => s.popup = Some(Popup::ConfirmAttach { case_id, case_no }),
        },
    }
}
