//! The cases subject's store tests, by topic (in-memory databases with the real migrations).
mod codes;
mod earlier;
mod list;
mod merges;
mod reading;
mod search;
mod workflow;
