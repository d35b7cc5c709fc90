//! Cases pane (F3): the case list with filters and sorting, queues, search and case detail.
//! A mediator lands on their own queue; a lead or clerk on all open cases by urgency.
//!
//! Files: the list and detail keys in `keys.rs`, search in `search.rs`; popups on the one
//! popup model in `popup.rs`, each shape in a file of its own (`pick.rs`, `ask.rs`,
//! `confirm.rs`); what every answer does is the one dispatch table in `flow.rs`, whose steps
//! live by subject in `actions.rs`, `outcome.rs`, `merge.rs`, `team.rs` and `filters.rs`.
mod actions;
pub mod ask;
pub mod confirm;
pub mod filters;
pub mod flow;
mod keys;
pub mod list;
mod merge;
pub mod outcome;
pub mod pick;
pub mod popup;
mod search;
mod team;

use super::popup::{PopupStack, Routed};
use super::{Ctx, Handled, Pane};
use crate::app::keys::{KeyHelp, help};
use crate::domain::case_filter::{CaseFilter, OwnerFilter};
use crate::domain::role::Role;
use crate::store::{CaseDetail, Revealed};
use list::ListState;
use popup::Popup;
use ratatui::crossterm::event::{KeyEvent, KeyModifiers};
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
    pub popups: PopupStack<Popup>,
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

    /// The open case's id (0 when none is open: the store then finds nothing).
    fn open_id(&self) -> i64 {
        self.detail.as_ref().map_or(0, |d| d.row.id)
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
            // Chords are not list or detail keys (Ctrl+J is not j), but the search box takes
            // the readline ones (Ctrl+W, Alt+Backspace…) like every text field.
            if self.search.active && self.screen == Screen::List && !self.popups.is_open() {
                self.search_key(key, ctx);
                return Handled::Consumed;
            }
            return Handled::NotConsumed;
        }
        match self.popups.key(key) {
            Routed::NoPopup => {}
            Routed::Act(p, a) => {
                flow::answer(self, p.flow, a, ctx);
                return Handled::Consumed;
            }
            Routed::Taken | Routed::Edited => return Handled::Consumed,
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
        if !matches!(self.popups.paste(text), Routed::NoPopup) {
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
        if self.popups.is_open() {
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
        self.popups.has_unsaved()
    }
}

#[cfg(test)]
mod centre_tests;
#[cfg(test)]
mod merge_tests;
#[cfg(test)]
mod tests;
