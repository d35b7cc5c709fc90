//! Plain text (CJK columns aligned by display width) and Markdown.
use super::{Block, Doc, Table};
use crate::domain::text::{pad, truncate};
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
        for (i, b) in sec.blocks.iter().enumerate() {
            match b {
                Block::Table(t) => {
                    // Two tables of one section (a centre's figures, then its categories).
                    if i > 0 && matches!(sec.blocks[i - 1], Block::Table(_)) {
                        out.push(String::new());
                    }
                    out.extend(table_lines(t))
                }
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

/// Text in Markdown, shown as typed and never run: HTML's special characters become entities
/// (no `<script>` or `<img onerror>` reaches a viewer), Markdown's inline marks are
/// backslash-escaped (no link, image, emphasis or cell break: `|` stays in its cell), and a
/// line break becomes `<br>`, which keeps table rows on one line.
fn md_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => out.push_str("<br>"),
            _ => out.push(c),
        }
    }
    out
}

/// A line that starts a block (inside the notes' quote): as `md_inline`, and a mark that would
/// make it a heading, a list item, a quote or a rule is escaped too.
fn md_line(s: &str) -> String {
    let body = md_inline(s);
    let lead = body.len() - body.trim_start().len();
    let (indent, rest) = body.split_at(lead);
    if rest.starts_with(['#', '-', '+', '=']) {
        return format!("{indent}\\{rest}");
    }
    // "1." or "1)": an ordered list.
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && rest[digits..].starts_with(['.', ')']) {
        return format!("{indent}{}\\{}", &rest[..digits], &rest[digits..]);
    }
    body
}

pub fn markdown(doc: &Doc) -> String {
    let mut out = format!("# {}\n\n", md_inline(&doc.title));
    for (k, v) in &doc.meta {
        out.push_str(&format!(
            "- **{}**{}{}\n",
            md_inline(k),
            super::colon(doc.lang),
            md_inline(v)
        ));
    }
    for sec in &doc.sections {
        out.push_str(&format!("\n## {}\n\n", md_inline(&sec.heading)));
        for b in &sec.blocks {
            match b {
                Block::Table(t) => {
                    let head: Vec<String> = t.headers.iter().map(|h| md_inline(h)).collect();
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
                        let cells: Vec<String> = r.iter().map(|c| md_inline(c)).collect();
                        out.push_str(&format!("| {} |\n", cells.join(" | ")));
                    }
                    out.push('\n');
                }
                Block::Text(s) => {
                    for l in s.lines() {
                        out.push_str(&format!("> {}\n", md_line(l)));
                    }
                    out.push('\n');
                }
                Block::Note(s) => out.push_str(&format!("*{}*\n\n", md_inline(s))),
            }
        }
    }
    if !doc.footer.is_empty() {
        let footer: Vec<String> = doc.footer.iter().map(|f| md_inline(f)).collect();
        out.push_str(&format!("\n{}\n", footer.join("　　")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_shows_typed_text_inert() {
        let s = "<script>alert(1)</script> | \"><img src=x onerror=alert(1)>";
        assert_eq!(
            md_inline(s),
            "&lt;script&gt;alert(1)&lt;/script&gt; \\| &quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(
            md_inline("![x](http://t) *a* \\"),
            "\\!\\[x\\](http://t) \\*a\\* \\\\"
        );
        assert_eq!(md_inline("一\r\n二\n三"), "一<br>二<br>三");
        // Lines of the notes cannot become headings, lists, quotes or rules.
        assert_eq!(md_line("# 标题"), "\\# 标题");
        assert_eq!(md_line("> 引用"), "&gt; 引用");
        assert_eq!(md_line("- 一"), "\\- 一");
        assert_eq!(md_line("==="), "\\===");
        assert_eq!(md_line("12. 项"), "12\\. 项");
        assert_eq!(md_line("  3) 项"), "  3\\) 项");
        assert_eq!(md_line("2026年 12.5 元"), "2026年 12.5 元");
    }
}
