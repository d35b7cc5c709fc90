//! Plain text (CJK columns aligned by display width) and Markdown.
use super::{Block, Doc, Table};
use crate::ui::widgets::{pad, truncate};
use unicode_width::UnicodeWidthStr;

/// Widest a text column may grow (display cells); longer cells end in "…".
const MAX_COL: usize = 36;

fn fit(s: &str, width: usize, right: bool) -> String {
    if right {
        let t = truncate(s, width);
        format!("{}{t}", " ".repeat(width.saturating_sub(t.width())))
    } else {
        pad(s, width)
    }
}

/// Column widths in display cells: the widest cell or header, at most `MAX_COL`.
pub fn widths(t: &Table) -> Vec<usize> {
    let mut w: Vec<usize> = t.headers.iter().map(|h| h.width()).collect();
    for row in &t.rows {
        for (i, c) in row.iter().enumerate() {
            if let Some(x) = w.get_mut(i) {
                *x = (*x).max(c.width());
            }
        }
    }
    w.iter().map(|x| (*x).min(MAX_COL)).collect()
}

/// The table as aligned lines: header, a rule, rows. Cells are one line (newlines flattened).
pub fn table_lines(t: &Table) -> Vec<String> {
    let w = widths(t);
    let line = |cells: &[String]| -> String {
        let parts: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let flat = c.replace('\n', " ");
                fit(&flat, w[i], t.numeric.get(i).copied().unwrap_or(false))
            })
            .collect();
        parts.join("  ").trim_end().to_string()
    };
    let mut out = vec![line(&t.headers)];
    out.push(
        w.iter()
            .map(|x| "-".repeat(*x))
            .collect::<Vec<_>>()
            .join("  "),
    );
    out.extend(t.rows.iter().map(|r| line(r)));
    out
}

/// The document as lines of text (also the pane's preview).
pub fn lines(doc: &Doc) -> Vec<String> {
    let mut out = vec![doc.title.clone()];
    out.push("=".repeat(doc.title.width()));
    let meta: Vec<String> = doc
        .meta
        .iter()
        .map(|(k, v)| format!("{k}{}{v}", super::colon(doc.lang)))
        .collect();
    out.push(meta.join("    "));
    for sec in &doc.sections {
        out.push(String::new());
        out.push(format!("■ {}", sec.heading));
        for b in &sec.blocks {
            match b {
                Block::Table(t) => out.extend(table_lines(t)),
                Block::Text(s) => out.extend(s.lines().map(|l| format!("  {l}"))),
                Block::Note(s) => out.push(match doc.lang {
                    crate::i18n::Lang::Zh => format!("  （{s}）"),
                    crate::i18n::Lang::En => format!("  ({s})"),
                }),
            }
        }
    }
    if !doc.footer.is_empty() {
        out.push(String::new());
        out.push(doc.footer.join("        "));
    }
    out
}

pub fn txt(doc: &Doc) -> String {
    let mut s = lines(doc).join("\n");
    s.push('\n');
    s
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', "<br>")
}

pub fn markdown(doc: &Doc) -> String {
    let mut out = format!("# {}\n\n", doc.title);
    for (k, v) in &doc.meta {
        out.push_str(&format!(
            "- **{k}**{}{}\n",
            super::colon(doc.lang),
            md_cell(v)
        ));
    }
    for sec in &doc.sections {
        out.push_str(&format!("\n## {}\n\n", sec.heading));
        for b in &sec.blocks {
            match b {
                Block::Table(t) => {
                    let head: Vec<String> = t.headers.iter().map(|h| md_cell(h)).collect();
                    out.push_str(&format!("| {} |\n", head.join(" | ")));
                    let rule: Vec<&str> = (0..t.headers.len())
                        .map(|i| {
                            if t.numeric.get(i).copied().unwrap_or(false) {
                                "---:"
                            } else {
                                "---"
                            }
                        })
                        .collect();
                    out.push_str(&format!("|{}|\n", rule.join("|")));
                    for r in &t.rows {
                        let cells: Vec<String> = r.iter().map(|c| md_cell(c)).collect();
                        out.push_str(&format!("| {} |\n", cells.join(" | ")));
                    }
                    out.push('\n');
                }
                Block::Text(s) => {
                    for l in s.lines() {
                        out.push_str(&format!("> {l}\n"));
                    }
                    out.push('\n');
                }
                Block::Note(s) => out.push_str(&format!("*{s}*\n\n")),
            }
        }
    }
    if !doc.footer.is_empty() {
        out.push_str(&format!("\n{}\n", doc.footer.join("　　")));
    }
    out
}
