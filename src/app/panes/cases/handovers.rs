//! The case list's hand-over views, in a record of several centres: what awaits this centre's
//! sign-off (待签收), what it handed up (已上报), what it handed down or across (已交办). Each
//! is a short list of hand-overs read whole (at most a few hundred), not a window over the
//! cases: its rows carry the hand-over's state, centres and reply deadline.
use super::{CasesState, ListKind, Screen};
use crate::app::panes::{Ctx, Handled};
use crate::store::TransferItem;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use std::cell::Cell;

/// Which hand-overs a view lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandoverView {
    /// Addressed to this centre, awaiting its sign-off.
    Awaiting,
    /// Sent up the ladder by this centre.
    HandedUp,
    /// Sent down or across by this centre.
    HandedDown,
}

#[derive(Debug, Default)]
pub struct HandoverList {
    /// Each hand-over, and whether it is past its reply deadline.
    pub rows: Vec<(TransferItem, bool)>,
    pub sel: usize,
    pub top: usize,
    /// Rows the table showed at the last draw.
    pub height: Cell<usize>,
}

impl HandoverList {
    pub fn selected(&self) -> Option<&TransferItem> {
        self.rows.get(self.sel).map(|(t, _)| t)
    }

    fn move_to(&mut self, target: isize) {
        let max = self.rows.len().saturating_sub(1) as isize;
        self.sel = target.clamp(0, max) as usize;
        let h = self.height.get().max(1);
        if self.sel < self.top {
            self.top = self.sel;
        } else if self.sel >= self.top + h {
            self.top = self.sel + 1 - h;
        }
    }
}

impl CasesState {
    /// Shows a hand-over view of this person's centre, first row selected.
    pub fn show_handovers(&mut self, view: HandoverView, ctx: &mut Ctx) {
        self.kind = ListKind::Handovers(view);
        self.screen = Screen::List;
        self.handovers.sel = 0;
        self.handovers.top = 0;
        self.reload_handovers(ctx);
    }

    /// Re-reads the view shown, keeping the selected hand-over when it is still listed.
    pub(super) fn reload_handovers(&mut self, ctx: &mut Ctx) {
        let (ListKind::Handovers(view), Some(own)) = (&self.kind, ctx.place.own_id()) else {
            return;
        };
        let read = match view {
            HandoverView::Awaiting => ctx.store.pending_for(own, ctx.now),
            HandoverView::HandedUp => ctx.store.sent_from(own, true, ctx.now),
            HandoverView::HandedDown => ctx.store.sent_from(own, false, ctx.now),
        };
        match read {
            Ok(rows) => {
                let was = self.handovers.selected().map(|t| t.line.id);
                self.handovers.rows = rows;
                let at = was.and_then(|id| {
                    self.handovers
                        .rows
                        .iter()
                        .position(|(t, _)| t.line.id == id)
                });
                self.handovers
                    .move_to(at.unwrap_or(self.handovers.sel) as isize);
            }
            Err(e) => ctx.store_error(&e),
        }
    }

    /// Moving and opening in a hand-over view; the other list keys are the case list's.
    pub(super) fn handover_key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Option<Handled> {
        let l = &mut self.handovers;
        let (sel, h) = (l.sel as isize, l.height.get().max(1) as isize);
        match key.code {
            KeyCode::Down | KeyCode::Char('j') => l.move_to(sel + 1),
            KeyCode::Up | KeyCode::Char('k') => l.move_to(sel - 1),
            KeyCode::PageDown => l.move_to(sel + h),
            KeyCode::PageUp => l.move_to(sel - h),
            KeyCode::Home | KeyCode::Char('g') => l.move_to(0),
            KeyCode::End | KeyCode::Char('G') => l.move_to(isize::MAX),
            KeyCode::Enter => {
                if let Some(id) = l.selected().map(|t| t.line.case_id) {
                    self.open_case(id, ctx);
                }
            }
            // Sorting and clearing chips belong to the case list.
            KeyCode::Char('s' | 'S') | KeyCode::Backspace => {}
            _ => return None,
        }
        Some(Handled::Consumed)
    }
}
