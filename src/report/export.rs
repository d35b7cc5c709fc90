//! Statistics exports: CSV (UTF-8 with a BOM, so Excel and WPS read the Chinese) and XLSX (a
//! real workbook: the headline figures, then one sheet per breakdown and one per day).
use super::stats::{breakdown_title, figures, group_headers, group_label, period};
use super::{Block, Section};
use crate::domain::centre_report::CentreFigures;
use crate::i18n::{Lang, tr};
use crate::store::handover::stats::{Breakdown, Stats, ratio};
use rust_xlsxwriter::{Format, Workbook};

/// One CSV file: the figures, then each breakdown after a blank line and its title. Labels
/// (a mediator's name among them) are text, defused; the figures onedoor computed are values.
pub fn csv(s: &Stats, lang: Lang) -> Vec<u8> {
    use super::csv::{line, text, value};
    let mut out = String::from("\u{feff}");
    out.push_str(&line(&[
        text(tr(lang, "ui.report.period")),
        value(&period(s)),
    ]));
    for (k, v) in figures(lang, s) {
        out.push_str(&line(&[text(&k), value(&v)]));
    }
    for b in Breakdown::ALL {
        out.push_str("\r\n");
        let head: Vec<String> = group_headers(lang, b).iter().map(|h| text(h)).collect();
        out.push_str(&line(&head));
        for g in s.groups(b) {
            let rate = ratio(g.agreements, g.mediated)
                .map(|r| format!("{:.4}", r))
                .unwrap_or_default();
            let mut cells = vec![text(&group_label(lang, b, &g.key))];
            cells.extend(
                [g.received, g.resolved, g.closed, g.mediated, g.agreements]
                    .iter()
                    .map(|n| value(&n.to_string())),
            );
            cells.push(value(&rate));
            out.push_str(&line(&cells));
        }
    }
    out.push_str("\r\n");
    out.push_str(&line(&[
        text(tr(lang, "ui.report.date")),
        text(tr(lang, "ui.report.fig.received")),
    ]));
    for (d, n) in &s.per_day {
        out.push_str(&line(&[
            value(&d.format("%Y-%m-%d").to_string()),
            value(&n.to_string()),
        ]));
    }
    out.into_bytes()
}

/// Excel limits sheet names to 31 characters and forbids a few symbols.
fn sheet_name(s: &str) -> String {
    s.chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect()
}

/// The tables by centre and by level and their notes after the statistics (a record of several
/// centres): each table after a blank line, each note a line of one cell.
pub fn centres_csv(f: &CentreFigures, lang: Lang) -> Vec<u8> {
    use super::csv::{line, text, value};
    let mut out = String::new();
    for sec in super::centres::stats_sections(f, lang) {
        out.push_str("\r\n");
        out.push_str(&line(&[text(&sec.heading)]));
        for b in &sec.blocks {
            match b {
                Block::Table(t) => {
                    let head: Vec<String> = t.headers.iter().map(|h| text(h)).collect();
                    out.push_str(&line(&head));
                    for r in &t.rows {
                        let cells: Vec<String> = r
                            .iter()
                            .enumerate()
                            .map(|(i, c)| {
                                if t.numeric.get(i).copied().unwrap_or(false) {
                                    value(c)
                                } else {
                                    text(c)
                                }
                            })
                            .collect();
                        out.push_str(&line(&cells));
                    }
                }
                Block::Text(s) | Block::Note(s) => {
                    for l in s.lines() {
                        out.push_str(&line(&[text(l)]));
                    }
                }
            }
        }
    }
    out.into_bytes()
}

pub fn xlsx(s: &Stats, lang: Lang) -> anyhow::Result<Vec<u8>> {
    xlsx_with(s, None, lang)
}

/// The statistics' workbook; with `centres` (a record of several centres) a sheet by centre,
/// one by level and one of notes at the end.
pub fn xlsx_with(
    s: &Stats,
    centres: Option<&CentreFigures>,
    lang: Lang,
) -> anyhow::Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let pct = Format::new().set_num_format("0.0%");
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(tr(lang, "ui.report.sec.figures")))?;
    ws.write_string_with_format(0, 0, tr(lang, "ui.report.period"), &bold)?;
    ws.write_string(0, 1, period(s))?;
    for (i, (k, v)) in figures(lang, s).into_iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, k)?;
        ws.write_string(r, 1, v)?;
    }
    ws.set_column_width(0, 28)?;
    ws.set_column_width(1, 22)?;
    for b in Breakdown::ALL {
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(breakdown_title(lang, b)))?;
        for (c, h) in group_headers(lang, b).iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &bold)?;
        }
        for (i, g) in s.groups(b).iter().enumerate() {
            let r = i as u32 + 1;
            ws.write_string(r, 0, group_label(lang, b, &g.key))?;
            for (c, v) in [g.received, g.resolved, g.closed, g.mediated, g.agreements]
                .iter()
                .enumerate()
            {
                ws.write_number(r, c as u16 + 1, *v as f64)?;
            }
            if let Some(rate) = ratio(g.agreements, g.mediated) {
                ws.write_number_with_format(r, 6, rate, &pct)?;
            }
        }
        ws.set_column_width(0, 20)?;
        ws.set_freeze_panes(1, 0)?;
    }
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(tr(lang, "ui.report.by.day")))?;
    ws.write_string_with_format(0, 0, tr(lang, "ui.report.date"), &bold)?;
    ws.write_string_with_format(0, 1, tr(lang, "ui.report.fig.received"), &bold)?;
    for (i, (d, n)) in s.per_day.iter().enumerate() {
        ws.write_string(i as u32 + 1, 0, d.format("%Y-%m-%d").to_string())?;
        ws.write_number(i as u32 + 1, 1, *n as f64)?;
    }
    ws.set_column_width(0, 14)?;
    if let Some(f) = centres {
        let sections: Vec<Section> = super::centres::stats_sections(f, lang);
        let mut taken = Vec::new();
        for sec in &sections {
            super::xlsx::section_sheet(&mut wb, sec, &mut taken, None)?;
        }
    }
    Ok(wb.save_to_buffer()?)
}
