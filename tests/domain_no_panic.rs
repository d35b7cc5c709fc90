//! Pseudo-random inputs built from awkward characters: no domain function may
//! panic, and masks must never reveal more than four characters.

use chrono::NaiveDate;
use onedoor::domain::{idnum, mask, names, phone, text};

const ALPHABET: &[&str] = &[
    "0",
    "1",
    "8",
    "9",
    "X",
    "x",
    "Ｘ",
    "５",
    "-",
    "－",
    "+",
    "＋",
    " ",
    "\u{3000}",
    "(",
    "）",
    "\r",
    "\n",
    "\t",
    "\u{1b}",
    "\u{202E}",
    "\0",
    "张",
    "单",
    "于",
    "尉",
    "迟",
    "乐",
    "😀",
    "👨‍👩‍👧",
    "é",
    "A",
    "·",
    "\u{FEFF}",
    "\u{2028}",
    "𠮷",
];

/// Small deterministic generator (xorshift), so failures are reproducible.
fn inputs(count: usize) -> impl Iterator<Item = String> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count).map(move |_| {
        let len = (next() % 24) as usize;
        (0..len)
            .map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize])
            .collect()
    })
}

#[test]
fn nothing_panics_and_masks_stay_masked() {
    let today = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
    for s in inputs(20_000) {
        let _ = idnum::parse_id_number(&s, today);
        let _ = phone::parse_phone(&s);
        let keys = names::name_keys(&s);
        assert!(
            !keys.starts_with(' ') && !keys.ends_with(' '),
            "{s:?} -> {keys:?}"
        );
        let single = text::sanitize_single_line(&s, 5);
        assert!(single.text.chars().count() <= 5);
        assert!(!single.text.contains(['\n', '\r', '\t', '\u{1b}']));
        let multi = text::sanitize_multi_line(&s, 50);
        assert!(!multi.text.contains(['\r', '\t', '\u{1b}', '\u{202E}']));
        let _ = text::to_halfwidth_ascii(&s);
        let m = mask::mask_fallback(&s);
        assert!(
            m.chars().filter(|c| *c != '*').count() <= 4,
            "{s:?} -> {m:?}"
        );
        // Well-formed values keep their customary head; anything else is masked.
        for m in [
            mask::mask_id(&s),
            mask::mask_mobile(&s),
            mask::mask_phone(&s),
        ] {
            assert!(s.is_empty() || m.contains("****"), "{s:?} -> {m:?}");
        }
        let _ = mask::mask_landline(&s);
    }
}
