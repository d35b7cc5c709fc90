//! Translations. Every visible string lives in `assets/i18n/<lang>/*.toml` (flat `"key" = "text"`),
//! one file per area so that panes can be worked on apart. Files are compiled in.
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Accepts `zh-CN`, `zh`, `zh_CN.UTF-8`, `en`, `en_US`… case-insensitively.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let t = tag.trim().to_ascii_lowercase();
        if t.starts_with("zh") {
            Some(Lang::Zh)
        } else if t.starts_with("en") || t == "c" || t == "posix" {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// zh-CN when the locale says Chinese, English otherwise.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::from_tag(&v))
            .unwrap_or(Lang::En)
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

/// The translation files of each language, in no particular order (keys must not repeat).
const ZH_FILES: &[(&str, &str)] = &[
    (
        "calendar",
        include_str!("../assets/i18n/zh-CN/calendar.toml"),
    ),
    ("app", include_str!("../assets/i18n/zh-CN/app.toml")),
    ("cases", include_str!("../assets/i18n/zh-CN/cases.toml")),
    ("domain", include_str!("../assets/i18n/zh-CN/domain.toml")),
    ("report", include_str!("../assets/i18n/zh-CN/report.toml")),
    (
        "validation",
        include_str!("../assets/i18n/zh-CN/validation.toml"),
    ),
    (
        "followups",
        include_str!("../assets/i18n/zh-CN/followups.toml"),
    ),
    ("triage", include_str!("../assets/i18n/zh-CN/triage.toml")),
    (
        "deadlines",
        include_str!("../assets/i18n/zh-CN/deadlines.toml"),
    ),
    ("merges", include_str!("../assets/i18n/zh-CN/merges.toml")),
    ("import", include_str!("../assets/i18n/zh-CN/import.toml")),
    ("live", include_str!("../assets/i18n/zh-CN/live.toml")),
    ("centres", include_str!("../assets/i18n/zh-CN/centres.toml")),
    (
        "centre_reports",
        include_str!("../assets/i18n/zh-CN/centre_reports.toml"),
    ),
];
const EN_FILES: &[(&str, &str)] = &[
    ("calendar", include_str!("../assets/i18n/en/calendar.toml")),
    ("app", include_str!("../assets/i18n/en/app.toml")),
    ("cases", include_str!("../assets/i18n/en/cases.toml")),
    ("domain", include_str!("../assets/i18n/en/domain.toml")),
    ("report", include_str!("../assets/i18n/en/report.toml")),
    (
        "validation",
        include_str!("../assets/i18n/en/validation.toml"),
    ),
    (
        "followups",
        include_str!("../assets/i18n/en/followups.toml"),
    ),
    ("triage", include_str!("../assets/i18n/en/triage.toml")),
    (
        "deadlines",
        include_str!("../assets/i18n/en/deadlines.toml"),
    ),
    ("merges", include_str!("../assets/i18n/en/merges.toml")),
    ("import", include_str!("../assets/i18n/en/import.toml")),
    ("live", include_str!("../assets/i18n/en/live.toml")),
    ("centres", include_str!("../assets/i18n/en/centres.toml")),
    (
        "centre_reports",
        include_str!("../assets/i18n/en/centre_reports.toml"),
    ),
];

type Table = HashMap<String, String>;

fn load(files: &[(&str, &str)]) -> Table {
    let mut out = Table::new();
    for (name, text) in files {
        let t: HashMap<String, String> = toml::from_str(text)
            .unwrap_or_else(|e| panic!("translation file {name} is checked by a test: {e}"));
        out.extend(t);
    }
    out
}

fn table(lang: Lang) -> &'static Table {
    static ZH: OnceLock<Table> = OnceLock::new();
    static EN: OnceLock<Table> = OnceLock::new();
    match lang {
        Lang::Zh => ZH.get_or_init(|| load(ZH_FILES)),
        Lang::En => EN.get_or_init(|| load(EN_FILES)),
    }
}

/// The text for `key`; a missing key shows itself (a unit test keeps that from shipping).
pub fn tr(lang: Lang, key: &str) -> &str {
    match table(lang).get(key) {
        Some(s) => s.as_str(),
        None => key_fallback(key),
    }
}

fn key_fallback(key: &str) -> &str {
    key
}

/// `tr` with `{name}` placeholders filled in.
pub fn trf(lang: Lang, key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut s = tr(lang, key).to_string();
    for (name, value) in args {
        s = s.replace(&format!("{{{name}}}"), &value.to_string());
    }
    s
}

#[cfg(test)]
mod tests;
