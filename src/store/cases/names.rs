//! Streaming every party's name for the in-memory name index (built off the render loop).
use super::{Result, Store, queries};

impl Store {
    /// Calls `f(party_id, name, name_keys)` for every party, in id order, without collecting.
    pub fn for_each_party_name(&self, f: impl FnMut(i64, &str, &str)) -> Result<()> {
        queries::each_name(&self.conn, f)
    }

    /// Parties added after `after` (by any desk or an import), oldest first, at most `limit`:
    /// how a desk's name index catches up with the others. One rowid range scan.
    pub fn parties_after(&self, after: i64, limit: u32) -> Result<Vec<(i64, String, String)>> {
        queries::added_after(&self.conn, after, limit)
    }

    /// Every distinct party name in byte order, with the pinyin keys of its newest party, that
    /// party's id and how many parties bear the name: one pass over the `parties_name` index.
    pub fn for_each_distinct_name(&self, f: impl FnMut(&str, &str, i64, usize)) -> Result<()> {
        queries::each_distinct_name(&self.conn, f)
    }
}
