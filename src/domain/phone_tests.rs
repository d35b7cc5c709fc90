use super::*;

const VALID: &[(&str, &str, PhoneKind)] = &[
    ("13812345678", "13812345678", PhoneKind::Mobile),
    ("19912345678", "19912345678", PhoneKind::Mobile),
    ("16612345678", "16612345678", PhoneKind::Mobile),
    ("138 1234 5678", "13812345678", PhoneKind::Mobile),
    ("138-1234-5678", "13812345678", PhoneKind::Mobile),
    ("  13812345678\t", "13812345678", PhoneKind::Mobile),
    ("+86 138 1234 5678", "13812345678", PhoneKind::Mobile),
    ("+8613812345678", "13812345678", PhoneKind::Mobile),
    ("008613812345678", "13812345678", PhoneKind::Mobile),
    ("8613812345678", "13812345678", PhoneKind::Mobile),
    (
        "＋８６　１３８１２３４５６７８",
        "13812345678",
        PhoneKind::Mobile,
    ),
    ("１３８１２３４５６７８", "13812345678", PhoneKind::Mobile),
    ("010-12345678", "010-12345678", PhoneKind::Landline),
    ("010-62345678", "010-62345678", PhoneKind::Landline),
    ("01062345678", "010-62345678", PhoneKind::Landline),
    ("(010) 6234 5678", "010-62345678", PhoneKind::Landline),
    ("（010）62345678", "010-62345678", PhoneKind::Landline),
    ("021-5555 6666", "021-55556666", PhoneKind::Landline),
    ("0571-8765432", "0571-8765432", PhoneKind::Landline),
    ("05718765432", "0571-8765432", PhoneKind::Landline),
    ("0851-86541234", "0851-86541234", PhoneKind::Landline),
    (
        "０８５１－８６５４１２３４",
        "0851-86541234",
        PhoneKind::Landline,
    ),
    ("+86 10 6234 5678", "010-62345678", PhoneKind::Landline),
    ("+86 571 8765432", "0571-8765432", PhoneKind::Landline),
    ("0086 851 86541234", "0851-86541234", PhoneKind::Landline),
];

#[test]
fn accepts_valid_numbers() {
    for (input, norm, kind) in VALID {
        let p = parse_phone(input).unwrap_or_else(|e| panic!("{input:?}: {e:?}"));
        assert_eq!(p.as_str(), *norm, "{input:?}");
        assert_eq!(p.kind(), *kind, "{input:?}");
    }
}

#[test]
fn rejects_invalid_numbers() {
    use PhoneError::*;
    let cases: &[(&str, PhoneError)] = &[
        ("", Empty),
        ("   ", Empty),
        ("\u{3000}", Empty),
        ("- ()", Empty),
        ("138123456789", Length), // 12 digits
        ("1381234567", Length),   // 10 digits
        ("1", Length),
        ("+86", Length),
        ("12812345678", Prefix), // 12x is not a mobile range
        ("11012345678", Prefix),
        ("10012345678", Prefix),
        ("23812345678", Prefix),
        ("+1 555 123 4567", Prefix),
        ("138abc45678", Characters),
        ("138.1234.5678", Characters),
        ("1381234567８x", Characters),
        ("13812345678😀", Characters),
        ("电话13812345678", Characters),
        ("13+812345678", Characters),
        ("0571-0765432", Prefix),   // local number starting with 0
        ("011-62345678", AreaCode), // 011 does not exist
        ("019-62345678", AreaCode),
        ("00-62345678", AreaCode),
        ("0571-876543", Length),    // 6-digit local number
        ("0571-876543210", Length), // 9-digit local number
        ("010-623456789", Length),
        ("0571", Length),
        ("0", Length),
    ];
    for (input, want) in cases {
        assert_eq!(parse_phone(input).unwrap_err(), *want, "{input:?}");
    }
}

#[test]
fn tail4_and_area_code() {
    let m = parse_phone("138 1234 5678").unwrap();
    assert_eq!(m.tail4(), "5678");
    assert_eq!(m.area_code(), None);
    let l = parse_phone("0571-8765432").unwrap();
    assert_eq!(l.tail4(), "5432");
    assert_eq!(l.area_code(), Some("0571"));
    let b = parse_phone("01062345678").unwrap();
    assert_eq!(b.area_code(), Some("010"));
    assert_eq!(b.tail4(), "5678");
}

#[test]
fn debug_output_is_masked() {
    let m = parse_phone("13812345678").unwrap();
    let dbg = format!("{m:?}");
    assert!(dbg.contains("138****5678"), "{dbg}");
    assert!(!dbg.contains("1234"), "{dbg}");
}

#[test]
fn huge_and_odd_input_does_not_panic() {
    assert_eq!(parse_phone(&"1".repeat(1_000_000)), Err(PhoneError::Length));
    assert_eq!(
        parse_phone(&"电".repeat(10_000)),
        Err(PhoneError::Characters)
    );
    assert_eq!(parse_phone("+"), Err(PhoneError::Prefix));
    assert_eq!(parse_phone("++8613812345678"), Err(PhoneError::Characters));
}

#[test]
fn i18n_keys() {
    use PhoneError::*;
    let all = [Empty, Characters, Length, Prefix, AreaCode];
    let keys: std::collections::BTreeSet<_> = all.iter().map(PhoneError::i18n_key).collect();
    assert_eq!(keys.len(), all.len());
    assert!(keys.iter().all(|k| k.starts_with("err.phone.")));
    assert_eq!(Empty.i18n_key(), "err.phone.empty");
}
