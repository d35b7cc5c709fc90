//! In-memory fuzzy index of party names (Chinese as written, plus pinyin keys).
//!
//! Layout, chosen for scan speed (see PERFORMANCE.md): distinct names only,
//! all name text in one `String`, all key text in another, `u32` offsets, one
//! `u64` occurrence mask per name for each side, and the keys in byte order
//! (`key_order`). The search itself is in `query.rs`.
//!
//! Keys come in two kinds: those of the name's usual reading and rare ones (a heteronym read
//! another way: 邓 as shan, 叶 as xie). A name's usual keys come first in its key text; a match
//! on one ranks above a match of the same kind on a rare one. Which reading is usual is the
//! caller's knowledge (`domain::names::split_keys`): this module knows no pinyin.

use std::collections::HashMap;

use super::key_order::KeyOrder;
use super::mask::{char_bit, mask_of};
use super::score::MatchKind;

/// Dense id of a distinct name inside one [`NameIndex`].
pub type NameId = u32;

/// One matching distinct name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameHit {
    pub name_id: NameId,
    pub name: String,
    /// Higher is better; tiers are exact > prefix > substring > fuzzy.
    pub score: i64,
    pub kind: MatchKind,
    /// Matched by the name as written or a key of its usual reading, not only a rare reading.
    pub usual: bool,
}

/// The index. Names loaded in byte order (`push_sorted`, the start-up load) are found by binary
/// search; names added one by one later go to a small hash map.
#[derive(Default)]
pub struct NameIndex {
    pub(super) names: String,
    pub(super) name_off: Vec<u32>,
    pub(super) keys: String,
    pub(super) key_off: Vec<u32>,
    /// Per name, the bytes of its key text taken by the usual keys (the rest, after a space,
    /// are rare readings).
    pub(super) usual_end: Vec<u16>,
    pub(super) name_mask: Vec<u64>,
    pub(super) key_mask: Vec<u64>,
    /// Per name, `char_bit` of each key's first char when it is ASCII
    /// alphanumeric (low 32 bits), and the same bit shifted up 32 for keys of
    /// exactly that one char. Lets a search bound a candidate's tier unread.
    pub(super) key_first: Vec<u64>,
    /// The same bits for the usual keys alone.
    pub(super) usual_first: Vec<u64>,
    /// Name length in chars, for the "shorter first" tie-break.
    pub(super) name_len: Vec<u16>,
    /// Newest party id per name: the "most recently seen" tie-break. Party ids themselves stay
    /// in the database (`parties_name` index): holding 1.5 M of them here cost 30 MB.
    pub(super) latest: Vec<i64>,
    /// Names `0..sorted` are distinct and in byte order (binary search finds them).
    sorted: u32,
    /// Names added out of order, by text.
    fresh: HashMap<Box<str>, NameId>,
    parties: usize,
    /// Keys of names `0..order.covered()` in byte order, rebuilt by `compact`.
    pub(super) order: KeyOrder,
}

impl NameIndex {
    pub fn new() -> Self {
        NameIndex {
            name_off: vec![0],
            key_off: vec![0],
            ..Default::default()
        }
    }

    /// Bulk load: inserts every `(party_id, name, keys)` then compacts.
    pub fn from_parties<'a, I>(parties: I) -> Self
    where
        I: IntoIterator<Item = (i64, &'a str, &'a str)>,
    {
        let mut index = NameIndex::new();
        for (id, name, keys) in parties {
            index.insert(id, name, keys);
        }
        index.compact();
        index
    }

    /// Add one party whose keys are all of its usual reading. `name` is trimmed; `keys` is
    /// whitespace-separated pinyin (lowercased here). Parties with the same name share one
    /// entry and the first insertion's keys. An all-ASCII name is also its own key, so
    /// "John Smith" is found by "johns". O(1) amortised, no compaction.
    pub fn insert(&mut self, party_id: i64, name: &str, keys: &str) -> NameId {
        self.add(name, keys, "", party_id, 1)
    }

    /// Add one party with the keys of its usual reading and those of rare readings apart.
    pub fn insert_readings(
        &mut self,
        party_id: i64,
        name: &str,
        usual: &str,
        rare: &str,
    ) -> NameId {
        self.add(name, usual, rare, party_id, 1)
    }

    /// The start-up load: one distinct name (its usual and rare keys) with its newest party id
    /// and its number of parties, in byte order of names (`ORDER BY name`), so no hash table is
    /// built. A name out of order (or repeated after trimming) is still taken, through the
    /// slower path.
    pub fn push_sorted(
        &mut self,
        name: &str,
        usual: &str,
        rare: &str,
        latest: i64,
        parties: usize,
    ) -> NameId {
        let name = name.trim();
        let n = self.len_names();
        let in_order = self.sorted as usize == n && (n == 0 || self.name(n as NameId - 1) < name);
        if !in_order || name.is_empty() {
            return self.add(name, usual, rare, latest, parties);
        }
        let id = self.push_name(name, usual, rare);
        self.sorted += 1;
        self.latest[id as usize] = latest;
        self.parties += parties;
        id
    }

    fn add(&mut self, name: &str, usual: &str, rare: &str, latest: i64, parties: usize) -> NameId {
        let name = name.trim();
        let id = match self.lookup(name) {
            Some(id) => id,
            None => {
                let id = self.push_name(name, usual, rare);
                self.fresh.insert(name.into(), id);
                id
            }
        };
        let l = &mut self.latest[id as usize];
        *l = (*l).max(latest);
        self.parties += parties;
        id
    }

    /// Id of an exact (trimmed) name, if present.
    pub fn lookup(&self, name: &str) -> Option<NameId> {
        let (mut lo, mut hi) = (0, self.sorted);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.name(mid).cmp(name) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        self.fresh.get(name).copied()
    }

    fn push_name(&mut self, name: &str, usual: &str, rare: &str) -> NameId {
        let id = self.name_mask.len() as NameId;
        self.names.push_str(name);
        self.name_off.push(self.names.len() as u32);
        let start = self.keys.len();
        for key in usual.split_whitespace().filter(|k| k.is_ascii()) {
            self.push_key(start, key.chars());
        }
        if name.is_ascii() {
            self.push_key(start, name.chars().filter(|c| !c.is_whitespace()));
        }
        let usual_end = self.keys.len();
        for key in rare.split_whitespace().filter(|k| k.is_ascii()) {
            // A key of both kinds is usual.
            let lower = key.to_ascii_lowercase();
            if !self.keys[start..usual_end].split(' ').any(|k| k == lower) {
                self.push_key(start, lower.chars());
            }
        }
        self.key_off.push(self.keys.len() as u32);
        self.usual_end
            .push((usual_end - start).min(u16::MAX as usize) as u16);
        self.name_mask.push(mask_of(name));
        self.key_mask.push(mask_of(&self.keys[start..]));
        self.key_first.push(first_bits(&self.keys[start..]));
        self.usual_first
            .push(first_bits(&self.keys[start..usual_end]));
        self.name_len
            .push(name.chars().count().min(u16::MAX as usize) as u16);
        self.latest.push(i64::MIN);
        id
    }

    fn push_key(&mut self, start: usize, key: impl Iterator<Item = char>) {
        if self.keys.len() > start {
            self.keys.push(' ');
        }
        self.keys.extend(key.map(|c| c.to_ascii_lowercase()));
    }

    /// Re-sort the key order (O(keys log keys)) and release spare capacity. Searches are
    /// correct either way; names inserted since the last compaction are just matched by the
    /// scan instead of the key order.
    pub fn compact(&mut self) {
        // Spare capacity first, so the order's transient copy does not come on top of it.
        self.names.shrink_to_fit();
        self.keys.shrink_to_fit();
        for v in [&mut self.name_off, &mut self.key_off] {
            v.shrink_to_fit();
        }
        for v in [
            &mut self.name_mask,
            &mut self.key_mask,
            &mut self.key_first,
            &mut self.usual_first,
        ] {
            v.shrink_to_fit();
        }
        self.name_len.shrink_to_fit();
        self.usual_end.shrink_to_fit();
        self.latest.shrink_to_fit();
        self.order = KeyOrder::default();
        self.order = KeyOrder::build(self.keys.as_bytes(), &self.key_off);
    }

    pub fn name(&self, id: NameId) -> &str {
        let i = id as usize;
        &self.names[self.name_off[i] as usize..self.name_off[i + 1] as usize]
    }

    /// The stored (normalised) keys of a name, space-separated: usual ones first.
    pub fn keys(&self, id: NameId) -> &str {
        let i = id as usize;
        &self.keys[self.key_off[i] as usize..self.key_off[i + 1] as usize]
    }

    /// The keys of a name's usual reading and those of rare readings.
    pub fn keys_by_reading(&self, id: NameId) -> (&str, &str) {
        let keys = self.keys(id);
        let (usual, rare) = keys.split_at(usize::from(self.usual_end[id as usize]).min(keys.len()));
        (usual, rare.trim_start_matches(' '))
    }

    /// Whether the key starting at byte `start` of the key text belongs to the usual reading.
    #[inline]
    pub(super) fn is_usual_key(&self, id: NameId, start: u32) -> bool {
        let i = id as usize;
        start < self.key_off[i] + u32::from(self.usual_end[i])
    }

    /// The newest party id with this name.
    pub fn latest(&self, id: NameId) -> i64 {
        self.latest[id as usize]
    }

    pub fn len_names(&self) -> usize {
        self.name_mask.len()
    }

    /// Parties counted while loading and inserting (names are shared).
    pub fn len_parties(&self) -> usize {
        self.parties
    }

    /// Approximate heap bytes (capacities; hash tables estimated).
    pub fn memory_bytes(&self) -> usize {
        let table = self.fresh.capacity() * 40;
        self.names.capacity()
            + self.keys.capacity()
            + (self.name_off.capacity() + self.key_off.capacity()) * 4
            + (self.name_mask.capacity() + self.key_mask.capacity()) * 8
            + (self.key_first.capacity() + self.usual_first.capacity()) * 8
            + (self.name_len.capacity() + self.usual_end.capacity()) * 2
            + self.latest.capacity() * 8
            + table
            + self.order.heap_bytes()
    }

    /// Best `limit` names for `query`, best first (their parties are in the database).
    pub fn search(&self, query: &str, limit: usize) -> Vec<NameHit> {
        self.search_names(query, limit)
            .into_iter()
            .map(|(name_id, score, usual)| NameHit {
                name_id,
                name: self.name(name_id).to_owned(),
                score,
                kind: MatchKind::of_score(score),
                usual,
            })
            .collect()
    }
}

/// Bits of the first char of every key (see `NameIndex::key_first`).
fn first_bits(keys: &str) -> u64 {
    keys.split(' ')
        .filter_map(|k| {
            let c = k.chars().next().filter(char::is_ascii_alphanumeric)?;
            let b = char_bit(c);
            Some(if k.len() == 1 { b | b << 32 } else { b })
        })
        .fold(0, |acc, b| acc | b)
}
