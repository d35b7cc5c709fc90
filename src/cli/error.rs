//! The command line's one error type: a translated sentence for the user, a key for the log.
use crate::i18n::{Lang, tr, trf};
use crate::store::StoreError;

/// Stands in for a translation key in the error "standard output was closed by its reader",
/// which is never shown.
const CLOSED_PIPE: &str = "(closed pipe)";

/// An error for the user: a translation key plus detail for whoever reads the log.
#[derive(Debug)]
pub struct CliError {
    key: String,
    detail: String,
    /// Placeholders of the message itself, when it has them (then `detail` is not shown).
    args: Vec<(&'static str, String)>,
}

impl CliError {
    /// Standard output was closed by its reader (`| head -1`): not an error to show.
    pub(super) fn is_closed_pipe(&self) -> bool {
        self.key == CLOSED_PIPE
    }

    /// An error already put into words (with its own placeholders filled).
    pub(crate) fn text(message: String) -> CliError {
        CliError {
            key: String::new(),
            detail: message,
            args: Vec::new(),
        }
    }

    /// A sentence of the catalogue with its placeholders filled (the log gets the key).
    pub(crate) fn keyed(key: &str, args: Vec<(&'static str, String)>) -> CliError {
        CliError {
            key: key.to_string(),
            detail: String::new(),
            args,
        }
    }

    /// What the log may say of this error: its key, never the detail (it may quote input).
    pub(super) fn log_key(&self) -> &str {
        if self.key.is_empty() {
            "cli.error"
        } else {
            &self.key
        }
    }

    /// Standard output could not be written: its reader went away (EPIPE), or a real
    /// failure such as a full disk. The one place a closed pipe is recognised.
    pub(crate) fn output(e: std::io::Error) -> CliError {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            other(CLOSED_PIPE, "")
        } else {
            other("err.output", e)
        }
    }

    pub(super) fn message(&self, lang: Lang) -> String {
        if !self.args.is_empty() {
            let args: Vec<(&str, &dyn std::fmt::Display)> =
                self.args.iter().map(|(k, v)| (*k, v as _)).collect();
            trf(lang, &self.key, &args)
        } else if self.key.is_empty() {
            self.detail.clone()
        } else if self.detail.is_empty() {
            tr(lang, &self.key).to_string()
        } else {
            format!("{} ({})", tr(lang, &self.key), self.detail)
        }
    }
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        e.log();
        if let StoreError::NotOnedoor { path, what } = &e {
            let mut args = vec![("path", path.display().to_string())];
            if let crate::store::NotOnedoor::Truncated { bytes, expected } = what {
                args.push(("bytes", bytes.to_string()));
                args.push(("expected", expected.to_string()));
            }
            return CliError {
                key: e.i18n_key().to_string(),
                detail: String::new(),
                args,
            };
        }
        // A rule's refusal names what it refused (a party, a session, a date): its own words.
        let args = e.args();
        if !args.is_empty() {
            return CliError {
                key: e.i18n_key().to_string(),
                detail: String::new(),
                args,
            };
        }
        let detail = match &e {
            StoreError::Missing(p) | StoreError::Exists(p) => p.display().to_string(),
            StoreError::NewerVersion { found, supported } => format!("{found} > {supported}"),
            StoreError::Corrupt(s) => s.clone(),
            StoreError::Sql(e) => e.to_string(),
            StoreError::Io(e) => e.to_string(),
            _ => String::new(),
        };
        CliError {
            key: e.i18n_key().to_string(),
            detail,
            args: Vec::new(),
        }
    }
}

impl From<crate::config::ConfigError> for CliError {
    fn from(e: crate::config::ConfigError) -> Self {
        CliError {
            key: e.i18n_key().to_string(),
            detail: e.to_string(),
            args: Vec::new(),
        }
    }
}

pub(crate) fn other(key: &str, detail: impl ToString) -> CliError {
    CliError {
        key: key.to_string(),
        detail: detail.to_string(),
        args: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::booking::{BookingRule, ClashWith, Conflict};
    use chrono::NaiveDate;

    #[test]
    fn a_refusal_with_values_names_them_on_the_command_line() {
        let t = |h| {
            NaiveDate::from_ymd_opt(2026, 11, 24)
                .unwrap()
                .and_hms_opt(h, 0, 0)
                .unwrap()
        };
        let e = StoreError::Booking(BookingRule::Clash(Conflict {
            with: ClashWith::Mediator("龙光明".into()),
            start: t(9),
            end: t(10),
            case_no: "2026-1124-007".into(),
        }));
        for lang in [Lang::Zh, Lang::En] {
            let m = CliError::from(e.again()).message(lang);
            assert!(m.contains("龙光明") && m.contains("2026-1124-007"), "{m}");
            assert!(!m.contains('{'), "placeholders left unfilled: {m}");
        }
    }
}
