//! The search itself: key-order lookup for exact/prefix pinyin hits, then a
//! mask-filtered scan, newest names first, that reads only survivors which
//! could still enter the top `limit`.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::key_order::KeyOrder;
use super::mask::{char_bit, mask_of, may_match};
use super::name_index::{NameId, NameIndex};
use super::score::{TIER, score_keys, score_name};

/// Most survivors one search scores (reads and matches) before it stops.
/// Each costs ~10-60 ns, so with the mask pass a search stays within ~2 ms
/// on a 2.3 GHz core whatever the query. Survivors skipped by the rank bound
/// do not count, and exact/prefix pinyin hits never need scoring.
pub const MAX_SCORED: usize = 25_000;

/// Work done by one search.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SearchStats {
    /// Exact/prefix pinyin keys taken from the sorted key order.
    pub key_hits: usize,
    /// Names whose occurrence mask admitted the query in the scan.
    pub survivors: usize,
    /// Survivors actually scored (the rest could not enter the top `limit`).
    pub scored: usize,
    /// The scan stopped at [`MAX_SCORED`]: older names were not examined, so
    /// the weakest (substring/fuzzy) hits may not be the best ones.
    pub capped: bool,
}

/// A normalised query: which side it searches and its units.
enum Query {
    Ascii(Vec<u8>),
    /// Lowercased text and its chars.
    Chars(String, Vec<char>),
}

/// Ordering key of a hit; larger is better. Field order is the ranking order: the kind of
/// match, then whether it was by the usual reading (单 as shan, 叶 as ye) rather than a rare one.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    score: i64,
    usual: bool,
    len: Reverse<u16>,
    latest: i64,
    id: Reverse<NameId>,
}

/// Result of the first-char test in `starts_with_first`.
#[derive(Clone, Copy)]
enum Starts {
    No,
    Maybe,
    /// The score and whether a usual key gives it.
    Known(i64, bool),
}

/// Best `limit` ranks seen so far (a min-heap: the top is the worst kept).
struct TopK {
    heap: BinaryHeap<Reverse<Rank>>,
    limit: usize,
}

impl TopK {
    /// Whether a hit ranked `r` would be kept.
    #[inline]
    fn admits(&self, r: &Rank) -> bool {
        self.heap.len() < self.limit || self.heap.peek().is_some_and(|w| *r > w.0)
    }

    #[inline]
    fn offer(&mut self, r: Rank) {
        if self.heap.len() < self.limit {
            self.heap.push(Reverse(r));
        } else if self.admits(&r) {
            self.heap.pop();
            self.heap.push(Reverse(r));
        }
    }

    /// The `limit`-th best hit once there are `limit`.
    fn worst(&self) -> Option<Rank> {
        if self.heap.len() < self.limit {
            return None;
        }
        self.heap.peek().map(|w| w.0)
    }

    /// True once every kept hit beats any substring/fuzzy match.
    fn full_above(&self, score: i64) -> bool {
        self.heap.len() >= self.limit && self.heap.peek().is_some_and(|w| w.0.score > score)
    }
}

impl NameIndex {
    /// Like [`search`](Self::search) but returns only `(name id, score)`.
    ///
    /// Whitespace in the query is ignored. An all-ASCII query matches the
    /// keys case-insensitively (best key counts); any other query matches the
    /// name as written (ASCII case folded). Order: score, then a match by the
    /// usual reading before one by a rare reading only, then shorter name, then
    /// name with the newest party, then name id. Each hit: name id, score, and
    /// whether it matched by the usual reading (a name as written always does).
    pub fn search_names(&self, query: &str, limit: usize) -> Vec<(NameId, i64, bool)> {
        self.search_names_with_stats(query, limit).0
    }

    /// [`search_names`](Self::search_names) plus how much work it did.
    pub fn search_names_with_stats(
        &self,
        query: &str,
        limit: usize,
    ) -> (Vec<(NameId, i64, bool)>, SearchStats) {
        let mut stats = SearchStats::default();
        let squeezed: String = query.chars().filter(|c| !c.is_whitespace()).collect();
        if squeezed.is_empty() || limit == 0 {
            return (Vec::new(), stats);
        }
        let qmask = mask_of(&squeezed);
        let q = if squeezed.is_ascii() {
            Query::Ascii(squeezed.to_ascii_lowercase().into_bytes())
        } else {
            let lower = squeezed.to_ascii_lowercase();
            let chars = lower.chars().collect();
            Query::Chars(lower, chars)
        };
        let mut top = TopK {
            heap: BinaryHeap::with_capacity(limit + 1),
            limit,
        };
        // Names below `covered` get their exact/prefix hits from the key order.
        let mut covered = 0;
        if let Query::Ascii(q) = &q {
            covered = self.order.covered();
            self.offer_key_hits(q, &mut top, &mut stats);
        }
        // If the top is already all prefix-or-better, covered names cannot
        // enter it (at best a substring), so only newer names are scanned.
        let scan_from = if top.full_above(2 * TIER - 2) {
            covered
        } else {
            0
        };
        let masks = match q {
            Query::Ascii(_) => &self.key_mask,
            Query::Chars(..) => &self.name_mask,
        };
        let mut buf: Vec<char> = Vec::new();
        let mut worst = top.worst();
        for id in (scan_from..masks.len() as NameId).rev() {
            if !may_match(qmask, masks[id as usize]) {
                continue;
            }
            stats.survivors += 1;
            let in_order = id < covered;
            let (starts, ub) = if in_order {
                // Its exact/prefix hits were offered from the key order, so
                // at best it adds a substring at position 1.
                if let Some(w) = worst {
                    if w.score > 2 * TIER - 2 {
                        break; // ids below are all covered: none can enter
                    }
                    if w.score == 2 * TIER - 2 && w.usual && self.name_len[id as usize] > w.len.0 {
                        continue;
                    }
                }
                (Starts::No, 2 * TIER - 2)
            } else {
                let starts = self.starts_with_first(&q, id);
                let ub = match starts {
                    // Not starting there: at best a substring at position 1.
                    Starts::No => 2 * TIER - 2,
                    Starts::Maybe => 3 * TIER,
                    Starts::Known(s, _) => s,
                };
                (starts, ub)
            };
            let mut rank = self.rank(id, ub, true);
            if !top.admits(&rank) {
                continue;
            }
            if stats.scored == MAX_SCORED {
                stats.capped = true;
                break;
            }
            stats.scored += 1;
            let score = match (starts, &q) {
                (Starts::Known(s, usual), _) => Some((s, usual)),
                (_, Query::Ascii(q)) => self.score_readings(q, id),
                (_, Query::Chars(q, qc)) => {
                    score_name(q.as_bytes(), self.name(id), qc, &mut buf).map(|s| (s, true))
                }
            };
            // Covered names' prefix/exact hits were offered already.
            match score {
                Some((s, usual)) if !(in_order && s >= 2 * TIER) => {
                    rank.score = s;
                    rank.usual = usual;
                    top.offer(rank);
                    worst = top.worst();
                }
                _ => {}
            }
        }
        let mut out: Vec<Rank> = top.heap.into_iter().map(|r| r.0).collect();
        out.sort_unstable_by(|a, b| b.cmp(a));
        let hits = out
            .into_iter()
            .map(|r| (r.id.0, r.score, r.usual))
            .collect();
        (hits, stats)
    }

    /// Best score of an ASCII query over a name's keys, and whether a usual key gives it (a rare
    /// key's match counts only if it is of a stronger kind).
    #[inline]
    fn score_readings(&self, q: &[u8], id: NameId) -> Option<(i64, bool)> {
        let (usual, rare) = self.keys_by_reading(id);
        let u = score_keys(q, usual.as_bytes()).map(|s| (s, true));
        let r = score_keys(q, rare.as_bytes()).map(|s| (s, false));
        u.max(r)
    }

    #[inline]
    fn rank(&self, id: NameId, score: i64, usual: bool) -> Rank {
        Rank {
            score,
            usual,
            len: Reverse(self.name_len[id as usize]),
            latest: self.latest[id as usize],
            id: Reverse(id),
        }
    }

    /// Offer every name with a key equal to or starting with `q`, once each, at its best: exact
    /// keys sort first, so exact hits are met before prefix ones; within each, a name's usual
    /// keys are offered before its rare ones.
    fn offer_key_hits(&self, q: &[u8], top: &mut TopK, stats: &mut SearchStats) {
        let (keys, key_off) = (self.keys.as_bytes(), &self.key_off[..]);
        let range = self.order.prefix_range(keys, key_off, q);
        stats.key_hits = range.len();
        let exact = range.partition_point(|&e| KeyOrder::key_len(keys, key_off, e) == q.len());
        let mut seen = vec![0u64; (self.order.covered() as usize).div_ceil(64)];
        for (part, score) in [(&range[..exact], 3 * TIER), (&range[exact..], 2 * TIER)] {
            for usual in [true, false] {
                for &e in part {
                    if self.is_usual_key(e.name, e.start) != usual {
                        continue;
                    }
                    let (word, bit) = (e.name as usize / 64, 1u64 << (e.name % 64));
                    if seen[word] & bit != 0 {
                        continue;
                    }
                    seen[word] |= bit;
                    top.offer(self.rank(e.name, score, usual));
                }
            }
        }
    }

    /// Whether candidate `id` can start with the query's first char (a key
    /// of it, for ASCII queries; the name, otherwise). For a one-letter query
    /// the answer also fixes the score: exact or prefix.
    #[inline]
    fn starts_with_first(&self, q: &Query, id: NameId) -> Starts {
        match q {
            Query::Ascii(q) => {
                let c = q[0] as char;
                if !c.is_ascii_alphanumeric() {
                    return Starts::Maybe;
                }
                // Digits share mask bits, so their bit only says "maybe".
                let one_letter = q.len() == 1 && c.is_ascii_lowercase();
                let first = self.key_first[id as usize];
                let usual = self.usual_first[id as usize];
                let bit = char_bit(c);
                match (first & bit != 0, one_letter) {
                    (false, _) => Starts::No,
                    (true, false) => Starts::Maybe,
                    (true, true) if first & (bit << 32) != 0 => {
                        Starts::Known(3 * TIER, usual & (bit << 32) != 0)
                    }
                    (true, true) => Starts::Known(2 * TIER, usual & bit != 0),
                }
            }
            Query::Chars(_, q) => {
                let name = self.name(id);
                let first = name.chars().next().map(|c| c.to_ascii_lowercase());
                match (first == Some(q[0]), q.len() == 1) {
                    (false, _) => Starts::No,
                    (true, false) => Starts::Maybe,
                    (true, true) if self.name_len[id as usize] == 1 => {
                        Starts::Known(3 * TIER, true)
                    }
                    (true, true) => Starts::Known(2 * TIER, true),
                }
            }
        }
    }
}
