//! `onedoor stats --from D --to D --format table|csv|xlsx [--out FILE] [--as CODE]`; a record
//! of several centres adds the tables by centre and by level.
use super::handover::{emit, parse_date};
use super::{CliError, Out, other};
use crate::config::Config;
use crate::i18n::Lang;
use crate::report::{export, stats, text};
use crate::store::Store;
use chrono::{Datelike, NaiveDateTime};
use clap::Args;
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
pub struct StatsArgs {
    /// First day, YYYY-MM-DD (default: the first of this month).
    #[arg(long)]
    pub from: Option<String>,
    /// Last day, included (default: today).
    #[arg(long)]
    pub to: Option<String>,
    /// table, csv or xlsx.
    #[arg(long, default_value = "table")]
    pub format: String,
    /// Write to this file instead of standard output (needed for xlsx).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Who is asking (staff code; PIN from ONEDOOR_PIN or a prompt): the answer is within
    /// what they may see. Needed once the record holds more than one centre.
    #[arg(long = "as")]
    pub as_code: Option<String>,
}

pub fn run(
    a: StatsArgs,
    out: &mut Out,
    db: &Path,
    config: &Config,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<(), CliError> {
    let today = now.date();
    let from = match &a.from {
        Some(s) => parse_date(s)?,
        None => today.with_day(1).unwrap_or(today),
    };
    let to =
        a.to.as_deref()
            .map(parse_date)
            .transpose()?
            .unwrap_or(today);
    if from > to {
        return Err(other("cli.stats.bad_range", format!("{from} > {to}")));
    }
    let format = a.format.to_ascii_lowercase();
    if !["table", "csv", "xlsx"].contains(&format.as_str()) {
        return Err(other("cli.stats.bad_format", &a.format));
    }
    if format == "xlsx" && a.out.is_none() {
        return Err(other("cli.stats.xlsx_needs_out", ""));
    }
    let mut store = Store::open(db)?;
    let asker = super::auth::report_centre(&mut store, a.as_code.as_deref(), None, lang, now)?;
    let tree = store.centre_tree()?;
    let centre = match tree
        .get(asker)
        .filter(|c| tree.len() > 1 && !c.name.trim().is_empty())
    {
        Some(c) => c.name.clone(),
        None => crate::report::centre_name(&store, config)?,
    };
    let st = store.stats(from, to)?;
    // A record of several centres: by centre and by level, within the asker's view.
    let by_centre = match tree.len() > 1 {
        true => Some(store.centre_figures(from, to, now)?),
        false => None,
    };
    let bytes = match format.as_str() {
        "csv" => {
            let mut b = export::csv(&st, lang);
            if let Some(f) = &by_centre {
                b.extend(export::centres_csv(f, lang));
            }
            b
        }
        "xlsx" => export::xlsx_with(&st, by_centre.as_ref(), lang)
            .map_err(|e| other("err.report.write", e))?,
        _ => {
            let mut doc = stats::stats_doc(&st, lang, &centre);
            if let Some(f) = &by_centre {
                doc.sections
                    .extend(crate::report::centres::stats_sections(f, lang));
            }
            text::txt(&doc).into_bytes()
        }
    };
    emit(out, &bytes, a.out.as_deref(), lang)
}
