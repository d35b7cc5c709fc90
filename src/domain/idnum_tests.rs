use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
}

fn parse(s: &str) -> Result<IdNumber, IdError> {
    parse_id_number(s, today())
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Valid numbers; check characters computed independently (by hand / a script).
const VALID: &[(&str, &str, (i32, u32, u32))] = &[
    ("11010519491231002X", "11010519491231002X", (1949, 12, 31)),
    ("110101199003074477", "110101199003074477", (1990, 3, 7)),
    ("440306198802291237", "440306198802291237", (1988, 2, 29)),
    ("310115200002290021", "310115200002290021", (2000, 2, 29)),
    ("510107198511153014", "510107198511153014", (1985, 11, 15)),
    ("330106197506300089", "330106197506300089", (1975, 6, 30)),
    ("650102190001010016", "650102190001010016", (1900, 1, 1)),
    ("110101202402290008", "110101202402290008", (2024, 2, 29)),
    ("420103202301015555", "420103202301015555", (2023, 1, 1)),
    // Hong Kong / Macao / Taiwan residence permits and foreigners' cards.
    ("810000199912310012", "810000199912310012", (1999, 12, 31)),
    ("710000200101010026", "710000200101010026", (2001, 1, 1)),
    ("910112197001011236", "910112197001011236", (1970, 1, 1)),
    // Typing variations that normalise to a valid number.
    ("11010519491231002x", "11010519491231002X", (1949, 12, 31)),
    (
        "  110101 19900307 4477 ",
        "110101199003074477",
        (1990, 3, 7),
    ),
    (
        "１１０１０５１９４９１２３１００２Ｘ",
        "11010519491231002X",
        (1949, 12, 31),
    ),
    ("11010519491231002ｘ", "11010519491231002X", (1949, 12, 31)),
    (
        "110105\u{3000}19491231002X",
        "11010519491231002X",
        (1949, 12, 31),
    ),
];

#[test]
fn accepts_valid_numbers() {
    for (input, norm, (y, m, d)) in VALID {
        let id = parse(input).unwrap_or_else(|e| panic!("{input:?} rejected: {e:?}"));
        assert_eq!(id.as_str(), *norm, "{input:?}");
        assert_eq!(id.birth_date(), ymd(*y, *m, *d), "{input:?}");
    }
}

#[test]
fn rejects_invalid_numbers() {
    use IdError::*;
    let cases: &[(&str, IdError)] = &[
        ("", Length),
        ("   ", Length),
        ("11010519491231002", Length),   // 17 chars
        ("11010519491231002X1", Length), // 19 chars
        ("110105194912310021X", Length), // 19 chars
        ("1101051949123100", Length),    // 16 chars
        ("11010519491231002Y", Characters),
        ("1101051949123100X2", Characters), // X not last
        ("11010519491231002-", Characters),
        ("１１０１０５１９４９１２３１００２あ", Characters),
        ("11010519491231002😀", Characters),
        ("😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀", Characters),
        ("张三", Characters),
        ("101010199003074470", Region), // 10 is not a province
        ("000000199003074470", Region),
        ("160101199003074470", Region),
        ("830101199003074470", Region),
        ("110101199002304470", BirthDate), // Feb 30
        ("110101199313014470", BirthDate), // month 13
        ("110101199300004470", BirthDate), // month 0
        ("110101199301004470", BirthDate), // day 0
        ("110101199304314470", BirthDate), // Apr 31
        ("110101202302290000", BirthDate), // 2023 not a leap year
        ("110101190002290000", BirthDate), // 1900 not a leap year
        ("110101189912310000", BirthDate), // before 1900
        ("110101000001010000", BirthDate),
        ("110101202506020000", FutureBirthDate), // tomorrow
        ("110101209901010000", FutureBirthDate),
        ("110101199003074470", Checksum),
        ("110101199003074471", Checksum),
        ("110105194912310020", Checksum), // X expected
        ("11010119900307447X", Checksum),
        ("440306198802291238", Checksum),
    ];
    for (input, want) in cases {
        assert_eq!(parse(input).unwrap_err(), *want, "{input:?}");
    }
}

#[test]
fn birth_date_may_be_today() {
    let id = parse("110101202506010007");
    // Independently: the check character of 11010120250601000 is 7.
    assert_eq!(check_digit("11010120250601000"), Some('7'));
    assert_eq!(id.unwrap().birth_date(), today());
}

#[test]
fn age_counts_full_years_from_the_birth_date() {
    let id = parse("11010519491231002X").unwrap();
    assert_eq!(
        id.age_on(ymd(2026, 12, 30)),
        76,
        "the day before the birthday"
    );
    assert_eq!(id.age_on(ymd(2026, 12, 31)), 77, "on the birthday");
    let leap = parse("440306198802291237").unwrap();
    assert_eq!(leap.age_on(ymd(2026, 2, 28)), 37);
    assert_eq!(leap.age_on(ymd(2026, 3, 1)), 38);
    assert_eq!(parse("110101202506010007").unwrap().age_on(today()), 0);
}

#[test]
fn check_digit_matches_known_samples() {
    assert_eq!(check_digit("11010519491231002"), Some('X'));
    assert_eq!(check_digit("11010119900307447"), Some('7'));
    assert_eq!(check_digit("44030619880229123"), Some('7'));
    assert_eq!(check_digit("33010619750630008"), Some('9'));
}

#[test]
fn check_digit_rejects_bad_input() {
    assert_eq!(check_digit(""), None);
    assert_eq!(check_digit("1101011990030744"), None);
    assert_eq!(check_digit("110101199003074477"), None);
    assert_eq!(check_digit("1101011990030744X"), None);
    assert_eq!(check_digit("１１０１０１１９９００３０７４４７"), None);
    assert_eq!(check_digit("1101011990030744é"), None);
}

#[test]
fn every_check_character_is_reachable() {
    // Varying the sequence digits must produce all eleven check characters,
    // and each generated number must parse.
    let mut seen = std::collections::BTreeSet::new();
    for seq in 0..1000 {
        let first17 = format!("11010119900307{seq:03}");
        let c = check_digit(&first17).unwrap();
        seen.insert(c);
        let id = format!("{first17}{c}");
        assert!(parse(&id).is_ok(), "{id}");
    }
    assert_eq!(seen.len(), 11);
    assert!(seen.contains(&'X'));
}

#[test]
fn any_single_digit_error_is_caught() {
    // MOD 11-2 detects every single-digit substitution.
    let good = "110101199003074477";
    for pos in 0..17 {
        for d in b'0'..=b'9' {
            let mut bytes = good.as_bytes().to_vec();
            if bytes[pos] == d {
                continue;
            }
            bytes[pos] = d;
            let s = String::from_utf8(bytes).unwrap();
            assert!(parse(&s).is_err(), "{s} accepted");
        }
    }
}

#[test]
fn huge_input_is_rejected_quickly() {
    let huge = "1".repeat(1_000_000);
    assert_eq!(parse(&huge).unwrap_err(), IdError::Length);
    let huge_cjk = "身".repeat(100_000);
    assert_eq!(parse(&huge_cjk).unwrap_err(), IdError::Length);
}

#[test]
fn region_code_and_debug_hide_the_number() {
    let id = parse("11010519491231002X").unwrap();
    assert_eq!(id.region_code(), "110105");
    let dbg = format!("{id:?}");
    assert!(!dbg.contains("19491231"), "{dbg}");
    assert!(dbg.contains("110105********002X"), "{dbg}");
}

#[test]
fn i18n_keys_are_distinct_and_namespaced() {
    use IdError::*;
    let all = [
        Length,
        Characters,
        Region,
        BirthDate,
        FutureBirthDate,
        Checksum,
    ];
    let keys: std::collections::BTreeSet<_> = all.iter().map(IdError::i18n_key).collect();
    assert_eq!(keys.len(), all.len());
    assert!(keys.iter().all(|k| k.starts_with("err.id.")));
    assert_eq!(Length.i18n_key(), "err.id.length");
}
