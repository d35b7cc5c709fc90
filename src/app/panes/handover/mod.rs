//! Handover pane (F6): the day's handover sheet as it will print, the lead's notes, printing
//! and export, and a statistics view for a chosen period. Everything shown comes from the same
//! query layer and `Doc` as the printed sheet and `onedoor stats`.
//!
//! Files: keys in `keys.rs`; the sheet in `sheet.rs`, the notes editor in `notes.rs`, printing
//! and export in `output.rs`, the statistics in `stats.rs` (drawn in the same files under
//! `ui/panes/handover/`).
mod keys;
mod notes;
mod output;
mod sheet;
mod stats;
pub use notes::NotesEditor;
pub use stats::Period;

use super::{Ctx, Handled, Pane};
use crate::app::background::Pending;
use crate::app::keys::{KeyHelp, help};
use crate::domain::shift::Shift;
use crate::i18n::Lang;
use crate::store::handover::Sheet;
use crate::store::handover::stats::Stats;
use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;

const DRAFT_KIND: &str = "handover.notes";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Sheet,
    Stats,
}

impl Tab {
    /// In the order Tab moves through them.
    pub const ALL: [Tab; 2] = [Tab::Sheet, Tab::Stats];
}

#[derive(Default)]
pub struct HandoverState {
    pub tab: Tab,
    pub date: Option<NaiveDate>,
    pub shift: Shift,
    pub sheet: Option<Sheet>,
    /// The sheet as text lines, in `preview_lang` (what prints, line for line).
    pub preview: Vec<String>,
    preview_lang: Option<Lang>,
    pub scroll: usize,
    pub notes: NotesEditor,
    pub editing: bool,
    /// Notes typed but not saved to the sheet yet (kept as a draft meanwhile).
    pub dirty: bool,
    pub period: Period,
    pub stats: Option<Stats>,
    stats_pending: Option<Pending<Stats>>,
    sheet_pending: Option<Pending<Sheet>>,
}

const SHEET_HELP: &[KeyHelp] = &[
    help("Tab", "help.handover.tab"),
    help("↑↓ PgUp PgDn", "help.handover.scroll"),
    help("← →", "help.handover.day"),
    help("s", "help.handover.shift"),
    help("n", "help.handover.notes"),
    help("Ctrl+S", "help.handover.save"),
    help("p", "help.handover.print"),
    help("e", "help.handover.export"),
];
const NOTES_HELP: &[KeyHelp] = &[
    help("Ctrl+S", "help.handover.save"),
    help("Esc", "help.handover.back"),
];
const STATS_HELP: &[KeyHelp] = &[
    help("Tab", "help.handover.tab"),
    help("1 2 3 4", "help.handover.period"),
];

impl HandoverState {
    pub fn date_or(&self, ctx: &Ctx) -> NaiveDate {
        self.date.unwrap_or(ctx.now.date())
    }

    fn save_notes(&mut self, ctx: &mut Ctx) {
        let date = self.date_or(ctx);
        let text = self.notes.text();
        match ctx
            .store
            .save_handover_note(ctx.user.actor, date, self.shift, &text, ctx.now)
        {
            Ok(()) => {
                self.dirty = false;
                ctx.delete_draft(DRAFT_KIND);
                let msg = ctx.tr("ui.handover.saved").to_string();
                ctx.info(msg);
                self.refresh_sheet(ctx);
            }
            Err(e) => ctx.store_error(&e),
        }
    }
}

impl Pane for HandoverState {
    fn enter(&mut self, ctx: &mut Ctx) {
        if !self.dirty
            && let Ok(Some(d)) = ctx.store.load_draft(ctx.user.actor.staff_id, DRAFT_KIND)
            && !d.body.trim().is_empty()
        {
            // Notes typed before a crash or a quit come back, marked unsaved.
            self.notes.set_text(&d.body);
            self.dirty = true;
        }
        self.refresh_sheet(ctx);
        if self.tab == Tab::Stats {
            self.refresh_stats(ctx);
        }
    }

    fn key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Handled {
        self.on_key(key, ctx)
    }

    fn paste(&mut self, text: &str, ctx: &mut Ctx) -> Handled {
        if self.tab == Tab::Sheet && self.editing {
            self.notes.paste(text);
            self.dirty = true;
            ctx.save_draft(DRAFT_KIND, self.notes.text());
            return Handled::Consumed;
        }
        Handled::NotConsumed
    }

    fn tick(&mut self, ctx: &mut Ctx) {
        self.poll_sheet(ctx);
        self.rebuild_preview(ctx.lang);
        self.poll_stats(ctx);
    }

    /// The sheet (asked of the worker; typed notes are kept). Statistics are not: a year's take
    /// half a second; they are read again when the pane is entered or the period changes.
    fn refresh(&mut self, ctx: &mut Ctx) -> bool {
        if self.tab == Tab::Sheet && self.date.is_some() {
            self.refresh_sheet(ctx);
        }
        true
    }

    fn help(&self) -> Vec<KeyHelp> {
        match (self.tab, self.editing) {
            (Tab::Sheet, true) => NOTES_HELP.to_vec(),
            (Tab::Sheet, false) => SHEET_HELP.to_vec(),
            (Tab::Stats, _) => STATS_HELP.to_vec(),
        }
    }

    fn has_unsaved(&self) -> bool {
        self.dirty
    }
}
