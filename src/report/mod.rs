//! Sheets and exports built from store data: pure formatting, no SQL.
pub mod agenda;
