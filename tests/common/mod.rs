//! What the integration tests share, by topic: `app` (the app with no terminal: a demo store at
//! a fixed time, a login, keys, the screen as text), `county` (hand-overs in the county demo),
//! `cli` (the one way to run the real binary, in a sandbox) and `pty` (the binary in a
//! pseudo-terminal). A test file says `mod common;`
//! and names the part it uses (`use common::app::*;`).
// Each file in tests/ is its own crate and uses a different part of this module: without this
// every helper one of them leaves unused would be dead code there.
#![allow(dead_code)]
pub mod app;
pub mod cli;
pub mod county;
pub mod pty;
