//! Streaming every party's name for the in-memory name index (built off the render loop), and
//! filling that index the one way the panes and `onedoor find` share: each name's keys split
//! into its usual reading and rare ones (`domain::names::split_keys`), so both rank alike.
use super::{Result, Store, queries};
use crate::domain::names::split_keys;
use crate::search::{NameId, NameIndex};

/// Adds one party to a name index, its stored keys split by reading.
pub fn index_party(ix: &mut NameIndex, party_id: i64, name: &str, keys: &str) -> NameId {
    let (usual, rare) = split_keys(name, keys);
    ix.insert_readings(party_id, name, &usual, &rare)
}

/// Parties other desks added (`Store::parties_after`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartiesAfter {
    /// (party id, name, pinyin keys) of the parties of visible cases.
    pub parties: Vec<(i64, String, String)>,
    /// The last party id read: the next catch-up starts after it.
    pub read_to: i64,
}

impl Store {
    /// The name index of every party of the visible centres' cases, and the largest party id
    /// it holds (one pass over the `parties_name` index, in name order, when every centre is
    /// visible).
    pub fn load_name_index(&self) -> Result<(NameIndex, i64)> {
        let mut ix = NameIndex::new();
        let mut max = 0;
        self.for_each_distinct_name(|name, keys, latest, parties| {
            let (usual, rare) = split_keys(name, keys);
            ix.push_sorted(name, &usual, &rare, latest, parties);
            max = max.max(latest);
        })?;
        ix.compact();
        Ok((ix, max))
    }

    /// Calls `f(party_id, name, name_keys)` for every party of the visible centres' cases, in
    /// id order, without collecting.
    pub fn for_each_party_name(&self, f: impl FnMut(i64, &str, &str)) -> Result<()> {
        queries::each_name(self.lite()?, self.sees_all()?, f)
    }

    /// Parties added after `after` (by any desk or an import), oldest first, at most `limit`
    /// read: how a desk's name index catches up with the others. One rowid range scan. Returns
    /// the parties of visible cases among them, and the last id read (catch up from there:
    /// another centre's parties are passed over, not read again and again).
    pub fn parties_after(&self, after: i64, limit: u32) -> Result<PartiesAfter> {
        let rows = queries::added_after(self.lite()?, after, limit)?;
        let read_to = rows.last().map_or(after, |(id, _)| *id);
        let parties = rows
            .into_iter()
            .filter_map(|(id, seen)| seen.map(|(name, keys)| (id, name, keys)))
            .collect();
        Ok(PartiesAfter { parties, read_to })
    }

    /// Every distinct party name of the visible centres' cases in byte order, with the pinyin
    /// keys of its newest party, that party's id and how many parties bear the name: one pass
    /// over the `parties_name` index when every centre is visible.
    pub fn for_each_distinct_name(&self, f: impl FnMut(&str, &str, i64, usize)) -> Result<()> {
        queries::each_distinct_name(self.lite()?, self.sees_all()?, f)
    }
}
