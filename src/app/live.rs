//! Other desks, live. A thread with a connection of its own polls SQLite's `data_version` every
//! `POLL` (answered from memory, no page read) and, when another connection committed something
//! the panes show (`Store::change_mark`: not a draft being typed), sends one message. On the
//! next tick the app re-reads the visible pane as after its own saves, asks the worker for the
//! status-bar counts and, for a lead, for new red cases (red_alert.rs). Nothing is read while
//! nothing changes; the render loop only looks at a channel.
use super::App;
use super::panes::PaneId;
use crate::store::{ChangeMark, CheckGate, Store};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, TryRecvError, channel};
use std::time::Duration;

/// How often the watcher asks; with the 200 ms tick, another desk's commit shows within 0.5 s.
pub const POLL: Duration = Duration::from_millis(250);

/// The watcher's end at the app: changes come in, and dropping it stops the thread.
pub struct Live {
    changes: Option<Receiver<()>>,
    _stop: Option<Sender<()>>,
    /// The pane still to re-read (it had a form open when the change came).
    stale: Option<PaneId>,
}

impl Live {
    /// Watches a file store; an in-memory one (tests) has no other desks.
    pub fn start(store: &Store) -> Live {
        let mut live = Live {
            changes: None,
            _stop: None,
            stale: None,
        };
        let Some(path) = store.path().map(PathBuf::from) else {
            return live;
        };
        let gate = store.check_gate();
        let viewer = store.viewer();
        // What the panes will show is read from here on: the mark is taken now, not when the
        // thread has opened its connection, so a commit in between is not missed.
        let mark = store.change_mark().unwrap_or_default();
        let (tx, changes) = channel();
        let (stop, stopped) = channel();
        let spawned = std::thread::Builder::new()
            .name("live".into())
            .spawn(move || watch(&path, &gate, viewer, mark, &tx, &stopped));
        match spawned {
            Ok(_) => {
                live.changes = Some(changes);
                live._stop = Some(stop);
            }
            Err(e) => tracing::error!(kind = ?e.kind(), "live refresh not started"),
        }
        live
    }

    /// Whether another desk changed something since the last call (takes every message).
    pub fn changed(&self) -> bool {
        let Some(rx) = &self.changes else {
            return false;
        };
        let mut any = false;
        loop {
            match rx.try_recv() {
                Ok(()) => any = true,
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => return any,
            }
        }
    }
}

/// One read of what the panes show, if `data_version` moved since `version` (None: not read
/// yet on this connection).
fn moved(
    store: &Store,
    version: &mut Option<i64>,
    mark: &mut ChangeMark,
) -> crate::store::Result<bool> {
    let v = Some(store.data_version()?);
    if v == *version {
        return Ok(false);
    }
    *version = v;
    let m = store.change_mark()?;
    if m == *mark {
        return Ok(false);
    }
    *mark = m;
    Ok(true)
}

fn watch(
    path: &std::path::Path,
    gate: &CheckGate,
    viewer: Option<crate::store::Actor>,
    mut mark: ChangeMark,
    changes: &Sender<()>,
    stop: &Receiver<()>,
) {
    // Reads as the app's own connection does (it reads only the change mark today).
    let opened = Store::open_again(path, gate).and_then(|mut s| {
        s.set_viewer(viewer)?;
        Ok(s)
    });
    let store = match opened {
        Ok(s) => s,
        Err(e) => {
            tracing::error!(error = e.logged(), "live refresh: no connection");
            return;
        }
    };
    let mut version = None;
    let mut failing = false;
    loop {
        match stop.recv_timeout(POLL) {
            Err(RecvTimeoutError::Timeout) => {}
            // The app quit (its end dropped) or asked to stop.
            _ => return,
        }
        match moved(&store, &mut version, &mut mark) {
            Ok(false) => failing = false,
            Ok(true) => {
                failing = false;
                if changes.send(()).is_err() {
                    return;
                }
            }
            // Logged once per run of failures; tried again at the next poll.
            Err(e) if !failing => {
                failing = true;
                tracing::warn!(error = e.logged(), "live refresh: read failed");
            }
            Err(_) => {}
        }
    }
}

impl App {
    /// Another desk changed something: the counts, a lead's red alerts, the visible pane.
    pub fn others_changed(&mut self) {
        if self.session.is_none() {
            return;
        }
        // The pane first: the worker's counts (about 10 ms at 1 M cases) would otherwise run
        // beside its queries on the same cores.
        self.live.stale = Some(self.pane);
        self.refresh_stale();
        if self.counts_pending.is_none() {
            self.ask_counts();
        }
        self.check_red_alerts();
    }

    /// Re-reads the visible pane if a change is still to be shown there (every tick: a pane
    /// with a form open says "not now"). Entering another pane re-reads that one anyway.
    pub(super) fn refresh_stale(&mut self) {
        match self.live.stale {
            Some(p) if p == self.pane => {
                let done = self.with_ctx(|panes, pane, ctx| panes.refresh(pane, ctx));
                if done != Some(false) {
                    self.live.stale = None;
                }
            }
            Some(_) => self.live.stale = None,
            None => {}
        }
    }

    /// Takes what the watcher reported (from `update`, on each tick).
    pub(super) fn poll_live(&mut self) {
        if self.live.changed() {
            self.others_changed();
        } else {
            self.refresh_stale();
        }
        self.poll_red_alerts();
    }
}

#[cfg(test)]
pub(crate) mod tests;
