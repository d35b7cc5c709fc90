//! The triage pane's popups on the one popup model: short questions over the form, each
//! answered yes or no. While one is open it takes every key; what an answer does is
//! `TriageState::answer`.
use super::form::Form;
use super::submit::try_save;
use super::{DRAFT_KIND, TriageState};
use crate::app::panes::popup::{self, Reply};
use crate::app::panes::{Ctx, Request};
use crate::app::text_field::TextField;
use crate::domain::risk::Colour;
use crate::i18n::trf;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// The three things a red case needs done at once (immediate-action checklist).
pub const RED_ITEMS: [&str; 3] = [
    "ui.triage.red.lead",
    "ui.triage.red.police",
    "ui.triage.red.safe",
];

#[derive(Debug, Clone)]
pub enum Popup {
    /// A draft from an earlier session (crash, restart): Enter restores, Esc discards.
    OfferDraft(Box<Form>),
    /// Esc on a filled form: Enter/Y discards, Esc/N stays.
    ConfirmDiscard,
    /// Lowering the colour below the computed one needs a written reason.
    LowerReason { to: Colour, reason: TextField },
    /// Red: shift lead told, police liaison told, visitor kept safe; all ticked to acknowledge.
    RedChecklist { ticks: [bool; 3], save_after: bool },
    /// Attach this visit to an open earlier case instead of registering a duplicate.
    ConfirmAttach { case_id: i64, case_no: String },
}

/// How a triage question was answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Yes,
    No,
}

impl Popup {
    pub fn lower_reason(to: Colour) -> Popup {
        Popup::LowerReason {
            to,
            reason: TextField::new(200),
        }
    }
}

fn yes_no(key: KeyEvent) -> Option<Answer> {
    match key.code {
        KeyCode::Enter | KeyCode::Char('y' | 'Y') => Some(Answer::Yes),
        KeyCode::Esc | KeyCode::Char('n' | 'N') => Some(Answer::No),
        _ => None,
    }
}

impl popup::Popup for Popup {
    type Action = Answer;

    fn key(&mut self, key: KeyEvent) -> Reply<Answer> {
        match self {
            // Both answers do something: restore, or discard the draft.
            Popup::OfferDraft(_) => yes_no(key).map_or(Reply::Stay, Reply::Act),
            Popup::ConfirmDiscard | Popup::ConfirmAttach { .. } => match yes_no(key) {
                Some(Answer::Yes) => Reply::Act(Answer::Yes),
                Some(Answer::No) => Reply::Close,
                None => Reply::Stay,
            },
            Popup::LowerReason { reason, .. } => match key.code {
                KeyCode::Esc => Reply::Close,
                KeyCode::Enter => Reply::Act(Answer::Yes),
                _ => {
                    reason.key(key);
                    Reply::Stay
                }
            },
            Popup::RedChecklist { ticks, .. } => match key.code {
                KeyCode::Char(c @ '1'..='3') => {
                    let i = (c as usize) - ('1' as usize);
                    ticks[i] = !ticks[i];
                    Reply::Stay
                }
                KeyCode::Enter => Reply::Act(Answer::Yes),
                // Esc keeps the ticks made so far.
                KeyCode::Esc => Reply::Act(Answer::No),
                _ => Reply::Stay,
            },
        }
    }

    fn paste(&mut self, text: &str) -> Reply<Answer> {
        if let Popup::LowerReason { reason, .. } = self {
            reason.paste(text);
        }
        Reply::Stay
    }
}

impl TriageState {
    /// Acts on an answered popup; one answered wrongly (no reason, a box unticked) stays open.
    pub(super) fn answer(&mut self, p: Popup, a: Answer, ctx: &mut Ctx) {
        match (p, a) {
            (Popup::OfferDraft(form), Answer::Yes) => {
                self.form = *form;
                self.dirty = true;
                self.repropose(ctx.now);
                for i in 0..self.form.parties.len() {
                    self.refresh_lookup(i, ctx);
                }
                ctx.info(ctx.tr("ui.triage.draft.restored").to_string());
            }
            (Popup::OfferDraft(_), Answer::No) | (Popup::ConfirmDiscard, Answer::Yes) => {
                self.discard(ctx)
            }
            (Popup::LowerReason { to, reason }, Answer::Yes) => {
                if reason.value().trim().is_empty() {
                    ctx.error(ctx.tr("err.colour.reason_required").to_string());
                    self.popups.open(Popup::LowerReason { to, reason });
                } else {
                    self.form.colour = Some(to);
                    self.form.colour_reason = reason.value().trim().to_string();
                    self.changed(ctx);
                }
            }
            (Popup::RedChecklist { ticks, save_after }, Answer::Yes) => {
                if ticks.iter().all(|x| *x) {
                    self.form.red_ack = ticks;
                    self.changed(ctx);
                    if save_after {
                        try_save(self, ctx);
                    }
                } else {
                    ctx.error(ctx.tr("err.case.red_ack").to_string());
                    self.popups.open(Popup::RedChecklist { ticks, save_after });
                }
            }
            (Popup::RedChecklist { ticks, .. }, Answer::No) => self.form.red_ack = ticks,
            (Popup::ConfirmAttach { case_id, case_no }, Answer::Yes) => {
                self.attach(case_id, &case_no, ctx)
            }
            _ => {}
        }
    }

    /// Records this visit on an open earlier case instead of opening a duplicate.
    fn attach(&mut self, case_id: i64, case_no: &str, ctx: &mut Ctx) {
        match ctx
            .store
            .attach_visit(ctx.user.actor, case_id, self.form.channel, ctx.now, "")
        {
            Ok(n) => {
                ctx.info(trf(
                    ctx.lang,
                    "ui.triage.attached",
                    &[("case", &case_no), ("n", &n)],
                ));
                ctx.delete_draft(DRAFT_KIND);
                ctx.requests.push(Request::RefreshCounts);
                self.reset(ctx);
            }
            Err(e) => ctx.store_error(&e),
        }
    }
}
