//! The booking form of the calendar: book a new session or move one. Fields are text so the
//! clerk can type freely; everything is parsed on Enter or on "next free slot" (Ctrl+N), and
//! nothing typed is lost when the store refuses.
use super::popup::Action;
use crate::app::focus::{self, Dir};
use crate::app::panes::Ctx;
use crate::app::panes::popup::Reply;
use crate::app::text_field::{Edit, TextField};
use crate::domain::booking::BookingRule;
use crate::domain::slots;
use crate::i18n::trf;
use crate::store::{CaseBrief, NewSession, Room, StoreError};
use chrono::{Duration, NaiveDateTime};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Case,
    Mediators,
    Room,
    Date,
    Start,
    Length,
    Reason,
}

#[derive(Debug, Clone)]
pub struct BookForm {
    /// The session being moved; None for a new booking.
    pub moving: Option<i64>,
    pub case_no: TextField,
    pub mediators: TextField,
    pub room: TextField,
    pub date: TextField,
    pub start: TextField,
    pub length: TextField,
    pub reason: TextField,
    pub focus: Field,
    /// A warning shown in the form (no slot before the deadline…).
    pub note: Option<String>,
}

fn field(max: usize, value: &str) -> TextField {
    let mut f = TextField::new(max);
    f.set_value(value);
    f
}

impl BookForm {
    pub fn new(case_no: &str, mediators: &str, date: &str) -> BookForm {
        BookForm {
            moving: None,
            case_no: field(20, case_no),
            mediators: field(40, mediators),
            room: field(20, ""),
            date: field(12, date),
            start: field(5, ""),
            length: field(4, "60"),
            reason: field(100, ""),
            focus: if case_no.is_empty() {
                Field::Case
            } else {
                Field::Room
            },
            note: None,
        }
    }

    /// The fields the user may edit, in order (a move keeps case and mediators).
    pub fn fields(&self) -> &'static [Field] {
        use Field::*;
        if self.moving.is_some() {
            &[Room, Date, Start, Length, Reason]
        } else {
            &[Case, Mediators, Room, Date, Start, Length]
        }
    }

    pub fn get(&self, f: Field) -> &TextField {
        match f {
            Field::Case => &self.case_no,
            Field::Mediators => &self.mediators,
            Field::Room => &self.room,
            Field::Date => &self.date,
            Field::Start => &self.start,
            Field::Length => &self.length,
            Field::Reason => &self.reason,
        }
    }

    pub fn focused_mut(&mut self) -> &mut TextField {
        match self.focus {
            Field::Case => &mut self.case_no,
            Field::Mediators => &mut self.mediators,
            Field::Room => &mut self.room,
            Field::Date => &mut self.date,
            Field::Start => &mut self.start,
            Field::Length => &mut self.length,
            Field::Reason => &mut self.reason,
        }
    }

    pub fn step(&mut self, dir: Dir) {
        self.focus = focus::cycle(self.fields(), self.focus, dir);
    }

    /// Tab / ↓ / Shift+Tab / ↑ move; Ctrl+N asks the next free slot, Enter saves, Esc closes.
    pub fn key(&mut self, key: KeyEvent) -> Reply<Action> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => Reply::Act(Action::Discard),
            _ if let Some(dir) = Dir::of_tab_or_arrow(key) => {
                self.step(dir);
                Reply::Stay
            }
            KeyCode::Char('n') if ctrl => Reply::Act(Action::NextFree),
            KeyCode::Enter => Reply::Act(Action::Submit),
            _ => match self.focused_mut().key(key) {
                Edit::Changed | Edit::Truncated => Reply::Edited,
                _ => Reply::Stay,
            },
        }
    }
}

/// The form, parsed. Errors are translation keys.
pub struct Parsed {
    pub case: Option<CaseBrief>,
    pub mediators: Vec<i64>,
    pub room: Option<i64>,
    pub start: Option<NaiveDateTime>,
    pub len: Duration,
}

/// Room by its number in the list (1…) or by (part of) its name; empty = none.
pub fn find_room(rooms: &[Room], s: &str) -> Result<Option<i64>, &'static str> {
    let s = crate::domain::text::to_halfwidth_ascii(s.trim());
    if s.is_empty() {
        return Ok(None);
    }
    if let Ok(n) = s.parse::<usize>() {
        return rooms
            .get(n.wrapping_sub(1))
            .map(|r| Some(r.id))
            .ok_or("err.calendar.room");
    }
    rooms
        .iter()
        .find(|r| r.name.contains(&s))
        .map(|r| Some(r.id))
        .ok_or("err.calendar.room")
}

pub fn parse(
    form: &BookForm,
    ctx: &Ctx,
    rooms: &[Room],
    need_start: bool,
) -> Result<Parsed, &'static str> {
    let today = ctx.now.date();
    let case = if form.moving.is_some() {
        None
    } else {
        let no = crate::domain::text::to_halfwidth_ascii(form.case_no.value().trim());
        let c = ctx
            .store
            .case_brief_by_no(&no)
            .map_err(|e| e.logged())?
            .ok_or("err.calendar.case")?;
        if !c.active {
            return Err("err.calendar.case_closed");
        }
        Some(c)
    };
    let mut mediators = Vec::new();
    if form.moving.is_none() {
        let codes = crate::domain::text::to_halfwidth_ascii(form.mediators.value());
        for code in codes
            .split([',', ' ', '，', '、'])
            .filter(|c| !c.is_empty())
        {
            let m = ctx
                .store
                .staff_by_code(&code.to_ascii_uppercase())
                .map_err(|e| e.logged())?
                .ok_or("err.calendar.mediator")?;
            mediators.push(m.id);
        }
        if mediators.is_empty() {
            return Err("err.calendar.mediator");
        }
    }
    let room = find_room(rooms, form.room.value())?;
    let len = slots::parse_length(form.length.value())?;
    let start = if need_start {
        let d = slots::parse_day(form.date.value(), today)?;
        let t = slots::parse_time(form.start.value())?;
        Some(d.and_time(t))
    } else {
        None
    };
    Ok(Parsed {
        case,
        mediators,
        room,
        start,
        len,
    })
}

/// A refusal of the store, shown; a collision says what collides, with whom and when.
pub fn show_book_error(ctx: &mut Ctx, e: &StoreError) {
    match e {
        StoreError::Booking(rule @ BookingRule::Clash(_)) => {
            tracing::warn!(reason = rule.i18n_key(), "refused");
            let args = rule.args();
            let args: Vec<(&str, &dyn std::fmt::Display)> =
                args.iter().map(|(k, v)| (*k, v as _)).collect();
            let text = trf(ctx.lang, rule.i18n_key(), &args);
            ctx.error(text);
        }
        s => ctx.store_error(s),
    }
}

/// Earliest free start for the form's mediators, room (or any room when none is chosen) and
/// parties, from now on, in the working time of the case's centre. Returns the slot and the
/// room it found.
pub fn next_free(
    ctx: &Ctx,
    p: &Parsed,
    rooms: &[Room],
    centre: i64,
    own: Option<(NaiveDateTime, NaiveDateTime)>,
) -> Result<Option<(slots::Slot, Option<i64>)>, StoreError> {
    let from = ctx.now;
    let to = from + Duration::days(slots::HORIZON_DAYS + 1);
    // Booked at the case's handling centre (else the centre shown): its days and hours, as
    // the store checks them.
    let centre = p.case.as_ref().map_or(centre, |c| c.centre_id);
    let cal = ctx.store.centre_calendar(centre, from.date(), to.date())?;
    let candidates: Vec<Option<i64>> = match p.room {
        Some(r) => vec![Some(r)],
        None if rooms.is_empty() => vec![None],
        None => rooms.iter().map(|r| Some(r.id)).collect(),
    };
    let deadline = p.case.as_ref().and_then(|c| c.deadline);
    let mut best: Option<(slots::Slot, Option<i64>)> = None;
    for room in candidates {
        let mut busy =
            ctx.store
                .busy_spans(&p.mediators, room, p.case.as_ref().map(|c| c.id), from, to)?;
        if let Some((a, b)) = own {
            busy.retain(|s| (s.start, s.end) != (a, b));
        }
        let found = slots::next_free(&cal, &busy, from, p.len, deadline);
        if let Some(s) = found
            && best.is_none_or(|(b, _)| s.start < b.start)
        {
            best = Some((s, room));
        }
    }
    Ok(best)
}

/// Drafts key: the booking form is saved as it is typed and reopened after a crash.
pub const DRAFT: &str = "calendar.book";

impl BookForm {
    /// One field per line (fields are single-line, sanitised), the moved session first.
    pub fn to_draft(&self) -> String {
        let moving = self.moving.map(|m| m.to_string()).unwrap_or_default();
        [
            moving.as_str(),
            self.case_no.value(),
            self.mediators.value(),
            self.room.value(),
            self.date.value(),
            self.start.value(),
            self.length.value(),
            self.reason.value(),
        ]
        .join("\n")
    }

    pub fn from_draft(body: &str) -> Option<BookForm> {
        let v: Vec<&str> = body.split('\n').collect();
        if v.len() != 8 {
            return None;
        }
        let mut f = BookForm::new(v[1], v[2], v[4]);
        f.moving = v[0].parse().ok();
        f.room.set_value(v[3]);
        f.start.set_value(v[5]);
        f.length.set_value(v[6]);
        f.reason.set_value(v[7]);
        f.focus = f.fields()[0];
        Some(f)
    }

    pub fn to_new_session(p: &Parsed) -> Option<NewSession> {
        let start = p.start?;
        Some(NewSession {
            case_id: p.case.as_ref()?.id,
            mediators: p.mediators.clone(),
            room_id: p.room,
            start,
            end: start + p.len,
        })
    }
}
