//! The statistics as a `Doc` (the `table` format and the pane's figures) and the labels of
//! breakdown groups, shared with the CSV and XLSX exports.
use super::{Block, Doc, Section, Table, days, percent};
use crate::domain::channel::Channel;
use crate::domain::risk::Colour;
use crate::i18n::{Lang, tr};
use crate::store::handover::stats::{Breakdown, Group, Stats, ratio};

pub fn breakdown_title(lang: Lang, b: Breakdown) -> &'static str {
    tr(
        lang,
        match b {
            Breakdown::Category => "ui.report.by.category",
            Breakdown::Colour => "ui.report.by.colour",
            Breakdown::Channel => "ui.report.by.channel",
            Breakdown::Mediator => "ui.report.by.mediator",
        },
    )
}

/// The label of a group's key in the reader's language.
pub fn group_label(lang: Lang, b: Breakdown, key: &str) -> String {
    let found = match b {
        Breakdown::Category => {
            crate::domain::category::find(key).map(|c| c.label(lang).to_string())
        }
        Breakdown::Colour => Colour::from_code(key).map(|c| tr(lang, c.i18n_key()).to_string()),
        Breakdown::Channel => Channel::from_code(key).map(|c| tr(lang, c.i18n_key()).to_string()),
        Breakdown::Mediator => (!key.is_empty()).then(|| key.to_string()),
    };
    found.unwrap_or_else(|| {
        if key.is_empty() {
            tr(lang, "ui.report.unassigned").to_string()
        } else {
            key.to_string()
        }
    })
}

/// Header of a breakdown table (also the CSV/XLSX columns).
pub fn group_headers(lang: Lang, b: Breakdown) -> Vec<String> {
    [
        breakdown_title(lang, b),
        tr(lang, "ui.report.fig.received"),
        tr(lang, "ui.report.fig.resolved"),
        tr(lang, "ui.report.fig.closed"),
        tr(lang, "ui.report.fig.mediated"),
        tr(lang, "ui.report.fig.agreements"),
        tr(lang, "ui.report.fig.success_rate"),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

pub fn group_row(lang: Lang, b: Breakdown, g: &Group) -> Vec<String> {
    vec![
        group_label(lang, b, &g.key),
        g.received.to_string(),
        g.resolved.to_string(),
        g.closed.to_string(),
        g.mediated.to_string(),
        g.agreements.to_string(),
        percent(ratio(g.agreements, g.mediated)),
    ]
}

/// The headline figures as (label, value) pairs, in report order.
pub fn figures(lang: Lang, s: &Stats) -> Vec<(String, String)> {
    let f = &s.followups;
    let t = |k: &str| tr(lang, k).to_string();
    vec![
        (t("ui.report.fig.received"), s.received.to_string()),
        (t("ui.report.fig.resolved"), s.resolved.to_string()),
        (t("ui.report.fig.closed"), s.closed.to_string()),
        (t("ui.report.fig.mediated"), s.mediated.to_string()),
        (t("ui.report.fig.agreements"), s.agreements.to_string()),
        (t("ui.report.fig.success_rate"), percent(s.success_rate())),
        (
            t("ui.report.fig.resolution_rate"),
            percent(s.resolution_rate()),
        ),
        (t("ui.report.fig.closure_rate"), percent(s.closure_rate())),
        (
            t("ui.report.fig.first_mean"),
            days(s.first_session_mean_days),
        ),
        (
            t("ui.report.fig.first_median"),
            days(s.first_session_median_days),
        ),
        (
            t("ui.report.fig.repeat"),
            format!("{} ({})", s.repeat_cases, percent(s.repeat_rate())),
        ),
        (t("ui.report.fig.fu_due"), f.due.to_string()),
        (t("ui.report.fig.fu_done"), f.done.to_string()),
        (t("ui.report.fig.fu_on_time"), percent(f.on_time_rate())),
        (
            t("ui.report.fig.fu_fulfilment"),
            percent(f.fulfilment_rate()),
        ),
        (
            t("ui.report.fig.fu_perf"),
            format!(
                "{} / {} / {} / {}",
                f.fulfilled, f.partly, f.breached, f.unreachable
            ),
        ),
        (
            t("ui.report.fig.satisfaction"),
            match s.satisfaction_mean() {
                Some(m) => format!("{m:.2} (n={})", s.satisfaction_answers()),
                None => "—".into(),
            },
        ),
    ]
}

pub fn period(s: &Stats) -> String {
    format!(
        "{} ~ {}",
        s.from.format("%Y-%m-%d"),
        s.to.format("%Y-%m-%d")
    )
}

pub fn stats_doc(s: &Stats, lang: Lang, centre: &str) -> Doc {
    let mut sections = vec![Section {
        heading: tr(lang, "ui.report.sec.figures").to_string(),
        blocks: vec![Block::Table(Table {
            headers: vec![
                tr(lang, "ui.report.col.figure").to_string(),
                tr(lang, "ui.report.col.value").to_string(),
            ],
            rows: figures(lang, s)
                .into_iter()
                .map(|(k, v)| vec![k, v])
                .collect(),
            numeric: vec![false, true],
        })],
    }];
    for b in Breakdown::ALL {
        sections.push(Section {
            heading: breakdown_title(lang, b).to_string(),
            blocks: vec![Block::Table(Table {
                headers: group_headers(lang, b),
                rows: s.groups(b).iter().map(|g| group_row(lang, b, g)).collect(),
                numeric: vec![false, true, true, true, true, true, true],
            })],
        });
    }
    sections.push(Section {
        heading: tr(lang, "ui.report.by.day").to_string(),
        blocks: vec![Block::Table(Table {
            headers: vec![
                tr(lang, "ui.report.date").to_string(),
                tr(lang, "ui.report.fig.received").to_string(),
            ],
            rows: s
                .per_day
                .iter()
                .map(|(d, n)| vec![d.format("%Y-%m-%d").to_string(), n.to_string()])
                .collect(),
            numeric: vec![false, true],
        })],
    });
    Doc {
        title: tr(lang, "ui.report.stats_title").to_string(),
        meta: vec![
            (tr(lang, "ui.report.centre").to_string(), centre.to_string()),
            (tr(lang, "ui.report.period").to_string(), period(s)),
        ],
        sections,
        footer: Vec::new(),
        lang,
    }
}
