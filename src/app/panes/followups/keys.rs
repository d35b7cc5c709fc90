//! Keys of the follow-up list: move, switch scope, open a form.
use super::change::ChangeForm;
use super::filter::FilterForm;
use super::popup::Popup;
use super::record::RecordForm;
use super::{Ctx, DRAFT, FollowupsState};
use crate::app::focus::{self, Dir};
use crate::app::panes::Handled;
use crate::store::FollowupScope;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

impl FollowupsState {
    pub(super) fn list_key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Handled {
        if key.modifiers.contains(KeyModifiers::CONTROL) {
            return Handled::NotConsumed;
        }
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => self.move_cursor(-1, ctx),
            KeyCode::Down | KeyCode::Char('j') => self.move_cursor(1, ctx),
            KeyCode::PageUp => self.move_cursor(-10, ctx),
            KeyCode::PageDown => self.move_cursor(10, ctx),
            KeyCode::Home => self.selected = 0,
            KeyCode::End => self.move_cursor(isize::MAX, ctx),
            _ if let Some(dir) = Dir::of_tab(key) => {
                self.filter.scope = focus::cycle(&FollowupScope::TABS, self.filter.scope, dir);
                self.selected = 0;
                self.reload(ctx);
            }
            KeyCode::Enter => {
                if let Some(row) = self.row_to_change(ctx) {
                    let terms = ctx.store.agreement_terms(row.case_id).ok().flatten();
                    let mut form = RecordForm::new(row, terms);
                    if let Ok(Some(d)) = ctx.store.load_draft(ctx.user.actor.staff_id, DRAFT) {
                        form.restore(&d.body);
                    }
                    self.popups.open(Popup::Record(Box::new(form)));
                }
            }
            KeyCode::Char('m') => {
                if let Some(row) = self.row_to_change(ctx) {
                    self.popups.open(Popup::Change(Box::new(ChangeForm::moving(
                        row,
                        ctx.now.date(),
                    ))));
                }
            }
            KeyCode::Char('x') => {
                if let Some(row) = self.row_to_change(ctx) {
                    self.popups
                        .open(Popup::Change(Box::new(ChangeForm::cancelling(row))));
                }
            }
            KeyCode::Char('a') => self.popups.open(Popup::Add(Box::default())),
            KeyCode::Char('/') => {
                let owner = self.owner_label.as_deref().unwrap_or("");
                let owner = owner.split(' ').next().unwrap_or("");
                let f = FilterForm::new(owner, &self.category_query, self.filter.colour);
                self.popups.open(Popup::Filter(Box::new(f)));
            }
            KeyCode::Char('o') => {
                if self.filter.owner == Some(ctx.user.actor.staff_id) {
                    self.filter.owner = None;
                    self.owner_label = None;
                } else {
                    self.set_mine(ctx);
                }
                self.selected = 0;
                self.reload(ctx);
            }
            _ => return Handled::NotConsumed,
        }
        Handled::Consumed
    }
}
