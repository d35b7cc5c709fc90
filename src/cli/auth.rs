//! Who is running a command: PINs from the environment, a hidden prompt or standard input.
use super::{CliError, other};
use crate::i18n::{Lang, tr, trf};
use crate::store::{Actor, Store, StoreError};
use std::io::{BufRead, IsTerminal};

/// A PIN from ONEDOOR_PIN, a hidden prompt on a terminal, or a line of standard input.
pub(crate) fn read_pin(prompt: &str) -> Result<String, CliError> {
    if let Ok(pin) = std::env::var("ONEDOOR_PIN") {
        return Ok(pin.trim().to_string());
    }
    if std::io::stdin().is_terminal() {
        return rpassword::prompt_password(prompt)
            .map(|p| p.trim().to_string())
            .map_err(|e| other("err.pin.format", e));
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| other("err.pin.format", e))?;
    Ok(line.trim().to_string())
}

/// Who a command that reads cases answers for. With `--as`: that person, logged in, and the
/// connection reads only what they may see (their centre; a lead, every centre below too).
/// Without: a database of one centre reads as before; one of several is refused, naming how
/// many centres it holds, rather than answer with nothing.
pub(crate) fn viewer(
    store: &mut Store,
    as_code: Option<&str>,
    lang: Lang,
    now: chrono::NaiveDateTime,
) -> Result<Option<Actor>, CliError> {
    match as_code {
        Some(code) => {
            let by = login_as(store, code, lang, now)?;
            Ok(Some(by))
        }
        None => {
            let centres = store.centre_tree()?.len();
            if crate::domain::centre::open_to_all(centres) {
                Ok(None)
            } else {
                Err(CliError::keyed(
                    "cli.as.needed",
                    vec![("n", centres.to_string())],
                ))
            }
        }
    }
}

/// Logs someone in for a command (wrong PINs count towards the lockout as in the TUI); from
/// then on the connection reads what they may see, as the desk's does after its login.
pub(crate) fn login_as(
    store: &mut Store,
    code: &str,
    lang: Lang,
    now: chrono::NaiveDateTime,
) -> Result<Actor, CliError> {
    let pin = read_pin(&trf(lang, "cli.pin.prompt", &[("code", &code)]))?;
    match store.login(code, &pin, now)? {
        Ok(m) => {
            let by = Actor {
                staff_id: m.id,
                role: m.role,
            };
            store.view_as(by)?;
            Ok(by)
        }
        Err(e) => Err(CliError::text(format!(
            "{}: {}",
            tr(lang, "cli.login.failed"),
            crate::app::login::error_message(&e, lang)
        ))),
    }
}

/// The centre a report is for, and the connection reading as whoever asks. With `--as`: that
/// person logged in, reading what they may see; the report is their centre's, or `asked`'s if
/// they see it (a lead names a centre below). Without: a record of one centre reads as before
/// (that centre; `asked` must name it); one of several is refused, naming how many centres it
/// holds, rather than answer for nobody.
pub(crate) fn report_centre(
    store: &mut Store,
    as_code: Option<&str>,
    asked: Option<&str>,
    lang: Lang,
    now: chrono::NaiveDateTime,
) -> Result<i64, CliError> {
    let tree = store.centre_tree()?;
    let rule = |r: crate::domain::centre::CentreRule| CliError::from(StoreError::from(r));
    match as_code {
        Some(code) => {
            let by = login_as(store, code, lang, now)?;
            store.view_as(by)?;
            let own = store.staff_centre(by.staff_id)?.id;
            tree.report_centre(by.role, own, asked).map_err(rule)
        }
        None => match tree.all() {
            [only] => tree
                .report_centre(crate::domain::role::Role::Lead, only.id, asked)
                .map_err(rule),
            all => Err(CliError::text(trf(
                lang,
                "cli.report.as_needed",
                &[("n", &all.len())],
            ))),
        },
    }
}
