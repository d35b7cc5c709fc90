//! The handover sheet of the chosen day and shift: asked of the background worker (about 5 ms
//! at 1 M cases: a keystroke's whole budget), shown when it comes, and its text preview.
use super::{Ctx, HandoverState};
use crate::config::Config;
use crate::domain::shift::Shift;
use crate::i18n::Lang;
use crate::report;
use crate::store::handover::Sheet;
use crate::store::{Actor, Store};
use chrono::{NaiveDate, NaiveDateTime};

impl HandoverState {
    /// Asks for the sheet of the chosen day and shift off the render loop (about 5 ms at 1 M
    /// cases: a keystroke's whole budget); `tick` shows it when it comes.
    pub(super) fn refresh_sheet(&mut self, ctx: &mut Ctx) {
        let date = self.date_or(ctx);
        self.date = Some(date);
        let (config, shift, now) = (ctx.config.clone(), self.shift, ctx.now);
        let (lead, by) = (ctx.user.name.clone(), ctx.user.actor);
        self.sheet_pending = Some(ctx.background.query(ctx.store, move |store| {
            compute_sheet(store, &config, date, shift, (lead, by), now)
        }));
        self.poll_sheet(ctx);
    }

    pub(super) fn poll_sheet(&mut self, ctx: &mut Ctx) {
        let Some(answer) = self.sheet_pending.as_mut().and_then(|p| p.poll()) else {
            return;
        };
        self.sheet_pending = None;
        match answer {
            Ok(s) => self.show_sheet(s, ctx.lang),
            Err(e) => ctx.answer_error(&e),
        }
    }

    pub(super) fn show_sheet(&mut self, s: Sheet, lang: Lang) {
        if !self.dirty {
            self.notes.set_text(&s.notes);
        }
        self.sheet = Some(s);
        self.preview_lang = None;
        self.rebuild_preview(lang);
    }

    /// Printing and export need the sheet of the day now shown: one still on its way is
    /// computed here instead (a few ms, once, on a key that prints anyway).
    pub(super) fn settle_sheet(&mut self, ctx: &mut Ctx) {
        if self.sheet_pending.take().is_none() {
            return;
        }
        let date = self.date_or(ctx);
        let who = (ctx.user.name.clone(), ctx.user.actor);
        match compute_sheet(ctx.store, ctx.config, date, self.shift, who, ctx.now) {
            Ok(s) => self.show_sheet(s, ctx.lang),
            Err(e) => ctx.store_error(&e),
        }
    }

    pub(super) fn rebuild_preview(&mut self, lang: Lang) {
        if self.preview_lang == Some(lang) {
            return;
        }
        if let Some(s) = &self.sheet {
            self.preview = report::text::lines(&report::sheet::sheet_doc(s, lang));
            self.preview_lang = Some(lang);
            self.scroll = self.scroll.min(self.preview.len().saturating_sub(1));
        }
    }
}

/// The sheet of a day and shift at the centre of whoever is at the desk (`by`), signed by the
/// notes' author or else by them (`lead`).
fn compute_sheet(
    store: &Store,
    config: &Config,
    date: NaiveDate,
    shift: Shift,
    (lead, by): (String, Actor),
    now: NaiveDateTime,
) -> crate::store::Result<Sheet> {
    let centre = store.staff_centre(by.staff_id)?.id;
    let mut r = report::sheet_request(store, config, centre, date, shift, None, now)?;
    if r.lead.is_empty() {
        r.lead = lead;
    }
    store.centre_sheet(centre, &r)
}
