//! Keys of the case list and the case detail (with no popup open): moving, queues, filters,
//! sorting, search; in the detail, scrolling, revealing numbers and the actions' first popups.
use super::popup::Popup;
use super::{CasesState, ListKind, Screen, actions, filters};
use crate::app::panes::{Ctx, Handled};
use crate::domain::case_filter::{CaseFilter, OwnerFilter};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

impl CasesState {
    /// Opens `p` when there is one (the key's check may have refused and said why).
    fn open(&mut self, p: Option<Popup>) {
        if let Some(p) = p {
            self.popups.open(p);
        }
    }

    pub(super) fn list_key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Handled {
        let h = self.list.height.get().max(1) as isize;
        let moved = match key.code {
            KeyCode::Down | KeyCode::Char('j') => Some(self.list.move_by(1, ctx.store, ctx.now)),
            KeyCode::Up | KeyCode::Char('k') => Some(self.list.move_by(-1, ctx.store, ctx.now)),
            KeyCode::PageDown => Some(self.list.move_by(h, ctx.store, ctx.now)),
            KeyCode::PageUp => Some(self.list.move_by(-h, ctx.store, ctx.now)),
            KeyCode::Home | KeyCode::Char('g') => Some(self.list.first(ctx.store, ctx.now)),
            KeyCode::End | KeyCode::Char('G') => Some(self.list.last(ctx.store, ctx.now)),
            _ => None,
        };
        if let Some(r) = moved {
            if let Err(e) = r {
                ctx.store_error(&e);
            }
            return Handled::Consumed;
        }
        match key.code {
            KeyCode::Enter => {
                if let Some(id) = self.list.selected().map(|r| r.id) {
                    self.open_case(id, ctx);
                }
            }
            KeyCode::Char('/') => {
                self.search.active = true;
                self.run_search(ctx);
            }
            KeyCode::Char('m') => {
                let me = OwnerFilter::Staff(ctx.user.actor.staff_id);
                self.show(ListKind::MyQueue, CaseFilter::queue(me), ctx);
            }
            KeyCode::Char('u') => {
                let name = ctx.tr("ui.cases.unassigned").to_string();
                let owner = OwnerFilter::Unassigned;
                self.show(
                    ListKind::Queue { owner, name },
                    CaseFilter::queue(owner),
                    ctx,
                );
            }
            KeyCode::Char('A') => self.show(ListKind::Custom, CaseFilter::default(), ctx),
            KeyCode::Char('M') => self.open(filters::queue_picker(ctx)),
            KeyCode::Char('r') => self.open(actions::referrals(ctx)),
            KeyCode::Char('f') => self.popups.open(filters::filter_kinds(ctx)),
            KeyCode::Backspace => {
                if self.list.filter.pop() {
                    self.kind = ListKind::Custom;
                    self.reload(ctx);
                }
            }
            KeyCode::Char('s') => {
                self.list.sort.key = self.list.sort.key.next();
                self.list.sort.reversed = false;
                self.reload_rows(ctx);
            }
            KeyCode::Char('S') => {
                self.list.sort.reversed = !self.list.sort.reversed;
                self.reload_rows(ctx);
            }
            _ => return Handled::NotConsumed,
        }
        Handled::Consumed
    }

    /// Same filter, new order: the count stays valid.
    fn reload_rows(&mut self, ctx: &mut Ctx) {
        if let Err(e) = self.list.first(ctx.store, ctx.now) {
            ctx.store_error(&e);
        }
    }

    pub(super) fn detail_key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Handled {
        match key.code {
            KeyCode::Esc => {
                self.screen = Screen::List;
                self.detail = None;
                self.revealed.clear();
            }
            KeyCode::Down | KeyCode::Char('j') => {
                self.detail_scroll = self.detail_scroll.saturating_add(1)
            }
            KeyCode::Up | KeyCode::Char('k') => {
                self.detail_scroll = self.detail_scroll.saturating_sub(1)
            }
            KeyCode::PageDown => self.detail_scroll = self.detail_scroll.saturating_add(10),
            KeyCode::PageUp => self.detail_scroll = self.detail_scroll.saturating_sub(10),
            KeyCode::Char('v') => self.reveal(ctx),
            KeyCode::Char(c) => match actions::start(c, self, ctx) {
                Some(p) => self.popups.open(p),
                None => return Handled::NotConsumed,
            },
            _ => return Handled::NotConsumed,
        }
        Handled::Consumed
    }

    fn reveal(&mut self, ctx: &mut Ctx) {
        let Some(id) = self.detail.as_ref().map(|d| d.row.id) else {
            return;
        };
        match ctx.store.reveal_numbers(ctx.user.actor, id, ctx.now) {
            Ok(r) => {
                self.revealed = r;
                self.refresh_detail(ctx);
            }
            Err(e) => ctx.store_error(&e),
        }
    }
}
