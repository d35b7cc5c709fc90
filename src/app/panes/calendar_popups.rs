//! The calendar's small popups: go to a date, cancel with a reason, record a session, and a
//! lead's holiday / leave entry. Each popup owns its state; the booking form is its own file.
use super::Ctx;
use super::calendar::CalendarState;
use super::calendar_form::BookForm;
use crate::app::focus::move_by_key;
use crate::app::text_field::TextField;
use crate::domain::session::SessionStatus;
use crate::domain::slots::parse_day;
use chrono::NaiveDate;
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

impl Popup {
    pub fn paste(&mut self, text: &str) {
        match self {
            Popup::GoTo(f) | Popup::Cancel(_, f) | Popup::Record(_, _, f) => {
                f.paste(text);
            }
            Popup::Book(b) => {
                b.focused_mut().paste(text);
            }
            Popup::Off(o) => {
                o.focused_mut().paste(text);
            }
        }
    }
}

/// A public holiday (whole centre) or a mediator's leave, entered by a lead.
#[derive(Debug, Clone)]
pub struct OffForm {
    pub leave: bool,
    pub from: TextField,
    pub to: TextField,
    pub staff: TextField,
    pub note: TextField,
    /// 0 kind, 1 from, 2 to, 3 staff, 4 note.
    pub focus: usize,
}

impl OffForm {
    pub const FIELDS: usize = 5;

    pub fn new(d: NaiveDate) -> OffForm {
        let mut from = TextField::new(12);
        from.set_value(&d.format("%Y-%m-%d").to_string());
        OffForm {
            leave: false,
            to: from.clone(),
            from,
            staff: TextField::new(10),
            note: TextField::new(40),
            focus: 1,
        }
    }

    pub fn focused_mut(&mut self) -> &mut TextField {
        match self.focus {
            2 => &mut self.to,
            3 => &mut self.staff,
            4 => &mut self.note,
            _ => &mut self.from,
        }
    }

    fn save(&self, ctx: &mut Ctx) -> bool {
        let today = ctx.now.date();
        let (from, to) = match (
            parse_day(self.from.value(), today),
            parse_day(self.to.value(), today),
        ) {
            (Ok(from), Ok(to)) => (from, to),
            (Err(k), _) | (_, Err(k)) => {
                ctx.error(ctx.tr(k).to_string());
                return false;
            }
        };
        let by = ctx.user.actor;
        let result = if self.leave {
            let code = self.staff.value().trim().to_ascii_uppercase();
            let staff = match ctx.store.staff_by_code(&code) {
                Ok(Some(s)) => s,
                Ok(None) => {
                    ctx.error(ctx.tr("err.calendar.mediator").to_string());
                    return false;
                }
                Err(e) => {
                    ctx.store_error(&e);
                    return false;
                }
            };
            ctx.store
                .add_leave(by, staff.id, from, to, self.note.value(), ctx.now)
                .map(|_| ())
        } else {
            let mut d = from;
            let mut r = Ok(());
            while d <= to && r.is_ok() {
                r = ctx.store.add_holiday(by, d, self.note.value());
                d = d.succ_opt().unwrap_or(to + chrono::Duration::days(1));
            }
            r
        };
        match result {
            Ok(()) => {
                ctx.info(ctx.tr("ui.calendar.off_saved").to_string());
                true
            }
            Err(e) => {
                ctx.store_error(&e);
                false
            }
        }
    }
}

/// Handles a key in a popup; returns the popup if it stays open.
pub fn key(cal: &mut CalendarState, p: Popup, key: KeyEvent, ctx: &mut Ctx) -> Option<Popup> {
    if key.code == KeyCode::Esc {
        return None;
    }
    match p {
        Popup::Book(_) => Some(p),
        Popup::GoTo(mut f) => {
            if key.code != KeyCode::Enter {
                f.key(key);
                return Some(Popup::GoTo(f));
            }
            match parse_day(f.value(), ctx.now.date()) {
                Ok(d) => {
                    cal.date = d;
                    cal.agenda = false;
                    cal.selected = None;
                    cal.reload(ctx);
                    None
                }
                Err(k) => {
                    ctx.error(ctx.tr(k).to_string());
                    Some(Popup::GoTo(f))
                }
            }
        }
        Popup::Cancel(id, mut f) => {
            if key.code != KeyCode::Enter {
                f.key(key);
                return Some(Popup::Cancel(id, f));
            }
            match ctx
                .store
                .cancel_session(ctx.user.actor, id, f.value(), ctx.now)
            {
                Ok(()) => {
                    ctx.info(ctx.tr("ui.calendar.cancelled").to_string());
                    cal.reload(ctx);
                    None
                }
                Err(e) => {
                    ctx.store_error(&e);
                    Some(Popup::Cancel(id, f))
                }
            }
        }
        Popup::Record(id, mut i, mut f) => {
            let n = SessionStatus::OUTCOMES.len();
            match key.code {
                KeyCode::Left => i = (i + n - 1) % n,
                KeyCode::Right => i = (i + 1) % n,
                KeyCode::Enter => {
                    let outcome = SessionStatus::OUTCOMES[i % n];
                    match ctx
                        .store
                        .record_session(ctx.user.actor, id, outcome, f.value(), ctx.now)
                    {
                        Ok(()) => {
                            ctx.info(ctx.tr("ui.calendar.recorded").to_string());
                            ctx.requests.push(super::Request::RefreshCounts);
                            cal.reload(ctx);
                            return None;
                        }
                        Err(e) => ctx.store_error(&e),
                    }
                }
                _ => {
                    f.key(key);
                }
            }
            Some(Popup::Record(id, i, f))
        }
        Popup::Off(mut o) => {
            match key.code {
                _ if move_by_key(&mut o.focus, OffForm::FIELDS, key) => {}
                KeyCode::Left | KeyCode::Right | KeyCode::Char(' ') if o.focus == 0 => {
                    o.leave = !o.leave
                }
                KeyCode::Enter => {
                    if o.save(ctx) {
                        cal.reload(ctx);
                        return None;
                    }
                }
                _ if o.focus == 0 => {}
                _ => {
                    o.focused_mut().key(key);
                }
            }
            Some(Popup::Off(o))
        }
    }
}
