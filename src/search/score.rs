//! Scoring of one query against one candidate string (a pinyin key or a name).
//!
//! Scores are tiered so one `i64` orders all hits: exact > prefix > contiguous
//! substring > fuzzy subsequence. Within the substring tier an earlier match
//! wins; within the fuzzy tier, runs of adjacent matches win and gaps cost.
//! This is deliberately simpler than a full Smith-Waterman matcher: it only
//! runs on mask survivors and must stay a few nanoseconds per byte.

/// How a query matched; the variants order like the tiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    /// The characters occur in order, with gaps.
    Fuzzy,
    /// The query occurs contiguously, not at the start.
    Substring,
    /// The candidate starts with the query.
    Prefix,
    /// The candidate equals the query.
    Exact,
}

/// Width of one tier; every score of a tier lies in `[tier * TIER, (tier + 1) * TIER)`.
pub const TIER: i64 = 1_000_000;

impl MatchKind {
    /// Tier of a score produced by this module.
    pub fn of_score(score: i64) -> MatchKind {
        match score / TIER {
            3.. => MatchKind::Exact,
            2 => MatchKind::Prefix,
            1 => MatchKind::Substring,
            _ => MatchKind::Fuzzy,
        }
    }
}

/// Score `q` against `cand`, or `None` when `q` is not a subsequence.
/// `q` must be non-empty.
#[inline]
pub fn score_seq<T: PartialEq + Copy>(q: &[T], cand: &[T]) -> Option<i64> {
    if q.len() > cand.len() {
        return None;
    }
    if cand.starts_with(q) {
        return Some(if q.len() == cand.len() {
            3 * TIER
        } else {
            2 * TIER
        });
    }
    if let Some(pos) = find(cand, q) {
        return Some(2 * TIER - 1 - (pos as i64).min(TIER - 1));
    }
    fuzzy(q, cand)
}

/// Position of the first contiguous occurrence of `needle` after index 0
/// (index 0 was already tested as a prefix).
#[inline]
fn find<T: PartialEq + Copy>(hay: &[T], needle: &[T]) -> Option<usize> {
    let first = needle[0];
    let last_start = hay.len() - needle.len();
    (1..=last_start).find(|&i| hay[i] == first && hay[i..i + needle.len()] == *needle)
}

/// Greedy leftmost subsequence match, scored by adjacency and gaps.
#[inline]
fn fuzzy<T: PartialEq + Copy>(q: &[T], cand: &[T]) -> Option<i64> {
    let mut qi = 0;
    let mut prev: Option<usize> = None;
    let mut score: i64 = TIER / 2;
    for (ci, &c) in cand.iter().enumerate() {
        if c != q[qi] {
            continue;
        }
        score += match prev {
            None if ci == 0 => 50,
            None => -(ci as i64).min(40),
            Some(p) if p + 1 == ci => 100,
            Some(p) => -((ci - p) as i64).min(40),
        };
        prev = Some(ci);
        qi += 1;
        if qi == q.len() {
            return Some(score.clamp(1, TIER - 1));
        }
    }
    None
}

/// Best score of an ASCII query over space-separated lowercase `keys`.
#[inline]
pub fn score_keys(q: &[u8], keys: &[u8]) -> Option<i64> {
    let mut best: Option<i64> = None;
    for key in keys.split(|&b| b == b' ') {
        if let Some(s) = score_seq(q, key) {
            if s >= 3 * TIER {
                return Some(s);
            }
            best = best.max(Some(s));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(q: &str, c: &str) -> Option<MatchKind> {
        score_seq(q.as_bytes(), c.as_bytes()).map(MatchKind::of_score)
    }

    #[test]
    fn tiers() {
        assert_eq!(kind("zw", "zw"), Some(MatchKind::Exact));
        assert_eq!(kind("zhang", "zhangwei"), Some(MatchKind::Prefix));
        assert_eq!(kind("wei", "zhangwei"), Some(MatchKind::Substring));
        assert_eq!(kind("zgw", "zhangwei"), Some(MatchKind::Fuzzy));
        assert_eq!(kind("wz", "zhangwei"), None);
        assert_eq!(kind("zhangweii", "zhangwei"), None);
    }

    #[test]
    fn earlier_substring_and_tighter_fuzzy_rank_higher() {
        let a = score_seq(b"an", b"zhangwei").unwrap();
        let b = score_seq(b"ei", b"zhangwei").unwrap();
        assert!(a > b);
        let tight = score_seq(b"zhw", b"zhwang").unwrap();
        let loose = score_seq(b"zhw", b"zhangwei").unwrap();
        assert!(tight > loose, "{tight} vs {loose}");
    }

    #[test]
    fn best_key_counts() {
        let s = score_keys(b"zw", b"zhangwei zw").unwrap();
        assert_eq!(MatchKind::of_score(s), MatchKind::Exact);
        let s = score_keys(b"zhangw", b"zhangwei zw").unwrap();
        assert_eq!(MatchKind::of_score(s), MatchKind::Prefix);
        assert_eq!(score_keys(b"q", b"zhangwei zw"), None);
    }
}
