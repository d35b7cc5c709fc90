//! The shared in-memory name index behind repeat-visitor detection and case search.
//! Built on a background thread with its own connection, so the first frame never waits
//! (one row per distinct name from the `parties_name` index: 0.4 s at 1 M cases); panes see `None` until it is ready
//! and fall back to exact SQL look-ups meanwhile. The same thread runs the integrity check that
//! big files skip while opening; a failure shows in the status bar.
use crate::search::NameIndex;
use crate::store::{PartiesAfter, Store, index_party};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

pub struct Names {
    state: State,
    /// Parties saved while the index was still loading, applied once it is ready.
    pending: Vec<(i64, String, String)>,
    /// The largest party id read from the database (the load, then `catch_up`): parties above
    /// it were added since, by other desks or an import. This desk's own inserts do not move it,
    /// so another desk's party saved in between is never skipped.
    synced_to: i64,
}

/// What the loader thread sends: the index as soon as it is built, then (big files only) the
/// outcome of the late integrity check, so search never waits for the check.
enum Msg {
    /// The index and the largest party id it holds.
    Index(Result<(Box<NameIndex>, i64), String>),
    CheckFailed(String),
}

enum State {
    Loading(Receiver<Msg>),
    Ready(Box<NameIndex>, Receiver<Msg>),
    Failed(String),
}

impl Names {
    /// Starts loading, as `store` reads (its viewer's centres). An in-memory store (tests)
    /// cannot be shared with a thread: load inline.
    pub fn start(store: &Store) -> Names {
        let mut synced_to = 0;
        let state = match store.path() {
            Some(path) => {
                let (tx, rx) = channel();
                let path = path.to_path_buf();
                // Big files skipped the integrity check while opening: this thread runs it, late,
                // and writes wait for it (store/check_gate.rs).
                let gate = store.check_gate();
                let viewer = store.viewer();
                let big = gate.begin_background();
                let ours = gate.clone();
                let spawned =
                    std::thread::Builder::new()
                        .name("name-index".into())
                        .spawn(move || {
                            let opened = Store::open_again(&path, &gate).and_then(|mut s| {
                                s.set_viewer(viewer)?;
                                Ok(s)
                            });
                            let store = match opened {
                                Ok(s) => s,
                                Err(e) => {
                                    if big {
                                        gate.abandon();
                                    }
                                    return drop(tx.send(Msg::Index(Err(e.to_string()))));
                                }
                            };
                            let _ = tx.send(Msg::Index(
                                load(&store)
                                    .map(|(idx, max)| (Box::new(idx), max))
                                    .map_err(|e| e.to_string()),
                            ));
                            if big {
                                let outcome = store.quick_check();
                                gate.finish(&outcome);
                                if let Err(e) = outcome {
                                    let _ = tx.send(Msg::CheckFailed(e.to_string()));
                                }
                            }
                        });
                match spawned {
                    Ok(_) => State::Loading(rx),
                    Err(e) => {
                        if big {
                            ours.abandon();
                        }
                        State::Failed(e.to_string())
                    }
                }
            }
            None => match load(store) {
                Ok((idx, max)) => {
                    synced_to = max;
                    State::Ready(Box::new(idx), channel().1)
                }
                Err(e) => State::Failed(e.to_string()),
            },
        };
        Names {
            state,
            pending: Vec::new(),
            synced_to,
        }
    }

    /// Takes what the loader sent; cheap, call it every tick. Returns a failure of the late
    /// integrity check once, for the status bar.
    pub fn poll(&mut self) -> Option<String> {
        let state = std::mem::replace(&mut self.state, State::Failed(String::new()));
        let (state, problem) = match state {
            State::Loading(rx) => match rx.try_recv() {
                Ok(Msg::Index(Ok((mut idx, max)))) => {
                    for (id, name, keys) in self.pending.drain(..) {
                        index_party(&mut idx, id, &name, &keys);
                    }
                    self.synced_to = max;
                    (State::Ready(idx, rx), None)
                }
                Ok(Msg::Index(Err(e))) => (State::Failed(e.clone()), Some(e)),
                Ok(Msg::CheckFailed(e)) => (State::Loading(rx), Some(e)),
                Err(TryRecvError::Empty) => (State::Loading(rx), None),
                Err(TryRecvError::Disconnected) => (State::Failed("loader stopped".into()), None),
            },
            State::Ready(idx, rx) => match rx.try_recv() {
                Ok(Msg::CheckFailed(e)) => (State::Ready(idx, rx), Some(e)),
                _ => (State::Ready(idx, rx), None),
            },
            failed => (failed, None),
        };
        self.state = state;
        problem
    }

    pub fn get(&self) -> Option<&NameIndex> {
        match &self.state {
            State::Ready(idx, _) => Some(idx),
            _ => None,
        }
    }

    pub fn is_loading(&self) -> bool {
        matches!(self.state, State::Loading(_))
    }

    /// Why the index is unavailable, if loading failed.
    pub fn error(&self) -> Option<&str> {
        match &self.state {
            State::Failed(e) => Some(e),
            _ => None,
        }
    }

    /// Where to read new parties from, once the index is ready (None while it loads: the load
    /// itself brings everything up to its moment).
    pub fn catch_up_from(&self) -> Option<i64> {
        matches!(self.state, State::Ready(..)).then_some(self.synced_to)
    }

    /// Adds parties read from the database since `catch_up_from` (other desks' new visitors,
    /// imports), so this desk's fuzzy look-ups find them without a restart; other centres'
    /// parties were passed over, and are not read again.
    pub fn catch_up(&mut self, read: &PartiesAfter) {
        if let State::Ready(idx, _) = &mut self.state {
            for (id, name, keys) in &read.parties {
                index_party(idx, *id, name, keys);
                self.synced_to = self.synced_to.max(*id);
            }
            self.synced_to = self.synced_to.max(read.read_to);
        }
    }

    /// Adds a party saved by this desk so it is found at once.
    pub fn insert(&mut self, party_id: i64, name: &str, keys: &str) {
        match &mut self.state {
            State::Ready(idx, _) => {
                index_party(idx, party_id, name, keys);
            }
            State::Loading(_) => self.pending.push((party_id, name.into(), keys.into())),
            State::Failed(_) => {}
        }
    }
}

fn load(store: &Store) -> crate::store::Result<(NameIndex, i64)> {
    store.load_name_index()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_store_loads_in_background_and_keeps_inserts_made_meanwhile() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::create(&dir.path().join("n.db")).unwrap();
        let opts = crate::demo::DemoOptions {
            cases: 40,
            seed: 1,
            now: chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
                .unwrap()
                .and_hms_opt(10, 30, 0)
                .unwrap(),
        };
        crate::demo::generate(&mut s, &opts, "1234").unwrap();
        let mut names = Names::start(&s);
        names.insert(999_999, "覃小梅", "qinxiaomei qxm");
        let start = std::time::Instant::now();
        while names.get().is_none() {
            assert!(names.error().is_none(), "{:?}", names.error());
            assert!(start.elapsed().as_secs() < 20);
            assert_eq!(names.poll(), None);
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let idx = names.get().unwrap();
        assert!(idx.len_parties() > 40);
        let hits = idx.search("qxm", 5);
        assert_eq!(hits[0].name, "覃小梅");
        assert_eq!(idx.latest(hits[0].name_id), 999_999);
        // Loaded names are found by binary search, in the database's order.
        let mut count = 0;
        s.for_each_distinct_name(|name, _, latest, _| {
            let id = idx.lookup(name).expect("every stored name is in the index");
            assert_eq!(idx.latest(id), latest);
            count += 1;
        })
        .unwrap();
        assert!(count > 40);
    }

    /// A big file opens at once, without its quick check; the check runs here, in the
    /// background, and no write goes into the file before it has passed: not from the
    /// render loop's connection, not from the background worker's.
    #[test]
    fn a_big_file_takes_no_write_before_its_background_check_passed() {
        use crate::store::big_file_tests::{bytes, clerk, damaged, lead, t};
        use crate::store::{SCHEMA_VERSION, StoreError};
        let (_dir, path) = damaged(SCHEMA_VERSION);
        let before = bytes(&path);
        let mut s = Store::open_with_check_limit(&path, 0).unwrap();
        let mut names = Names::start(&s);
        // Before the check has finished the desk is told to wait; after, that the file is damaged.
        match s.add_staff(Some(lead()), &clerk(), t()) {
            Err(StoreError::Checking | StoreError::Corrupt(_)) => {}
            other => panic!("{other:?}"),
        }
        let start = std::time::Instant::now();
        let problem = loop {
            if let Some(p) = names.poll() {
                break p;
            }
            assert!(start.elapsed().as_secs() < 20, "no check result");
            std::thread::sleep(std::time::Duration::from_millis(5));
        };
        assert!(problem.contains("damaged"), "{problem}");
        assert!(matches!(
            s.add_staff(Some(lead()), &clerk(), t()),
            Err(StoreError::Corrupt(_))
        ));
        let bg = crate::app::background::Background::start(&s);
        let mut save = bg.query(&mut s, |w| w.add_staff(Some(lead()), &clerk(), t()));
        let answer = loop {
            if let Some(a) = save.poll() {
                break a;
            }
            assert!(start.elapsed().as_secs() < 20, "no answer");
            std::thread::sleep(std::time::Duration::from_millis(5));
        };
        assert!(matches!(answer, Err(StoreError::Corrupt(_))));
        drop((bg, names, s));
        assert!(bytes(&path) == before, "the file is unchanged");
    }
}
