//! Drafts are saved as the user types, off the render loop: a writer thread with its own
//! connection takes the latest body per form and commits it (synchronous=FULL fsyncs can take
//! longer than a frame). In-memory stores (tests) write inline.
use crate::store::{CheckGate, Store};
use chrono::NaiveDateTime;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

enum Msg {
    Save {
        staff_id: i64,
        kind: String,
        body: String,
        at: NaiveDateTime,
    },
    Delete {
        staff_id: i64,
        kind: String,
    },
    Stop,
}

pub struct DraftSink(Sink);

enum Sink {
    Inline,
    Thread {
        tx: Sender<Msg>,
        errors: Receiver<String>,
        handle: Option<JoinHandle<()>>,
    },
}

impl DraftSink {
    pub fn for_store(store: &Store) -> DraftSink {
        match store.path() {
            Some(path) => DraftSink::spawn(path.to_path_buf(), store.check_gate()),
            None => DraftSink(Sink::Inline),
        }
    }

    fn spawn(path: PathBuf, gate: CheckGate) -> DraftSink {
        let (tx, rx) = channel();
        let (err_tx, errors) = channel();
        let handle = std::thread::Builder::new()
            .name("draft-writer".into())
            .spawn(move || writer(path, gate, rx, err_tx))
            .ok();
        DraftSink(Sink::Thread { tx, errors, handle })
    }

    pub fn save(
        &self,
        store: &mut Store,
        staff_id: i64,
        kind: &str,
        body: String,
        at: NaiveDateTime,
    ) {
        match &self.0 {
            Sink::Inline => {
                let _ = store.save_draft(staff_id, kind, &body, at);
            }
            Sink::Thread { tx, .. } => {
                let _ = tx.send(Msg::Save {
                    staff_id,
                    kind: kind.into(),
                    body,
                    at,
                });
            }
        }
    }

    /// Deleting goes through the same queue so it can never overtake an earlier save.
    pub fn delete(&self, store: &mut Store, staff_id: i64, kind: &str) {
        match &self.0 {
            Sink::Inline => {
                let _ = store.delete_draft(staff_id, kind);
            }
            Sink::Thread { tx, .. } => {
                let _ = tx.send(Msg::Delete {
                    staff_id,
                    kind: kind.into(),
                });
            }
        }
    }

    /// A write that failed (e.g. the database stayed locked), for the status bar.
    pub fn take_error(&self) -> Option<String> {
        match &self.0 {
            Sink::Thread { errors, .. } => errors.try_recv().ok(),
            Sink::Inline => None,
        }
    }
}

impl Drop for DraftSink {
    /// Writes what is queued before the app exits.
    fn drop(&mut self) {
        if let Sink::Thread { tx, handle, .. } = &mut self.0 {
            let _ = tx.send(Msg::Stop);
            if let Some(h) = handle.take() {
                let _ = h.join();
            }
        }
    }
}

fn writer(path: PathBuf, gate: CheckGate, rx: Receiver<Msg>, errors: Sender<String>) {
    let mut store = match Store::open_again(&path, &gate) {
        Ok(s) => s,
        Err(e) => {
            tracing::error!(reason = e.logged(), "draft writer: no connection");
            let _ = errors.send(e.to_string());
            return;
        }
    };
    // The app checkpoints on its background worker (app/background.rs), never in a commit.
    let _ = store.defer_checkpoints();
    let mut stop = false;
    while !stop {
        let Ok(first) = rx.recv() else { return };
        // Coalesce: of several saves of one form queued meanwhile, only the last is written.
        let mut pending: HashMap<(i64, String), Option<(String, NaiveDateTime)>> = HashMap::new();
        let mut order = Vec::new();
        for msg in std::iter::once(first).chain(rx.try_iter()) {
            let (key, value) = match msg {
                Msg::Stop => {
                    stop = true;
                    continue;
                }
                Msg::Save {
                    staff_id,
                    kind,
                    body,
                    at,
                } => ((staff_id, kind), Some((body, at))),
                Msg::Delete { staff_id, kind } => ((staff_id, kind), None),
            };
            if !pending.contains_key(&key) {
                order.push(key.clone());
            }
            pending.insert(key, value);
        }
        for key in order {
            let result = match pending.remove(&key).flatten() {
                Some((body, at)) => store.save_draft(key.0, &key.1, &body, at),
                None => store.delete_draft(key.0, &key.1),
            };
            if let Err(e) = result {
                e.log();
                let _ = errors.send(e.to_string());
            }
        }
    }
}
