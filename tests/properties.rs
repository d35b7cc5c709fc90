//! Property tests: parsers and search take any input without panicking or hanging, and what
//! they accept really is valid.
use chrono::NaiveDate;
use onedoor::domain::{idnum, mask, phone, text};
use onedoor::search::NameIndex;
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn id_parser_takes_anything_and_accepts_only_checksum_valid_numbers(s in "\\PC{0,40}|[0-9Xx０-９ ]{15,20}") {
        if let Ok(id) = idnum::parse_id_number(&s, today()) {
            let v = id.as_str();
            prop_assert_eq!(v.len(), 18);
            prop_assert_eq!(idnum::check_digit(&v[..17]), v.chars().last());
            prop_assert!(id.birth_date() <= today());
        }
    }

    #[test]
    fn generated_ids_always_validate(region in prop::sample::select(vec!["110101", "520102", "522601", "440305"]),
                                     days in 0i64..30_000, seq in 0u32..1000) {
        let born = NaiveDate::from_ymd_opt(1930, 1, 1).unwrap() + chrono::Duration::days(days);
        prop_assume!(born <= today());
        let first17 = format!("{region}{}{seq:03}", born.format("%Y%m%d"));
        let id = format!("{first17}{}", idnum::check_digit(&first17).unwrap());
        prop_assert!(idnum::parse_id_number(&id, today()).is_ok(), "{}", id);
        prop_assert!(idnum::parse_id_number(&id.to_lowercase(), today()).is_ok());
    }

    #[test]
    fn phone_parser_takes_anything_and_masks_safely(s in "\\PC{0,30}|[0-9０-９+ ()-]{5,20}") {
        if let Ok(p) = phone::parse_phone(&s) {
            prop_assert!(p.as_str().chars().all(|c| c.is_ascii_digit() || c == '-'));
            prop_assert_eq!(p.tail4().len(), 4);
        }
        let m = mask::mask_phone(&s);
        // A valid number is always masked in the middle; anything shown of a mobile is its
        // prefix (3) and tail (4), as on 138****5678.
        if let Ok(p) = phone::parse_phone(&s) {
            prop_assert!(m.contains("****"), "{} -> {}", s, m);
            prop_assert!(m.ends_with(p.tail4()));
            prop_assert!(!m.contains(&p.as_str()[p.as_str().len().saturating_sub(8)..]), "{} -> {}", s, m);
        }
    }

    #[test]
    fn sanitising_keeps_limits_and_drops_controls(s in "\\PC{0,200}|[\\x00-\\x1f\\x7f]{0,50}", max in 0usize..50) {
        let out = text::sanitize_single_line(&s, max);
        prop_assert!(out.text.chars().count() <= max);
        prop_assert!(!out.text.chars().any(|c| c.is_control()));
    }

    #[test]
    fn config_parser_never_panics(s in "\\PC{0,200}") {
        let _ = onedoor::config::Config::parse(&s, std::path::Path::new("fuzz.toml"));
    }

    #[test]
    fn name_search_never_panics_and_finds_exact_names(names in prop::collection::vec("[张王李赵覃单a-z]{1,4}", 1..40), q in "\\PC{0,10}") {
        let mut idx = NameIndex::new();
        for (i, n) in names.iter().enumerate() {
            idx.insert(i as i64, n, "");
        }
        let _ = idx.search(&q, 10);
        let hits = idx.search(&names[0], 50);
        prop_assert!(hits.iter().any(|h| h.name == names[0].trim()), "{} not found", names[0]);
    }
}
