//! `onedoor backup FILE` and `onedoor purge --closed-before DATE [--dry-run] --as CODE`.
use super::auth::login_as;
use super::{CliError, Out, other};
use crate::i18n::{Lang, trf};
use crate::store::Store;
use std::path::Path;

pub(crate) fn backup(out: &mut Out, db: &Path, file: &Path, lang: Lang) -> Result<(), CliError> {
    let store = Store::open(db)?;
    // Integrity-checked before it gets its name (Store::backup_to).
    store.backup_to(file)?;
    let copy = Store::open(file)?;
    out.line(trf(
        lang,
        "cli.backup.done",
        &[("path", &file.display()), ("cases", &copy.case_count()?)],
    ))
}

pub(crate) fn purge(
    out: &mut Out,
    db: &Path,
    before: &str,
    dry_run: bool,
    as_code: &str,
    lang: Lang,
    now: chrono::NaiveDateTime,
) -> Result<(), CliError> {
    let date = crate::domain::dates::parse_iso_date(before).map_err(|k| other(k, before))?;
    let mut store = Store::open(db)?;
    let by = login_as(&mut store, as_code, lang, now)?;
    let n = store.purge_closed_before(by, date, dry_run, now)?;
    let key = if dry_run {
        "cli.purge.would"
    } else {
        "cli.purge.done"
    };
    out.line(trf(
        lang,
        key,
        &[
            ("cases", &n.cases),
            ("parties", &n.parties),
            ("date", &date.format("%Y-%m-%d")),
        ],
    ))
}
