//! The calendar's main-view keys (dates, views, selection), apart from the state and its reads.
use super::popup::Popup;
use super::{Axis, BookForm, CalendarState, Field, OffForm, ViewKind};
use crate::app::focus::{self, Dir};
use crate::app::panes::{Ctx, Handled};
use crate::app::text_field::TextField;
use crate::domain::role::Role;
use crate::domain::session::SessionStatus;
use chrono::{Duration, NaiveDate};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

impl CalendarState {
    fn go(&mut self, d: NaiveDate, ctx: &mut Ctx) {
        self.date = d;
        self.agenda = false;
        self.selected = None;
        self.reload(ctx);
    }

    fn step_date(&mut self, forward: bool, ctx: &mut Ctx) {
        let days = if self.view == ViewKind::Week { 7 } else { 1 };
        let d = self.date + Duration::days(if forward { days } else { -days });
        self.go(d, ctx);
    }

    pub(super) fn main_key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Handled {
        let n = self.visible().len();
        match key.code {
            KeyCode::Left => self.step_date(false, ctx),
            KeyCode::Right => self.step_date(true, ctx),
            KeyCode::Char('t') => self.go(self.today, ctx),
            KeyCode::Char('g') => self.popups.open(Popup::GoTo(TextField::new(12))),
            KeyCode::Char('v') => {
                self.view = match self.view {
                    ViewKind::Day => ViewKind::Week,
                    ViewKind::Week => ViewKind::Day,
                };
                self.column = 0;
                self.go(self.date, ctx);
            }
            KeyCode::Char('c') => {
                self.axis = match self.axis {
                    Axis::Mediators => Axis::Rooms,
                    Axis::Rooms => Axis::Mediators,
                };
                self.column = 0;
                self.selected = None;
                self.reload(ctx);
            }
            _ if let Some(dir) = Dir::of_tab(key) => {
                self.column = focus::cycle_index(self.column, self.axis_len().max(1), dir);
                self.selected = None;
                self.reload(ctx);
            }
            KeyCode::Down if n > 0 => {
                self.selected = Some(self.selected.map_or(0, |i| (i + 1).min(n - 1)))
            }
            KeyCode::Up if n > 0 => {
                self.selected = Some(self.selected.map_or(0, |i| i.saturating_sub(1)))
            }
            KeyCode::Char('a') => {
                self.agenda = !self.agenda;
                self.selected = None;
                self.reload(ctx);
            }
            KeyCode::Char('n') => {
                let f = BookForm::new("", "", &self.date.format("%Y-%m-%d").to_string());
                self.popups.open(Popup::Book(Box::new(f)));
            }
            KeyCode::Char('m' | 'x' | 'r') => self.on_selected(key.code, ctx),
            KeyCode::Char('o') if ctx.user.role() == Role::Lead => {
                let form = OffForm::new(self.date, self.days_off_centre(ctx));
                self.popups.open(Popup::Off(Box::new(form)));
            }
            KeyCode::Char('o') => ctx.store_error(&crate::store::StoreError::Forbidden),
            KeyCode::Char('s') if self.switches_centre() => self.next_centre(ctx),
            _ => return Handled::NotConsumed,
        }
        Handled::Consumed
    }

    fn on_selected(&mut self, code: KeyCode, ctx: &mut Ctx) {
        let Some(s) = self.selected_session().cloned() else {
            return ctx.error(ctx.tr("ui.calendar.none_selected").to_string());
        };
        if s.status != SessionStatus::Booked {
            return ctx.error(ctx.tr("err.calendar.not_booked").to_string());
        }
        self.popups.open(match code {
            KeyCode::Char('m') => {
                let mut f = BookForm::new(&s.case_no, "", &s.start.format("%Y-%m-%d").to_string());
                f.moving = Some(s.id);
                let room = self
                    .rooms
                    .iter()
                    .position(|r| Some(r.id) == s.room_id)
                    .map(|i| (i + 1).to_string())
                    .unwrap_or_default();
                f.room.set_value(&room);
                f.start.set_value(&s.start.format("%H:%M").to_string());
                f.length
                    .set_value(&(s.end - s.start).num_minutes().to_string());
                f.focus = Field::Date;
                Popup::Book(Box::new(f))
            }
            KeyCode::Char('x') => Popup::Cancel(s.id, TextField::new(100)),
            _ => Popup::Record(s.id, 0, TextField::new(200)),
        });
    }
}
