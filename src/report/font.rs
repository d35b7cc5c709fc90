//! The CJK font of PDF sheets: the one named in the config, else a Simplified Chinese font found
//! on the machine, else the bundled Noto Sans SC subset (GB 2312 + ASCII + CJK punctuation,
//! SIL OFL 1.1, see assets/fonts/OFL.txt) — so a desk PC without CJK fonts still prints Chinese.
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};
use skrifa::string::StringId;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub static BUNDLED: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Regular-GB2312.otf");

/// Simplified Chinese fonts commonly present on Linux, Windows and macOS desks.
const SYSTEM_FONTS: &[&str] = &[
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "C:\\Windows\\Fonts\\msyh.ttc",
    "C:\\Windows\\Fonts\\simsun.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Light.ttc",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FontSource {
    Bundled,
    File(PathBuf),
}

impl FontSource {
    /// The configured font if its file exists, else a system CJK font, else the bundled one.
    pub fn choose(configured: Option<&Path>) -> FontSource {
        if let Some(p) = configured.filter(|p| p.is_file()) {
            return FontSource::File(p.to_path_buf());
        }
        SYSTEM_FONTS
            .iter()
            .map(Path::new)
            .find(|p| p.is_file())
            .map(|p| FontSource::File(p.to_path_buf()))
            .unwrap_or(FontSource::Bundled)
    }

    pub fn describe(&self) -> String {
        match self {
            FontSource::Bundled => "Noto Sans SC (bundled GB 2312 subset)".into(),
            FontSource::File(p) => p.display().to_string(),
        }
    }
}

/// A loaded font: the bytes, the face index in a collection, and glyph advances for layout.
pub struct LoadedFont {
    pub data: Arc<Vec<u8>>,
    pub index: u32,
}

/// In a collection (TTC) the first face is often Japanese (Noto CJK): prefer the face whose
/// family name says Simplified Chinese.
fn sc_face(data: &[u8]) -> u32 {
    let mut first_ok = None;
    for i in 0..64u32 {
        let Ok(f) = skrifa::FontRef::from_index(data, i) else {
            break;
        };
        first_ok.get_or_insert(i);
        let family: String = f
            .localized_strings(StringId::FAMILY_NAME)
            .english_or_first()
            .map(|s| s.chars().collect())
            .unwrap_or_default();
        if family.contains(" SC") || family.contains("Micro Hei") || family.contains("YaHei") {
            return i;
        }
    }
    first_ok.unwrap_or(0)
}

impl LoadedFont {
    pub fn load(src: &FontSource) -> anyhow::Result<LoadedFont> {
        let data = match src {
            FontSource::Bundled => BUNDLED.to_vec(),
            FontSource::File(p) => std::fs::read(p)?,
        };
        let index = sc_face(&data);
        skrifa::FontRef::from_index(&data, index)
            .map_err(|e| anyhow::anyhow!("{}: {e}", src.describe()))?;
        Ok(LoadedFont {
            data: Arc::new(data),
            index,
        })
    }

    pub fn krilla(&self) -> anyhow::Result<krilla::text::Font> {
        let data: Arc<dyn AsRef<[u8]> + Send + Sync> = self.data.clone();
        krilla::text::Font::new(data.into(), self.index)
            .ok_or_else(|| anyhow::anyhow!("the PDF font cannot be used"))
    }

    /// Advance widths at 1 pt, for measuring text without shaping it.
    pub fn measurer(&self) -> Measurer<'_> {
        let font = skrifa::FontRef::from_index(self.data.as_slice(), self.index).ok();
        Measurer { font }
    }
}

pub struct Measurer<'a> {
    font: Option<skrifa::FontRef<'a>>,
}

impl Measurer<'_> {
    /// Width of `s` in points at `size` (a missing glyph counts as one em).
    pub fn width(&self, s: &str, size: f32) -> f32 {
        let Some(font) = &self.font else {
            return s.chars().count() as f32 * size;
        };
        let cmap = font.charmap();
        let gm = font.glyph_metrics(Size::new(size), LocationRef::default());
        s.chars()
            .map(|c| {
                cmap.map(c)
                    .and_then(|g| gm.advance_width(g))
                    .unwrap_or(size)
            })
            .sum()
    }

    /// True when the font has a glyph for every character of `s` (spaces and controls aside).
    pub fn covers(&self, s: &str) -> bool {
        let Some(font) = &self.font else { return false };
        let cmap = font.charmap();
        s.chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .all(|c| cmap.map(c).is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_font_is_simplified_chinese_and_covers_the_sheet_texts() {
        let f = LoadedFont::load(&FontSource::Bundled).unwrap();
        let m = f.measurer();
        assert!(m.covers("交接班表 值班长 调解员 红橙黄蓝绿 （）：，。、“”《》—…"));
        // Every Chinese label of the interface and the taxonomy prints.
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/i18n/zh-CN");
        let mut zh = String::new();
        for e in std::fs::read_dir(dir).unwrap() {
            zh.push_str(&std::fs::read_to_string(e.unwrap().path()).unwrap());
        }
        let missing: String = zh
            .chars()
            .filter(|c| !c.is_ascii())
            .filter(|c| !m.covers(&c.to_string()))
            .collect();
        assert!(missing.is_empty(), "glyphs missing for {missing}");
        for c in crate::domain::category::all() {
            assert!(m.covers(&c.zh), "{}", c.zh);
        }
        // Full-width CJK is one em; ASCII narrower.
        assert!((m.width("中", 10.0) - 10.0).abs() < 0.01);
        assert!(m.width("1", 10.0) < 7.0);
    }

    #[test]
    fn missing_configured_font_falls_back() {
        let src = FontSource::choose(Some(Path::new("/nonexistent/font.ttf")));
        assert_ne!(
            src,
            FontSource::File(PathBuf::from("/nonexistent/font.ttf"))
        );
    }
}
