//! `onedoor import`: cases from a CSV file, checked row by row and written all or nothing.
use super::auth::login_as;
use super::import_out::{self as out, OutFile};
use super::{CliError, other};
use crate::config::Config;
use crate::i18n::{Lang, tr, trf};
use crate::import::{self, Encoding, ImportError, Options, Problem, limits};
use crate::store::{ImportOutcome, ImportSource, Store};
use clap::Args;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The CSV file: a header row (Chinese or English names), then one case per row.
    #[arg(required_unless_present = "show")]
    pub file: Option<PathBuf>,
    /// The shift lead importing (asked for their PIN).
    #[arg(long = "as", required_unless_present = "show")]
    pub as_code: Option<String>,
    /// Check the file and count its cases; write nothing.
    #[arg(long, conflicts_with = "out")]
    pub dry_run: bool,
    /// utf-8 (default; with or without BOM) or gbk (GB18030: CSV saved by Chinese Excel/WPS).
    #[arg(long, default_value = "utf-8", value_parser = ["utf-8", "utf8", "gbk", "gb18030", "gb2312"])]
    pub encoding: String,
    /// Skip columns whose header is not recognised instead of stopping.
    #[arg(long)]
    pub ignore_unknown: bool,
    /// Import the file even though this very file was imported before (audited).
    #[arg(long)]
    pub again: bool,
    /// Write the "line → case number" list to this new file (readable by its owner only)
    /// instead of standard output; an existing file is never overwritten.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Print the "line → case number" list of an earlier import again (its number, given
    /// when it was imported).
    #[arg(long, value_name = "IMPORT-NO", conflicts_with_all = ["file", "dry_run", "again"])]
    pub show: Option<i64>,
}

/// SHA-256 of the file's raw bytes, in lowercase hex: what makes two imports "the same file".
fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Opens without waiting: a named pipe with no writer would otherwise block `open` forever.
#[cfg(unix)]
fn open(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// The file's bytes, refusing one over the limit without reading it all. Only a regular file
/// is read: a pipe, a device or a folder is refused at once, so nothing can make the import
/// hang or fill memory.
fn read(path: &Path, lang: Lang) -> Result<Vec<u8>, CliError> {
    let f = open(path).map_err(|e| other("err.import.read", format!("{}: {e}", path.display())))?;
    let regular = f.metadata().is_ok_and(|m| m.is_file());
    if !regular {
        let path = path.display();
        return Err(CliError::text(trf(
            lang,
            "err.import.not_regular",
            &[("path", &path)],
        )));
    }
    let mut bytes = Vec::new();
    f.take(limits::FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| other("err.import.read", format!("{}: {e}", path.display())))?;
    Ok(bytes)
}

/// Prints every listed problem, then fails with the count.
fn refuse(lang: Lang, problems: &[Problem], total: usize, bad: usize, rows: usize) -> CliError {
    for p in problems {
        out::note(&p.message(lang));
    }
    if total > problems.len() {
        let more = total - problems.len();
        out::note(&trf(lang, "cli.import.more", &[("count", &more)]));
    }
    CliError::text(trf(
        lang,
        "cli.import.failed",
        &[("bad", &bad), ("rows", &rows), ("total", &total)],
    ))
}

pub(crate) fn run(
    a: ImportArgs,
    db: &Path,
    config: &Config,
    lang: Lang,
    now: chrono::NaiveDateTime,
) -> Result<(), CliError> {
    if let Some(id) = a.show {
        return out::show(db, id, a.as_code.as_deref(), a.out.as_deref(), lang, now);
    }
    // Both are required by the argument parser unless --show.
    let (Some(path), Some(as_code)) = (a.file.as_deref(), a.as_code.as_deref()) else {
        return Err(other("err.import.read", ""));
    };
    let opts = Options {
        encoding: Encoding::from_name(&a.encoding).unwrap_or_default(),
        now,
        ignore_unknown: a.ignore_unknown,
    };
    // The file is checked before the PIN is asked: fixing a file costs no login attempts.
    let bytes = read(path, lang)?;
    let parsed = match import::parse(&bytes, &opts) {
        Ok(p) => p,
        Err(ImportError::File(p)) => return Err(CliError::text(p.message(lang))),
        Err(ImportError::Rows {
            problems,
            total,
            bad_rows,
            rows,
        }) => return Err(refuse(lang, &problems, total, bad_rows, rows)),
    };
    for w in &parsed.warnings {
        let note = tr(lang, "cli.import.warning");
        out::note(&format!("onedoor: {note}: {}", w.message(lang)));
    }
    let mut store = Store::open(db)?;
    store.set_work_time(config.hours.work_time());
    let by = login_as(&mut store, as_code, lang, now)?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let sha256 = sha256(&bytes);
    let source = ImportSource {
        file_name: &name,
        sha256: &sha256,
        again: a.again,
    };
    // Created before the import, so that a path that cannot be written stops it first.
    let mut out_file = match &a.out {
        Some(p) => Some(OutFile::before_import(p, lang)?),
        None => None,
    };
    let rows = parsed.rows.len();
    let outcome = store.import_cases(
        by,
        &parsed.rows,
        &config.response_hours,
        &source,
        a.dry_run,
        now,
    );
    if !matches!(outcome, Ok(ImportOutcome::Imported { .. }))
        && let Some(f) = out_file.take()
    {
        f.discard();
    }
    match outcome? {
        ImportOutcome::Imported { record, cases } => {
            let lines: Vec<(u64, String)> = cases
                .into_iter()
                .map(|i| (i.line, i.created.case_no))
                .collect();
            out::deliver(lang, &record, &lines, out_file, path)
        }
        ImportOutcome::Checked { rows, earlier } => {
            let mut text = trf(lang, "cli.import.dry_run", &[("count", &rows)]);
            if let Some(e) = earlier {
                text = format!("{text}\n{}", out::earlier_note(lang, &e));
            }
            out::print_report(&format!("{text}\n"))
        }
        ImportOutcome::AlreadyImported(earlier) => Err(out::already(lang, &earlier)),
        ImportOutcome::Refused(refused) => {
            let problems: Vec<Problem> = refused
                .iter()
                .map(|r| Problem {
                    line: r.line,
                    column: String::new(),
                    key: r.key,
                    args: vec![],
                })
                .collect();
            let shown = problems.len().min(limits::REPORTED);
            Err(refuse(
                lang,
                &problems[..shown],
                problems.len(),
                problems.len(),
                rows,
            ))
        }
    }
}
