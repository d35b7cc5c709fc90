//! The monthly report (月报) of a centre, as a `Doc` for every format: a summary table of the
//! centre and every centre below it that the reader sees — a centre with centres below first
//! with their figures together (含下级), then its own line (本级), then each centre below — and
//! a section per centre with its figures, categories and levels; a centre with nothing to
//! report says so (零报告) instead of being left out. Then the notes defining each figure.
use super::centres::{
    category_table, centre_label, figures_table, indent, level_table, notes, with_below,
};
use super::{Block, Doc, Section, Table, percent};
use crate::domain::centre_report::{CentreFigures, Tally};
use crate::i18n::{Lang, tr};
use chrono::NaiveDate;

fn t(lang: Lang, key: &str) -> String {
    tr(lang, key).to_string()
}

/// The report of `top` for the month starting `month` (its first day), from figures read for
/// that month.
pub fn monthly_doc(f: &CentreFigures, top: i64, month: NaiveDate, lang: Lang) -> Doc {
    let name = f
        .tree
        .get(top)
        .map(|c| centre_label(lang, c))
        .unwrap_or_default();
    let mut sections = vec![Section {
        heading: t(lang, "ui.monthly.summary"),
        blocks: vec![Block::Table(summary_table(f, top, lang))],
    }];
    for (_, c) in f.rows(Some(top)) {
        let label = centre_label(lang, c);
        let (heading, x) = if f.has_children(c.id) {
            (with_below(lang, &label), f.rolled_up(c.id))
        } else {
            (label, f.own(c.id))
        };
        let blocks = if x.is_zero() {
            vec![Block::Note(t(lang, "ui.centres.zero_line"))]
        } else {
            let mut b = vec![Block::Table(figures_table(&x, lang))];
            let cats = category_table(&x, lang);
            if !cats.rows.is_empty() {
                b.push(Block::Table(cats));
            }
            b.push(Block::Table(level_table(&x, lang)));
            b
        };
        sections.push(Section { heading, blocks });
    }
    sections.push(Section {
        heading: t(lang, "ui.centres.notes"),
        blocks: vec![notes(
            lang,
            &[
                "cohort",
                "rollup",
                "received",
                "resolved",
                "success",
                "handovers",
                "overdue",
                "share",
                "days",
                "zero",
            ],
        )],
    });
    Doc {
        title: t(lang, "ui.monthly.title"),
        meta: vec![
            (t(lang, "ui.report.centre"), name),
            (
                t(lang, "ui.monthly.month"),
                month.format("%Y-%m").to_string(),
            ),
            (
                t(lang, "ui.monthly.at"),
                f.at.format("%Y-%m-%d %H:%M").to_string(),
            ),
        ],
        sections,
        footer: Vec::new(),
        lang,
    }
}

/// One line per centre below `top` (and `top`): a centre with centres below has a line with
/// them together and then its own; a line with nothing to report is remarked as a zero report.
fn summary_table(f: &CentreFigures, top: i64, lang: Lang) -> Table {
    let line = |label: String, x: &Tally| {
        vec![
            label,
            x.received.to_string(),
            x.resolved.to_string(),
            percent(x.success_rate()),
            x.handed_up.to_string(),
            x.handed_down.to_string(),
            x.returned.to_string(),
            x.overdue.to_string(),
            if x.is_zero() {
                t(lang, "ui.centres.zero")
            } else {
                String::new()
            },
        ]
    };
    let mut rows = Vec::new();
    for (depth, c) in f.rows(Some(top)) {
        let label = centre_label(lang, c);
        if f.has_children(c.id) {
            rows.push(line(
                indent(depth, &with_below(lang, &label)),
                &f.rolled_up(c.id),
            ));
            rows.push(line(
                indent(depth + 1, &t(lang, "ui.centres.own")),
                &f.own(c.id),
            ));
        } else {
            rows.push(line(indent(depth, &label), &f.own(c.id)));
        }
    }
    Table {
        headers: [
            "ui.centres.col.centre",
            "ui.report.fig.received",
            "ui.report.fig.resolved",
            "ui.centres.col.success",
            "ui.centres.col.up",
            "ui.centres.col.down",
            "ui.centres.col.returned",
            "ui.centres.col.overdue",
            "ui.centres.col.remark",
        ]
        .iter()
        .map(|k| t(lang, k))
        .collect(),
        rows,
        numeric: vec![false, true, true, true, true, true, true, true, false],
    }
}

#[cfg(test)]
mod tests;
