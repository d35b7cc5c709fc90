//! The calendar's popups on the one popup model: the booking form (`book.rs`, at work in
//! `booking.rs`), the holiday / leave form (`off.rs`), and three one-field questions kept here:
//! go to a date, cancel with a reason, record a session. Each popup owns its state; what an
//! answer does to the store is `CalendarState::answer`.
use super::CalendarState;
use super::book::{self, BookForm};
use super::off::OffForm;
use crate::app::focus::{self, Dir};
use crate::app::keys::{KeyHelp, help};
use crate::app::panes::popup::{self, Reply};
use crate::app::panes::{Ctx, Request};
use crate::app::text_field::TextField;
use crate::domain::session::SessionStatus;
use crate::domain::slots::parse_day;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

#[derive(Debug, Clone)]
pub enum Popup {
    GoTo(TextField),
    Book(Box<BookForm>),
    /// Session id and the reason.
    Cancel(i64, TextField),
    /// Session id, index into `SessionStatus::OUTCOMES`, the short result.
    Record(i64, usize, TextField),
    Off(Box<OffForm>),
}

/// What a calendar popup asks of the pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Enter: save, go, cancel or record.
    Submit,
    /// Ctrl+N in the booking form: fill in the next free slot.
    NextFree,
    /// Esc in the booking form: close it and drop its draft.
    Discard,
}

/// Keys inside the booking form.
pub const FORM_KEYS: &[KeyHelp] = &[
    help("Tab/↓", "help.calendar.form_next"),
    help("Ctrl+N", "help.calendar.next_free"),
    help("Enter", "help.calendar.form_save"),
    help("Esc", "help.back"),
];

/// Keys of the other popups.
const POPUP_KEYS: &[KeyHelp] = &[help("Enter", "help.confirm"), help("Esc", "help.back")];

impl popup::Popup for Popup {
    type Action = Action;

    fn key(&mut self, key: KeyEvent) -> Reply<Action> {
        match self {
            Popup::Book(f) => return f.key(key),
            Popup::Off(o) => return o.key(key),
            _ if key.code == KeyCode::Esc => return Reply::Close,
            _ if key.code == KeyCode::Enter => return Reply::Act(Action::Submit),
            Popup::Record(_, i, _) if matches!(key.code, KeyCode::Left | KeyCode::Right) => {
                let dir = if key.code == KeyCode::Left {
                    Dir::Prev
                } else {
                    Dir::Next
                };
                *i = focus::cycle_index(*i, SessionStatus::OUTCOMES.len(), dir);
            }
            Popup::GoTo(f) | Popup::Cancel(_, f) | Popup::Record(_, _, f) => {
                f.key(key);
            }
        }
        Reply::Stay
    }

    fn paste(&mut self, text: &str) -> Reply<Action> {
        match self {
            Popup::GoTo(f) | Popup::Cancel(_, f) | Popup::Record(_, _, f) => {
                f.paste(text);
            }
            // The booking form keeps its draft with every paste.
            Popup::Book(b) => {
                b.focused_mut().paste(text);
                return Reply::Edited;
            }
            Popup::Off(o) => {
                o.focused_mut().paste(text);
            }
        }
        Reply::Stay
    }

    /// Any open popup counts as unsaved (quitting asks first).
    fn has_unsaved(&self) -> bool {
        true
    }

    fn help(&self) -> Option<&'static [KeyHelp]> {
        Some(match self {
            Popup::Book(_) => FORM_KEYS,
            _ => POPUP_KEYS,
        })
    }
}

impl CalendarState {
    /// Acts on a popup's answer; a refused one is opened again with what was typed.
    pub(super) fn answer(&mut self, p: Popup, a: Action, ctx: &mut Ctx) {
        let keep = match p {
            Popup::Book(f) => return self.answer_book(f, a, ctx),
            Popup::Off(o) => {
                let saved = o.save(ctx);
                if saved {
                    self.reload(ctx);
                }
                (!saved).then_some(Popup::Off(o))
            }
            Popup::GoTo(f) => match parse_day(f.value(), ctx.now.date()) {
                Ok(d) => {
                    self.date = d;
                    self.agenda = false;
                    self.selected = None;
                    self.reload(ctx);
                    None
                }
                Err(k) => {
                    ctx.error(ctx.tr(k).to_string());
                    Some(Popup::GoTo(f))
                }
            },
            Popup::Cancel(id, f) => {
                match ctx
                    .store
                    .cancel_session(ctx.user.actor, id, f.value(), ctx.now)
                {
                    Ok(()) => {
                        ctx.info(ctx.tr("ui.calendar.cancelled").to_string());
                        self.reload(ctx);
                        None
                    }
                    Err(e) => {
                        ctx.store_error(&e);
                        Some(Popup::Cancel(id, f))
                    }
                }
            }
            Popup::Record(id, i, f) => {
                let outcome = SessionStatus::OUTCOMES[i % SessionStatus::OUTCOMES.len()];
                match ctx
                    .store
                    .record_session(ctx.user.actor, id, outcome, f.value(), ctx.now)
                {
                    Ok(()) => {
                        ctx.info(ctx.tr("ui.calendar.recorded").to_string());
                        ctx.requests.push(Request::RefreshCounts);
                        self.reload(ctx);
                        None
                    }
                    Err(e) => {
                        ctx.store_error(&e);
                        Some(Popup::Record(id, i, f))
                    }
                }
            }
        };
        if let Some(p) = keep {
            self.popups.open(p);
        }
    }

    /// The booking form's draft follows what is typed.
    pub(super) fn save_book_draft(&self, ctx: &mut Ctx) {
        if let Some(Popup::Book(f)) = self.popups.top() {
            ctx.save_draft(book::DRAFT, f.to_draft());
        }
    }
}
