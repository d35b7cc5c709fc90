//! The status-bar counts and the name index's catch-up, asked of the background worker every
//! 15 s, after this desk's saves and when another desk changed something (live.rs), and the
//! WAL checkpoints that go with them.
use super::{App, Flash};
use crate::domain::role::Role;

/// New parties read per catch-up of the name index (every counts refresh: 15 s and after saves).
const NAMES_PER_CATCH_UP: u32 = 5_000;

impl App {
    /// Asks the background worker for the status-bar counts (about 10 ms of queries at 1 M
    /// cases) and for the parties other desks added, then checkpoints; `poll_background` takes
    /// the answers.
    pub fn refresh_counts(&mut self) {
        self.ask_counts();
        self.checkpoint();
    }

    /// The counts and the name index's catch-up, without a checkpoint (another desk's change:
    /// checkpointing is left to the desk that wrote and to the 15-second refresh).
    pub(super) fn ask_counts(&mut self) {
        let own = self
            .session
            .as_ref()
            .filter(|s| s.role() == Role::Mediator)
            .map(|s| s.actor.staff_id);
        let now = self.now;
        // What awaits this desk's centre's sign-off, once there are several centres.
        let intake = self.place.own_id().filter(|_| self.place.several());
        self.counts_pending = Some(self.background.query(&mut self.store, move |s| {
            let mut c = s.urgent_counts()?;
            c.overdue = s.overdue_count(now)?;
            c.red_idle = s.red_idle_count(now)?;
            if let Some(centre) = intake {
                c.awaiting = s.awaiting_count(centre)?;
            }
            Ok((c, s.followup_counts_for(now.date(), own)?))
        }));
        self.counts_read_at = Some(self.now);
        if let Some(after) = self.names.catch_up_from()
            && self.names_pending.is_none()
        {
            self.names_pending = Some(self.background.query(&mut self.store, move |s| {
                s.parties_after(after, NAMES_PER_CATCH_UP)
            }));
        }
        self.poll_background();
    }

    /// Copies the WAL back into the database on the worker (PASSIVE: never waits for anyone).
    /// Runs with every counts refresh — every 15 s, after each save — and when the desk idles.
    pub(super) fn checkpoint(&mut self) {
        drop(self.background.query(&mut self.store, |s| s.checkpoint()));
    }

    pub(super) fn poll_background(&mut self) {
        if let Some(answer) = self.names_pending.as_mut().and_then(|p| p.poll()) {
            self.names_pending = None;
            // A failed catch-up is retried with the next refresh; search still works meanwhile.
            if let Ok(parties) = answer {
                self.names.catch_up(&parties);
            }
        }
        if let Some(answer) = self.counts_pending.as_mut().and_then(|p| p.poll()) {
            self.counts_pending = None;
            match answer {
                Ok((c, f)) => {
                    self.counts = c;
                    self.followup_counts = f;
                }
                Err(e) => {
                    let text = e.message(self.lang);
                    self.flash = Some(Flash { text, error: true });
                }
            }
        }
    }
}
