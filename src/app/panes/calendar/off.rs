//! A lead's holiday / leave entry: days off over a range of days — for every centre when the
//! lead's view is the whole record (a county lead, or the one centre), else the own closure of
//! the centre the calendar shows — or a mediator's leave.
use super::popup::Action;
use crate::app::focus::move_by_key;
use crate::app::panes::Ctx;
use crate::app::panes::popup::Reply;
use crate::app::text_field::TextField;
use crate::domain::slots::parse_day;
use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

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
    /// Whose days off: every centre (None), or one centre (its id and name, shown).
    pub centre: Option<(i64, String)>,
}

impl OffForm {
    pub const FIELDS: usize = 5;

    pub fn new(d: NaiveDate, centre: Option<(i64, String)>) -> OffForm {
        let mut from = TextField::new(12);
        from.set_value(&d.format("%Y-%m-%d").to_string());
        OffForm {
            leave: false,
            to: from.clone(),
            from,
            staff: TextField::new(10),
            note: TextField::new(40),
            focus: 1,
            centre,
        }
    }

    /// Tab / ↓ / Shift+Tab / ↑ move; ← → or Space choose holiday or leave; Enter saves.
    pub fn key(&mut self, key: KeyEvent) -> Reply<Action> {
        match key.code {
            _ if move_by_key(&mut self.focus, OffForm::FIELDS, key) => {}
            KeyCode::Esc => return Reply::Close,
            KeyCode::Enter => return Reply::Act(Action::Submit),
            KeyCode::Left | KeyCode::Right | KeyCode::Char(' ') if self.focus == 0 => {
                self.leave = !self.leave
            }
            _ if self.focus == 0 => {}
            _ => {
                self.focused_mut().key(key);
            }
        }
        Reply::Stay
    }

    pub fn focused_mut(&mut self) -> &mut TextField {
        match self.focus {
            2 => &mut self.to,
            3 => &mut self.staff,
            4 => &mut self.note,
            _ => &mut self.from,
        }
    }

    /// True when saved (the form closes); on refusal it stays with what was typed.
    pub(super) fn save(&self, ctx: &mut Ctx) -> bool {
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
                let mark = crate::store::DayMark {
                    centre: self.centre.as_ref().map(|c| c.0),
                    day: d,
                    open: false,
                    name: self.note.value().to_string(),
                };
                r = ctx.store.mark_day(by, &mark);
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
