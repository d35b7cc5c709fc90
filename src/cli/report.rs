//! `onedoor report monthly --month 2026-11 [--centre CODE] [--as CODE] --format txt|pdf|xlsx
//! [--out FILE]`: the monthly report (月报) of a centre and every centre below it that the
//! asker sees, through the report formats; a file given with `--out` is new and private.
use super::out::note;
use super::{CliError, Out, other};
use crate::config::Config;
use crate::i18n::{Lang, tr};
use crate::report::font::FontSource;
use crate::report::{Format, monthly, render, text, xlsx};
use crate::store::Store;
use chrono::NaiveDateTime;
use clap::{Args, Subcommand};
use std::path::{Path, PathBuf};

#[derive(Subcommand, Debug)]
pub enum ReportCommand {
    /// The monthly report (月报): a centre with every centre below it, each with its own line;
    /// a centre with nothing to report files a zero report (零报告).
    Monthly(MonthlyArgs),
}

#[derive(Args, Debug)]
pub struct MonthlyArgs {
    /// The month, e.g. 2026-11.
    #[arg(long)]
    pub month: String,
    /// The centre reported on (its code): yours by default; a lead may name a centre below.
    #[arg(long)]
    pub centre: Option<String>,
    /// Who is asking (staff code; PIN from ONEDOOR_PIN or a prompt): the report holds what
    /// they may see. Needed once the record holds more than one centre.
    #[arg(long = "as")]
    pub as_code: Option<String>,
    /// txt, pdf or xlsx.
    #[arg(long, default_value = "txt")]
    pub format: String,
    /// Write to this new file (needed for pdf and xlsx; an existing file is never overwritten).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Txt,
    Pdf,
    Xlsx,
}

pub fn run(
    cmd: ReportCommand,
    out: &mut Out,
    db: &Path,
    config: &Config,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<(), CliError> {
    match cmd {
        ReportCommand::Monthly(a) => monthly_report(a, out, db, config, lang, now),
    }
}

fn monthly_report(
    a: MonthlyArgs,
    out: &mut Out,
    db: &Path,
    config: &Config,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<(), CliError> {
    let (first, last) =
        crate::domain::dates::parse_month(&a.month).map_err(|k| other(k, &a.month))?;
    let kind = match a.format.trim().to_ascii_lowercase().as_str() {
        "txt" | "text" => Kind::Txt,
        "pdf" => Kind::Pdf,
        "xlsx" => Kind::Xlsx,
        _ => return Err(other("cli.report.bad_format", &a.format)),
    };
    if kind != Kind::Txt && a.out.is_none() {
        return Err(other("cli.report.needs_out", ""));
    }
    let mut store = Store::open(db)?;
    let (as_code, asked) = (a.as_code.as_deref(), a.centre.as_deref());
    let top = super::auth::report_centre(&mut store, as_code, asked, lang, now)?;
    let figures = store.centre_figures(first, last, now)?;
    let doc = monthly::monthly_doc(&figures, top, first, lang);
    let bytes = match kind {
        Kind::Txt => text::txt(&doc).into_bytes(),
        Kind::Pdf => render(
            &doc,
            Format::Pdf,
            &FontSource::choose(config.pdf_font.as_deref()),
        )
        .map_err(|e| other("err.report.write", e))?,
        Kind::Xlsx => xlsx::doc_xlsx(&doc).map_err(|e| other("err.report.write", e))?,
    };
    match &a.out {
        Some(p) => {
            crate::fsutil::write_new_private(p, &bytes)
                .map_err(|e| other(e.i18n_key(), e.detail()))?;
            note(format_args!(
                "{}: {}",
                tr(lang, "cli.report.written"),
                p.display()
            ));
            Ok(())
        }
        None => out.bytes(&bytes),
    }
}
