//! Masking personal numbers for lists, printouts and logs (PIPL: minimum
//! necessary). Well-formed values get the customary masks; anything else
//! reveals at most its last four characters, and nothing if it is short.

use crate::domain::idnum::IdNumber;
use crate::domain::phone::{Phone, PhoneKind};

const STARS: &str = "****";

/// Mask for values of unknown shape: `****` plus the last four characters
/// only if at least eight are present (so half or more stays hidden).
/// Character-based, so CJK or emoji input never splits a code point.
pub fn mask_fallback(s: &str) -> String {
    let n = s.chars().count();
    if n == 0 {
        return String::new();
    }
    if n < 8 {
        return STARS.to_owned();
    }
    let tail: String = s.chars().skip(n - 4).collect();
    format!("{STARS}{tail}")
}

/// `13812345678` → `138****5678`.
pub fn mask_mobile(s: &str) -> String {
    if s.len() == 11 && s.bytes().all(|b| b.is_ascii_digit()) {
        format!("{}{STARS}{}", &s[..3], &s[7..])
    } else {
        mask_fallback(s)
    }
}

/// `110101199003074477` → `110101********4477` (region and last four kept).
pub fn mask_id(s: &str) -> String {
    if s.len() == 18 && s.bytes().all(|b| b.is_ascii_alphanumeric()) {
        format!("{}********{}", &s[..6], &s[14..])
    } else {
        mask_fallback(s)
    }
}

/// `0571-8765432` → `0571-****5432`: the area code is not personal, and a
/// fixed number of stars does not reveal the length of the local number.
pub fn mask_landline(s: &str) -> String {
    let well_formed = s.split_once('-').filter(|(area, number)| {
        (3..=4).contains(&area.len())
            && area.starts_with('0')
            && area.bytes().all(|b| b.is_ascii_digit())
            && number.len() >= 7
            && number.bytes().all(|b| b.is_ascii_digit())
    });
    match well_formed {
        Some((area, number)) => format!("{area}-{STARS}{}", &number[number.len() - 4..]),
        None => mask_fallback(s),
    }
}

/// Masks a stored phone number of either kind; raw input is normalised first
/// when it parses, so `138 1234 5678` masks like `13812345678`.
pub fn mask_phone(s: &str) -> String {
    // Always parse: masking raw text such as `0571-8765-432` piecewise would keep the wrong tail.
    match crate::domain::phone::parse_phone(s) {
        Ok(p) => mask_parsed_phone(&p),
        Err(_) => mask_fallback(s),
    }
}

pub fn mask_parsed_phone(p: &Phone) -> String {
    match p.kind() {
        PhoneKind::Mobile => mask_mobile(p.as_str()),
        PhoneKind::Landline => mask_landline(p.as_str()),
    }
}

pub fn mask_id_number(id: &IdNumber) -> String {
    mask_id(id.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn raw_phone_input_is_masked_like_its_normal_form() {
        assert_eq!(mask_phone("0571-8765-432"), "0571-****5432");
        assert_eq!(mask_phone("138 1234 5678"), "138****5678");
        assert_eq!(mask_phone("+86 138-1234-5678"), "138****5678");
    }

    #[test]
    fn mobile() {
        assert_eq!(mask_mobile("13812345678"), "138****5678");
        assert_eq!(mask_mobile("19900001111"), "199****1111");
        // Malformed: only the tail, never the head.
        assert_eq!(mask_mobile("1381234567"), "****4567");
        assert_eq!(mask_mobile("138"), "****");
        assert_eq!(mask_mobile(""), "");
    }

    #[test]
    fn id_number() {
        assert_eq!(mask_id("110101199003074477"), "110101********4477");
        assert_eq!(mask_id("11010519491231002X"), "110105********002X");
        // 15-digit first-generation numbers and typos fall back.
        assert_eq!(mask_id("110101900307447"), "****7447");
        assert_eq!(mask_id("11010119900307447"), "****7447");
        assert_eq!(mask_id("1101"), "****");
        // 18 chars but not ASCII: fallback, no byte slicing.
        assert_eq!(
            mask_id("一二三四五六七八九十一二三四五六七八"),
            "****五六七八"
        );
    }

    #[test]
    fn landline() {
        assert_eq!(mask_landline("0571-8765432"), "0571-****5432");
        assert_eq!(mask_landline("010-62345678"), "010-****5678");
        assert_eq!(mask_landline("0851-86541234"), "0851-****1234");
        assert_eq!(mask_landline("0571-123"), "****-123");
        assert_eq!(mask_landline("010-123"), "****");
        assert_eq!(mask_landline("-"), "****");
        assert_eq!(mask_landline("0571-87654３2"), "****54３2");
    }

    #[test]
    fn phone_dispatch() {
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_phone("0571-8765432"), "0571-****5432");
        assert_eq!(mask_phone("+86 138 1234 5678"), "138****5678");
        assert_eq!(mask_phone("05718765432"), "0571-****5432");
        assert_eq!(mask_phone("not a number at all"), "**** all");
        assert_eq!(mask_phone(""), "");
        let p = crate::domain::phone::parse_phone("0851 8654 1234").unwrap();
        assert_eq!(mask_parsed_phone(&p), "0851-****1234");
    }

    #[test]
    fn id_number_type() {
        let today = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        let id = crate::domain::idnum::parse_id_number("11010519491231002x", today).unwrap();
        assert_eq!(mask_id_number(&id), "110105********002X");
    }

    #[test]
    fn fallback_never_reveals_more_than_four() {
        for s in [
            "",
            "a",
            "张",
            "😀😀",
            "1234",
            "1234567",
            "12345678",
            "张三李四王五赵六",
            "👨‍👩‍👧",
        ] {
            let m = mask_fallback(s);
            let shown: String = m.chars().filter(|c| *c != '*').collect();
            assert!(shown.chars().count() <= 4, "{s:?} -> {m:?}");
            if s.chars().count() < 8 {
                assert!(shown.is_empty(), "{s:?} -> {m:?}");
            }
        }
        assert_eq!(mask_fallback("张三李四王五赵六"), "****王五赵六");
        assert_eq!(mask_fallback("1234567"), "****");
    }

    #[test]
    fn masks_hide_the_middle() {
        let full = "110101199003074477";
        let m = mask_id(full);
        assert!(!m.contains("19900307"));
        assert_eq!(m.chars().count(), 18);
    }
}
