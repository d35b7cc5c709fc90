//! Fuzzy search over party names for the front desk's "have we seen them
//! before?" list. Pure data structures: no IO, no SQL, no threads.
//!
//! [`NameIndex`] keeps distinct names with their pinyin keys in contiguous
//! buffers, prefilters with 64-bit occurrence masks ([`mask`]), takes exact
//! and prefix pinyin hits from a sorted key order, and scores the remaining
//! survivors with a tiered scorer (exact > prefix > substring > fuzzy).

mod key_order;
pub mod mask;
mod name_index;
mod query;
mod score;

pub use name_index::{NameHit, NameId, NameIndex};
pub use query::{MAX_SCORED, SearchStats};
pub use score::{MatchKind, TIER};

#[cfg(test)]
mod tests;
