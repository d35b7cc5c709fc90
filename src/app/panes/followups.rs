//! Follow-ups pane (回访): the work list of due, overdue and upcoming follow-ups, and the forms
//! that record, move, cancel and add them. Rows come a page at a time (keyset, LIMIT) and are
//! cached here; nothing is queried while drawing.
pub mod forms;

use super::{Ctx, Handled, Pane};
use crate::app::focus::{self, Dir};
use crate::app::keys::{KeyHelp, help};
use crate::domain::category;
use crate::domain::followup::{self, Consequence, parse_due};
use crate::domain::role::{Permission, Role};
use crate::i18n::trf;
use crate::store::{FollowupCounts, FollowupFilter, FollowupRow, FollowupScope};
use chrono::{Duration, NaiveDate};
use forms::{ChangeForm, Choice, FilterForm, Popup, RecordForm};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

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
    pub popup: Option<Popup>,
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
const FORM_HELP: &[KeyHelp] = &[
    help("Enter", "help.followups.save"),
    help("Tab ↑↓", "help.followups.next_field"),
    help("← →", "help.followups.choose"),
    help("Esc", "help.back"),
];
const RECORD_HELP: &[KeyHelp] = &[
    help("Enter", "help.followups.save"),
    help("Tab ↑↓", "help.followups.next_field"),
    help("← →", "help.followups.choose"),
    help("0–5", "help.followups.satisfaction"),
    help("Esc", "help.followups.keep_draft"),
];
const CONFIRM_HELP: &[KeyHelp] = &[
    help("Y / Enter", "help.followups.close_case"),
    help("N / Esc", "help.followups.not_now"),
];

impl FollowupsState {
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

    fn list_key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Handled {
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
                    self.popup = Some(Popup::Record(Box::new(form)));
                }
            }
            KeyCode::Char('m') => {
                if let Some(row) = self.row_to_change(ctx) {
                    self.popup = Some(Popup::Change(Box::new(ChangeForm::moving(
                        row,
                        ctx.now.date(),
                    ))));
                }
            }
            KeyCode::Char('x') => {
                if let Some(row) = self.row_to_change(ctx) {
                    self.popup = Some(Popup::Change(Box::new(ChangeForm::cancelling(row))));
                }
            }
            KeyCode::Char('a') => self.popup = Some(Popup::Add(Box::default())),
            KeyCode::Char('/') => {
                let mut owner = crate::app::text_field::TextField::new(12);
                if let Some(l) = &self.owner_label {
                    owner.set_value(l.split(' ').next().unwrap_or(""));
                }
                let mut cat = crate::app::text_field::TextField::new(20);
                cat.set_value(&self.category_query);
                self.popup = Some(Popup::Filter(Box::new(FilterForm {
                    owner,
                    category: cat,
                    colour: Choice::new(forms::COLOURS, self.filter.colour),
                    focus: 0,
                })));
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

    fn set_mine(&mut self, ctx: &Ctx) {
        self.filter.owner = Some(ctx.user.actor.staff_id);
        self.owner_label = Some(format!("{} {}", ctx.user.code, ctx.user.name));
    }

    fn popup_key(&mut self, mut popup: Popup, key: KeyEvent, ctx: &mut Ctx) {
        let esc = key.code == KeyCode::Esc;
        let enter = key.code == KeyCode::Enter;
        match &mut popup {
            Popup::ConfirmClose { case_id, case_no } => match key.code {
                KeyCode::Char('y' | 'Y') | KeyCode::Enter => {
                    match ctx
                        .store
                        .close_after_followups(ctx.user.actor, *case_id, ctx.now)
                    {
                        Ok(()) => {
                            let t = trf(ctx.lang, "ui.followups.closed", &[("case", case_no)]);
                            ctx.info(t);
                            ctx.requests.push(super::Request::RefreshCounts);
                        }
                        Err(e) => ctx.store_error(&e),
                    }
                    self.reload(ctx);
                    return;
                }
                KeyCode::Char('n' | 'N') | KeyCode::Esc => return,
                _ => {}
            },
            _ if esc => return,
            Popup::Record(f) if enter => {
                if self.submit_record(f, ctx) {
                    return;
                }
            }
            Popup::Record(f) => {
                if f.key(key) {
                    ctx.save_draft(DRAFT, f.draft());
                }
            }
            Popup::Change(f) if enter => {
                if self.submit_change(f, ctx) {
                    return;
                }
            }
            Popup::Change(f) => f.key(key),
            Popup::Add(f) if enter => {
                if self.submit_add(f, ctx) {
                    return;
                }
            }
            Popup::Add(f) => {
                f.key(key);
            }
            Popup::Filter(f) if enter => {
                if self.submit_filter(f, ctx) {
                    return;
                }
            }
            Popup::Filter(f) => f.key(key),
        }
        self.popup = Some(popup);
    }
}

mod submit;

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

    fn key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Handled {
        match self.popup.take() {
            Some(p) => {
                self.popup_key(p, key, ctx);
                Handled::Consumed
            }
            None => self.list_key(key, ctx),
        }
    }

    fn paste(&mut self, text: &str, ctx: &mut Ctx) -> Handled {
        match &mut self.popup {
            Some(Popup::Record(f)) => {
                if f.paste(text) {
                    ctx.save_draft(DRAFT, f.draft());
                }
            }
            Some(Popup::Change(f)) => f.paste(text),
            Some(Popup::Add(f)) => f.paste(text),
            Some(Popup::Filter(f)) => f.paste(text),
            _ => return Handled::NotConsumed,
        }
        Handled::Consumed
    }

    fn help(&self) -> Vec<KeyHelp> {
        match &self.popup {
            None => LIST_HELP.to_vec(),
            Some(Popup::ConfirmClose { .. }) => CONFIRM_HELP.to_vec(),
            Some(Popup::Record(_)) => RECORD_HELP.to_vec(),
            Some(_) => FORM_HELP.to_vec(),
        }
    }

    fn has_unsaved(&self) -> bool {
        match &self.popup {
            Some(Popup::Record(f)) => f.has_text(),
            Some(Popup::Change(f)) => !f.reason.value().trim().is_empty(),
            Some(Popup::Add(f)) => !f.text.value().trim().is_empty(),
            _ => false,
        }
    }
}

/// Default date offered when adding a follow-up by hand: the first configured offset.
fn default_due(ctx: &Ctx, category: &str) -> NaiveDate {
    let plan = ctx.config.followup_plan();
    let days = plan.days_for(category).iter().min().copied().unwrap_or(7);
    ctx.now.date() + Duration::days(i64::from(days))
}

/// The message after a result is recorded.
fn outcome_message(ctx: &Ctx, out: &crate::store::RecordOutcome) -> String {
    let case = out.case_no.as_str();
    match (out.consequence, out.reopened) {
        (_, Some((status, colour))) => trf(
            ctx.lang,
            "ui.followups.done.reopened",
            &[
                ("case", &case),
                ("status", &ctx.tr(status.i18n_key())),
                ("colour", &ctx.tr(colour.i18n_key())),
            ],
        ),
        (Consequence::Retry(d), _) => trf(
            ctx.lang,
            "ui.followups.done.retry",
            &[("case", &case), ("date", &d)],
        ),
        (Consequence::CheckAgain(d), _) => trf(
            ctx.lang,
            "ui.followups.done.again",
            &[("case", &case), ("date", &d)],
        ),
        (Consequence::OfferClose, _) if !ctx.user.role().may(Permission::Close) => trf(
            ctx.lang,
            "ui.followups.done.lead_closes",
            &[("case", &case)],
        ),
        _ => trf(ctx.lang, "ui.followups.done", &[("case", &case)]),
    }
}

/// Category codes matching a typed filter; None when the filter is empty.
fn category_codes(query: &str) -> Option<Vec<String>> {
    let q = query.trim();
    if q.is_empty() {
        return None;
    }
    Some(category::filter(q).iter().map(|c| c.code.clone()).collect())
}

#[cfg(test)]
mod tests;
