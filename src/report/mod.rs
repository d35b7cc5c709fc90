//! Printable documents. The sheet and the statistics are first turned into one neutral `Doc`
//! (headings, tables, lines) in the reader's language; every format renders that `Doc`, so the
//! text, Markdown, HTML, PDF and the pane's preview always show the same numbers.
pub mod agenda;
pub mod centres;
pub mod csv;
pub mod export;
pub mod followup_labels;
pub mod font;
pub mod html;
pub mod monthly;
pub mod pdf;
pub mod print;
pub mod sheet;
pub mod slip;
pub mod stats;
pub mod text;
pub mod xlsx;

use crate::i18n::{Lang, tr};

/// A table: header cells and rows of cells; `numeric` columns are right-aligned.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub numeric: Vec<bool>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Table(Table),
    /// Plain lines of text (notes); each `\n` starts a new line.
    Text(String),
    /// A remark in smaller type: "none", "and 12 more not shown".
    Note(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    pub title: String,
    /// Label and value pairs under the title (centre, date, shift, lead).
    pub meta: Vec<(String, String)>,
    pub sections: Vec<Section>,
    /// Lines at the foot (signatures), printed after everything else.
    pub footer: Vec<String>,
    pub lang: Lang,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Txt,
    Md,
    Html,
    Pdf,
}

impl Format {
    pub fn from_code(s: &str) -> Option<Format> {
        match s.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::Txt),
            "md" | "markdown" => Some(Format::Md),
            "html" | "htm" => Some(Format::Html),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Md => "md",
            Format::Html => "html",
            Format::Pdf => "pdf",
        }
    }
}

/// Renders a document in a format. PDF needs a font (see `font::FontSource`).
pub fn render(doc: &Doc, format: Format, font: &font::FontSource) -> anyhow::Result<Vec<u8>> {
    Ok(match format {
        Format::Txt => text::txt(doc).into_bytes(),
        Format::Md => text::markdown(doc).into_bytes(),
        Format::Html => html::html(doc).into_bytes(),
        Format::Pdf => pdf::pdf(doc, font)?,
    })
}

/// What a sheet of `centre` needs besides the date and shift: the centre's name (the one set
/// at `init`, else the config's), its next working day (its own calendar), and the lead
/// (given, else the notes' author).
#[allow(clippy::too_many_arguments)]
pub fn sheet_request(
    store: &crate::store::Store,
    config: &crate::config::Config,
    centre_id: i64,
    date: chrono::NaiveDate,
    shift: crate::domain::shift::Shift,
    lead: Option<String>,
    now: chrono::NaiveDateTime,
) -> crate::store::Result<crate::store::handover::SheetRequest> {
    let centre = centre_name(store, config)?;
    let lead = match lead {
        Some(l) => l,
        None => store.handover_note_author(date, shift)?.unwrap_or_default(),
    };
    let calendar = store.centre_calendar(centre_id, date, date + chrono::Duration::days(15))?;
    Ok(crate::store::handover::SheetRequest {
        centre,
        date,
        shift,
        next_day: calendar.next_open_day(date),
        lead,
        now,
    })
}

/// The centre's name as set in the database (`onedoor init --centre`), else the config's.
pub fn centre_name(
    store: &crate::store::Store,
    config: &crate::config::Config,
) -> crate::store::Result<String> {
    Ok(store
        .setting("centre_name")?
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| config.centre.name.clone()))
}

/// The centre a visitor's slip names: the one that received them where the record holds
/// several centres, else the centre's name as `centre_name` gives it.
pub fn slip_centre(
    store: &crate::store::Store,
    config: &crate::config::Config,
    slip: &crate::store::SlipData,
) -> crate::store::Result<String> {
    match slip.received_centre.as_deref().map(str::trim) {
        Some(name) if !name.is_empty() => Ok(name.to_string()),
        _ => centre_name(store, config),
    }
}

/// "and N more not shown" when a list was cut, else nothing.
pub(crate) fn more_note(lang: Lang, more: i64) -> Option<Block> {
    (more > 0).then(|| Block::Note(crate::i18n::trf(lang, "ui.report.more", &[("n", &more)])))
}

pub(crate) fn none_note(lang: Lang) -> Block {
    Block::Note(tr(lang, "ui.report.none").to_string())
}

/// The colon after a label: full-width in Chinese, ASCII in English.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "：",
        Lang::En => ": ",
    }
}

/// A rate as a percentage with one decimal, or "—" when there is nothing to divide by.
pub fn percent(r: Option<f64>) -> String {
    match r {
        Some(r) => format!("{:.1}%", r * 100.0),
        None => "—".into(),
    }
}

/// Days with one decimal, or "—".
pub fn days(d: Option<f64>) -> String {
    match d {
        Some(d) => format!("{d:.1}"),
        None => "—".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_reads_as_a_percentage() {
        assert_eq!(percent(Some(0.1754)), "17.5%");
        assert_eq!(percent(None), "—");
    }
}
