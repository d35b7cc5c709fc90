//! `onedoor import`: cases from a CSV file, checked row by row and written all or nothing.
use super::auth::login_as;
use super::{CliError, other};
use crate::config::Config;
use crate::domain::slots::WorkTime;
use crate::i18n::{Lang, tr, trf};
use crate::import::{self, Encoding, ImportError, Options, Problem, limits};
use crate::store::{ImportOutcome, Store};
use clap::Args;
use std::io::Read;
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The CSV file: a header row (Chinese or English names), then one case per row.
    pub file: PathBuf,
    /// The shift lead importing (asked for their PIN).
    #[arg(long = "as")]
    pub as_code: String,
    /// Check the file and count its cases; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// utf-8 (default; with or without BOM) or gbk (GB18030: CSV saved by Chinese Excel/WPS).
    #[arg(long, default_value = "utf-8", value_parser = ["utf-8", "utf8", "gbk", "gb18030", "gb2312"])]
    pub encoding: String,
    /// Skip columns whose header is not recognised instead of stopping.
    #[arg(long)]
    pub ignore_unknown: bool,
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
        eprintln!("{}", p.message(lang));
    }
    if total > problems.len() {
        eprintln!(
            "{}",
            trf(
                lang,
                "cli.import.more",
                &[("count", &(total - problems.len()))]
            )
        );
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
    let opts = Options {
        encoding: Encoding::from_name(&a.encoding).unwrap_or_default(),
        now,
        ignore_unknown: a.ignore_unknown,
    };
    // The file is checked before the PIN is asked: fixing a file costs no login attempts.
    let parsed = match import::parse(&read(&a.file, lang)?, &opts) {
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
        eprintln!(
            "onedoor: {}: {}",
            tr(lang, "cli.import.warning"),
            w.message(lang)
        );
    }
    let mut store = Store::open(db)?;
    store.set_work_time(WorkTime::from_config(&config.hours));
    let by = login_as(&mut store, &a.as_code, lang, now)?;
    let source = a.file.file_name().map_or_else(
        || a.file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let rows = parsed.rows.len();
    match store.import_cases(
        by,
        &parsed.rows,
        &config.response_hours,
        &source,
        a.dry_run,
        now,
    )? {
        ImportOutcome::Imported(done) => {
            for i in &done {
                let line = i.line;
                let no = &i.created.case_no;
                println!(
                    "{}",
                    trf(
                        lang,
                        "cli.import.row_done",
                        &[("line", &line), ("case_no", no)]
                    )
                );
            }
            let file = a.file.display();
            println!(
                "{}",
                trf(
                    lang,
                    "cli.import.done",
                    &[("count", &done.len()), ("file", &file)]
                )
            );
            Ok(())
        }
        ImportOutcome::Checked(n) => {
            println!("{}", trf(lang, "cli.import.dry_run", &[("count", &n)]));
            Ok(())
        }
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
