//! In-memory fuzzy index of party names (Chinese as written, plus pinyin keys).
//!
//! Layout, chosen for scan speed (see PERFORMANCE.md): distinct names only,
//! all name text in one `String`, all key text in another, `u32` offsets, one
//! `u64` occurrence mask per name for each side. A search walks the mask
//! array linearly (~250 k words), scores only survivors, keeps the best
//! `limit` in a small heap and expands just those to party ids.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::hash::{BuildHasherDefault, DefaultHasher, Hash, Hasher};

use super::ids::PartyIds;
use super::mask::{mask_of, may_match};
use super::score::{MatchKind, score_keys, score_seq};

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
    /// Every party with this name, largest (newest) id first.
    pub party_ids: Vec<i64>,
}

/// Hasher for keys that are already 64-bit hashes.
#[derive(Default)]
struct IdentityHasher(u64);
impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("only u64 keys are hashed")
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

fn hash_name(name: &str) -> u64 {
    let mut h = DefaultHasher::new();
    name.hash(&mut h);
    h.finish()
}

/// The index. Cheap to insert into after a bulk load; see [`NameIndex::compact`].
#[derive(Default)]
pub struct NameIndex {
    names: String,
    name_off: Vec<u32>,
    keys: String,
    key_off: Vec<u32>,
    name_mask: Vec<u64>,
    key_mask: Vec<u64>,
    /// Name length in chars, for the "shorter first" tie-break.
    name_len: Vec<u16>,
    /// Name hash -> id; true hash collisions fall back to `collided`.
    by_hash: HashMap<u64, NameId, BuildHasherDefault<IdentityHasher>>,
    collided: HashMap<Box<str>, NameId>,
    ids: PartyIds,
}

/// A normalised query: which side it searches and its units.
enum Query {
    Ascii(Vec<u8>),
    Chars(Vec<char>),
}

impl NameIndex {
    pub fn new() -> Self {
        NameIndex {
            name_off: vec![0],
            key_off: vec![0],
            ids: PartyIds::new(),
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

    /// Add one party. `name` is trimmed; `keys` is whitespace-separated pinyin
    /// (lowercased here). Parties with the same name share one entry and the
    /// first insertion's keys. An all-ASCII name is also its own key, so
    /// "John Smith" is found by "johns". O(1) amortised, no compaction.
    pub fn insert(&mut self, party_id: i64, name: &str, keys: &str) -> NameId {
        let name = name.trim();
        let id = match self.lookup(name) {
            Some(id) => id,
            None => self.push_name(name, keys),
        };
        self.ids.add(id, party_id);
        id
    }

    /// Id of an exact (trimmed) name, if present.
    pub fn lookup(&self, name: &str) -> Option<NameId> {
        let &id = self.by_hash.get(&hash_name(name))?;
        if self.name(id) == name {
            Some(id)
        } else {
            self.collided.get(name).copied()
        }
    }

    fn push_name(&mut self, name: &str, keys: &str) -> NameId {
        let id = self.name_mask.len() as NameId;
        let h = hash_name(name);
        if let std::collections::hash_map::Entry::Vacant(e) = self.by_hash.entry(h) {
            e.insert(id);
        } else {
            self.collided.insert(name.into(), id);
        }
        self.names.push_str(name);
        self.name_off.push(self.names.len() as u32);
        let start = self.keys.len();
        for key in keys.split_whitespace().filter(|k| k.is_ascii()) {
            self.push_key(start, key.chars());
        }
        if name.is_ascii() {
            self.push_key(start, name.chars().filter(|c| !c.is_whitespace()));
        }
        self.key_off.push(self.keys.len() as u32);
        self.name_mask.push(mask_of(name));
        self.key_mask.push(mask_of(&self.keys[start..]));
        self.name_len
            .push(name.chars().count().min(u16::MAX as usize) as u16);
        self.ids.push_name();
        id
    }

    fn push_key(&mut self, start: usize, key: impl Iterator<Item = char>) {
        if self.keys.len() > start {
            self.keys.push(' ');
        }
        self.keys.extend(key.map(|c| c.to_ascii_lowercase()));
    }

    /// Fold party ids inserted since the last compaction into the contiguous
    /// block (O(parties)); searches are correct either way, just tidier after.
    pub fn compact(&mut self) {
        self.ids.compact();
    }

    pub fn name(&self, id: NameId) -> &str {
        let i = id as usize;
        &self.names[self.name_off[i] as usize..self.name_off[i + 1] as usize]
    }

    /// The stored (normalised) keys of a name, space-separated.
    pub fn keys(&self, id: NameId) -> &str {
        let i = id as usize;
        &self.keys[self.key_off[i] as usize..self.key_off[i + 1] as usize]
    }

    /// Party ids of a name, largest first.
    pub fn party_ids(&self, id: NameId) -> Vec<i64> {
        self.ids.ids(id)
    }

    pub fn len_names(&self) -> usize {
        self.name_mask.len()
    }

    pub fn len_parties(&self) -> usize {
        self.ids.len()
    }

    /// Approximate heap bytes (capacities; hash tables estimated).
    pub fn memory_bytes(&self) -> usize {
        let table = self.by_hash.capacity() * (16 + 1) + self.collided.capacity() * 40;
        self.names.capacity()
            + self.keys.capacity()
            + (self.name_off.capacity() + self.key_off.capacity()) * 4
            + (self.name_mask.capacity() + self.key_mask.capacity()) * 8
            + self.name_len.capacity() * 2
            + table
            + self.ids.heap_bytes()
    }

    /// Best `limit` names for `query`, best first, with their party ids.
    pub fn search(&self, query: &str, limit: usize) -> Vec<NameHit> {
        self.search_names(query, limit)
            .into_iter()
            .map(|(name_id, score)| NameHit {
                name_id,
                name: self.name(name_id).to_owned(),
                score,
                kind: MatchKind::of_score(score),
                party_ids: self.ids.ids(name_id),
            })
            .collect()
    }

    /// Like [`search`](Self::search) but returns only `(name id, score)`.
    ///
    /// Whitespace in the query is ignored. An all-ASCII query matches the
    /// keys case-insensitively (best key counts); any other query matches the
    /// name as written (ASCII case folded). Order: score, then shorter name,
    /// then name with the newest party, then name id.
    ///
    /// Cost: one pass over the mask array plus one score per survivor,
    /// O(survivor bytes), and O(survivors * log limit) heap work.
    pub fn search_names(&self, query: &str, limit: usize) -> Vec<(NameId, i64)> {
        let squeezed: String = query.chars().filter(|c| !c.is_whitespace()).collect();
        if squeezed.is_empty() || limit == 0 {
            return Vec::new();
        }
        let qmask = mask_of(&squeezed);
        let q = if squeezed.is_ascii() {
            Query::Ascii(squeezed.to_ascii_lowercase().into_bytes())
        } else {
            Query::Chars(squeezed.chars().map(|c| c.to_ascii_lowercase()).collect())
        };
        // Min-heap on rank: the top is the worst kept hit.
        let mut heap: BinaryHeap<Reverse<Rank>> = BinaryHeap::with_capacity(limit + 1);
        let mut buf: Vec<char> = Vec::new();
        let masks = match q {
            Query::Ascii(_) => &self.key_mask,
            Query::Chars(_) => &self.name_mask,
        };
        for (i, &m) in masks.iter().enumerate() {
            if !may_match(qmask, m) {
                continue;
            }
            let id = i as NameId;
            let score = match &q {
                Query::Ascii(q) => score_keys(q, self.keys(id).as_bytes()),
                Query::Chars(q) => {
                    buf.clear();
                    buf.extend(self.name(id).chars().map(|c| c.to_ascii_lowercase()));
                    score_seq(q, &buf)
                }
            };
            let Some(score) = score else { continue };
            let rank = Rank {
                score,
                len: Reverse(self.name_len[i]),
                latest: self.ids.latest(id),
                id: Reverse(id),
            };
            if heap.len() < limit {
                heap.push(Reverse(rank));
            } else if heap.peek().is_some_and(|w| rank > w.0) {
                heap.pop();
                heap.push(Reverse(rank));
            }
        }
        let mut out: Vec<Rank> = heap.into_iter().map(|r| r.0).collect();
        out.sort_unstable_by(|a, b| b.cmp(a));
        out.into_iter().map(|r| (r.id.0, r.score)).collect()
    }
}

/// Ordering key of a hit; larger is better. Field order is the ranking order.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    score: i64,
    len: Reverse<u16>,
    latest: i64,
    id: Reverse<NameId>,
}
