//! Fuzzy search over party names for the front desk's "have we seen them
//! before?" list. Pure data structures: no IO, no SQL, no threads.
//!
//! [`NameIndex`] keeps distinct names with their pinyin keys in contiguous
//! buffers, prefilters with 64-bit occurrence masks ([`mask`]) and scores
//! survivors with a tiered scorer (exact > prefix > substring > fuzzy).

mod ids;
pub mod mask;
mod name_index;
mod score;

pub use name_index::{NameHit, NameId, NameIndex};
pub use score::{MatchKind, TIER};

#[cfg(test)]
mod tests;
