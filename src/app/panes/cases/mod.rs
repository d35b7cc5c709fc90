//! Cases pane (F3): the case list with filters and sorting, queues, search and case detail.
//! A mediator lands on their own queue; a lead or clerk on all open cases by urgency.
mod actions;
mod filters;
pub mod list;
mod merge;
mod outcome;
pub mod popup;
mod search;
mod team;

use super::{Ctx, Handled, Pane};
use crate::app::keys::{KeyHelp, help};
use crate::domain::case_filter::{CaseFilter, OwnerFilter};
use crate::domain::role::Role;
use crate::store::{CaseDetail, Revealed};
use list::ListState;
use popup::{Answer, Popup};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
pub use search::{SEARCH_LIMIT, SearchState};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Screen {
    #[default]
    List,
    Detail,
}

/// Which list is shown (the title says it).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ListKind {
    #[default]
    AllOpen,
    MyQueue,
    Queue {
        owner: OwnerFilter,
        name: String,
    },
    Custom,
}

#[derive(Default)]
pub struct CasesState {
    pub screen: Screen,
    pub kind: ListKind,
    pub list: ListState,
    pub search: SearchState,
    pub detail: Option<CaseDetail>,
    /// Full numbers shown after an audited reveal (cleared when the detail closes).
    pub revealed: Vec<Revealed>,
    pub detail_scroll: u16,
    pub popup: Option<Popup>,
    /// Merges touching the open case (read with the detail, never per frame).
    pub merges: crate::store::MergeView,
    /// The open case's dedicated team (一案一专班), if any.
    pub team: Option<crate::store::CaseTeam>,
    started: bool,
}

const LIST_HELP: &[KeyHelp] = &[
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

const DETAIL_HELP: &[KeyHelp] = &[
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

const SEARCH_HELP: &[KeyHelp] = &[
    help("↑/↓", "help.cases.move"),
    help("Enter", "help.cases.open"),
    help("Esc", "help.cases.search_close"),
];

impl CasesState {
    fn start(&mut self, ctx: &mut Ctx) {
        self.started = true;
        if ctx.user.role() == Role::Mediator {
            self.kind = ListKind::MyQueue;
            self.list.filter = CaseFilter::queue(OwnerFilter::Staff(ctx.user.actor.staff_id));
        } else {
            self.kind = ListKind::AllOpen;
            self.list.filter = CaseFilter::open();
        }
        self.reload(ctx);
    }

    fn reload(&mut self, ctx: &mut Ctx) {
        if let Err(e) = self.list.reload(ctx.store, ctx.now) {
            ctx.store_error(&e);
        }
    }

    /// Shows a list by filter (a queue, all cases…), first row selected.
    pub fn show(&mut self, kind: ListKind, filter: CaseFilter, ctx: &mut Ctx) {
        self.kind = kind;
        self.list.filter = filter;
        self.screen = Screen::List;
        self.reload(ctx);
    }

    pub fn open_case(&mut self, id: i64, ctx: &mut Ctx) {
        match ctx.store.case_detail(id) {
            Ok(d) => {
                self.merges = merge::view(id, ctx);
                self.team = team::load(id, ctx);
                self.detail = Some(d);
                self.revealed.clear();
                self.detail_scroll = 0;
                self.screen = Screen::Detail;
            }
            Err(e) => ctx.store_error(&e),
        }
    }

    fn list_key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Handled {
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
            KeyCode::Char('M') => self.popup = filters::queue_picker(ctx),
            KeyCode::Char('r') => self.popup = actions::referrals(ctx),
            KeyCode::Char('f') => self.popup = Some(filters::filter_kinds(ctx)),
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

    fn detail_key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Handled {
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
                Some(p) => self.popup = Some(p),
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

    /// Re-reads the open case and the list after a change.
    pub fn refresh_detail(&mut self, ctx: &mut Ctx) {
        if let Some(id) = self.detail.as_ref().map(|d| d.row.id) {
            match ctx.store.case_detail(id) {
                Ok(d) => {
                    self.merges = merge::view(id, ctx);
                    self.team = team::load(id, ctx);
                    self.detail = Some(d);
                }
                Err(e) => ctx.store_error(&e),
            }
        }
    }

    pub fn after_change(&mut self, ctx: &mut Ctx) {
        self.refresh_detail(ctx);
        if let Err(e) = self.list.refresh_here(ctx.store, ctx.now) {
            ctx.store_error(&e);
        }
        ctx.requests.push(super::Request::RefreshCounts);
    }
}

impl Pane for CasesState {
    fn enter(&mut self, ctx: &mut Ctx) {
        if !self.started {
            self.start(ctx);
        } else if self.screen == Screen::List && !self.search.active {
            // Others may have changed cases meanwhile: re-read from the selected row on,
            // keeping the place, and recount.
            if let Err(e) = self.list.refresh_here(ctx.store, ctx.now) {
                ctx.store_error(&e);
            }
        }
    }

    fn key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Handled {
        if key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return Handled::NotConsumed;
        }
        if let Some(p) = self.popup.as_mut() {
            let answer = p.key(key);
            if answer != Answer::Open {
                let p = self.popup.take();
                if let (Some(p), false) = (p, answer == Answer::Cancel) {
                    actions::answer(self, p.flow, answer, ctx);
                }
            }
            return Handled::Consumed;
        }
        if self.screen == Screen::Detail {
            return self.detail_key(key, ctx);
        }
        if self.search.active {
            self.search_key(key, ctx);
            return Handled::Consumed;
        }
        self.list_key(key, ctx)
    }

    fn paste(&mut self, text: &str, ctx: &mut Ctx) -> Handled {
        if let Some(p) = self.popup.as_mut() {
            p.paste(text);
            return Handled::Consumed;
        }
        if self.search.active && self.screen == Screen::List {
            self.search.field.paste(text);
            self.run_search(ctx);
            return Handled::Consumed;
        }
        Handled::NotConsumed
    }

    fn tick(&mut self, _ctx: &mut Ctx) {
        self.list.poll_count();
    }

    fn refresh(&mut self, ctx: &mut Ctx) -> bool {
        if !self.started {
            return true;
        }
        if self.popup.is_some() {
            return false;
        }
        if self.screen == Screen::Detail {
            self.refresh_detail(ctx);
        }
        // Search results answer what was typed; the list under them is re-read on leaving.
        if !self.search.active
            && let Err(e) = self.list.refresh_live(ctx.store, ctx.now)
        {
            ctx.store_error(&e);
        }
        true
    }

    fn help(&self) -> Vec<KeyHelp> {
        let keys = if self.screen == Screen::Detail {
            DETAIL_HELP
        } else if self.search.active {
            SEARCH_HELP
        } else {
            LIST_HELP
        };
        keys.to_vec()
    }

    fn has_unsaved(&self) -> bool {
        self.popup.as_ref().is_some_and(Popup::has_text)
    }
}

#[cfg(test)]
mod merge_tests;
#[cfg(test)]
mod tests;
