//! Occurrence masks: a 64-bit summary of which characters a string contains.
//!
//! If `q` is a subsequence of `s` then every character of `q` occurs in `s`,
//! so `mask(q) & !mask(s) == 0`. The converse is false (false positives are
//! fine, they are scored and dropped), but a true match is never rejected as
//! long as query and candidate go through the same `char_bit` (which folds
//! ASCII case exactly as the matcher does).
//!
//! Layout: bits 0..26 = `a`..`z` (case folded), bits 26..30 = digits folded
//! mod 4, bits 30..64 = every other character hashed into 34 buckets.

/// Bits reserved for ASCII letters.
const LETTER_BITS: u32 = 26;
/// Bits for digits, folded `d % DIGIT_BITS`.
const DIGIT_BITS: u32 = 4;
/// First bit of the hashed region, and its width.
const HASH_BASE: u32 = LETTER_BITS + DIGIT_BITS;
const HASH_BITS: u32 = 64 - HASH_BASE;

/// The single bit that represents `c`. Whitespace maps to no bit because
/// queries are matched with whitespace removed.
#[inline]
pub fn char_bit(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        'A'..='Z' => 1 << (c as u32 - 'A' as u32),
        '0'..='9' => 1 << (LETTER_BITS + (c as u32 - '0' as u32) % DIGIT_BITS),
        c if c.is_whitespace() => 0,
        c => {
            // Fibonacci hashing spreads consecutive CJK code points well.
            let h = (c as u32).wrapping_mul(0x9E37_79B1);
            1 << (HASH_BASE + (h >> 16) % HASH_BITS)
        }
    }
}

/// Mask of every character in `s`.
#[inline]
pub fn mask_of(s: &str) -> u64 {
    if s.is_ascii() {
        // Fast path for pinyin keys: no UTF-8 decoding.
        s.bytes().fold(0, |m, b| m | char_bit(b as char))
    } else {
        s.chars().fold(0, |m, c| m | char_bit(c))
    }
}

/// True when `query_mask` may still match a candidate with `cand_mask`.
#[inline]
pub fn may_match(query_mask: u64, cand_mask: u64) -> bool {
    query_mask & !cand_mask == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Case-insensitive (ASCII) subsequence test, whitespace in `q` ignored.
    fn is_subsequence(q: &str, s: &str) -> bool {
        let mut it = s.chars().map(|c| c.to_ascii_lowercase());
        q.chars()
            .filter(|c| !c.is_whitespace())
            .all(|qc| it.any(|sc| sc == qc.to_ascii_lowercase()))
    }

    /// Small deterministic generator so the test needs no extra crate.
    struct XorShift(u64);
    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
    }

    const ALPHABET: &[char] = &[
        'a', 'b', 'z', 'Z', 'W', 'h', '0', '4', '9', ' ', '-', '张', '伟', '王', '小', '三', '李',
        '明', '𠀋', 'é',
    ];

    fn random_string(rng: &mut XorShift, max_len: u64) -> String {
        let len = rng.next() % (max_len + 1);
        (0..len)
            .map(|_| ALPHABET[(rng.next() % ALPHABET.len() as u64) as usize])
            .collect()
    }

    #[test]
    fn mask_never_rejects_a_true_subsequence_match() {
        let mut rng = XorShift(0x1234_5678_9abc_def1);
        let mut matches = 0;
        for _ in 0..200_000 {
            let s = random_string(&mut rng, 8);
            // Half the queries are built as subsequences of `s`, half random.
            let q: String = if rng.next().is_multiple_of(2) {
                s.chars().filter(|_| rng.next().is_multiple_of(2)).collect()
            } else {
                random_string(&mut rng, 3)
            };
            if is_subsequence(&q, &s) {
                matches += 1;
                assert!(
                    may_match(mask_of(&q), mask_of(&s)),
                    "mask rejected true match {q:?} in {s:?}"
                );
            }
        }
        assert!(matches > 50_000, "generator produced too few matches");
    }

    #[test]
    fn mask_rejects_missing_letters_and_folds_case() {
        assert!(!may_match(mask_of("zq"), mask_of("zhangwei")));
        assert!(may_match(mask_of("ZW"), mask_of("zw")));
        assert!(may_match(mask_of("张伟"), mask_of("张小伟")));
        assert_eq!(mask_of(" "), 0);
    }

    #[test]
    fn letters_use_their_own_bits() {
        let all: u64 = ('a'..='z').map(char_bit).fold(0, |m, b| {
            assert_eq!(m & b, 0, "letters must not share bits");
            m | b
        });
        assert_eq!(all.count_ones(), 26);
        assert_eq!(char_bit('张').count_ones(), 1);
        assert!(char_bit('张') >= 1 << HASH_BASE);
    }
}
