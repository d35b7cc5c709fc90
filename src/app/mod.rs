//! Application state and the `update(app, action)` step. Key events become actions; panes handle
//! what they understand and the rest bubbles up to the shell. No drawing here.
pub mod background;
mod counts;
pub mod drafts;
pub mod focus;
pub mod keys;
pub mod live;
pub mod login;
pub mod names;
pub mod panes;
pub mod place;
pub mod red_alert;
pub mod text_field;
mod update;

use crate::config::Config;
use crate::domain::role::Role;
use crate::i18n::Lang;
use crate::store::{Actor, FollowupCounts, Store, UrgentCounts};
use chrono::NaiveDateTime;
use panes::{Ctx, PaneId, Panes};
use ratatui::crossterm::event::KeyEvent;
use std::time::Duration;
pub use update::update;

/// Everything that can happen to the app. The event loop and tests feed these to `update`.
#[derive(Debug, Clone)]
pub enum Action {
    Key(KeyEvent),
    Paste(String),
    /// The clock moved (the loop sends one at least every second).
    Tick(NaiveDateTime),
    /// The terminal's size (at start and whenever it changes), in columns and rows.
    Resize(u16, u16),
}

/// Below this the layout cannot hold a form: the screen shows only a message, and keys,
/// which would go into fields nobody sees, are ignored (Ctrl+Q still quits).
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Whether a terminal of this size can show the app.
pub fn fits(width: u16, height: u16) -> bool {
    width >= MIN_WIDTH && height >= MIN_HEIGHT
}

/// The logged-in member of staff.
#[derive(Debug, Clone)]
pub struct Session {
    pub actor: Actor,
    pub code: String,
    pub name: String,
}

impl Session {
    pub fn role(&self) -> Role {
        self.actor.role
    }
}

/// A one-line message in the status bar, already translated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    pub text: String,
    pub error: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    ConfirmQuit,
}

/// How often the status-bar counts are re-read from the database.
const COUNTS_EVERY: Duration = Duration::from_secs(15);
/// After this long without a key, the desk checkpoints the WAL (on the worker, never blocking).
const IDLE_CHECKPOINT: Duration = Duration::from_secs(60);

pub struct App {
    pub lang: Lang,
    pub config: Config,
    pub store: Store,
    pub centre: String,
    pub now: NaiveDateTime,
    pub session: Option<Session>,
    /// The logged-in person's centre in the county's tree (read at login).
    pub place: place::Place,
    pub login: login::LoginForm,
    pub pane: PaneId,
    pub panes: Panes,
    pub overlay: Overlay,
    /// How far the help overlay is scrolled, and how far it can be (set as it is drawn).
    pub help_scroll: u16,
    pub help_max_scroll: std::cell::Cell<u16>,
    pub counts: UrgentCounts,
    /// Follow-ups due today and overdue: the mediator's own, everybody's for others.
    pub followup_counts: FollowupCounts,
    counts_read_at: Option<NaiveDateTime>,
    /// Counts on their way from the background worker.
    counts_pending: Option<background::Pending<(UrgentCounts, FollowupCounts)>>,
    /// Parties other desks added, on their way to the name index.
    names_pending: Option<background::Pending<crate::store::PartiesAfter>>,
    /// Database work off the render loop (counts, the handover sheet, saves, checkpoints).
    pub background: background::Background,
    /// Long reports (statistics): a worker of their own, so nothing waits behind them.
    pub reports: background::Background,
    last_key_at: NaiveDateTime,
    checkpointed: bool,
    pub flash: Option<Flash>,
    pub drafts: drafts::DraftSink,
    /// Party names for fuzzy look-ups, loaded in the background.
    pub names: names::Names,
    /// Other desks' changes, as they commit (live.rs).
    pub live: live::Live,
    /// A lead's red alerts, shown until acknowledged (F12).
    pub alerts: red_alert::RedAlerts,
    pub no_color: bool,
    /// The terminal's size as last reported (None until the loop reports it: tests).
    pub screen: Option<(u16, u16)>,
    pub quit: bool,
}

impl App {
    pub fn new(mut store: Store, config: Config, lang: Lang, now: NaiveDateTime) -> App {
        // Deadlines count the centre's working time (store/deadlines.rs).
        store.set_work_time(config.hours.work_time());
        let centre = crate::report::centre_name(&store, &config)
            .unwrap_or_else(|_| config.centre.name.clone());
        let drafts = drafts::DraftSink::for_store(&store);
        let names = names::Names::start(&store);
        let background = background::Background::start(&store);
        let reports = background::Background::start(&store);
        let live = live::Live::start(&store);
        if background.has_worker() {
            // Saves at the desk commit without checkpointing; the worker checkpoints instead.
            let _ = store.defer_checkpoints();
        }
        App {
            lang,
            config,
            store,
            centre,
            now,
            session: None,
            place: place::Place::default(),
            login: login::LoginForm::default(),
            pane: PaneId::Triage,
            panes: Panes::default(),
            overlay: Overlay::None,
            help_scroll: 0,
            help_max_scroll: std::cell::Cell::new(0),
            counts: UrgentCounts::default(),
            followup_counts: FollowupCounts::default(),
            counts_read_at: None,
            counts_pending: None,
            names_pending: None,
            background,
            reports,
            last_key_at: now,
            checkpointed: false,
            flash: None,
            drafts,
            names,
            live,
            alerts: red_alert::RedAlerts::default(),
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            screen: None,
            quit: false,
        }
    }

    /// Logs in without a PIN (the demo's shift lead, and tests).
    pub fn start_session(&mut self, s: Session) {
        self.read_as(Some(s.actor));
        self.pane = if s.role() == Role::Mediator {
            PaneId::Cases
        } else {
            PaneId::Triage
        };
        self.place = match place::Place::load(&self.store, s.actor.staff_id, s.role()) {
            Ok(p) => p,
            Err(e) => {
                e.log();
                let text = e.message(self.lang);
                self.flash = Some(Flash { text, error: true });
                place::Place::default()
            }
        };
        self.session = Some(s);
        self.refresh_counts();
        self.check_red_alerts();
        self.with_ctx(|panes, pane, ctx| panes.enter(pane, ctx));
    }

    /// Every connection of the app reads as `viewer` from now on (their centre's cases, a lead's
    /// centres below too; None: nobody's, the default view): the main store now, the workers
    /// before their next job (background.rs), and — when what is visible changed — the name
    /// index, reloaded, and the live watcher, restarted. A failure leaves the narrower view.
    pub fn read_as(&mut self, viewer: Option<Actor>) {
        let before = self.store.visible_centres().ok();
        if let Err(e) = self.store.set_viewer(viewer) {
            self.flash_error(e.logged());
        }
        if self.store.visible_centres().ok() != before {
            self.names = names::Names::start(&self.store);
            self.names_pending = None;
            self.live = live::Live::start(&self.store);
        }
    }

    /// Waits (up to `limit`) for background work to answer and takes the answers: on quitting,
    /// so a save on its way is finished, not cut off.
    pub fn settle(&mut self, limit: Duration) {
        let start = std::time::Instant::now();
        while self.waiting() && start.elapsed() < limit {
            std::thread::sleep(Duration::from_millis(2));
            update(self, Action::Tick(self.now));
        }
    }

    /// Whether answers are awaited from background work (the event loop then polls often).
    pub fn waiting(&self) -> bool {
        self.background.busy() || self.reports.busy()
    }

    pub fn flash_error(&mut self, key: &str) {
        let text = crate::i18n::tr(self.lang, key).to_string();
        self.flash = Some(Flash { text, error: true });
    }

    pub fn flash_info(&mut self, text: String) {
        self.flash = Some(Flash { text, error: false });
    }

    /// Runs `f` with the active pane's context; applies what it asked of the shell.
    fn with_ctx<T>(&mut self, f: impl FnOnce(&mut Panes, PaneId, &mut Ctx) -> T) -> Option<T> {
        let session = self.session.as_ref()?;
        let mut requests = Vec::new();
        let mut ctx = Ctx {
            store: &mut self.store,
            user: session,
            place: &self.place,
            lang: self.lang,
            now: self.now,
            config: &self.config,
            flash: &mut self.flash,
            drafts: &self.drafts,
            names: &mut self.names,
            background: &self.background,
            reports: &self.reports,
            requests: &mut requests,
        };
        let out = f(&mut self.panes, self.pane, &mut ctx);
        for r in requests {
            match r {
                panes::Request::Goto(p) => self.goto(p),
                panes::Request::RefreshCounts => self.refresh_counts(),
                panes::Request::BookSession {
                    case_id,
                    mediator_id,
                } => {
                    self.panes.calendar.book_for(case_id, mediator_id);
                    if self.pane == PaneId::Calendar {
                        self.reenter();
                    } else {
                        self.goto(PaneId::Calendar);
                    }
                }
            }
        }
        Some(out)
    }

    /// Enters the shown pane again (it refreshes and picks up requests made to it).
    fn reenter(&mut self) {
        self.with_ctx(|panes, pane, ctx| panes.enter(pane, ctx));
    }

    pub fn goto(&mut self, p: PaneId) {
        if self.pane != p {
            self.pane = p;
            self.with_ctx(|panes, pane, ctx| panes.enter(pane, ctx));
        }
    }

    pub fn has_unsaved(&self) -> bool {
        self.panes.has_unsaved()
    }

    /// The terminal is too small to show the app (only a message is drawn).
    pub fn too_small(&self) -> bool {
        self.screen.is_some_and(|(w, h)| !fits(w, h))
    }
}

#[cfg(test)]
mod tests;
