//! The dispute taxonomy, kept as data in `assets/categories.toml`.
use super::team::Team;
use crate::i18n::Lang;
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Debug, Clone, Deserialize)]
pub struct Category {
    pub code: String,
    pub zh: String,
    pub en: String,
    /// Full pinyin of the Chinese label, words separated by spaces.
    pub pinyin: String,
    /// Pinyin initials, words separated by spaces ("jb" finds 家暴).
    pub initials: String,
    team: String,
}

#[derive(Deserialize)]
struct Taxonomy {
    category: Vec<Category>,
}

static TAXONOMY: OnceLock<Vec<Category>> = OnceLock::new();

/// All categories in display order. The file is compiled in; a test checks it parses.
pub fn all() -> &'static [Category] {
    TAXONOMY.get_or_init(|| {
        let t: Taxonomy = toml::from_str(include_str!("../../assets/categories.toml"))
            .expect("assets/categories.toml is checked by a unit test");
        t.category
    })
}

pub fn find(code: &str) -> Option<&'static Category> {
    all().iter().find(|c| c.code == code)
}

impl Category {
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// Default window for this category.
    pub fn team(&self) -> Team {
        Team::from_code(&self.team).unwrap_or(Team::People)
    }

    /// Does a typed filter match this category? Chinese, English, pinyin or initials.
    pub fn matches(&self, query: &str) -> bool {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return true;
        }
        self.zh.contains(&q)
            || self.en.to_lowercase().contains(&q)
            || self.code.contains(&q)
            || self.pinyin.split(' ').any(|w| w.starts_with(&q))
            || self.pinyin.replace(' ', "").starts_with(&q)
            || self.initials.split(' ').any(|w| w.starts_with(&q))
            || self.initials.replace(' ', "").starts_with(&q)
    }
}

/// Categories matching a typed filter, in taxonomy order.
pub fn filter(query: &str) -> Vec<&'static Category> {
    all().iter().filter(|c| c.matches(query)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taxonomy_parses_with_unique_codes_and_known_teams() {
        let all = all();
        assert!(all.len() >= 11);
        let mut codes: Vec<_> = all.iter().map(|c| c.code.as_str()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), all.len());
        for c in all {
            assert!(
                Team::from_code(&c.team).is_some(),
                "unknown team for {}",
                c.code
            );
            assert!(!c.zh.is_empty() && !c.en.is_empty());
        }
    }

    #[test]
    fn filter_by_chinese_english_pinyin_and_initials() {
        let codes = |q| {
            filter(q)
                .iter()
                .map(|c| c.code.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(codes("欠薪"), ["labour.wages"]);
        assert_eq!(codes("jb"), ["family.violence"]);
        assert_eq!(codes("qianx"), ["labour.wages"]);
        assert!(codes("traffic").contains(&"traffic"));
        assert!(codes("Neigh").contains(&"neighbour"));
        assert_eq!(codes("").len(), all().len());
        assert!(codes("zzzz").is_empty());
    }
}
