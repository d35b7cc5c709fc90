//! The follow-up pane's popups on the one popup model: record a result (`record.rs`), move or
//! cancel (`change.rs`), add (`add.rs`), filter (`filter.rs`), and the offer to close a case,
//! kept here. Each form owns its fields; Enter hands it back to the pane, which submits it and
//! keeps it open when the store refuses.
use super::add::AddForm;
use super::change::ChangeForm;
use super::filter::FilterForm;
use super::record::RecordForm;
use super::{Ctx, DRAFT, FollowupsState};
use crate::app::focus::{self, Dir};
use crate::app::keys::{KeyHelp, help};
use crate::app::panes::Request;
use crate::app::panes::popup::{self, Reply};
use crate::app::text_field::Edit;
use crate::i18n::trf;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// One of a fixed list of values, changed with ←/→ (or space).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice<T: 'static> {
    pub options: &'static [T],
    pub index: usize,
}

impl<T: Copy + PartialEq> Choice<T> {
    pub fn new(options: &'static [T], value: T) -> Self {
        let index = options.iter().position(|o| *o == value).unwrap_or(0);
        Choice { options, index }
    }

    pub fn value(&self) -> T {
        self.options[self.index.min(self.options.len() - 1)]
    }

    /// ←/→/space move the choice; returns whether the key was one of those.
    pub fn key(&mut self, key: KeyEvent) -> bool {
        match Dir::of_choice(key) {
            Some(dir) => {
                self.index = focus::cycle_index(self.index, self.options.len(), dir);
                true
            }
            None => false,
        }
    }
}

pub(super) fn edited(e: Edit) -> bool {
    matches!(e, Edit::Changed | Edit::Truncated)
}

#[derive(Debug, Clone)]
pub enum Popup {
    Record(Box<RecordForm>),
    Change(Box<ChangeForm>),
    Add(Box<AddForm>),
    Filter(Box<FilterForm>),
    /// The last follow-up found the agreement fulfilled: close the case? (leads)
    ConfirmClose {
        case_id: i64,
        case_no: String,
    },
}

/// Enter (or Y on the offer to close): submit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Submit;

const FORM_HELP: &[KeyHelp] = &[
    help("Enter", "help.followups.save"),
    help("Tab ↑↓", "help.followups.next_field"),
    help("← →", "help.followups.choose"),
    help("Esc", "help.back"),
];
const RECORD_HELP: &[KeyHelp] = &[
    help("Enter", "help.followups.save"),
    help("Tab ↑↓", "help.followups.next_field"),
    help("← →", "help.followups.choose"),
    help("0–5", "help.followups.satisfaction"),
    help("Esc", "help.followups.keep_draft"),
];
const CONFIRM_HELP: &[KeyHelp] = &[
    help("Y / Enter", "help.followups.close_case"),
    help("N / Esc", "help.followups.not_now"),
];

impl popup::Popup for Popup {
    type Action = Submit;

    fn key(&mut self, key: KeyEvent) -> Reply<Submit> {
        match self {
            Popup::ConfirmClose { .. } => match key.code {
                KeyCode::Char('y' | 'Y') | KeyCode::Enter => Reply::Act(Submit),
                KeyCode::Char('n' | 'N') | KeyCode::Esc => Reply::Close,
                _ => Reply::Stay,
            },
            _ if key.code == KeyCode::Esc => Reply::Close,
            _ if key.code == KeyCode::Enter => Reply::Act(Submit),
            // The record form keeps its draft as it is typed.
            Popup::Record(f) => {
                if f.key(key) {
                    Reply::Edited
                } else {
                    Reply::Stay
                }
            }
            Popup::Change(f) => {
                f.key(key);
                Reply::Stay
            }
            Popup::Add(f) => {
                f.key(key);
                Reply::Stay
            }
            Popup::Filter(f) => {
                f.key(key);
                Reply::Stay
            }
        }
    }

    fn paste(&mut self, text: &str) -> Reply<Submit> {
        match self {
            Popup::Record(f) => {
                if f.paste(text) {
                    return Reply::Edited;
                }
            }
            Popup::Change(f) => f.paste(text),
            Popup::Add(f) => f.paste(text),
            Popup::Filter(f) => f.paste(text),
            Popup::ConfirmClose { .. } => {}
        }
        Reply::Stay
    }

    fn has_unsaved(&self) -> bool {
        match self {
            Popup::Record(f) => f.has_text(),
            Popup::Change(f) => !f.reason.value().trim().is_empty(),
            Popup::Add(f) => !f.text.value().trim().is_empty(),
            _ => false,
        }
    }

    fn help(&self) -> Option<&'static [KeyHelp]> {
        Some(match self {
            Popup::ConfirmClose { .. } => CONFIRM_HELP,
            Popup::Record(_) => RECORD_HELP,
            _ => FORM_HELP,
        })
    }
}

impl FollowupsState {
    /// Submits a popup; one the store refuses stays open with what was typed.
    pub(super) fn answer(&mut self, mut p: Popup, ctx: &mut Ctx) {
        let done = match &mut p {
            Popup::ConfirmClose { case_id, case_no } => {
                match ctx
                    .store
                    .close_after_followups(ctx.user.actor, *case_id, ctx.now)
                {
                    Ok(()) => {
                        let t = trf(ctx.lang, "ui.followups.closed", &[("case", case_no)]);
                        ctx.info(t);
                        ctx.requests.push(Request::RefreshCounts);
                    }
                    Err(e) => ctx.store_error(&e),
                }
                self.reload(ctx);
                true
            }
            Popup::Record(f) => self.submit_record(f, ctx),
            Popup::Change(f) => self.submit_change(f, ctx),
            Popup::Add(f) => self.submit_add(f, ctx),
            Popup::Filter(f) => self.submit_filter(f, ctx),
        };
        if !done {
            self.popups.open(p);
        }
    }

    /// The record form's draft follows what is typed.
    pub(super) fn save_record_draft(&self, ctx: &mut Ctx) {
        if let Some(Popup::Record(f)) = self.popups.top() {
            ctx.save_draft(DRAFT, f.draft());
        }
    }
}
