//! Keys of the case list and the case detail (with no popup open): moving, queues, filters,
//! sorting, search, the hand-over views; in the detail, scrolling, revealing numbers and the
//! actions' first popups. The keys' help lines are here too.
use super::handovers::HandoverView;
use super::popup::Popup;
use super::{CasesState, ListKind, actions, filters, xfer};
use crate::app::keys::{KeyHelp, help};
use crate::app::panes::{Ctx, Handled};
use crate::domain::case_filter::{CaseFilter, OwnerFilter};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

pub(super) const LIST_HELP: &[KeyHelp] = &[
    help("j/k ↑/↓", "help.cases.move"),
    help("PgUp/PgDn g/G", "help.cases.page"),
    help("Enter", "help.cases.open"),
    help("/", "help.cases.search"),
    help("m", "help.cases.my_queue"),
    help("u", "help.cases.unassigned"),
    help("M", "help.cases.queue_of"),
    help("A", "help.cases.all"),
    help("f", "help.cases.filter"),
    help("Backspace", "help.cases.unfilter"),
    help("s / S", "help.cases.sort"),
    help("r", "help.cases.referrals"),
];

/// The list's hand-over views, in a record of several centres.
pub(super) const CENTRE_LIST_HELP: &[KeyHelp] = &[
    help("i", "help.xfer.awaiting"),
    help("h", "help.xfer.handed_up"),
    help("d", "help.xfer.handed_down"),
];

/// A case this centre works, in a record of several centres: hand it down too.
pub(super) const CENTRE_DETAIL_HELP: &[KeyHelp] = &[help("d", "help.xfer.down")];

/// A case awaiting this centre's answer.
pub(super) const ANSWER_HELP: &[KeyHelp] = &[
    help("Esc", "help.cases.back"),
    help("j/k", "help.cases.scroll"),
    help("s", "help.xfer.sign"),
    help("r", "help.xfer.return"),
    help("v", "help.cases.reveal"),
];

/// A case another centre handles.
pub(super) const READ_ONLY_HELP: &[KeyHelp] = &[
    help("Esc", "help.cases.back"),
    help("j/k", "help.cases.scroll"),
    help("v", "help.cases.reveal"),
];

pub(super) const DETAIL_HELP: &[KeyHelp] = &[
    help("Esc", "help.cases.back"),
    help("j/k", "help.cases.scroll"),
    help("a", "help.cases.assign"),
    help("n", "help.cases.note"),
    help("c", "help.cases.colour"),
    help("t", "help.cases.attempt"),
    help("e", "help.cases.escalate"),
    help("o", "help.cases.outcome"),
    help("C", "help.cases.close"),
    help("R", "help.cases.reopen"),
    help("x", "help.cases.extend"),
    help("b", "help.cases.referral_back"),
    help("w", "help.cases.wait"),
    help("v", "help.cases.reveal"),
    help("T", "help.team.edit"),
    help("M", "help.merge.case"),
    help("P", "help.merge.party"),
    help("U", "help.merge.undo"),
];

pub(super) const SEARCH_HELP: &[KeyHelp] = &[
    help("↑/↓", "help.cases.move"),
    help("Enter", "help.cases.open"),
    help("Esc", "help.cases.search_close"),
];

impl CasesState {
    /// Opens `p` when there is one (the key's check may have refused and said why).
    fn open(&mut self, p: Option<Popup>) {
        if let Some(p) = p {
            self.popups.open(p);
        }
    }

    pub(super) fn list_key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Handled {
        if let ListKind::Handovers(_) = self.kind
            && let Some(h) = self.handover_key(key, ctx)
        {
            return h;
        }
        if self.several {
            let view = match key.code {
                KeyCode::Char('i') => Some(HandoverView::Awaiting),
                KeyCode::Char('h') => Some(HandoverView::HandedUp),
                KeyCode::Char('d') => Some(HandoverView::HandedDown),
                _ => None,
            };
            if let Some(v) = view {
                self.show_handovers(v, ctx);
                return Handled::Consumed;
            }
        }
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
                self.close_detail();
                // What was answered or handed over meanwhile shows in the list left.
                if let ListKind::Handovers(_) = self.kind {
                    self.reload_handovers(ctx);
                }
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
            KeyCode::Char(c) => match xfer::start(c, self, ctx) {
                Some(p) => self.open(p),
                None => match actions::start(c, self, ctx) {
                    Some(p) => self.popups.open(p),
                    None => return Handled::NotConsumed,
                },
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
