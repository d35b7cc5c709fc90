//! The quick integrity check a big file skips while opening, and the writes that wait for it.
//! `PRAGMA quick_check` reads every page (2.7 s at a million cases), so a file over
//! `INLINE_CHECK_BYTES` opens without it; nothing may write into that file until the check has
//! passed. Every connection this process opens on the file shares one gate (`Store::open_again`
//! takes it): the app runs the check on a background thread (app/names.rs) while the first
//! frames draw; a command line tool has nobody to run it, so its first write runs it, before
//! writing.
use super::{Result, StoreError};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, PartialEq, Eq)]
enum State {
    /// Checked (while opening, or since), or nothing to check (a new file, memory).
    Passed,
    /// Not checked yet, and nobody is checking: the first write checks.
    Unchecked,
    /// Being checked by another thread: writes wait for it.
    Running,
    /// The check refused the file: so is every write.
    Failed(String),
}

/// Whether writes may go into the file: shared by every connection of this process to it.
#[derive(Debug, Clone)]
pub struct CheckGate(Arc<(Mutex<State>, Condvar)>);

impl CheckGate {
    fn new(state: State) -> CheckGate {
        CheckGate(Arc::new((Mutex::new(state), Condvar::new())))
    }

    pub(super) fn passed() -> CheckGate {
        CheckGate::new(State::Passed)
    }

    pub(super) fn unchecked() -> CheckGate {
        CheckGate::new(State::Unchecked)
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A thread that panicked while holding it left a state that is still one of the four.
        self.0.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Takes the check over for a background thread, which must then `finish` it (or
    /// `abandon` it). False when there is nothing to check: checked already, or being checked.
    pub fn begin_background(&self) -> bool {
        let mut s = self.lock();
        if *s == State::Unchecked {
            *s = State::Running;
            true
        } else {
            false
        }
    }

    /// Records the outcome of the check and wakes the writes waiting for it. Damage refuses
    /// every write from now on; any other failure (the file could not be read) leaves the file
    /// unchecked, so the next write checks it itself.
    pub fn finish(&self, outcome: &Result<()>) {
        let mut s = self.lock();
        *s = match outcome {
            Ok(()) => State::Passed,
            Err(StoreError::Corrupt(why)) => State::Failed(why.clone()),
            Err(_) => State::Unchecked,
        };
        self.0.1.notify_all();
    }

    /// The background check could not run: writes check for themselves.
    pub fn abandon(&self) {
        let mut s = self.lock();
        if *s == State::Running {
            *s = State::Unchecked;
            self.0.1.notify_all();
        }
    }

    /// Before a write: passes once the check has passed; runs it with `check` when nobody has;
    /// waits up to `wait` for a check running elsewhere, then refuses (`err.db.checking`).
    pub(super) fn before_write(
        &self,
        wait: Duration,
        check: impl FnOnce() -> Result<()>,
    ) -> Result<()> {
        let deadline = Instant::now() + wait;
        let mut s = self.lock();
        loop {
            match &*s {
                State::Passed => return Ok(()),
                State::Failed(why) => return Err(StoreError::Corrupt(why.clone())),
                State::Unchecked => {
                    // Held meanwhile: another connection's write waits for this check.
                    let outcome = check();
                    *s = match &outcome {
                        Ok(()) => State::Passed,
                        Err(StoreError::Corrupt(why)) => State::Failed(why.clone()),
                        Err(_) => State::Unchecked,
                    };
                    self.0.1.notify_all();
                    return outcome;
                }
                State::Running => {
                    let left = deadline.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        return Err(StoreError::Checking);
                    }
                    s = self
                        .0
                        .1
                        .wait_timeout(s, left)
                        .unwrap_or_else(|p| p.into_inner())
                        .0;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_waits_for_a_running_check_or_is_refused_at_once() {
        let gate = CheckGate::unchecked();
        assert!(gate.begin_background());
        assert!(!gate.begin_background(), "one check at a time");
        let never = || -> Result<()> { panic!("a running check is not run again") };
        assert!(matches!(
            gate.before_write(Duration::ZERO, never),
            Err(StoreError::Checking)
        ));
        // A write that may wait (the app's workers) gets through once the check passes.
        let waiting = {
            let gate = gate.clone();
            std::thread::spawn(move || gate.before_write(Duration::from_secs(60), never))
        };
        gate.finish(&Ok(()));
        assert!(waiting.join().unwrap().is_ok());
        assert!(gate.before_write(Duration::ZERO, never).is_ok());
    }

    #[test]
    fn damage_refuses_every_write_and_other_failures_leave_the_check_to_the_next_write() {
        let gate = CheckGate::unchecked();
        assert!(gate.begin_background());
        gate.finish(&Err(StoreError::Locked));
        let mut ran = 0;
        assert!(
            gate.before_write(Duration::ZERO, || {
                ran += 1;
                Err(StoreError::Corrupt("page 609".into()))
            })
            .is_err()
        );
        assert_eq!(ran, 1);
        let never = || -> Result<()> { panic!("checked once") };
        assert!(matches!(
            gate.before_write(Duration::from_secs(60), never),
            Err(StoreError::Corrupt(why)) if why == "page 609"
        ));
        assert!(!gate.begin_background());
        let gate = CheckGate::unchecked();
        assert!(gate.begin_background());
        gate.abandon();
        assert!(gate.before_write(Duration::ZERO, || Ok(())).is_ok());
    }
}
