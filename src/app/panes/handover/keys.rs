//! Keys of the handover pane: saving and editing the notes, moving through the sheet (day,
//! shift, scroll, print, export), the statistics period, and Tab between the two views.
use super::notes::NotesKey;
use super::stats::Period;
use super::{Ctx, DRAFT_KIND, HandoverState, Tab};
use crate::app::focus::{self, Dir};
use crate::app::panes::Handled;
use crate::domain::shift::Shift;
use chrono::Duration;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

impl HandoverState {
    /// Ctrl+S saves the notes; while they are edited they take every key; Tab switches view.
    pub(super) fn on_key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Handled {
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('s') {
            if self.tab == Tab::Sheet {
                self.save_notes(ctx);
                return Handled::Consumed;
            }
            return Handled::NotConsumed;
        }
        if self.tab == Tab::Sheet && self.editing {
            return self.key_notes(key, ctx);
        }
        // Tab only: Shift+Tab is not one of this pane's keys.
        if key.code == KeyCode::Tab {
            self.tab = focus::cycle(&Tab::ALL, self.tab, Dir::Next);
            if self.tab == Tab::Stats && self.stats.is_none() && !self.stats_loading() {
                self.refresh_stats(ctx);
            }
            return Handled::Consumed;
        }
        match self.tab {
            Tab::Sheet => self.key_sheet(key, ctx),
            Tab::Stats => self.key_stats(key, ctx),
        }
    }

    fn key_notes(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Handled {
        if key.code == KeyCode::Esc {
            self.editing = false;
            return Handled::Consumed;
        }
        if self.notes.key(key) == NotesKey::Changed {
            self.dirty = true;
            ctx.save_draft(DRAFT_KIND, self.notes.text());
        }
        Handled::Consumed
    }

    fn key_sheet(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Handled {
        let page = 10;
        let last = self.preview.len().saturating_sub(1);
        match key.code {
            KeyCode::Up => self.scroll = self.scroll.saturating_sub(1),
            KeyCode::Down => self.scroll = (self.scroll + 1).min(last),
            KeyCode::PageUp => self.scroll = self.scroll.saturating_sub(page),
            KeyCode::PageDown => self.scroll = (self.scroll + page).min(last),
            KeyCode::Home => self.scroll = 0,
            KeyCode::End => self.scroll = last,
            KeyCode::Left | KeyCode::Right if !self.dirty => {
                let d = self.date_or(ctx);
                let step = if key.code == KeyCode::Left { -1 } else { 1 };
                self.date = Some(d + Duration::days(step));
                self.scroll = 0;
                self.refresh_sheet(ctx);
            }
            KeyCode::Char('s') if !self.dirty => {
                self.shift = focus::cycle(Shift::ALL, self.shift, Dir::Next);
                self.refresh_sheet(ctx);
            }
            KeyCode::Left | KeyCode::Right | KeyCode::Char('s') => {
                let msg = ctx.tr("ui.handover.unsaved").to_string();
                ctx.error(msg);
            }
            KeyCode::Char('n') => self.editing = true,
            KeyCode::Char('p') => {
                self.settle_sheet(ctx);
                self.print(ctx)
            }
            KeyCode::Char('e') => {
                self.settle_sheet(ctx);
                self.export(ctx)
            }
            _ => return Handled::NotConsumed,
        }
        Handled::Consumed
    }

    fn key_stats(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Handled {
        let p = match key.code {
            KeyCode::Char('1') => Period::ThisMonth,
            KeyCode::Char('2') => Period::LastMonth,
            KeyCode::Char('3') => Period::ThisYear,
            KeyCode::Char('4') => Period::Last30,
            _ => return Handled::NotConsumed,
        };
        self.period = p;
        self.refresh_stats(ctx);
        Handled::Consumed
    }
}
