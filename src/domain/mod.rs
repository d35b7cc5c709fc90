//! Types and rules of the mediation centre. Pure: no IO, no SQL, no terminal.

pub mod idnum;
pub mod mask;
pub mod names;
pub mod phone;
pub mod text;
