//! Every key returned by the validation error enums has a message in every
//! shipped language, and the files hold no stray keys.

use onedoor::domain::idnum::IdError;
use onedoor::domain::phone::PhoneError;
use std::collections::BTreeSet;

fn keys_in(toml_text: &str) -> BTreeSet<String> {
    let table: toml::Table = toml::from_str(toml_text).expect("valid TOML");
    for (k, v) in &table {
        let msg = v.as_str().unwrap_or_else(|| panic!("{k} is not a string"));
        assert!(!msg.trim().is_empty(), "{k} is empty");
    }
    table.keys().cloned().collect()
}

fn expected() -> BTreeSet<String> {
    let id = [
        IdError::Length,
        IdError::Characters,
        IdError::Region,
        IdError::BirthDate,
        IdError::FutureBirthDate,
        IdError::Checksum,
    ];
    let phone = [
        PhoneError::Empty,
        PhoneError::Characters,
        PhoneError::Length,
        PhoneError::Prefix,
        PhoneError::AreaCode,
    ];
    id.iter()
        .map(IdError::i18n_key)
        .chain(phone.iter().map(PhoneError::i18n_key))
        .map(str::to_owned)
        .collect()
}

#[test]
fn english_has_every_key() {
    assert_eq!(
        keys_in(include_str!("../assets/i18n/en/validation.toml")),
        expected()
    );
}

#[test]
fn chinese_has_every_key() {
    assert_eq!(
        keys_in(include_str!("../assets/i18n/zh-CN/validation.toml")),
        expected()
    );
}
