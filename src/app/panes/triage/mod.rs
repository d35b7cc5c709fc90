//! Triage pane state: the intake form, its risk checklist, the repeat-visitor panel, the routing
//! proposal, popups, and what is shown after saving. Keys are handled in `keys.rs`.
pub mod form;
mod form_draft;
mod keys;
pub mod lookup;
mod party_form;
pub mod routing_load;
pub use routing_load::hours_of;
pub mod popup;
pub mod save;
mod sections;
mod slip_out;
mod submit;

use super::popup::PopupStack;
use super::{Ctx, Handled, Pane};
use crate::app::keys::{KeyHelp, help};
use crate::domain::intake::NewCase;
use crate::domain::risk::{self, Assessment, Colour, ComputedFacts, RiskFlag};
use crate::domain::routing::{Candidate, Proposal};
use crate::domain::team_rule::Route;
use crate::domain::worktime::Calendar;
use crate::store::CaseCreated;
use chrono::NaiveDateTime;
use form::Form;
use lookup::Lookup;
use popup::Popup;
use ratatui::crossterm::event::KeyEvent;
use std::sync::mpsc::Receiver;

/// Draft kind in the drafts table.
pub const DRAFT_KIND: &str = "intake";

/// One key per flag the clerk may tick (computed flags have none).
pub const FLAG_KEYS: &[(char, RiskFlag)] = &[
    ('v', RiskFlag::Violence),
    ('w', RiskFlag::Weapon),
    ('s', RiskFlag::SelfHarm),
    ('c', RiskFlag::ChildAtRisk),
    ('r', RiskFlag::RepeatedViolence),
    ('f', RiskFlag::WagesBeforeFestival),
    ('p', RiskFlag::PetitionOrMedia),
    ('a', RiskFlag::Agitated),
];

/// A saved case, as shown after saving.
#[derive(Debug, Clone)]
pub struct Saved {
    pub created: CaseCreated,
    /// The mediator the case was routed to (the first session is booked with them).
    pub owner_id: Option<i64>,
    pub owner_name: Option<String>,
    pub slip: String,
    /// Where the slip was written, once it was.
    pub slip_path: Option<String>,
}

/// An intake on its way to the database: the commit waits for the disk (p99 about 12 ms at
/// 1 M cases, sometimes far more), which must not hold up the render loop. Keys typed
/// meanwhile wait here and are replayed, in order, once the answer is in.
pub(super) struct Saving {
    pending: crate::app::background::Pending<CaseCreated>,
    owner_id: Option<i64>,
    queued: Vec<Queued>,
}

pub(super) enum Queued {
    Key(KeyEvent),
    Paste(String),
}

#[derive(Default)]
pub struct TriageState {
    pub form: Form,
    pub popups: PopupStack<Popup>,
    pub lookup: Lookup,
    /// Exact-match earlier cases per party (feeds the repeat-visitor flag).
    pub earlier: Vec<u32>,
    /// Mediators with load and next free slot: read once per form, not per keystroke.
    pub candidates: Option<Vec<Candidate>>,
    /// The candidates being read on a background thread (a grouped count over the open cases
    /// costs tens of ms at 1 M cases: never on the render loop).
    candidates_rx: Option<Receiver<Result<Vec<Candidate>, crate::store::StoreError>>>,
    pub proposal: Option<Proposal>,
    /// The window the case goes to and the flags that moved it there, if any (shown with the
    /// proposal; the store saves the same, by the same rule).
    pub route: Option<Route>,
    pub route_row: usize,
    pub saved: Option<Saved>,
    saving: Option<Saving>,
    /// The configured response deadlines (copied at enter, for drawing).
    pub response_hours: risk::ResponseHours,
    /// Working time and holidays, read at enter and after each intake: the preview's
    /// deadline is counted exactly as the store counts the saved one.
    pub calendar: Calendar,
    /// The draft offer was made (once per login), so re-entering the pane does not repeat it.
    draft_checked: bool,
    /// Something was typed since the last save/discard.
    dirty: bool,
    /// The desk's clock when it last spoke to the pane: the day the preview's facts are
    /// computed on (an age from an ID number), as the store computes them on the day received.
    clock: NaiveDateTime,
    /// Red was raised in the risk section: its checklist opens when the clerk leaves it.
    red_due: bool,
}

impl TriageState {
    /// The case as it would be saved (received `now`): the preview reads its facts, colour
    /// and reasons from the same `NewCase` rules the store applies.
    pub fn intake(&self, now: NaiveDateTime) -> NewCase {
        save::new_case(&self.form, now, self.earlier_visits(), true)
    }

    /// The facts that raise flags by themselves, on the desk's day.
    pub fn facts(&self) -> ComputedFacts {
        self.intake(self.clock).facts()
    }

    pub fn earlier_visits(&self) -> u32 {
        self.earlier.iter().copied().max().unwrap_or(0)
    }

    pub fn assessment(&self) -> Assessment {
        self.intake(self.clock).assessment()
    }

    /// The colour the case will be saved with.
    pub fn colour(&self) -> Colour {
        self.intake(self.clock).colour()
    }

    /// The response deadline the case would be saved with now: the store's rule and calendar.
    pub fn deadline(&self, now: NaiveDateTime) -> Option<NaiveDateTime> {
        self.calendar
            .response(&self.response_hours, self.colour(), now)
    }

    /// Every reason of the colour, ticked and computed, as the saved case lists them.
    pub fn reasons(&self) -> Vec<RiskFlag> {
        self.intake(self.clock).all_flags()
    }

    /// Reads the working time and days off the desk's centre counts deadlines in (one indexed
    /// range): what the store's save counts with.
    fn load_calendar(&mut self, ctx: &mut Ctx) {
        match ctx
            .store
            .desk_calendar(ctx.user.actor.staff_id, ctx.now.date())
        {
            Ok(c) => self.calendar = c,
            Err(e) => {
                self.calendar = Calendar {
                    work: ctx.store.work_time().clone(),
                    ..Calendar::default()
                };
                ctx.store_error(&e);
            }
        }
    }

    /// The keys that work now (the help overlay and hint line read the same table).
    pub fn help_keys(&self) -> &'static [KeyHelp] {
        if self.saved.is_some() {
            SAVED_HELP
        } else {
            FORM_HELP
        }
    }

    pub fn is_saved(&self) -> bool {
        self.saved.is_some()
    }

    /// Something in the form changed: keep the draft, the proposal and the lookup current.
    fn changed(&mut self, ctx: &mut Ctx) {
        self.dirty = true;
        self.repropose(ctx.now);
        ctx.save_draft(DRAFT_KIND, self.form.to_draft());
    }

    fn refresh_lookup(&mut self, i: usize, ctx: &mut Ctx) {
        let Some(p) = self.form.parties.get(i) else {
            return;
        };
        self.lookup
            .refresh(ctx.store, ctx.names.get(), i, p, ctx.now.date());
        if self.earlier.len() < self.form.parties.len() {
            self.earlier.resize(self.form.parties.len(), 0);
        }
        self.earlier[i] = self.lookup.exact.len() as u32;
    }

    /// A fresh form (after saving or discarding).
    fn reset(&mut self, ctx: &mut Ctx) {
        self.form = Form::default();
        self.popups.clear();
        self.lookup.clear();
        self.earlier.clear();
        self.candidates = None;
        self.candidates_rx = None;
        self.proposal = None;
        self.route = None;
        self.route_row = 0;
        self.dirty = false;
        self.red_due = false;
        self.load_candidates(ctx);
        self.load_calendar(ctx);
    }

    fn discard(&mut self, ctx: &mut Ctx) {
        ctx.delete_draft(DRAFT_KIND);
        self.saved = None;
        self.reset(ctx);
        ctx.info(ctx.tr("ui.triage.discarded").to_string());
    }
}

impl Pane for TriageState {
    fn enter(&mut self, ctx: &mut Ctx) {
        self.clock = ctx.now;
        self.response_hours = ctx.config.response_hours;
        self.load_calendar(ctx);
        if !self.draft_checked {
            self.draft_checked = true;
            if let Ok(Some(d)) = ctx.store.load_draft(ctx.user.actor.staff_id, DRAFT_KIND)
                && let Some(f) = Form::from_draft(&d.body)
                && !f.is_blank()
            {
                self.popups.open(Popup::OfferDraft(Box::new(f)));
            }
        }
        self.load_candidates(ctx);
    }

    /// When the name index finishes loading, answer the current name again fuzzily.
    fn tick(&mut self, ctx: &mut Ctx) {
        self.clock = ctx.now;
        submit::poll_save(self, ctx);
        self.poll_candidates(ctx);
        if !self.lookup.used_index && !self.lookup.query.is_empty() && ctx.names.get().is_some() {
            let i = self.lookup.party;
            self.refresh_lookup(i, ctx);
        }
    }

    fn key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Handled {
        self.clock = ctx.now;
        keys::on_key(self, key, ctx)
    }

    fn paste(&mut self, text: &str, ctx: &mut Ctx) -> Handled {
        self.clock = ctx.now;
        keys::on_paste(self, text, ctx)
    }

    fn help(&self) -> Vec<KeyHelp> {
        self.help_keys().to_vec()
    }

    fn has_unsaved(&self) -> bool {
        self.saving.is_some() || (self.dirty && !self.form.is_blank())
    }
}

pub const FORM_HELP: &[KeyHelp] = &[
    help("Tab / Shift+Tab", "help.triage.move"),
    help("Ctrl+S", "help.triage.save"),
    help("Enter", "help.triage.enter"),
    help("Esc", "help.triage.discard"),
    help("Ctrl+N / Ctrl+R", "help.triage.add_party"),
    help("Ctrl+X", "help.triage.remove_party"),
    help("← →", "help.triage.choose"),
    help("Space", "help.triage.toggle"),
    help("1–4", "help.triage.vulnerability"),
    help("↑ ↓ Enter", "help.triage.pick"),
    help("v w s c r f p a", "help.triage.flags"),
    help("+ / -", "help.triage.colour"),
    help("F7", "help.triage.next_match"),
    help("F8", "help.triage.attach"),
    // Shown on the saved screen only, so listed here too (the help is where keys are found).
    help("P / W / B", "help.triage.after_save"),
];

pub const SAVED_HELP: &[KeyHelp] = &[
    help("P", "help.triage.print"),
    help("W", "help.triage.write_slip"),
    help("B", "help.triage.book"),
    help("Enter / N", "help.triage.new"),
];

#[cfg(test)]
mod keys_tests;
#[cfg(test)]
mod preview_tests;
#[cfg(test)]
mod tests;
