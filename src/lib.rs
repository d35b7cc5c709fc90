//! onedoor: front-desk terminal application for one-door mediation centres.
//!
//! Layers (see README, "How the code is laid out"): `domain` (pure rules) ← `store` (all SQL)
//! ← `app` (state and update) ← `ui` (drawing only); `search` holds in-memory indexes;
//! `report` builds sheets; `cli` and `main` only wire them up. `fsutil` creates every file
//! onedoor writes (private, never through a symbolic link), below store, report and cli.
pub mod app;
pub mod cli;
pub mod config;
pub mod demo;
pub mod domain;
pub mod fsutil;
pub mod i18n;
pub mod import;
pub mod logging;
pub mod report;
pub mod search;
pub mod store;
pub mod tui;
pub mod ui;
