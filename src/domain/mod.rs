//! Types and rules of the mediation centre. Pure: no IO, no SQL, no terminal.
pub mod category;
pub mod channel;
mod codes;
pub mod idnum;
pub mod ladder;
pub mod mask;
pub mod names;
pub mod party;
pub mod phone;
pub mod pin;
pub mod risk;
pub mod role;
pub mod shift;
pub mod status;
pub mod team;
pub mod text;
