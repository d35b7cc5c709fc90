//! Database work off the render loop: one thread with its own connection runs it in order
//! (status-bar counts, the handover sheet, checkpoints, saving an intake), and the loop polls
//! for the answers. While
//! anything is outstanding the event loop polls often, so an answer is on screen within a few
//! milliseconds of being ready. An in-memory store (tests) cannot be opened twice: its queries
//! run inline and are ready at once.
use crate::domain::slots::WorkTime;
use crate::store::{CheckGate, Result, Store, StoreError};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

/// A query's answer: a value, or what went wrong, of its kind (already logged by the worker;
/// the screen shows it with `Ctx::answer_error`).
pub type Answer<T> = std::result::Result<T, StoreError>;

type Job = Box<dyn FnOnce(std::result::Result<&mut Store, StoreError>) + Send>;

pub struct Background {
    jobs: Option<Sender<Job>>,
    outstanding: Arc<AtomicUsize>,
}

/// An answer on its way; `poll` takes it once it has come.
pub struct Pending<T> {
    state: PendingState<T>,
    outstanding: Arc<AtomicUsize>,
}

enum PendingState<T> {
    Waiting(Receiver<Answer<T>>),
    Ready(Answer<T>),
    Taken,
}

impl Background {
    /// Starts the worker for a file store; its connection is opened by the first query.
    pub fn start(store: &Store) -> Background {
        let outstanding = Arc::new(AtomicUsize::new(0));
        let Some(path) = store.path().map(PathBuf::from) else {
            return Background {
                jobs: None,
                outstanding,
            };
        };
        let work = store.work_time().clone();
        let gate = store.check_gate();
        let (tx, rx) = channel::<Job>();
        let spawned = std::thread::Builder::new()
            .name("background".into())
            .spawn(move || worker(path, gate, work, rx));
        if let Err(e) = &spawned {
            tracing::error!(kind = ?e.kind(), "background worker not started: queries run inline");
        }
        Background {
            jobs: spawned.ok().map(|_| tx),
            outstanding,
        }
    }

    /// Runs `f` on the worker (or here, for an in-memory store, or if the worker is gone).
    pub fn query<T, F>(&self, store: &mut Store, f: F) -> Pending<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T> + Send + 'static,
    {
        let outstanding = Arc::clone(&self.outstanding);
        outstanding.fetch_add(1, Ordering::SeqCst);
        // The worker's connection reads as the caller's does (its viewer's centres).
        let viewer = store.viewer();
        let state = match &self.jobs {
            Some(jobs) => {
                let (tx, rx) = channel();
                let job: Job = Box::new(move |s| {
                    let answer = s.and_then(|s| {
                        s.set_viewer(viewer)
                            .and_then(|()| f(s))
                            .inspect_err(StoreError::log)
                    });
                    let _ = tx.send(answer);
                });
                match jobs.send(job) {
                    Ok(()) => PendingState::Waiting(rx),
                    Err(_) => {
                        tracing::error!("background worker gone: query refused");
                        PendingState::Ready(Err(StoreError::Worker))
                    }
                }
            }
            None => PendingState::Ready(f(store).inspect_err(StoreError::log)),
        };
        Pending { state, outstanding }
    }

    /// Whether queries run on a thread of their own (false: inline, on the caller's store).
    pub fn has_worker(&self) -> bool {
        self.jobs.is_some()
    }

    /// Whether an answer is still to be taken (the event loop then polls often).
    pub fn busy(&self) -> bool {
        self.outstanding.load(Ordering::SeqCst) > 0
    }
}

fn worker(path: PathBuf, gate: CheckGate, work: WorkTime, jobs: Receiver<Job>) {
    let mut store: Option<std::result::Result<Store, StoreError>> = None;
    for job in jobs {
        let s = store.get_or_insert_with(|| {
            Store::open_again(&path, &gate)
                .map(|mut s| {
                    s.set_work_time(work.clone());
                    // Its commits (saves) must not pay for checkpoints either: it runs them
                    // itself, as separate jobs (App::checkpoint).
                    let _ = s.defer_checkpoints();
                    s
                })
                .inspect_err(|e| {
                    tracing::error!("background connection failed");
                    e.log();
                })
        });
        job(s.as_mut().map_err(|e| e.again()));
    }
}

impl<T> Pending<T> {
    /// The answer, once, when it has come.
    pub fn poll(&mut self) -> Option<Answer<T>> {
        let answer = match std::mem::replace(&mut self.state, PendingState::Taken) {
            PendingState::Ready(a) => a,
            PendingState::Waiting(rx) => match rx.try_recv() {
                Ok(a) => a,
                Err(TryRecvError::Empty) => {
                    self.state = PendingState::Waiting(rx);
                    return None;
                }
                Err(TryRecvError::Disconnected) => {
                    tracing::error!("background worker stopped before answering");
                    Err(StoreError::Worker)
                }
            },
            PendingState::Taken => return None,
        };
        self.outstanding.fetch_sub(1, Ordering::SeqCst);
        Some(answer)
    }
}

impl<T> Drop for Pending<T> {
    fn drop(&mut self) {
        if !matches!(self.state, PendingState::Taken) {
            self.outstanding.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn wait<T>(p: &mut Pending<T>) -> Answer<T> {
        let start = Instant::now();
        loop {
            if let Some(a) = p.poll() {
                return a;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "no answer");
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    #[test]
    fn file_store_answers_on_the_worker_and_sees_later_commits() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::create(&dir.path().join("b.db")).unwrap();
        let mut store = store;
        let bg = Background::start(&store);
        assert!(!bg.busy());
        let mut p = bg.query(&mut store, |s| s.case_count());
        assert!(bg.busy(), "outstanding until the answer is taken");
        assert!(matches!(wait(&mut p), Ok(0)));
        assert!(!bg.busy());
        assert!(p.poll().is_none(), "an answer is taken once");
        // A dropped query no longer counts as outstanding.
        drop(bg.query(&mut store, |s| s.case_count()));
        assert!(!bg.busy());
    }

    #[test]
    fn in_memory_store_answers_at_once() {
        let mut store = Store::open_in_memory().unwrap();
        let bg = Background::start(&store);
        let mut p = bg.query(&mut store, |s| s.case_count());
        assert!(matches!(p.poll(), Some(Ok(0))));
        assert!(!bg.busy());
    }

    #[test]
    fn a_failing_query_or_connection_keeps_its_kind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gone.db");
        let mut store = Store::create(&path).unwrap();
        let bg = Background::start(&store);
        let mut p = bg.query(&mut store, |_| -> Result<()> {
            Err(crate::store::StoreError::Forbidden)
        });
        assert!(matches!(wait(&mut p), Err(StoreError::Forbidden)));
        let mut p = bg.query(&mut store, |_| -> Result<()> {
            Err(crate::domain::case_rule::CaseRule::NoReason.into())
        });
        assert!(matches!(
            wait(&mut p),
            Err(StoreError::Case(
                crate::domain::case_rule::CaseRule::NoReason
            ))
        ));
        // The worker's connection opened on the first query; a new worker on a vanished
        // file cannot open one, and says so.
        std::fs::remove_file(&path).unwrap();
        let bg = Background::start(&store);
        for _ in 0..2 {
            let mut p = bg.query(&mut store, |s| s.case_count());
            assert!(matches!(wait(&mut p), Err(StoreError::Missing(_))));
        }
    }
}
