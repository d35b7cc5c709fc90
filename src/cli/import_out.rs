//! What `onedoor import` prints, and where. The "line → case number" list is the one thing an
//! import must never lose: it goes to `--out FILE` (a new private file, synced) or standard
//! output, and is also recorded in the database, so `onedoor import --show ID` prints it again
//! whenever the output failed (a full disk, a closed pipe, a lost terminal).
use super::{CliError, other};
use crate::i18n::{Lang, trf};
use crate::store::{ImportRecord, Store};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

/// "王建国 (L001)"
fn who(r: &ImportRecord) -> String {
    format!("{} ({})", r.staff_name, r.staff_code)
}

/// A message about an earlier import, with every detail of it as placeholders.
fn about(lang: Lang, key: &str, r: &ImportRecord) -> String {
    let at = r.imported_at.format("%Y-%m-%d %H:%M").to_string();
    trf(
        lang,
        key,
        &[
            ("id", &r.id),
            ("file", &r.file_name),
            ("at", &at),
            ("who", &who(r)),
            ("rows", &r.rows),
            ("first", &r.first_case_no),
            ("last", &r.last_case_no),
        ],
    )
}

/// The refusal of a file imported before.
pub(super) fn already(lang: Lang, r: &ImportRecord) -> CliError {
    CliError::text(about(lang, "err.import.already", r))
}

/// A dry run with `--again` of a file imported before: said after the count.
pub(super) fn earlier_note(lang: Lang, r: &ImportRecord) -> String {
    about(lang, "cli.import.earlier", r)
}

/// A line on standard error that must not turn into a panic if standard error is gone too.
pub(super) fn note(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// Writes all of `text` to standard output.
fn print(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Prints a report that can be had again by running the command again (a dry run, a `--show`):
/// a closed pipe ends it quietly, as `head` expects; any other failure is an error.
pub(super) fn print_report(text: &str) -> Result<(), CliError> {
    match print(text) {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => Err(other("err.import.stdout", e)),
        _ => Ok(()),
    }
}

/// The "line → case number" list, one line each, in the user's language.
fn list(lang: Lang, lines: &[(u64, String)]) -> String {
    let mut text = String::with_capacity(lines.len() * 32);
    for (line, no) in lines {
        text.push_str(&trf(
            lang,
            "cli.import.row_done",
            &[("line", line), ("case_no", no)],
        ));
        text.push('\n');
    }
    text
}

/// The `--out` file, created before the import (so a bad path stops it before anything is
/// written): new, readable by its owner only, never through a symbolic link
/// (`fsutil::create_private_file` refuses any existing name, a link included).
pub(super) struct OutFile {
    path: PathBuf,
    file: std::fs::File,
}

impl OutFile {
    pub(super) fn create(path: &Path) -> std::io::Result<OutFile> {
        let file = crate::fsutil::create_private_file(path)?;
        Ok(OutFile {
            path: path.to_path_buf(),
            file,
        })
    }

    /// `create` before an import: a path that cannot be created stops the import.
    pub(super) fn before_import(path: &Path, lang: Lang) -> Result<OutFile, CliError> {
        OutFile::create(path).map_err(|e| {
            let shown = path.display();
            CliError::text(trf(
                lang,
                "err.import.out_file",
                &[("path", &shown), ("error", &e)],
            ))
        })
    }

    /// The import did not happen: the empty file goes.
    pub(super) fn discard(self) {
        drop(self.file);
        let _ = std::fs::remove_file(&self.path);
    }

    fn write(mut self, text: &str) -> std::io::Result<PathBuf> {
        self.file.write_all(text.as_bytes())?;
        self.file.sync_all()?;
        Ok(self.path)
    }
}

/// After the commit: the list to `out` or standard output, then the summary. Whatever fails,
/// the message says how to print the list again from the database.
pub(super) fn deliver(
    lang: Lang,
    record: &ImportRecord,
    lines: &[(u64, String)],
    out: Option<OutFile>,
    file: &Path,
) -> Result<(), CliError> {
    let id = record.id;
    let lost = |e: std::io::Error| {
        CliError::text(trf(
            lang,
            "err.import.output",
            &[("id", &id), ("count", &lines.len()), ("error", &e)],
        ))
    };
    let file = file.display();
    let done = trf(
        lang,
        "cli.import.done",
        &[("count", &lines.len()), ("file", &file), ("id", &id)],
    );
    match out {
        Some(out) => {
            let path = out.write(&list(lang, lines)).map_err(lost)?;
            let path = path.display();
            let written = trf(lang, "cli.import.out_written", &[("path", &path)]);
            print_report(&format!("{done}\n{written}\n"))
        }
        None => match print(&format!("{}{done}\n", list(lang, lines))) {
            Ok(()) => Ok(()),
            // The reader went away (`| head`): no error, but how to see the rest.
            Err(e) if e.kind() == ErrorKind::BrokenPipe => {
                note(&trf(lang, "cli.import.output_cut", &[("id", &id)]));
                Ok(())
            }
            Err(e) => Err(lost(e)),
        },
    }
}

/// `onedoor import --show ID`: an earlier import's list again, from the database.
/// Within the view of `--as` (needed where the record has several centres).
pub(super) fn show(
    db: &Path,
    id: i64,
    as_code: Option<&str>,
    out: Option<&Path>,
    lang: Lang,
    now: chrono::NaiveDateTime,
) -> Result<(), CliError> {
    let mut store = Store::open(db)?;
    super::auth::viewer(&mut store, as_code, lang, now)?;
    let Some(record) = store.import_record(id)? else {
        return Err(CliError::text(trf(
            lang,
            "err.import.no_import",
            &[("id", &id)],
        )));
    };
    let lines = store.import_lines(id)?;
    let summary = about(lang, "cli.import.show", &record);
    match out {
        Some(path) => {
            let shown = path.display().to_string();
            let failed = |e| other("err.import.write", format!("{shown}: {e}"));
            let path = OutFile::create(path)
                .and_then(|out| out.write(&list(lang, &lines)))
                .map_err(failed)?;
            let path = path.display();
            let written = trf(lang, "cli.import.out_written", &[("path", &path)]);
            print_report(&format!("{summary}\n{written}\n"))
        }
        None => print_report(&format!("{}{summary}\n", list(lang, &lines))),
    }
}
