//! Cases pane (F3): the case list with filters and sorting, queues, search and case detail.
//! A mediator lands on their own queue; a lead or clerk on all open cases by urgency.
//!
//! Files: the list and detail keys in `keys.rs`, search in `search.rs`; popups on the one
//! popup model in `popup.rs`, each shape in a file of its own (`pick.rs`, `ask.rs`,
//! `confirm.rs`); what every answer does is the one dispatch table in `flow.rs`, whose steps
//! live by subject in `actions.rs`, `outcome.rs`, `merge.rs`, `team.rs` and `filters.rs`.
//! In a record of several centres, the hand-over views (`handovers.rs`) and the detail's
//! hand-overs (`xfer.rs`: hand up and down, sign for, return; read-only elsewhere).
mod actions;
pub mod ask;
pub mod confirm;
pub mod filters;
pub mod flow;
pub mod handovers;
mod keys;
pub mod list;
mod merge;
pub mod outcome;
pub mod pick;
pub mod popup;
mod search;
mod team;
mod xfer;

use super::popup::{PopupStack, Routed};
use super::{Ctx, Handled, Pane};
use crate::app::keys::KeyHelp;
use crate::domain::case_filter::{CaseFilter, OwnerFilter};
use crate::domain::role::Role;
use crate::domain::transfer::Standing;
use crate::store::{CaseDetail, CasePassage, Revealed};
use handovers::{HandoverList, HandoverView};
use keys::{
    ANSWER_HELP, CENTRE_DETAIL_HELP, CENTRE_LIST_HELP, DETAIL_HELP, LIST_HELP, READ_ONLY_HELP,
    SEARCH_HELP,
};
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
    /// A list of hand-overs of this person's centre (several centres only).
    Handovers(HandoverView),
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
    /// The hand-over views' rows.
    pub handovers: HandoverList,
    /// The open case's passage through the centres (several centres only).
    pub passage: Option<CasePassage>,
    /// What this person's centre may do with the open case.
    pub standing: Standing,
    /// The record has several centres (the hand-over views and keys exist).
    pub several: bool,
    /// A lead above village level: the list shows each case's centre and filters by it.
    pub centre_column: bool,
    /// The person's centre has one above it: `e` hands a case up (上报).
    pub hands_up: bool,
    started: bool,
}

impl CasesState {
    fn start(&mut self, ctx: &mut Ctx) {
        self.started = true;
        self.place_changed(ctx);
        if ctx.user.role() == Role::Mediator {
            self.kind = ListKind::MyQueue;
            self.list.filter = CaseFilter::queue(OwnerFilter::Staff(ctx.user.actor.staff_id));
        } else {
            self.kind = ListKind::AllOpen;
            self.list.filter = CaseFilter::open();
        }
        self.reload(ctx);
    }

    /// What the person's place in the tree shows (read again on entering: a new login).
    fn place_changed(&mut self, ctx: &Ctx) {
        self.several = ctx.place.several();
        self.centre_column = ctx.place.lead_above_village();
        self.hands_up = self.several && ctx.place.parent().is_some();
    }

    fn reload(&mut self, ctx: &mut Ctx) {
        if let ListKind::Handovers(_) = self.kind {
            return self.reload_handovers(ctx);
        }
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
                self.read_passage(&d, ctx);
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
                    self.read_passage(&d, ctx);
                    self.detail = Some(d);
                }
                Err(e) => ctx.store_error(&e),
            }
        }
    }

    /// The open case's standing, and in a record of several centres its passage.
    fn read_passage(&mut self, d: &CaseDetail, ctx: &mut Ctx) {
        self.standing = ctx.place.standing(&d.row);
        self.passage = None;
        if ctx.place.several() {
            match ctx.store.transfers_of(d.row.id) {
                Ok(p) => self.passage = Some(p),
                Err(e) => ctx.store_error(&e),
            }
        }
    }

    /// Back to the list from the detail.
    pub fn close_detail(&mut self) {
        self.screen = Screen::List;
        self.detail = None;
        self.passage = None;
        self.revealed.clear();
    }

    pub fn after_change(&mut self, ctx: &mut Ctx) {
        self.refresh_detail(ctx);
        self.refresh_list(ctx);
        ctx.requests.push(super::Request::RefreshCounts);
    }

    /// Re-reads the list shown from the selected row on (a hand-over view whole).
    fn refresh_list(&mut self, ctx: &mut Ctx) {
        if let ListKind::Handovers(_) = self.kind {
            return self.reload_handovers(ctx);
        }
        if let Err(e) = self.list.refresh_here(ctx.store, ctx.now) {
            ctx.store_error(&e);
        }
    }
}

impl Pane for CasesState {
    fn enter(&mut self, ctx: &mut Ctx) {
        if !self.started {
            self.start(ctx);
        } else {
            self.place_changed(ctx);
            if self.screen == Screen::List && !self.search.active {
                // Others may have changed cases meanwhile: re-read from the selected row on,
                // keeping the place, and recount.
                self.refresh_list(ctx);
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
        if self.search.active {
            return true;
        }
        if let ListKind::Handovers(_) = self.kind {
            self.reload_handovers(ctx);
        } else if let Err(e) = self.list.refresh_live(ctx.store, ctx.now) {
            ctx.store_error(&e);
        }
        true
    }

    fn help(&self) -> Vec<KeyHelp> {
        let (keys, centres): (&[KeyHelp], &[KeyHelp]) = if self.screen == Screen::Detail {
            match self.standing {
                Standing::Works => (DETAIL_HELP, CENTRE_DETAIL_HELP),
                Standing::ToAnswer => (ANSWER_HELP, &[]),
                Standing::ReadOnly => (READ_ONLY_HELP, &[]),
            }
        } else if self.search.active {
            (SEARCH_HELP, &[])
        } else {
            (LIST_HELP, CENTRE_LIST_HELP)
        };
        let mut keys = keys.to_vec();
        if self.several {
            keys.extend_from_slice(centres);
        }
        if self.hands_up {
            for k in keys.iter_mut().filter(|k| k.keys == "e") {
                k.what = "help.xfer.up";
            }
        }
        keys
    }

    fn has_unsaved(&self) -> bool {
        self.popups.has_unsaved()
    }
}

#[cfg(test)]
mod centre_tests;
#[cfg(test)]
mod handover_tests;
#[cfg(test)]
mod merge_tests;
#[cfg(test)]
mod tests;
