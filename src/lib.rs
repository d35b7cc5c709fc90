//! onedoor: front-desk terminal application for one-door mediation centres.
pub mod domain;
pub mod search;
