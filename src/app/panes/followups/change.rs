//! Moving a follow-up to another date, or cancelling it; both need a reason.
use super::{Ctx, FollowupsState, parse_due};
use crate::app::focus::move_by_key;
use crate::app::text_field::TextField;
use crate::domain::followup_rule::FollowupRule;
use crate::i18n::trf;
use crate::store::{FollowupRow, StoreError};
use ratatui::crossterm::event::KeyEvent;

/// Move (new date and reason) or cancel (reason only) one follow-up.
#[derive(Debug, Clone)]
pub struct ChangeForm {
    pub row: FollowupRow,
    /// None: cancelling.
    pub date: Option<TextField>,
    pub reason: TextField,
    pub focus: usize,
}

impl ChangeForm {
    /// Offers the current due date, or today for an overdue one (a date cannot be in the past).
    pub fn moving(row: FollowupRow, today: chrono::NaiveDate) -> Self {
        let mut date = TextField::new(10);
        date.set_value(&row.due_on.max(today).format("%Y-%m-%d").to_string());
        ChangeForm {
            row,
            date: Some(date),
            reason: TextField::new(100),
            focus: 0,
        }
    }

    pub fn cancelling(row: FollowupRow) -> Self {
        ChangeForm {
            row,
            date: None,
            reason: TextField::new(100),
            focus: 1,
        }
    }

    pub fn key(&mut self, key: KeyEvent) {
        if self.date.is_some() && move_by_key(&mut self.focus, 2, key) {
            return;
        }
        match (&mut self.date, self.focus) {
            (Some(d), 0) => {
                d.key(key);
            }
            _ => {
                self.reason.key(key);
            }
        }
    }

    pub fn paste(&mut self, text: &str) {
        match (&mut self.date, self.focus) {
            (Some(d), 0) => d.paste(text),
            _ => self.reason.paste(text),
        };
    }
}

impl FollowupsState {
    pub(super) fn submit_change(&mut self, f: &mut ChangeForm, ctx: &mut Ctx) -> bool {
        let actor = ctx.user.actor;
        let result = match &f.date {
            Some(d) => match parse_due(d.value(), ctx.now.date()) {
                Err(_) => Err(StoreError::Followup(FollowupRule::Date)),
                Ok(due) => ctx
                    .store
                    .move_followup(actor, f.row.id, due, f.reason.value(), ctx.now)
                    .map(|()| trf(ctx.lang, "ui.followups.moved", &[("date", &due)])),
            },
            None => ctx
                .store
                .cancel_followup(actor, f.row.id, f.reason.value(), ctx.now)
                .map(|()| ctx.tr("ui.followups.cancelled").to_string()),
        };
        self.saved(result, ctx)
    }
}
