//! Configuration: a TOML file in the platform's config directory; every key optional.
use crate::domain::risk::ResponseHours;
use serde::Deserialize;
use std::path::{Path, PathBuf};

mod font;
pub use font::FontProblem;

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub centre: Centre,
    /// Database file; default: the platform's data directory.
    pub database: Option<PathBuf>,
    /// `zh-CN` or `en`; default: from the locale.
    pub language: Option<String>,
    pub response_hours: ResponseHours,
    /// Days after an agreement when follow-up visits fall due.
    pub followup_days: Vec<u32>,
    /// Per-category follow-up days, keyed by category code or a prefix at a dot
    /// (`[followup_overrides]` with `"family" = [3, 14, 60]`). Empty by default.
    pub followup_overrides: std::collections::BTreeMap<String, Vec<u32>>,
    /// Command that prints a file (the file's path is appended).
    pub printer: String,
    pub hours: WorkingHours,
    /// A CJK font (TTF/OTF/TTC) for PDF sheets; default: one found on the machine, else the
    /// bundled Noto Sans SC subset.
    pub pdf_font: Option<PathBuf>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Centre {
    pub name: String,
    pub phone: String,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct WorkingHours {
    /// "08:30"
    pub start: String,
    pub end: String,
    /// ISO weekdays, 1 = Monday.
    pub days: Vec<u8>,
}

impl WorkingHours {
    /// The domain's working time for these hours.
    pub fn work_time(&self) -> crate::domain::slots::WorkTime {
        crate::domain::slots::WorkTime::from_texts(&self.start, &self.end, &self.days)
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            centre: Centre::default(),
            database: None,
            language: None,
            response_hours: ResponseHours::default(),
            followup_days: vec![7, 30],
            followup_overrides: Default::default(),
            printer: "lp".into(),
            hours: WorkingHours::default(),
            pdf_font: None,
        }
    }
}

impl Default for Centre {
    fn default() -> Self {
        Centre {
            name: "矛盾纠纷调处化解中心".into(),
            phone: String::new(),
        }
    }
}

impl Default for WorkingHours {
    fn default() -> Self {
        WorkingHours {
            start: "08:30".into(),
            end: "17:30".into(),
            days: vec![1, 2, 3, 4, 5],
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Parse { path: PathBuf, message: String },
    /// `pdf_font` names no usable font file.
    #[error("{path}: pdf_font = {font}{problem}")]
    Font {
        path: PathBuf,
        font: PathBuf,
        problem: FontProblem,
    },
}

impl ConfigError {
    pub fn i18n_key(&self) -> &'static str {
        match self {
            ConfigError::Read { .. } => "err.config.read",
            ConfigError::Parse { .. } => "err.config.parse",
            ConfigError::Font { problem, .. } => problem.i18n_key(),
        }
    }
}

pub fn dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("cn", "onedoor", "onedoor")
}

pub fn default_config_path() -> Option<PathBuf> {
    dirs().map(|d| d.config_dir().join("config.toml"))
}

pub fn default_database_path() -> PathBuf {
    dirs()
        .map(|d| d.data_dir().join("onedoor.db"))
        .unwrap_or_else(|| PathBuf::from("onedoor.db"))
}

/// The longest configurable response deadline: a leap year.
pub const MAX_RESPONSE_HOURS: i64 = 24 * 366;

impl Config {
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let cfg: Config = toml::from_str(text).map_err(|e| ConfigError::Parse {
            path: path.into(),
            message: e.message().to_string(),
        })?;
        cfg.validate().map_err(|message| ConfigError::Parse {
            path: path.into(),
            message,
        })?;
        if let Some(font) = &cfg.pdf_font {
            font::check(font).map_err(|problem| ConfigError::Font {
                path: path.into(),
                font: font.clone(),
                problem,
            })?;
        }
        Ok(cfg)
    }

    /// An explicit path must exist; the default one may be absent (built-in defaults).
    pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        let path = match explicit {
            Some(p) => p.to_path_buf(),
            None => match default_config_path() {
                Some(p) if p.exists() => p,
                _ => return Ok(Config::default()),
            },
        };
        let bytes = std::fs::read(&path).map_err(|source| ConfigError::Read {
            path: path.clone(),
            source,
        })?;
        let text = String::from_utf8(bytes).map_err(|_| ConfigError::Parse {
            path: path.clone(),
            message: "not UTF-8 text".into(),
        })?;
        Config::parse(&text, &path)
    }

    fn validate(&self) -> Result<(), String> {
        let h = &self.response_hours;
        // A year at most: a deadline further out is a typo, and a huge one overflows the
        // date arithmetic of every intake.
        if [h.red, h.orange, h.yellow, h.blue]
            .iter()
            .any(|x| !(1..=MAX_RESPONSE_HOURS).contains(x))
        {
            return Err(format!(
                "response_hours must be 1 to {MAX_RESPONSE_HOURS} hours"
            ));
        }
        // The one check of working hours, a centre's own alike (domain::centre_hours).
        use crate::domain::centre_hours::{HoursRule, check, parse_clock};
        let hours = parse_clock(&self.hours.start)
            .and_then(|start| Ok((start, parse_clock(&self.hours.end)?)))
            .and_then(|(start, end)| check(start, end, &self.hours.days));
        match hours {
            Ok(()) => {}
            Err(HoursRule::ClosesBeforeOpening) => {
                return Err("hours.start must be before hours.end".into());
            }
            Err(HoursRule::BadTime) => {
                return Err("hours.start and hours.end must look like 08:30".into());
            }
            Err(HoursRule::BadDays) => {
                return Err("hours.days are 1 (Monday) to 7 (Sunday), at least one".into());
            }
        }
        let days_ok = |d: &[u32]| !d.is_empty() && d.iter().all(|x| (1..=366).contains(x));
        if !days_ok(&self.followup_days) {
            return Err("followup_days must be 1 to 366 days, at least one".into());
        }
        for (cat, days) in &self.followup_overrides {
            let known = crate::domain::category::all().iter().any(|c| {
                c.code == *cat
                    || c.code
                        .strip_prefix(cat.as_str())
                        .is_some_and(|r| r.starts_with('.'))
            });
            if !known {
                return Err(format!("followup_overrides: unknown category {cat}"));
            }
            if !days_ok(days) {
                return Err(format!(
                    "followup_overrides.{cat}: 1 to 366 days, at least one"
                ));
            }
        }
        if let Some(l) = &self.language
            && crate::i18n::Lang::from_tag(l).is_none()
        {
            return Err(format!("language must be zh-CN or en, not {l}"));
        }
        Ok(())
    }

    /// Follow-up offsets with their per-category overrides.
    pub fn followup_plan(&self) -> crate::domain::followup::FollowupPlan {
        crate::domain::followup::FollowupPlan {
            days: self.followup_days.clone(),
            overrides: self.followup_overrides.clone(),
        }
    }

    pub fn database_path(&self) -> PathBuf {
        self.database.clone().unwrap_or_else(default_database_path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example in README is what users copy: it must parse and mean what it says.
    #[test]
    fn readme_example_parses() {
        let readme = include_str!("../README.md");
        let start = readme.find("```toml\n").expect("README has a TOML example") + 8;
        let len = readme[start..].find("```").unwrap();
        let c = Config::parse(&readme[start..start + len], Path::new("README.md")).unwrap();
        assert_eq!(c.response_hours.orange, 24);
        assert_eq!(c.followup_days, [7, 30]);
        assert_eq!(c.hours.days, [1, 2, 3, 4, 5]);
    }

    #[test]
    fn empty_file_gives_defaults() {
        assert_eq!(
            Config::parse("", Path::new("c.toml")).unwrap(),
            Config::default()
        );
    }

    #[test]
    fn keys_override_defaults() {
        let c = Config::parse(
            "language = \"en\"\nfollowup_days = [3]\n[centre]\nname = \"城关镇综治中心\"\n[response_hours]\nred = 2\n",
            Path::new("c.toml"),
        )
        .unwrap();
        assert_eq!(c.centre.name, "城关镇综治中心");
        assert_eq!(c.response_hours.red, 2);
        assert_eq!(c.response_hours.orange, 24);
        assert_eq!(c.followup_days, [3]);
    }

    #[test]
    fn followup_overrides_by_category_or_prefix() {
        let c = Config::parse(
            "[followup_overrides]\n\"family\" = [3, 14]\n\"labour.wages\" = [2]\n",
            Path::new("c.toml"),
        )
        .unwrap();
        let plan = c.followup_plan();
        assert_eq!(plan.days_for("family.divorce"), [3, 14]);
        assert_eq!(plan.days_for("labour.wages"), [2]);
        assert_eq!(plan.days_for("neighbour"), [7, 30]);
        for bad in [
            "[followup_overrides]\n\"nope\" = [3]",
            "[followup_overrides]\n\"fam\" = [3]",
            "[followup_overrides]\n\"family\" = []",
            "[followup_overrides]\n\"family\" = [0]",
            "followup_days = []",
        ] {
            assert!(Config::parse(bad, Path::new("c.toml")).is_err(), "{bad}");
        }
    }

    #[test]
    fn bad_files_give_clear_errors() {
        for bad in [
            "colour = 1",                                   // unknown key
            "[response_hours]\nred = -1",                   // impossible value
            "[hours]\nstart = \"8h\"",                      // bad time
            "[hours]\nend = \"24:00\"",                     // no such time
            "[hours]\nstart = \"18:00\"",                   // closes before it opens
            "[hours]\ndays = []",                           // never open
            "[response_hours]\nblue = 9223372036854775807", // overflows deadlines
            "language = \"fr\"",                            // unknown language
            "[centre\nname = 1",                            // broken TOML
        ] {
            let e = Config::parse(bad, Path::new("c.toml")).unwrap_err();
            assert!(matches!(e, ConfigError::Parse { .. }), "{bad}");
        }
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bad.toml");
        std::fs::write(&p, [0xff, 0xfe, 0x00]).unwrap();
        assert!(matches!(
            Config::load(Some(&p)),
            Err(ConfigError::Parse { .. })
        ));
        assert!(matches!(
            Config::load(Some(&dir.path().join("no.toml"))),
            Err(ConfigError::Read { .. })
        ));
    }
}
