//! `onedoor stats --from D --to D --format table|csv|xlsx [--out FILE]`.
use super::handover::{emit, parse_date, sheet_centre};
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
    let viewer = super::auth::viewer(&mut store, a.as_code.as_deref(), lang, now)?;
    let centre = sheet_centre(&store, config, viewer)?;
    let st = store.stats(from, to)?;
    let bytes = match format.as_str() {
        "csv" => export::csv(&st, lang),
        "xlsx" => export::xlsx(&st, lang).map_err(|e| other("err.report.write", e))?,
        _ => text::txt(&stats::stats_doc(&st, lang, &centre)).into_bytes(),
    };
    emit(out, &bytes, a.out.as_deref(), lang)
}
