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
    if let Some(s) = contiguous(q, keys, true) {
        return Some(s);
    }
    keys.split(|&b| b == b' ').filter_map(|k| fuzzy(q, k)).max()
}

/// Score of a query (lowercase UTF-8, no whitespace) against a name as
/// written, ASCII case folded.
#[inline]
pub fn score_name(q: &[u8], name: &str, qchars: &[char], buf: &mut Vec<char>) -> Option<i64> {
    if let Some(s) = contiguous(q, name.as_bytes(), false) {
        return Some(s);
    }
    buf.clear();
    buf.extend(name.chars().map(|c| c.to_ascii_lowercase()));
    fuzzy(qchars, buf)
}

/// Exact / prefix / substring score from one byte pass over `hay`, or
/// `None` if `q` does not occur contiguously. With `multi_key`, spaces
/// separate keys and the best key wins. A UTF-8 needle can only match at a
/// char boundary (its first byte is never a continuation byte), so byte
/// matching is char matching; positions are counted in chars.
#[inline]
fn contiguous(q: &[u8], hay: &[u8], multi_key: bool) -> Option<i64> {
    let n = q.len();
    if n > hay.len() {
        return None;
    }
    let first = q[0];
    let mut best: Option<usize> = None;
    // Keys are lowercase ASCII: bytes are chars and need no folding.
    let (mut key_start, mut chars) = (0, 0);
    for i in 0..=hay.len() - n {
        let b = hay[i];
        if !multi_key {
            chars += usize::from(b & 0xC0 != 0x80);
        } else if b == b' ' {
            key_start = i + 1;
        }
        let hit = if multi_key {
            b == first && hay[i..i + n] == *q
        } else {
            b.to_ascii_lowercase() == first && hay[i..i + n].eq_ignore_ascii_case(q)
        };
        if !hit {
            continue;
        }
        let pos = if multi_key { i - key_start } else { chars - 1 };
        if pos == 0 {
            let end = i + n;
            if end == hay.len() || (multi_key && hay[end] == b' ') {
                return Some(3 * TIER);
            }
        }
        best = Some(best.map_or(pos, |p| p.min(pos)));
    }
    best.map(|pos| match pos {
        0 => 2 * TIER,
        pos => 2 * TIER - 1 - (pos as i64).min(TIER - 1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(q: &str, c: &str) -> Option<MatchKind> {
        score_keys(q.as_bytes(), c.as_bytes()).map(MatchKind::of_score)
    }

    fn name_score(q: &str, name: &str) -> Option<i64> {
        let chars: Vec<char> = q.chars().collect();
        score_name(q.as_bytes(), name, &chars, &mut Vec::new())
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
        let a = score_keys(b"an", b"zhangwei").unwrap();
        let b = score_keys(b"ei", b"zhangwei").unwrap();
        assert!(a > b);
        let tight = score_keys(b"zhw", b"zhwang").unwrap();
        let loose = score_keys(b"zhw", b"zhangwei").unwrap();
        assert!(tight > loose, "{tight} vs {loose}");
    }

    #[test]
    fn names_score_by_chars_and_fold_ascii_case() {
        assert_eq!(name_score("张伟", "张伟"), Some(3 * TIER));
        assert_eq!(name_score("张伟", "张伟明"), Some(2 * TIER));
        // Substring position is in chars, not bytes.
        assert_eq!(name_score("伟", "张伟"), Some(2 * TIER - 2));
        assert_eq!(name_score("john", "John Smith"), Some(2 * TIER));
        let fuzzy = name_score("张三", "张小三").unwrap();
        assert_eq!(MatchKind::of_score(fuzzy), MatchKind::Fuzzy);
        assert_eq!(name_score("三张", "张小三"), None);
    }

    #[test]
    fn later_keys_can_be_exact() {
        assert_eq!(score_keys(b"zw", b"zhangwei zw"), Some(3 * TIER));
        assert_eq!(score_keys(b"wei", b"zhangwei wei"), Some(3 * TIER));
        assert_eq!(score_keys(b"w", b"zhangwei zw"), Some(2 * TIER - 2));
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
