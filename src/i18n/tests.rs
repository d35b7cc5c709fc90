use super::*;
use crate::domain::{channel::Channel, ladder::Level, party::*, risk::*, role::Role};
use crate::domain::{status::Status, team::Team};
use std::collections::BTreeSet;

fn keys(lang: Lang) -> BTreeSet<&'static String> {
    table(lang).keys().collect()
}

#[test]
fn every_file_parses_and_no_key_repeats_across_files() {
    for files in [ZH_FILES, EN_FILES] {
        let mut seen = BTreeSet::new();
        for (name, text) in files {
            let t: HashMap<String, String> = toml::from_str(text).expect(name);
            for k in t.keys() {
                assert!(seen.insert(k.clone()), "key {k} repeated (file {name})");
            }
        }
    }
}

#[test]
fn both_languages_have_the_same_keys() {
    let zh = keys(Lang::Zh);
    let en = keys(Lang::En);
    let only_zh: Vec<_> = zh.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&zh).collect();
    assert!(
        only_zh.is_empty() && only_en.is_empty(),
        "zh only: {only_zh:?}\nen only: {only_en:?}"
    );
}

#[test]
fn every_domain_value_has_a_label() {
    let mut need: Vec<&str> = Vec::new();
    need.extend(Channel::ALL.iter().map(|x| x.i18n_key()));
    need.extend(Colour::ALL.iter().map(|x| x.i18n_key()));
    need.extend(RiskFlag::ALL.iter().map(|x| x.i18n_key()));
    need.extend(Status::ALL.iter().map(|x| x.i18n_key()));
    need.extend(Level::ALL.iter().map(|x| x.i18n_key()));
    need.extend(Role::ALL.iter().map(|x| x.i18n_key()));
    need.extend(Team::ALL.iter().map(|x| x.i18n_key()));
    need.extend(PartyRole::ALL.iter().map(|x| x.i18n_key()));
    need.extend(Vulnerability::ALL.iter().map(|x| x.i18n_key()));
    for lang in [Lang::Zh, Lang::En] {
        for k in &need {
            assert!(table(lang).contains_key(*k), "{} lacks {k}", lang.tag());
        }
    }
}

/// Every string literal in src/ that looks like a translation key must exist.
#[test]
fn every_key_used_in_the_source_exists() {
    const PREFIXES: &[&str] = &[
        "app.", "ui.", "err.", "cli.", "help.", "key.", "pane.", "login.",
    ];
    let mut missing = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            // Tests name key prefixes ("err.phone") in assertions; they are not keys.
            if path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().ends_with("tests.rs"))
            {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for lit in text.split('"').skip(1).step_by(2) {
                let looks_like_key = PREFIXES.iter().any(|p| lit.starts_with(p))
                    && lit.len() > 4
                    && lit.chars().all(|c| {
                        c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.'
                    })
                    && !lit.ends_with('.');
                if looks_like_key && !table(Lang::En).contains_key(lit) {
                    missing.push(format!("{}: {lit}", path.display()));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "missing translations:\n{}",
        missing.join("\n")
    );
}

#[test]
fn placeholders_are_filled() {
    let s = trf(
        Lang::En,
        "app.status.counts",
        &[("red", &3), ("orange", &12)],
    );
    assert!(
        s.contains('3') && s.contains("12") && !s.contains('{'),
        "{s}"
    );
}

#[test]
fn lang_tags() {
    assert_eq!(Lang::from_tag("zh_CN.UTF-8"), Some(Lang::Zh));
    assert_eq!(Lang::from_tag("en_US.UTF-8"), Some(Lang::En));
    assert_eq!(Lang::from_tag("fr"), None);
}
