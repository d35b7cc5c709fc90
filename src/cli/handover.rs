//! `onedoor handover` and `onedoor stats`: the sheet and the statistics from the command line.
use super::out::note;
use super::{CliError, Out, other};
use crate::config::Config;
use crate::domain::shift::Shift;
use crate::i18n::{Lang, tr};
use crate::report::font::FontSource;
use crate::report::{Format, render, sheet};
use crate::store::Store;
use chrono::{NaiveDate, NaiveDateTime};
use clap::Args;
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
pub struct HandoverArgs {
    /// Day of the sheet, YYYY-MM-DD (default: today).
    #[arg(long)]
    pub date: Option<String>,
    /// day (whole day), am or pm.
    #[arg(long, default_value = "day")]
    pub shift: String,
    /// The centre whose sheet it is (its code), when the record holds several: yours by
    /// default; a lead may name a centre below theirs.
    #[arg(long)]
    pub centre: Option<String>,
    /// txt, md, html or pdf.
    #[arg(long, default_value = "txt")]
    pub format: String,
    /// Write to this file instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Name of the shift lead printed on the sheet (default: who wrote the notes).
    #[arg(long)]
    pub lead: Option<String>,
    /// Send the sheet to the configured printer command (config `printer`, default `lp`).
    #[arg(long)]
    pub print: bool,
    /// Who is asking (staff code; PIN from ONEDOOR_PIN or a prompt): the answer is within
    /// what they may see. Needed once the record holds more than one centre.
    #[arg(long = "as")]
    pub as_code: Option<String>,
}

/// The centre a sheet names: the asker's own once the record holds several centres, else the
/// one the database (or the config) names.
pub(crate) fn sheet_centre(
    store: &Store,
    config: &Config,
    viewer: Option<crate::store::Actor>,
) -> Result<String, CliError> {
    match viewer {
        Some(v) if !crate::domain::centre::open_to_all(store.centre_tree()?.len()) => {
            Ok(store.staff_centre(v.staff_id)?.name)
        }
        _ => Ok(crate::report::centre_name(store, config)?),
    }
}

pub(crate) fn parse_date(s: &str) -> Result<NaiveDate, CliError> {
    crate::domain::dates::parse_iso_date(s).map_err(|k| other(k, s))
}

/// Writes `bytes` to the file `to`, or to standard output.
pub(crate) fn emit(
    out: &mut Out,
    bytes: &[u8],
    to: Option<&Path>,
    lang: Lang,
) -> Result<(), CliError> {
    match to {
        Some(p) => {
            crate::fsutil::write_private(p, bytes).map_err(|e| other(e.i18n_key(), e.detail()))?;
            note(format_args!(
                "{}: {}",
                tr(lang, "cli.report.written"),
                p.display()
            ));
            Ok(())
        }
        None => out.bytes(bytes),
    }
}

pub fn run(
    a: HandoverArgs,
    out: &mut Out,
    db: &Path,
    config: &Config,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<(), CliError> {
    let date = a
        .date
        .as_deref()
        .map(parse_date)
        .transpose()?
        .unwrap_or(now.date());
    let shift =
        Shift::from_code(&a.shift).ok_or_else(|| other("cli.handover.bad_shift", &a.shift))?;
    // Printing goes through PDF: CUPS' text filter shows Chinese as boxes on a default install.
    let format = if a.print && a.out.is_none() && a.format == "txt" {
        Format::Pdf
    } else {
        Format::from_code(&a.format).ok_or_else(|| other("cli.handover.bad_format", &a.format))?
    };
    if format == Format::Pdf && a.out.is_none() && !a.print {
        return Err(other("cli.handover.pdf_needs_out", ""));
    }
    let mut store = Store::open(db)?;
    store.set_work_time(config.hours.work_time());
    let as_code = a.as_code.as_deref();
    let centre = super::auth::report_centre(&mut store, as_code, a.centre.as_deref(), lang, now)?;
    let req =
        crate::report::sheet_request(&store, config, centre, date, shift, a.lead.clone(), now)?;
    let data = store.centre_sheet(centre, &req)?;
    let doc = sheet::sheet_doc(&data, lang);
    let font = FontSource::choose(config.pdf_font.as_deref());
    let bytes = render(&doc, format, &font).map_err(|e| other("err.report.write", e))?;
    if a.print {
        let printed = tr(lang, "cli.handover.printed");
        let print_err = |e: crate::report::print::PrintError| other(e.i18n_key(), e);
        match &a.out {
            // Kept where asked, then printed from there.
            Some(p) => {
                emit(out, &bytes, Some(p), lang)?;
                crate::report::print::print_file(&config.printer, p).map_err(print_err)?;
                return out.line(format_args!("{printed}: {}", p.display()));
            }
            // A private temporary file, gone once the printer command returns.
            None => {
                let suffix = format!(".{}", format.extension());
                crate::report::print::print_bytes(&config.printer, &bytes, &suffix)
                    .map_err(print_err)?;
                return out.line(format_args!("{printed}"));
            }
        }
    }
    emit(out, &bytes, a.out.as_deref(), lang)
}
