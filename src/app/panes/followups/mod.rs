//! Follow-ups pane (回访): the work list of due, overdue and upcoming follow-ups, and the forms
//! that record, move, cancel and add them. Rows come a page at a time (keyset, LIMIT) and are
//! cached here; nothing is queried while drawing.
//!
//! Files: list keys in `keys.rs`; popups on the one popup model in `popup.rs`, each form in a
//! file of its own (`record.rs`, `change.rs`, `add.rs`, `filter.rs`) with what submitting it does.
mod add;
mod change;
mod filter;
mod keys;
pub mod popup;
mod record;

use super::popup::{PopupStack, Routed};
use super::{Ctx, Handled, Pane};
use crate::app::keys::{KeyHelp, help};
use crate::domain::followup::{self, parse_due};
use crate::domain::role::Role;
use crate::store::{FollowupCounts, FollowupFilter, FollowupRow};
pub use add::AddForm;
pub use change::ChangeForm;
use chrono::NaiveDate;
pub use filter::FilterForm;
use popup::Popup;
use ratatui::crossterm::event::KeyEvent;
pub use record::RecordForm;

/// Rows fetched per query; more are fetched as the cursor nears the end.
pub const PAGE: usize = 100;
/// Draft kind of the record form (one per member of staff).
const DRAFT: &str = "followup.record";

#[derive(Default)]
pub struct FollowupsState {
    pub filter: FollowupFilter,
    /// "M001 张三" when the list is one person's.
    pub owner_label: Option<String>,
    pub category_query: String,
    pub rows: Vec<FollowupRow>,
    pub selected: usize,
    /// First visible row; the drawing keeps the cursor in view (it knows the height).
    pub scroll: std::cell::Cell<usize>,
    more: bool,
    pub counts: FollowupCounts,
    pub today: Option<NaiveDate>,
    pub popups: PopupStack<Popup>,
    initialised: bool,
}

const LIST_HELP: &[KeyHelp] = &[
    help("Enter", "help.followups.record"),
    help("Tab", "help.followups.scope"),
    help("a", "help.followups.add"),
    help("m", "help.followups.move"),
    help("x", "help.followups.cancel"),
    help("/", "help.followups.filter"),
    help("o", "help.followups.mine"),
    help("↑↓ PgUp PgDn Home End", "help.followups.move_cursor"),
];

impl FollowupsState {
    /// After a form's change: says what was done and re-reads the list and the counts; a
    /// refusal is shown and the form stays (false).
    fn saved(&mut self, result: crate::store::Result<String>, ctx: &mut Ctx) -> bool {
        match result {
            Ok(msg) => {
                ctx.info(msg);
                ctx.requests.push(super::Request::RefreshCounts);
                self.reload(ctx);
                true
            }
            Err(e) => {
                ctx.store_error(&e);
                false
            }
        }
    }

    pub fn selected_row(&self) -> Option<&FollowupRow> {
        self.rows.get(self.selected)
    }

    fn reload(&mut self, ctx: &mut Ctx) {
        let today = ctx.now.date();
        self.today = Some(today);
        let actor = ctx.user.actor;
        match ctx
            .store
            .followup_page(actor, &self.filter, today, None, PAGE)
        {
            Ok(rows) => {
                self.more = rows.len() == PAGE;
                self.rows = rows;
            }
            Err(e) => ctx.store_error(&e),
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        match ctx.store.followup_counts_for(today, self.filter.owner) {
            Ok(c) => self.counts = c,
            Err(e) => ctx.store_error(&e),
        }
    }

    /// Fetches the next page when the cursor is near the end of what is loaded.
    fn ensure_loaded(&mut self, ctx: &mut Ctx) {
        if !self.more || self.selected + 1 < self.rows.len() {
            return;
        }
        let after = self.rows.last().map(FollowupRow::key);
        let today = self.today.unwrap_or(ctx.now.date());
        match ctx
            .store
            .followup_page(ctx.user.actor, &self.filter, today, after, PAGE)
        {
            Ok(rows) => {
                self.more = rows.len() == PAGE;
                self.rows.extend(rows);
            }
            Err(e) => ctx.store_error(&e),
        }
    }

    fn move_cursor(&mut self, delta: isize, ctx: &mut Ctx) {
        let last = self.rows.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.ensure_loaded(ctx);
    }

    fn may_handle(&self, row: &FollowupRow, ctx: &Ctx) -> bool {
        let a = ctx.user.actor;
        followup::may_handle(a.role, a.staff_id, row.owner_id, row.case_owner)
    }

    /// The selected row, if this user may change it (else a message says why not).
    fn row_to_change(&self, ctx: &mut Ctx) -> Option<FollowupRow> {
        let row = self.selected_row()?.clone();
        if self.may_handle(&row, ctx) {
            Some(row)
        } else {
            let text = ctx.tr("err.forbidden").to_string();
            ctx.error(text);
            None
        }
    }

    fn set_mine(&mut self, ctx: &Ctx) {
        self.filter.owner = Some(ctx.user.actor.staff_id);
        self.owner_label = Some(format!("{} {}", ctx.user.code, ctx.user.name));
    }
}

impl Pane for FollowupsState {
    fn enter(&mut self, ctx: &mut Ctx) {
        if !self.initialised {
            self.initialised = true;
            // A mediator starts with their own follow-ups; leads and the desk see everybody's.
            if ctx.user.role() == Role::Mediator {
                self.set_mine(ctx);
            }
        }
        self.reload(ctx);
    }

    /// After midnight "today" moves: the list is re-read once (overdue days change).
    fn tick(&mut self, ctx: &mut Ctx) {
        if self.today.is_some_and(|d| d != ctx.now.date()) {
            self.reload(ctx);
        }
    }

    /// Re-read, the cursor staying on its follow-up; not under a form, which acts on the row.
    fn refresh(&mut self, ctx: &mut Ctx) -> bool {
        let open = self.popups.is_open();
        if !open && self.initialised {
            let id = self.selected_row().map(|r| r.id);
            self.reload(ctx);
            let at = id.and_then(|id| self.rows.iter().position(|r| r.id == id));
            self.selected = at.unwrap_or(self.selected);
        }
        !open
    }

    fn key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Handled {
        match self.popups.key(key) {
            Routed::NoPopup => return self.list_key(key, ctx),
            Routed::Taken => {}
            Routed::Edited => self.save_record_draft(ctx),
            Routed::Act(p, _) => self.answer(p, ctx),
        }
        Handled::Consumed
    }

    fn paste(&mut self, text: &str, ctx: &mut Ctx) -> Handled {
        match self.popups.paste(text) {
            Routed::NoPopup => return Handled::NotConsumed,
            Routed::Edited => self.save_record_draft(ctx),
            Routed::Taken | Routed::Act(..) => {}
        }
        Handled::Consumed
    }

    fn help(&self) -> Vec<KeyHelp> {
        self.popups.help().unwrap_or(LIST_HELP).to_vec()
    }

    fn has_unsaved(&self) -> bool {
        self.popups.has_unsaved()
    }
}

#[cfg(test)]
mod tests;
