//! What the integration tests share, by topic: `app` (an App on a demo store, keys, the screen
//! as text), `db` (demo databases in memory or on disk), `cli` (the one way to run the real
//! binary, in a sandbox) and `pty` (the binary in a pseudo-terminal).
// Each file in tests/ is its own crate and uses a different part of this module: without this
// every helper one of them leaves unused would be dead code there.
#![allow(dead_code)]
pub mod app;
pub mod cli;
pub mod pty;

#[allow(unused_imports)] // until every test names its module (next step)
pub use app::{app_as, demo_store, fixed_now, render};
