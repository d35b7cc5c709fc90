//! Calendar pane state: day and week views of sessions, booking, moving, cancelling, recording,
//! today's agenda, holidays and leave.
//!
//! Booking from another pane (triage, case detail): push
//! `ctx.requests.push(Request::BookSession { case_id, mediator_id })`. The shell then calls
//! [`CalendarState::book_for`] and shows the calendar, whose booking form opens with the case
//! number and the mediator filled in (code with `app.panes.calendar` in hand may call
//! `book_for` itself and then `Request::Goto(PaneId::Calendar)`).
//!
//! Files: main-view keys in `keys.rs`; popups on the one popup model in `popup.rs`, the
//! booking form in `book.rs` (at work in `booking.rs`), the holiday / leave form in `off.rs`.
mod book;
mod booking;
mod centre;
mod keys;
mod off;
pub mod popup;

use super::popup::{PopupStack, Routed};
use super::{Ctx, Handled, Pane};
use crate::app::keys::{KeyHelp, help};
use crate::domain::role::Role;
use crate::domain::slots::Span;
use crate::domain::worktime::Calendar;
use crate::store::{Leave, Room, SessionView, StaffMember};
pub use book::{BookForm, Field};
use chrono::{Datelike, Duration, NaiveDate};
pub use off::OffForm;
use popup::Popup;
use ratatui::crossterm::event::KeyEvent;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    Day,
    Week,
}

/// Day view columns, or whose week is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Axis {
    Mediators,
    Rooms,
}

/// The keys of the pane's main view: the help overlay and the hint line are built from this.
pub const KEYS: &[KeyHelp] = &[
    help("←/→", "help.calendar.move_date"),
    help("t", "help.calendar.today"),
    help("g", "help.calendar.goto"),
    help("v", "help.calendar.view"),
    help("c", "help.calendar.axis"),
    help("Tab", "help.calendar.next_column"),
    help("↑/↓", "help.calendar.select"),
    help("n", "help.calendar.book"),
    help("m", "help.calendar.move"),
    help("x", "help.calendar.cancel"),
    help("r", "help.calendar.record"),
    help("a", "help.calendar.agenda"),
    help("o", "help.calendar.off"),
    help("Ctrl+N", "help.calendar.book_next_free"),
];

/// A lead whose centres are several: which centre's mediators and rooms are shown.
const CENTRE_KEYS: &[KeyHelp] = &[help("s", "help.calendar.centre")];

pub struct CalendarState {
    /// The day shown; the week view shows the Monday-to-Sunday week holding it.
    pub date: NaiveDate,
    pub view: ViewKind,
    pub axis: Axis,
    /// Day view: first column shown; week view: which mediator or room.
    pub column: usize,
    /// Who may sit in the view's sessions: staff of the visible centres and of the centres
    /// above them (a county mediator in a township's session).
    pub mediators: Vec<StaffMember>,
    /// The visible centres: their mediators have columns.
    pub centres: Vec<i64>,
    /// In a record of several centres, the one whose mediators and rooms have columns and
    /// whose sessions are shown (the person's own at first; a lead switches with `s`).
    pub centre: Option<i64>,
    /// The shown centre's rooms (every visible room with one centre).
    pub rooms: Vec<Room>,
    /// Every room of the visible centres.
    pub all_rooms: Vec<Room>,
    pub sessions: Vec<SessionView>,
    pub holidays: Vec<(NaiveDate, String)>,
    pub leave: Vec<Leave>,
    /// Index into `visible()`.
    pub selected: Option<usize>,
    pub agenda: bool,
    pub popups: PopupStack<Popup>,
    /// The shown centre's hours and days over the view (its own, else the config's).
    pub calendar: Calendar,
    pub today: NaiveDate,
    pending: Option<(i64, Option<i64>)>,
    started: bool,
}

impl Default for CalendarState {
    fn default() -> Self {
        CalendarState {
            date: NaiveDate::default(),
            view: ViewKind::Day,
            axis: Axis::Mediators,
            column: 0,
            mediators: Vec::new(),
            centres: Vec::new(),
            centre: None,
            rooms: Vec::new(),
            all_rooms: Vec::new(),
            sessions: Vec::new(),
            holidays: Vec::new(),
            leave: Vec::new(),
            selected: None,
            agenda: false,
            popups: PopupStack::default(),
            calendar: Calendar::default(),
            today: NaiveDate::default(),
            pending: None,
            started: false,
        }
    }
}

pub fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

impl CalendarState {
    /// Opens the booking form for `case_id` (and `mediator_id`, if known) the next time the
    /// calendar is entered. Callers then push `Request::Goto(PaneId::Calendar)`.
    pub fn book_for(&mut self, case_id: i64, mediator_id: Option<i64>) {
        self.pending = Some((case_id, mediator_id));
    }

    /// The days the view covers, [first, last].
    pub fn range(&self) -> (NaiveDate, NaiveDate) {
        if self.agenda {
            return (self.today, self.today);
        }
        match self.view {
            ViewKind::Day => (self.date, self.date),
            ViewKind::Week => {
                let m = monday(self.date);
                (m, m + Duration::days(6))
            }
        }
    }

    /// The mediators with columns: every mediator of the visible centres, and anyone else (a
    /// lead, a mediator from a centre above) with a session in view.
    pub fn columns_mediators(&self) -> Vec<&StaffMember> {
        self.mediators
            .iter()
            .filter(|m| {
                let ours = match self.centre {
                    Some(c) => m.centre_id == c,
                    None => self.centres.contains(&m.centre_id),
                };
                (m.role == Role::Mediator && ours)
                    || self.sessions.iter().any(|s| s.mediators.contains(&m.id))
            })
            .collect()
    }

    /// Number of columns on the current axis.
    pub fn axis_len(&self) -> usize {
        match self.axis {
            Axis::Mediators => self.columns_mediators().len(),
            Axis::Rooms => self.rooms.len(),
        }
    }

    /// The sessions the view shows, in time order: what ↑/↓ selects.
    pub fn visible(&self) -> Vec<&SessionView> {
        self.sessions
            .iter()
            .filter(|s| match (self.agenda, self.view) {
                (true, _) => true,
                (false, ViewKind::Day) => true,
                (false, ViewKind::Week) => self.in_week_entity(s),
            })
            .collect()
    }

    fn in_week_entity(&self, s: &SessionView) -> bool {
        match self.axis {
            Axis::Mediators => self
                .columns_mediators()
                .get(self.column)
                .is_some_and(|m| s.mediators.contains(&m.id)),
            Axis::Rooms => self
                .rooms
                .get(self.column)
                .is_some_and(|r| s.room_id == Some(r.id)),
        }
    }

    pub fn selected_session(&self) -> Option<&SessionView> {
        self.selected.and_then(|i| self.visible().get(i).copied())
    }

    pub fn holiday(&self, d: NaiveDate) -> Option<&str> {
        self.holidays
            .iter()
            .find(|h| h.0 == d)
            .map(|h| h.1.as_str())
    }

    pub fn on_leave(&self, staff: i64, d: NaiveDate) -> bool {
        self.leave
            .iter()
            .any(|l| l.staff_id == staff && l.covers(d))
    }

    /// Re-reads the sessions of the view: one indexed query per navigation, never per frame.
    pub fn reload(&mut self, ctx: &mut Ctx) {
        let (first, last) = self.range();
        let from = Span::day(first).start;
        let to = Span::day(last).end;
        let read = (|| {
            let sessions = ctx.store.sessions_between(from, to)?;
            let centre = self.shown_centre(ctx);
            let holidays = ctx.store.holidays(centre, first, last)?;
            let calendar = ctx.store.centre_calendar(centre, first, last)?;
            let leave = ctx.store.leave_between(first, last)?;
            Ok::<_, crate::store::StoreError>((sessions, holidays, calendar, leave))
        })();
        match read {
            Ok((s, h, c, l)) => {
                self.sessions = s;
                self.holidays = h;
                self.calendar = c;
                self.leave = l;
            }
            Err(e) => ctx.store_error(&e),
        }
        let mine =
            (self.agenda && ctx.user.role() == Role::Mediator).then_some(ctx.user.actor.staff_id);
        if let Some(me) = mine {
            self.sessions.retain(|s| s.mediators.contains(&me));
        }
        self.keep_centres_sessions();
        let n = self.visible().len();
        self.selected = match self.selected {
            _ if n == 0 => None,
            Some(i) => Some(i.min(n - 1)),
            None => Some(0),
        };
    }

    fn open_pending(&mut self, ctx: &mut Ctx) {
        let Some((case_id, mediator)) = self.pending.take() else {
            return;
        };
        let case = match ctx.store.case_brief(case_id) {
            Ok(c) => c,
            Err(e) => return ctx.store_error(&e),
        };
        let code = mediator
            .and_then(|id| self.mediators.iter().find(|m| m.id == id))
            .map(|m| m.code.clone())
            .unwrap_or_default();
        let mut f = BookForm::new(
            &case.case_no,
            &code,
            &self.date.format("%Y-%m-%d").to_string(),
        );
        if code.is_empty() {
            f.focus = Field::Mediators;
        }
        self.popups.replace(Popup::Book(Box::new(f)));
    }

    /// A booking form left open by a crash or a power cut comes back as it was typed.
    fn restore_draft(&mut self, ctx: &mut Ctx) {
        if self.popups.is_open() {
            return;
        }
        let kind = book::DRAFT;
        if let Ok(Some(d)) = ctx.store.load_draft(ctx.user.actor.staff_id, kind)
            && let Some(f) = BookForm::from_draft(&d.body)
        {
            self.popups.open(Popup::Book(Box::new(f)));
            ctx.info(ctx.tr("ui.calendar.draft_restored").to_string());
        }
    }
}

impl Pane for CalendarState {
    fn enter(&mut self, ctx: &mut Ctx) {
        self.today = ctx.now.date();
        if !self.started {
            self.started = true;
            self.date = self.today;
        }
        match ctx
            .store
            .calendar_staff()
            .and_then(|s| Ok((s, ctx.store.visible_centres()?)))
        {
            Ok((s, centres)) => {
                self.mediators = s
                    .into_iter()
                    .filter(|m| m.active && m.role != Role::Desk)
                    .collect();
                self.centres = centres;
            }
            Err(e) => ctx.store_error(&e),
        }
        match ctx.store.rooms() {
            Ok(r) => self.all_rooms = r,
            Err(e) => ctx.store_error(&e),
        }
        self.place_centre(ctx);
        self.reload(ctx);
        self.open_pending(ctx);
        self.restore_draft(ctx);
    }

    fn tick(&mut self, ctx: &mut Ctx) {
        // The day rolls over at midnight: "today" and the agenda follow the clock.
        self.today = ctx.now.date();
    }

    /// Sessions, holidays and leave of the view; a form open over it keeps what is typed.
    fn refresh(&mut self, ctx: &mut Ctx) -> bool {
        if self.started {
            self.reload(ctx);
        }
        true
    }

    fn key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Handled {
        match self.popups.key(key) {
            Routed::NoPopup => return self.main_key(key, ctx),
            Routed::Taken => {}
            Routed::Edited => self.save_book_draft(ctx),
            Routed::Act(p, a) => self.answer(p, a, ctx),
        }
        Handled::Consumed
    }

    fn paste(&mut self, text: &str, ctx: &mut Ctx) -> Handled {
        match self.popups.paste(text) {
            Routed::NoPopup => return Handled::NotConsumed,
            Routed::Edited => self.save_book_draft(ctx),
            Routed::Taken | Routed::Act(..) => {}
        }
        Handled::Consumed
    }

    fn help(&self) -> Vec<KeyHelp> {
        match self.popups.help() {
            Some(keys) => keys.to_vec(),
            None if self.switches_centre() => [KEYS, CENTRE_KEYS].concat(),
            None => KEYS.to_vec(),
        }
    }

    fn has_unsaved(&self) -> bool {
        self.popups.has_unsaved()
    }
}

#[cfg(test)]
mod centre_tests;
#[cfg(test)]
mod tests;
