//! HTML that prints cleanly from a browser: A4 page, table headers repeated on every page,
//! rows and headings never split from their table, each section free to start a new page.
use super::{Block, Doc};

const CSS: &str = "
body { font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif; font-size: 11pt; margin: 1.5em; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 .4em; }
.meta { display: flex; flex-wrap: wrap; gap: .4em 2em; justify-content: center; margin-bottom: 1em; }
h2 { font-size: 12pt; border-bottom: 1px solid #444; margin: 1.2em 0 .4em; break-after: avoid; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin-bottom: .4em; }
th, td { border: 1px solid #888; padding: 2px 5px; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num, th.num { text-align: right; }
.note { color: #555; font-size: 9pt; }
.notes { white-space: pre-wrap; border: 1px solid #888; padding: .5em; }
.sign { display: flex; gap: 4em; margin-top: 2em; break-inside: avoid; page-break-inside: avoid; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { margin: 0; }
  thead { display: table-header-group; }
  tr, .notes { break-inside: avoid; page-break-inside: avoid; }
  section.break { break-before: page; page-break-before: always; }
}
";

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

pub fn html(doc: &Doc) -> String {
    let lang = doc.lang.tag();
    let mut o = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>{}</h1>\n<div class=\"meta\">",
        escape(&doc.title),
        escape(&doc.title)
    );
    for (k, v) in &doc.meta {
        o.push_str(&format!(
            "<span><b>{}</b>{}{}</span>",
            escape(k),
            super::colon(doc.lang),
            escape(v)
        ));
    }
    o.push_str("</div>\n");
    for sec in &doc.sections {
        o.push_str(&format!("<section>\n<h2>{}</h2>\n", escape(&sec.heading)));
        for b in &sec.blocks {
            match b {
                Block::Table(t) => {
                    let class = |i: usize| {
                        if t.numeric.get(i).copied().unwrap_or(false) {
                            " class=\"num\""
                        } else {
                            ""
                        }
                    };
                    o.push_str("<table>\n<thead><tr>");
                    for (i, h) in t.headers.iter().enumerate() {
                        o.push_str(&format!("<th{}>{}</th>", class(i), escape(h)));
                    }
                    o.push_str("</tr></thead>\n<tbody>\n");
                    for r in &t.rows {
                        o.push_str("<tr>");
                        for (i, c) in r.iter().enumerate() {
                            o.push_str(&format!("<td{}>{}</td>", class(i), escape(c)));
                        }
                        o.push_str("</tr>\n");
                    }
                    o.push_str("</tbody>\n</table>\n");
                }
                Block::Text(s) => {
                    o.push_str(&format!("<div class=\"notes\">{}</div>\n", escape(s)))
                }
                Block::Note(s) => o.push_str(&format!("<p class=\"note\">{}</p>\n", escape(s))),
            }
        }
        o.push_str("</section>\n");
    }
    if !doc.footer.is_empty() {
        o.push_str("<div class=\"sign\">");
        for f in &doc.footer {
            o.push_str(&format!("<span>{}</span>", escape(f)));
        }
        o.push_str("</div>\n");
    }
    o.push_str("</body>\n</html>\n");
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Section, Table};

    #[test]
    fn typed_text_is_escaped_everywhere_it_goes() {
        let bad = "<script>alert(1)</script> | \"><img src=x onerror=alert(1)>";
        let doc = Doc {
            title: bad.into(),
            meta: vec![(bad.into(), bad.into())],
            sections: vec![Section {
                heading: bad.into(),
                blocks: vec![
                    Block::Table(Table {
                        headers: vec![bad.into()],
                        rows: vec![vec![bad.into()]],
                        numeric: vec![false],
                    }),
                    Block::Text(bad.into()),
                    Block::Note(bad.into()),
                ],
            }],
            footer: vec![bad.into()],
            lang: crate::i18n::Lang::En,
        };
        let h = html(&doc);
        assert!(!h.contains("<script") && !h.contains("<img") && !h.contains("=alert(1)>"));
        let shown =
            "&lt;script&gt;alert(1)&lt;/script&gt; | &quot;&gt;&lt;img src=x onerror=alert(1)&gt;";
        assert_eq!(h.matches(shown).count(), 10, "{h}");
    }
}
