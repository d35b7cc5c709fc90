//! Pinyin search keys for Chinese personal names.
//!
//! A clerk types `zhangwei` or `zw` to find 张伟. Plain conversion reads
//! surnames wrong (单 as dan, not shan), and given names use heteronyms, so
//! a name gets keys for several plausible readings: the surname reading
//! first, then the characters' dictionary readings. The number of
//! combinations is bounded, so an odd or very long name stays cheap.

use pinyin::ToPinyinMulti;

#[path = "names_data.rs"]
mod data;

/// Most full readings emitted per name (each also gives an initials key).
const MAX_VARIANTS: usize = 8;
/// Most readings considered for one character (or compound surname).
const MAX_READINGS_PER_POSITION: usize = 4;
/// Only this many positions may vary; the rest use their first reading.
/// Keeps enumeration shallow for long inputs.
const MAX_VARYING_POSITIONS: usize = 6;

/// One reading of a position: its syllables (one per character, or one
/// pass-through token for Latin letters and digits).
type Reading = Vec<String>;

/// Plain (toneless) readings of a Han character, default reading first.
/// `ü` is written `v`, as on a pinyin keyboard.
fn char_readings(c: char) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(multi) = c.to_pinyin_multi() {
        for p in multi {
            let s = p.plain().replace('ü', "v");
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out
}

fn surname_char_readings(c: char) -> Vec<String> {
    let mut out = char_readings(c);
    if let Some((_, r)) = data::SURNAME_READINGS.iter().find(|(s, _)| *s == c) {
        out.retain(|x| x != r);
        out.insert(0, (*r).to_owned());
    }
    out
}

fn push_unique(list: &mut Vec<Reading>, r: Reading) {
    if list.len() < MAX_READINGS_PER_POSITION && !list.contains(&r) {
        list.push(r);
    }
}

/// Splits a name into positions, each with its candidate readings.
fn positions(name: &str) -> Vec<Vec<Reading>> {
    let chars: Vec<char> = name.chars().collect();
    let mut out: Vec<Vec<Reading>> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() && char_readings(c).is_empty() {
            // Latin letters, digits, or Han characters without pinyin data:
            // one lowercased token per run.
            let start = i;
            while i < chars.len()
                && chars[i].is_alphanumeric()
                && char_readings(chars[i]).is_empty()
            {
                i += 1;
            }
            let token: String = chars[start..i].iter().collect::<String>().to_lowercase();
            out.push(vec![vec![token]]);
            continue;
        }
        if !c.is_alphanumeric() {
            i += 1; // spaces, the middle dot of transliterated names, punctuation
            continue;
        }
        // Only a name's first character can start its surname.
        if out.is_empty() {
            if let Some(readings) = compound_surname(&chars[i..]) {
                out.push(readings);
                i += 2;
                continue;
            }
            let readings = surname_char_readings(c).into_iter().map(|r| vec![r]);
            out.push(readings.take(MAX_READINGS_PER_POSITION).collect());
        } else {
            let readings = char_readings(c).into_iter().map(|r| vec![r]);
            out.push(readings.take(MAX_READINGS_PER_POSITION).collect());
        }
        i += 1;
    }
    out
}

/// Readings of a compound surname at the start of `chars`: its surname
/// reading, then the characters read separately (the name may be, say, 单
/// with a given name 于).
fn compound_surname(chars: &[char]) -> Option<Vec<Reading>> {
    let (a, b) = (*chars.first()?, *chars.get(1)?);
    let (_, fixed) = data::COMPOUND_SURNAMES.iter().find(|(s, _)| {
        let mut it = s.chars();
        it.next() == Some(a) && it.next() == Some(b)
    })?;
    let mut list = vec![fixed.iter().map(|s| (*s).to_owned()).collect()];
    let (ra, rb) = (surname_char_readings(a), char_readings(b));
    // Most common pairs first; at equal rank vary the first character, so
    // 单于 gives shan yu, then dan yu, before the rare readings of 于.
    let mut pairs: Vec<(usize, usize)> = (0..ra.len())
        .flat_map(|i| (0..rb.len()).map(move |j| (i, j)))
        .collect();
    pairs.sort_by_key(|&(i, j)| (i + j, j));
    for (i, j) in pairs {
        push_unique(&mut list, vec![ra[i].clone(), rb[j].clone()]);
    }
    Some(list)
}

/// Reading choices (index per position), most plausible first: ordered by
/// the sum of reading ranks, so every default reading comes before any
/// combination of rarer ones.
fn choices(positions: &[Vec<Reading>]) -> Vec<Vec<usize>> {
    let varying: Vec<usize> = (0..positions.len())
        .filter(|&p| positions[p].len() > 1)
        .take(MAX_VARYING_POSITIONS)
        .collect();
    let counts: Vec<usize> = varying.iter().map(|&p| positions[p].len()).collect();
    let max_sum: usize = counts.iter().map(|c| c - 1).sum();
    let mut found: Vec<Vec<usize>> = Vec::new();
    let mut cur = vec![0; counts.len()];
    for target in 0..=max_sum {
        if found.len() >= MAX_VARIANTS {
            break;
        }
        with_rank_sum(&counts, 0, target, &mut cur, &mut found);
    }
    found
        .into_iter()
        .map(|ranks| {
            let mut full = vec![0; positions.len()];
            for (k, &p) in varying.iter().enumerate() {
                full[p] = ranks[k];
            }
            full
        })
        .collect()
}

/// Collects rank vectors whose entries sum to `remaining` (depth is at most
/// `MAX_VARYING_POSITIONS`).
fn with_rank_sum(
    counts: &[usize],
    i: usize,
    remaining: usize,
    cur: &mut Vec<usize>,
    found: &mut Vec<Vec<usize>>,
) {
    if found.len() >= MAX_VARIANTS {
        return;
    }
    if i == counts.len() {
        if remaining == 0 {
            found.push(cur.clone());
        }
        return;
    }
    let rest_max: usize = counts[i + 1..].iter().map(|c| c - 1).sum();
    for r in 0..counts[i].min(remaining + 1) {
        if remaining - r <= rest_max {
            cur[i] = r;
            with_rank_sum(counts, i + 1, remaining - r, cur, found);
        }
    }
}

/// Space-separated lowercase search keys: for each plausible reading the
/// full pinyin without tones (`zhangwei`) and its initials (`zw`).
/// Deterministic and free of duplicates; empty for a name without letters.
pub fn name_keys(name: &str) -> String {
    let positions = positions(name);
    if positions.is_empty() {
        return String::new();
    }
    let mut keys: Vec<String> = Vec::new();
    for choice in choices(&positions) {
        let mut full = String::new();
        let mut initials = String::new();
        for (pos, &rank) in positions.iter().zip(&choice) {
            for syllable in &pos[rank] {
                full.push_str(syllable);
                initials.extend(syllable.chars().next());
            }
        }
        for key in [full, initials] {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    keys.join(" ")
}

/// The keys of a name read the usual way: the surname reading of its first character (单 shan,
/// 曾 zeng, 区 ou, 解 xie, 仇 qiu), the first dictionary reading of every other character. Its
/// full pinyin and its initials, the first keys [`name_keys`] lists; empty for a name without
/// letters.
pub fn usual_keys(name: &str) -> [String; 2] {
    let mut full = String::new();
    let mut initials = String::new();
    for pos in positions(name) {
        for syllable in pos.first().into_iter().flatten() {
            full.push_str(syllable);
            initials.extend(syllable.chars().next());
        }
    }
    [full, initials]
}

/// A name's stored keys, split by reading: those of its usual reading ([`usual_keys`]) and the
/// rest (heteronyms read another way, 邓 as shan, 叶 as xie), each space-separated. Search ranks
/// a match on a usual key above a match of the same kind on a rare one, so the rare readings
/// stay findable without crowding out the names they do not belong to.
pub fn split_keys(name: &str, keys: &str) -> (String, String) {
    let usual = usual_keys(name);
    let (mut common, mut rare) = (String::new(), String::new());
    for k in keys.split_whitespace() {
        let side = if usual.iter().any(|u| u == k) {
            &mut common
        } else {
            &mut rare
        };
        if !side.is_empty() {
            side.push(' ');
        }
        side.push_str(k);
    }
    (common, rare)
}

/// True when a search query should be matched against pinyin keys rather
/// than the name itself: only ASCII letters, digits and spaces, and not blank.
pub fn is_ascii_query(q: &str) -> bool {
    q.chars().any(|c| c.is_ascii_alphanumeric())
        && q.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ')
}

/// Whether any key produced by [`name_keys`] contains the query (case and
/// spaces ignored), so `zhang wei`, `ZW` and `wei` all find 张伟.
pub fn keys_match(keys: &str, query: &str) -> bool {
    let q: String = query
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    !q.is_empty() && keys.split(' ').any(|k| k.contains(&q))
}

#[cfg(test)]
#[path = "names_tests.rs"]
mod tests;
