//! In-memory fuzzy index of party names (Chinese as written, plus pinyin keys).
//!
//! Layout, chosen for scan speed (see PERFORMANCE.md): distinct names only,
//! all name text in one `String`, all key text in another, `u32` offsets, one
//! `u64` occurrence mask per name for each side, and the keys in byte order
//! (`key_order`). The search itself is in `query.rs`.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{BuildHasherDefault, DefaultHasher, Hash, Hasher};

use super::ids::PartyIds;
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
    pub(super) names: String,
    pub(super) name_off: Vec<u32>,
    pub(super) keys: String,
    pub(super) key_off: Vec<u32>,
    pub(super) name_mask: Vec<u64>,
    pub(super) key_mask: Vec<u64>,
    /// Per name, `char_bit` of each key's first char when it is ASCII
    /// alphanumeric (low 32 bits), and the same bit shifted up 32 for keys of
    /// exactly that one char. Lets a search bound a candidate's tier unread.
    pub(super) key_first: Vec<u64>,
    /// Name length in chars, for the "shorter first" tie-break.
    pub(super) name_len: Vec<u16>,
    /// Name hash -> id; true hash collisions fall back to `collided`.
    by_hash: HashMap<u64, NameId, BuildHasherDefault<IdentityHasher>>,
    collided: HashMap<Box<str>, NameId>,
    pub(super) ids: PartyIds,
    /// Keys of names `0..order.covered()` in byte order, rebuilt by `compact`.
    pub(super) order: KeyOrder,
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
        match self.by_hash.entry(h) {
            Entry::Occupied(_) => {
                self.collided.insert(name.into(), id);
            }
            Entry::Vacant(slot) => {
                slot.insert(id);
            }
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
        self.key_first.push(first_bits(&self.keys[start..]));
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
    /// block and re-sort the key order (O(parties + keys log keys), ~0.5 s at
    /// 2 M parties). Searches are correct either way; names inserted since the
    /// last compaction are just matched by the scan instead of the key order.
    pub fn compact(&mut self) {
        self.ids.compact();
        self.order = KeyOrder::build(self.keys.as_bytes(), &self.key_off);
        self.names.shrink_to_fit();
        self.keys.shrink_to_fit();
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
            + self.key_first.capacity() * 8
            + self.name_len.capacity() * 2
            + table
            + self.ids.heap_bytes()
            + self.order.heap_bytes()
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
