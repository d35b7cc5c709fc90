//! Handover pane (F6): the day's handover sheet as it will print, the lead's notes, printing
//! and export, and a statistics view for a chosen period. Everything shown comes from the same
//! query layer and `Doc` as the printed sheet and `onedoor stats`.
mod notes;
mod sheet;
pub use notes::NotesEditor;

use super::{Ctx, Handled, Pane};
use crate::app::background::Pending;
use crate::app::keys::{KeyHelp, help};
use crate::domain::shift::Shift;
use crate::i18n::{Lang, trf};
use crate::report::{self, Format, font::FontSource};
use crate::store::handover::Sheet;
use crate::store::handover::stats::Stats;
use chrono::{Datelike, Duration, NaiveDate};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const DRAFT_KIND: &str = "handover.notes";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Sheet,
    Stats,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Period {
    #[default]
    ThisMonth,
    LastMonth,
    ThisYear,
    Last30,
}

impl Period {
    pub fn range(self, today: NaiveDate) -> (NaiveDate, NaiveDate) {
        let first = today.with_day(1).unwrap_or(today);
        match self {
            Period::ThisMonth => (first, today),
            Period::LastMonth => {
                let end = first - Duration::days(1);
                (end.with_day(1).unwrap_or(end), end)
            }
            Period::ThisYear => (today.with_ordinal(1).unwrap_or(today), today),
            Period::Last30 => (today - Duration::days(29), today),
        }
    }
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

    /// Statistics off the render loop: a year at 1 M cases takes half a second, so they run
    /// on the reports worker (its own thread and connection, reused: a thread per request left
    /// its allocator's memory behind each time), never behind a save.
    fn refresh_stats(&mut self, ctx: &mut Ctx) {
        let (from, to) = self.period.range(ctx.now.date());
        self.stats_pending = Some(ctx.reports.query(ctx.store, move |s| s.stats(from, to)));
        self.poll_stats(ctx);
    }

    /// Statistics asked for and not yet come.
    pub fn stats_loading(&self) -> bool {
        self.stats_pending.is_some()
    }

    fn poll_stats(&mut self, ctx: &mut Ctx) {
        let Some(answer) = self.stats_pending.as_mut().and_then(|p| p.poll()) else {
            return;
        };
        self.stats_pending = None;
        match answer {
            Ok(s) => self.stats = Some(s),
            Err(e) => ctx.answer_error(&e),
        }
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

    fn file_name(&self, ctx: &Ctx, f: Format) -> std::path::PathBuf {
        std::path::PathBuf::from(format!(
            "onedoor-handover-{}-{}.{}",
            self.date_or(ctx).format("%Y%m%d"),
            self.shift.code(),
            f.extension()
        ))
    }

    fn render(&self, ctx: &Ctx, f: Format) -> Result<Vec<u8>, String> {
        let sheet = self.sheet.as_ref().ok_or_else(String::new)?;
        let doc = report::sheet::sheet_doc(sheet, ctx.lang);
        let font = FontSource::choose(ctx.config.pdf_font.as_deref());
        report::render(&doc, f, &font).map_err(|e| e.to_string())
    }

    /// Writes PDF, HTML and text next to where onedoor was started.
    fn export(&mut self, ctx: &mut Ctx) {
        let mut written = Vec::new();
        for f in [Format::Pdf, Format::Html, Format::Txt] {
            let path = self.file_name(ctx, f);
            let done = self
                .render(ctx, f)
                .map_err(|e| format!("{}: {e}", ctx.tr("err.report.write")))
                .and_then(|b| {
                    // Private, and never through a symbolic link planted at the name.
                    crate::fsutil::write_private(&path, &b)
                        .map_err(|e| format!("{}: {}", ctx.tr(e.i18n_key()), e.detail()))
                });
            if let Err(msg) = done {
                return ctx.error(msg);
            }
            written.push(path.display().to_string());
        }
        let msg = trf(
            ctx.lang,
            "ui.handover.exported",
            &[("path", &written.join(", "))],
        );
        ctx.info(msg);
    }

    /// Prints the PDF (plain text through CUPS shows Chinese as boxes) through a private
    /// temporary file, deleted once the printer command has returned.
    fn print(&mut self, ctx: &mut Ctx) {
        let bytes = match self.render(ctx, Format::Pdf) {
            Ok(b) => b,
            Err(e) => {
                let msg = format!("{}: {e}", ctx.tr("err.report.write"));
                return ctx.error(msg);
            }
        };
        match report::print::print_bytes(&ctx.config.printer, &bytes, ".pdf") {
            Ok(_) => {
                let msg = ctx.tr("ui.handover.printed").to_string();
                ctx.info(msg);
            }
            Err(e) => {
                let msg = ctx.tr(e.i18n_key()).to_string();
                ctx.error(msg);
            }
        }
    }

    fn key_notes(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Handled {
        if key.code == KeyCode::Esc {
            self.editing = false;
            return Handled::Consumed;
        }
        if self.notes.key(key) == notes::NotesKey::Changed {
            self.dirty = true;
            ctx.save_draft(DRAFT_KIND, self.notes.text());
        }
        Handled::Consumed
    }

    fn key_sheet(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Handled {
        let page = 10;
        let last = self.preview.len().saturating_sub(1);
        match key.code {
            KeyCode::Up => self.scroll = self.scroll.saturating_sub(1),
            KeyCode::Down => self.scroll = (self.scroll + 1).min(last),
            KeyCode::PageUp => self.scroll = self.scroll.saturating_sub(page),
            KeyCode::PageDown => self.scroll = (self.scroll + page).min(last),
            KeyCode::Home => self.scroll = 0,
            KeyCode::End => self.scroll = last,
            KeyCode::Left | KeyCode::Right if !self.dirty => {
                let d = self.date_or(ctx);
                let step = if key.code == KeyCode::Left { -1 } else { 1 };
                self.date = Some(d + Duration::days(step));
                self.scroll = 0;
                self.refresh_sheet(ctx);
            }
            KeyCode::Char('s') if !self.dirty => {
                self.shift = match self.shift {
                    Shift::Day => Shift::Am,
                    Shift::Am => Shift::Pm,
                    Shift::Pm => Shift::Day,
                };
                self.refresh_sheet(ctx);
            }
            KeyCode::Left | KeyCode::Right | KeyCode::Char('s') => {
                let msg = ctx.tr("ui.handover.unsaved").to_string();
                ctx.error(msg);
            }
            KeyCode::Char('n') => self.editing = true,
            KeyCode::Char('p') => {
                self.settle_sheet(ctx);
                self.print(ctx)
            }
            KeyCode::Char('e') => {
                self.settle_sheet(ctx);
                self.export(ctx)
            }
            _ => return Handled::NotConsumed,
        }
        Handled::Consumed
    }

    fn key_stats(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Handled {
        let p = match key.code {
            KeyCode::Char('1') => Period::ThisMonth,
            KeyCode::Char('2') => Period::LastMonth,
            KeyCode::Char('3') => Period::ThisYear,
            KeyCode::Char('4') => Period::Last30,
            _ => return Handled::NotConsumed,
        };
        self.period = p;
        self.refresh_stats(ctx);
        Handled::Consumed
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
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('s') {
            if self.tab == Tab::Sheet {
                self.save_notes(ctx);
                return Handled::Consumed;
            }
            return Handled::NotConsumed;
        }
        if self.tab == Tab::Sheet && self.editing {
            return self.key_notes(key, ctx);
        }
        if key.code == KeyCode::Tab {
            self.tab = match self.tab {
                Tab::Sheet => Tab::Stats,
                Tab::Stats => Tab::Sheet,
            };
            if self.tab == Tab::Stats && self.stats.is_none() && !self.stats_loading() {
                self.refresh_stats(ctx);
            }
            return Handled::Consumed;
        }
        match self.tab {
            Tab::Sheet => self.key_sheet(key, ctx),
            Tab::Stats => self.key_stats(key, ctx),
        }
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
