//! Any `Doc` as an XLSX workbook: one worksheet per section (its heading the sheet's name), the
//! title and meta lines atop the first. Counts are numbers, percentages numbers shown as
//! percentages, "—" an empty cell; labels and notes are text.
use super::{Block, Doc, Section};
use rust_xlsxwriter::{Format, Workbook, Worksheet};

/// Excel limits sheet names to 31 characters, forbids a few symbols and wants them unique
/// (case-insensitively): a repeated name gets " 2", " 3"….
fn sheet_name(heading: &str, taken: &mut Vec<String>) -> String {
    let clean: String = heading
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .collect::<String>()
        .trim_matches('\'')
        .to_string();
    let clean = if clean.trim().is_empty() {
        "Sheet".to_string()
    } else {
        clean
    };
    let cut = |s: &str, n: usize| s.chars().take(n).collect::<String>();
    let mut name = cut(&clean, 31);
    let mut n = 2;
    while taken
        .iter()
        .any(|t| t.to_lowercase() == name.to_lowercase())
    {
        let suffix = format!(" {n}");
        name = format!("{}{suffix}", cut(&clean, 31 - suffix.chars().count()));
        n += 1;
    }
    taken.push(name.clone());
    name
}

/// A cell as the figure it shows: a count, or a percentage as its fraction.
enum Cell<'a> {
    Number(f64),
    Percent(f64),
    Empty,
    Text(&'a str),
}

fn cell(s: &str, numeric: bool) -> Cell<'_> {
    if !numeric {
        return Cell::Text(s);
    }
    let v = s.trim();
    if v.is_empty() || v == "—" {
        return Cell::Empty;
    }
    if let Some(p) = v.strip_suffix('%').and_then(|p| p.parse::<f64>().ok()) {
        return Cell::Percent(p / 100.0);
    }
    v.parse::<f64>().map_or(Cell::Text(s), Cell::Number)
}

struct Formats {
    bold: Format,
    title: Format,
    pct: Format,
    note: Format,
}

fn write_blocks(
    ws: &mut Worksheet,
    mut row: u32,
    blocks: &[Block],
    f: &Formats,
) -> anyhow::Result<u32> {
    for b in blocks {
        match b {
            Block::Table(t) => {
                for (c, h) in t.headers.iter().enumerate() {
                    ws.write_string_with_format(row, c as u16, h, &f.bold)?;
                }
                row += 1;
                for r in &t.rows {
                    for (c, v) in r.iter().enumerate() {
                        let col = c as u16;
                        match cell(v, t.numeric.get(c).copied().unwrap_or(false)) {
                            Cell::Number(n) => {
                                ws.write_number(row, col, n)?;
                            }
                            Cell::Percent(p) => {
                                ws.write_number_with_format(row, col, p, &f.pct)?;
                            }
                            Cell::Empty => {}
                            Cell::Text(s) => {
                                ws.write_string(row, col, s)?;
                            }
                        }
                    }
                    row += 1;
                }
            }
            Block::Text(s) => {
                for l in s.lines() {
                    ws.write_string(row, 0, l)?;
                    row += 1;
                }
            }
            Block::Note(s) => {
                ws.write_string_with_format(row, 0, s, &f.note)?;
                row += 1;
            }
        }
        row += 1;
    }
    Ok(row)
}

/// A worksheet for `sec` in `wb`, named by its heading (`taken`: the names given so far); with
/// `head`, that document's title and meta lines first.
pub(crate) fn section_sheet(
    wb: &mut Workbook,
    sec: &Section,
    taken: &mut Vec<String>,
    head: Option<&Doc>,
) -> anyhow::Result<()> {
    let f = Formats {
        bold: Format::new().set_bold(),
        title: Format::new().set_bold().set_font_size(14),
        pct: Format::new().set_num_format("0.0%"),
        note: Format::new().set_italic(),
    };
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(&sec.heading, taken))?;
    let mut row = 0;
    if let Some(doc) = head {
        ws.write_string_with_format(0, 0, &doc.title, &f.title)?;
        row = 1;
        for (k, v) in &doc.meta {
            ws.write_string_with_format(row, 0, k, &f.bold)?;
            ws.write_string(row, 1, v)?;
            row += 1;
        }
        row += 1;
    }
    write_blocks(ws, row, &sec.blocks, &f)?;
    ws.set_column_width(0, 32)?;
    ws.set_column_width(1, 12)?;
    Ok(())
}

pub fn doc_xlsx(doc: &Doc) -> anyhow::Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let mut taken = Vec::new();
    for (i, sec) in doc.sections.iter().enumerate() {
        section_sheet(&mut wb, sec, &mut taken, (i == 0).then_some(doc))?;
    }
    Ok(wb.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_short_clean_and_unique() {
        let mut taken = Vec::new();
        assert_eq!(sheet_name("汇总", &mut taken), "汇总");
        assert_eq!(sheet_name("a/b:c?", &mut taken), "abc");
        assert_eq!(sheet_name("ABC", &mut taken), "ABC 2");
        let long = "x".repeat(40);
        assert_eq!(sheet_name(&long, &mut taken).chars().count(), 31);
        assert_eq!(
            sheet_name(&long, &mut taken),
            format!("{} 2", "x".repeat(29))
        );
        assert_eq!(sheet_name("", &mut taken), "Sheet");
    }

    #[test]
    fn figures_become_numbers_and_labels_stay_text() {
        assert!(matches!(cell("12", true), Cell::Number(n) if n == 12.0));
        assert!(matches!(cell("50.0%", true), Cell::Percent(p) if (p - 0.5).abs() < 1e-12));
        assert!(matches!(cell("—", true), Cell::Empty));
        assert!(matches!(cell("12", false), Cell::Text("12")));
        assert!(matches!(cell("零报告", true), Cell::Text("零报告")));
    }
}
