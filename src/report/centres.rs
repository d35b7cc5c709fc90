//! Figures by centre and by level as `Doc` parts: the statistics' tables (a record of several
//! centres) and the pieces the monthly report is made of — a centre's label, its figures, its
//! categories, the ladder's levels, and the notes that define every figure.
use super::{Block, Section, Table, days, percent};
use crate::domain::centre::Centre;
use crate::domain::centre_report::{CentreFigures, Tally};
use crate::domain::ladder::Level;
use crate::i18n::{Lang, tr, trf};

fn t(lang: Lang, key: &str) -> String {
    tr(lang, key).to_string()
}

/// `name（code）`, or the code alone for a centre without a name.
pub fn centre_label(lang: Lang, c: &Centre) -> String {
    let name = c.name.trim();
    match (name.is_empty(), lang) {
        (true, _) => c.code.clone(),
        (false, Lang::Zh) => format!("{name}（{}）", c.code),
        (false, Lang::En) => format!("{name} ({})", c.code),
    }
}

/// Two spaces per level below the top of the table.
pub fn indent(depth: usize, s: &str) -> String {
    format!("{}{s}", "  ".repeat(depth))
}

pub fn level_label(lang: Lang, level: Level) -> String {
    t(
        lang,
        match level {
            Level::Village => "ui.report.level.village",
            Level::Township => "ui.report.level.township",
            Level::County => "ui.report.level.county",
        },
    )
}

/// The table by centre: each centre seen, indented by the tree, with its own figures, and the
/// total of the rows.
pub fn centre_table(f: &CentreFigures, lang: Lang) -> Table {
    let row = |label: String, x: &Tally| {
        vec![
            label,
            x.received.to_string(),
            x.resolved.to_string(),
            percent(x.success_rate()),
            x.overdue.to_string(),
        ]
    };
    let mut rows: Vec<Vec<String>> = f
        .rows(None)
        .into_iter()
        .map(|(d, c)| row(indent(d, &centre_label(lang, c)), &f.own(c.id)))
        .collect();
    rows.push(row(t(lang, "ui.report.total"), &f.total()));
    Table {
        headers: vec![
            t(lang, "ui.centres.col.centre"),
            t(lang, "ui.report.fig.received"),
            t(lang, "ui.report.fig.resolved"),
            t(lang, "ui.centres.col.success"),
            t(lang, "ui.centres.col.overdue"),
        ],
        rows,
        numeric: vec![false, true, true, true, true],
    }
}

/// Where the resolved cases were resolved, level by level, with the share of each (小事不出村)
/// and the mean days a stay at the level lasted; the last row is all resolved.
pub fn level_table(x: &Tally, lang: Lang) -> Table {
    let mut rows: Vec<Vec<String>> = Level::ALL
        .iter()
        .map(|l| {
            vec![
                level_label(lang, *l),
                x.resolved_at[*l as usize].to_string(),
                percent(x.level_share(*l)),
                days(x.mean_stay_days(*l)),
            ]
        })
        .collect();
    rows.push(vec![
        t(lang, "ui.report.total"),
        x.resolved_at.iter().sum::<i64>().to_string(),
        String::new(),
        String::new(),
    ]);
    Table {
        headers: vec![
            t(lang, "ui.report.col.level"),
            t(lang, "ui.report.fig.resolved"),
            t(lang, "ui.centres.col.share"),
            t(lang, "ui.centres.col.days"),
        ],
        rows,
        numeric: vec![false, true, true, true],
    }
}

/// A centre's figures as (label, value) rows.
pub fn figures_table(x: &Tally, lang: Lang) -> Table {
    let rows = [
        ("ui.report.fig.received", x.received.to_string()),
        ("ui.report.fig.resolved", x.resolved.to_string()),
        ("ui.centres.mediated", x.mediated.to_string()),
        ("ui.centres.agreements", x.agreements.to_string()),
        ("ui.centres.col.success", percent(x.success_rate())),
        ("ui.centres.col.up", x.handed_up.to_string()),
        ("ui.centres.col.down", x.handed_down.to_string()),
        ("ui.centres.col.across", x.handed_across.to_string()),
        ("ui.centres.col.returned", x.returned.to_string()),
        ("ui.centres.col.overdue", x.overdue.to_string()),
    ];
    Table {
        headers: vec![
            t(lang, "ui.report.col.figure"),
            t(lang, "ui.report.col.value"),
        ],
        rows: rows.into_iter().map(|(k, v)| vec![t(lang, k), v]).collect(),
        numeric: vec![false, true],
    }
}

/// Received and resolved by category, in the taxonomy's order (categories with neither left
/// out).
pub fn category_table(x: &Tally, lang: Lang) -> Table {
    let known = crate::domain::category::all();
    let pos = |code: &str| known.iter().position(|c| c.code == code);
    let mut cats: Vec<(&String, _)> = x
        .by_category
        .iter()
        .filter(|(_, n)| n.received + n.resolved > 0)
        .collect();
    cats.sort_by_key(|(code, _)| (pos(code).unwrap_or(usize::MAX), code.to_string()));
    Table {
        headers: vec![
            t(lang, "ui.report.col.category"),
            t(lang, "ui.report.fig.received"),
            t(lang, "ui.report.fig.resolved"),
        ],
        rows: cats
            .into_iter()
            .map(|(code, n)| {
                vec![
                    super::stats::group_label(
                        lang,
                        crate::store::handover::stats::Breakdown::Category,
                        code,
                    ),
                    n.received.to_string(),
                    n.resolved.to_string(),
                ]
            })
            .collect(),
        numeric: vec![false, true, true],
    }
}

/// The notes that define the figures, one per line.
pub fn notes(lang: Lang, keys: &[&str]) -> Block {
    Block::Text(
        keys.iter()
            .map(|k| tr(lang, &format!("ui.centres.note.{k}")).to_string())
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// What `onedoor stats` adds for a record of several centres: the table by centre, the table
/// by level (everything seen) and the notes.
pub fn stats_sections(f: &CentreFigures, lang: Lang) -> Vec<Section> {
    vec![
        Section {
            heading: t(lang, "ui.centres.by_centre"),
            blocks: vec![Block::Table(centre_table(f, lang))],
        },
        Section {
            heading: t(lang, "ui.centres.by_level"),
            blocks: vec![Block::Table(level_table(&f.total(), lang))],
        },
        Section {
            heading: t(lang, "ui.centres.notes"),
            blocks: vec![notes(
                lang,
                &[
                    "cohort", "own", "received", "resolved", "success", "overdue", "share", "days",
                ],
            )],
        },
    ]
}

/// "X (with centres below)".
pub fn with_below(lang: Lang, label: &str) -> String {
    trf(lang, "ui.centres.with_below", &[("centre", &label)])
}
