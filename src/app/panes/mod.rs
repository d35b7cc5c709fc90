//! The five panes. Each pane keeps its own state in its own file and answers keys with
//! `Handled`; what it does not consume bubbles up to the shell (gitui's pattern).
pub mod calendar;
pub mod cases;
pub mod followups;
pub mod handover;
pub mod popup;
pub mod triage;

use super::drafts::DraftSink;
use super::keys::KeyHelp;
use super::{Flash, Session};
use crate::config::Config;
use crate::i18n::{Lang, tr};
use crate::store::{Store, StoreError};
use chrono::NaiveDateTime;
use ratatui::crossterm::event::KeyEvent;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaneId {
    Triage,
    Cases,
    Calendar,
    Followups,
    Handover,
}

impl PaneId {
    /// In tab order; F2 opens the first.
    pub const ALL: [PaneId; 5] = [
        PaneId::Triage,
        PaneId::Cases,
        PaneId::Calendar,
        PaneId::Followups,
        PaneId::Handover,
    ];

    pub fn title_key(self) -> &'static str {
        match self {
            PaneId::Triage => "pane.triage",
            PaneId::Cases => "pane.cases",
            PaneId::Calendar => "pane.calendar",
            PaneId::Followups => "pane.followups",
            PaneId::Handover => "pane.handover",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handled {
    Consumed,
    NotConsumed,
}

/// What a pane asks of the shell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    Goto(PaneId),
    RefreshCounts,
    /// Open the calendar's booking form for a case (and mediator): see `CalendarState::book_for`.
    BookSession {
        case_id: i64,
        mediator_id: Option<i64>,
    },
}

/// What a pane may use while handling an action.
pub struct Ctx<'a> {
    pub store: &'a mut Store,
    pub user: &'a Session,
    /// Where the user works in the county's tree of centres.
    pub place: &'a super::place::Place,
    pub lang: Lang,
    pub now: NaiveDateTime,
    pub config: &'a Config,
    pub flash: &'a mut Option<Flash>,
    pub drafts: &'a DraftSink,
    /// Fuzzy name look-ups; `get()` is None while the index loads.
    pub names: &'a mut super::names::Names,
    /// Read-only queries off the render loop.
    pub background: &'a super::background::Background,
    /// Long reports (statistics), on a worker of their own.
    pub reports: &'a super::background::Background,
    pub requests: &'a mut Vec<Request>,
}

impl Ctx<'_> {
    pub fn tr<'k>(&self, key: &'k str) -> &'k str {
        tr(self.lang, key)
    }

    pub fn info(&mut self, text: impl Into<String>) {
        *self.flash = Some(Flash {
            text: text.into(),
            error: false,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        *self.flash = Some(Flash {
            text: text.into(),
            error: true,
        });
    }

    /// Logs a store error and shows it in the user's language (`StoreError::message`).
    pub fn store_error(&mut self, e: &StoreError) {
        e.log();
        self.answer_error(e);
    }

    /// Shows the error of a background answer (the worker logged it already).
    pub fn answer_error(&mut self, e: &StoreError) {
        let text = e.message(self.lang);
        self.error(text);
    }

    pub fn save_draft(&mut self, kind: &str, body: String) {
        self.drafts
            .save(self.store, self.user.actor.staff_id, kind, body, self.now);
    }

    pub fn delete_draft(&mut self, kind: &str) {
        self.drafts
            .delete(self.store, self.user.actor.staff_id, kind);
    }
}

/// The contract every pane keeps. Defaults do nothing so a pane implements what it needs.
pub trait Pane {
    /// The pane became visible: refresh what it shows.
    fn enter(&mut self, _ctx: &mut Ctx) {}
    fn key(&mut self, _key: KeyEvent, _ctx: &mut Ctx) -> Handled {
        Handled::NotConsumed
    }
    fn paste(&mut self, _text: &str, _ctx: &mut Ctx) -> Handled {
        Handled::NotConsumed
    }
    /// Called several times a second: poll background work here, nothing slow.
    fn tick(&mut self, _ctx: &mut Ctx) {}
    /// Another desk changed what this visible pane may show (app/live.rs): re-read it as after
    /// an own save, keeping the place. False: not now (a form is open), ask again later.
    fn refresh(&mut self, _ctx: &mut Ctx) -> bool {
        true
    }
    /// Keys of this pane for the help overlay.
    fn help(&self) -> Vec<KeyHelp> {
        Vec::new()
    }
    fn has_unsaved(&self) -> bool {
        false
    }
}

#[derive(Default)]
pub struct Panes {
    pub triage: triage::TriageState,
    pub cases: cases::CasesState,
    pub calendar: calendar::CalendarState,
    pub followups: followups::FollowupsState,
    pub handover: handover::HandoverState,
}

impl Panes {
    pub fn get(&self, id: PaneId) -> &dyn Pane {
        match id {
            PaneId::Triage => &self.triage,
            PaneId::Cases => &self.cases,
            PaneId::Calendar => &self.calendar,
            PaneId::Followups => &self.followups,
            PaneId::Handover => &self.handover,
        }
    }

    pub fn get_mut(&mut self, id: PaneId) -> &mut dyn Pane {
        match id {
            PaneId::Triage => &mut self.triage,
            PaneId::Cases => &mut self.cases,
            PaneId::Calendar => &mut self.calendar,
            PaneId::Followups => &mut self.followups,
            PaneId::Handover => &mut self.handover,
        }
    }

    pub fn enter(&mut self, id: PaneId, ctx: &mut Ctx) {
        self.get_mut(id).enter(ctx)
    }

    pub fn key(&mut self, id: PaneId, key: KeyEvent, ctx: &mut Ctx) -> Handled {
        self.get_mut(id).key(key, ctx)
    }

    pub fn refresh(&mut self, id: PaneId, ctx: &mut Ctx) -> bool {
        self.get_mut(id).refresh(ctx)
    }

    pub fn paste(&mut self, id: PaneId, text: &str, ctx: &mut Ctx) -> Handled {
        self.get_mut(id).paste(text, ctx)
    }

    /// Every pane polls its background work, visible or not.
    pub fn tick(&mut self, _visible: PaneId, ctx: &mut Ctx) {
        for id in PaneId::ALL {
            self.get_mut(id).tick(ctx);
        }
    }

    pub fn has_unsaved(&self) -> bool {
        PaneId::ALL.iter().any(|id| self.get(*id).has_unsaved())
    }
}
