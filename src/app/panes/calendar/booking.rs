//! The calendar's booking form at work: "next free slot", saving a booking or a move. The
//! form and its keys are `book.rs`.
use super::CalendarState;
use super::book::{self as form, BookForm};
use super::popup::{Action, Popup};
use crate::app::panes::Ctx;
use crate::store::SessionView;

impl CalendarState {
    /// The booking form's answer: Esc drops its draft, Ctrl+N fills the next free slot, Enter
    /// saves (a refusal keeps the form open as it was typed).
    pub(super) fn answer_book(&mut self, mut f: Box<BookForm>, a: Action, ctx: &mut Ctx) {
        match a {
            Action::Discard => return ctx.delete_draft(form::DRAFT),
            Action::NextFree => self.fill_next_free(&mut f, ctx),
            Action::Submit => {
                if self.save_form(&f, ctx) {
                    return ctx.delete_draft(form::DRAFT);
                }
            }
        }
        self.popups.open(Popup::Book(f));
    }

    /// Parses the form and the moved session's case and mediators.
    fn parse_form(
        &self,
        f: &BookForm,
        ctx: &mut Ctx,
        need_start: bool,
    ) -> Option<(form::Parsed, Option<SessionView>)> {
        let mut p = match form::parse(f, ctx, &self.rooms, need_start) {
            Ok(p) => p,
            Err(k) => {
                ctx.error(ctx.tr(k).to_string());
                return None;
            }
        };
        let moving = match f.moving.map(|id| ctx.store.session(id)) {
            None => None,
            Some(Ok(s)) => Some(s),
            Some(Err(e)) => {
                ctx.store_error(&e);
                return None;
            }
        };
        if let Some(s) = &moving {
            p.mediators = s.mediators.clone();
            p.case = ctx.store.case_brief(s.case_id).ok();
        }
        Some((p, moving))
    }

    fn fill_next_free(&mut self, f: &mut BookForm, ctx: &mut Ctx) {
        let Some((p, moving)) = self.parse_form(f, ctx, false) else {
            return;
        };
        let own = moving.as_ref().map(|s| (s.start, s.end));
        match form::next_free(ctx, &p, &self.rooms, self.shown_centre(ctx), own) {
            Err(e) => ctx.store_error(&e),
            Ok(None) => ctx.error(ctx.tr("err.calendar.no_slot").to_string()),
            Ok(Some((slot, room))) => {
                f.date.set_value(&slot.start.format("%Y-%m-%d").to_string());
                f.start.set_value(&slot.start.format("%H:%M").to_string());
                if let Some(i) = self.rooms.iter().position(|r| Some(r.id) == room) {
                    f.room.set_value(&(i + 1).to_string());
                }
                f.note = None;
                if slot.after_deadline {
                    let deadline = p
                        .case
                        .and_then(|c| c.deadline)
                        .map(|d| d.format("%m-%d %H:%M").to_string())
                        .unwrap_or_default();
                    let text = crate::i18n::trf(
                        ctx.lang,
                        "ui.calendar.after_deadline",
                        &[("deadline", &deadline)],
                    );
                    f.note = Some(text.clone());
                    ctx.error(text);
                } else {
                    ctx.info(ctx.tr("ui.calendar.slot_found").to_string());
                }
            }
        }
    }

    /// True when saved (the form closes); on refusal the form stays with what was typed.
    fn save_form(&mut self, f: &BookForm, ctx: &mut Ctx) -> bool {
        let Some((p, moving)) = self.parse_form(f, ctx, true) else {
            return false;
        };
        let actor = ctx.user.actor;
        let result = match (&moving, p.start) {
            (Some(s), Some(start)) => ctx
                .store
                .move_session(
                    actor,
                    s.id,
                    start,
                    start + p.len,
                    p.room,
                    f.reason.value(),
                    ctx.now,
                )
                .map(|()| s.id),
            _ => match BookForm::to_new_session(&p) {
                Some(n) => ctx.store.book_session(actor, &n, ctx.now),
                None => return false,
            },
        };
        match result {
            Err(e) => {
                form::show_book_error(ctx, &e);
                false
            }
            Ok(id) => {
                let key = if moving.is_some() {
                    "ui.calendar.moved"
                } else {
                    "ui.calendar.booked"
                };
                ctx.info(ctx.tr(key).to_string());
                if let Some(start) = p.start {
                    self.date = start.date();
                }
                self.agenda = false;
                self.reload(ctx);
                // The session just booked or moved, not another one starting then.
                self.selected = self.visible().iter().position(|s| s.id == id);
                true
            }
        }
    }
}
