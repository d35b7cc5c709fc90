//! What can go wrong in the store, one variant per thing a user must be told differently.
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no database at {0}")]
    Missing(PathBuf),
    #[error("{} is {what}, not a onedoor database", path.display())]
    NotOnedoor {
        path: PathBuf,
        what: super::identify::NotOnedoor,
    },
    #[error("a database already exists at {0}")]
    Exists(PathBuf),
    #[error("the database is locked by another program")]
    Locked,
    #[error("the database is damaged: {0}")]
    Corrupt(String),
    #[error(
        "the database was made by a newer onedoor (schema {found}, this one knows {supported})"
    )]
    NewerVersion { found: i64, supported: i64 },
    #[error("not allowed for this role")]
    Forbidden,
    /// A big file's integrity check is still running: writes wait for it (check_gate.rs).
    #[error("the database is being checked")]
    Checking,
    /// A rule of cases refused the change (domain::case_rule).
    #[error("{0}")]
    Case(crate::domain::case_rule::CaseRule),
    #[error("not found")]
    NotFound,
    /// A stored code onedoor does not know (convert.rs): bad data, shown, never defaulted.
    #[error("{0}")]
    UnknownCode(super::convert::UnknownCode),
    #[error("database error: {0}")]
    Sql(rusqlite::Error),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
    /// A calendar change the booking rules refuse (domain::booking).
    #[error("{0}")]
    Booking(crate::domain::booking::BookingRule),
    /// A follow-up change the rules refuse (domain::followup_rule).
    #[error("{0}")]
    Followup(crate::domain::followup_rule::FollowupRule),
    /// A staff account or PIN the rules refuse (domain::staff).
    #[error("{0}")]
    Staff(crate::domain::staff::StaffRule),
    /// An import the rules refuse as a whole (domain::import_rule).
    #[error("{0}")]
    Import(crate::domain::import_rule::ImportRule),
    /// A centre the tree's rules refuse (domain::centre).
    #[error("{0}")]
    Centre(crate::domain::centre::CentreRule),
    /// A hand-over between centres the rules refuse (domain::transfer).
    #[error("{0}")]
    Transfer(crate::domain::transfer::TransferRule),
    /// The app's background worker stopped before answering.
    #[error("the background worker stopped")]
    Worker,
    /// Code not yet written for this engine (PostgreSQL, while the engine is being built).
    #[error("not available on this database engine yet")]
    NotOnThisEngine,
    /// The connection to the database server was lost (or the server is shutting down).
    #[error("the connection to the database server was lost")]
    Disconnected,
    /// Another desk's transaction raced this one (PostgreSQL's serialization failure): the
    /// write transaction runs again (db/pg.rs); never shown unless it keeps happening.
    #[error("the database was changed by another desk at the same moment")]
    Conflict,
    /// Any other refusal of the database server, with its SQLSTATE.
    #[error("database server error {state}: {message}")]
    Server { state: String, message: String },
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode::*;
        if let Some(u) = super::convert::unknown_code(&e) {
            return StoreError::UnknownCode(u.clone());
        }
        match e.sqlite_error_code() {
            Some(DatabaseBusy | DatabaseLocked) => StoreError::Locked,
            Some(DatabaseCorrupt | NotADatabase) => StoreError::Corrupt(e.to_string()),
            _ if matches!(e, rusqlite::Error::QueryReturnedNoRows) => StoreError::NotFound,
            _ => StoreError::Sql(e),
        }
    }
}

impl StoreError {
    /// Translation key of the message shown to the user.
    pub fn i18n_key(&self) -> &'static str {
        match self {
            StoreError::Missing(_) => "err.db.missing",
            StoreError::Exists(_) => "err.db.exists",
            StoreError::NotOnedoor { what, .. } => what.i18n_key(),
            StoreError::Locked => "err.db.locked",
            StoreError::Corrupt(_) => "err.db.corrupt",
            StoreError::NewerVersion { .. } => "err.db.newer",
            StoreError::Forbidden => "err.forbidden",
            StoreError::Checking => "err.db.checking",
            StoreError::Case(r) => r.i18n_key(),
            StoreError::NotFound => "err.not_found",
            StoreError::UnknownCode(_) => "err.db.unknown_code",
            StoreError::Sql(_) => "err.db.other",
            StoreError::Io(_) => "err.db.io",
            StoreError::Booking(rule) => rule.i18n_key(),
            StoreError::Followup(rule) => rule.i18n_key(),
            StoreError::Staff(rule) => rule.i18n_key(),
            StoreError::Import(rule) => rule.i18n_key(),
            StoreError::Centre(rule) => rule.i18n_key(),
            StoreError::Transfer(rule) => rule.i18n_key(),
            StoreError::Worker => "err.db.worker",
            StoreError::NotOnThisEngine => "err.db.engine",
            StoreError::Disconnected => "err.db.disconnected",
            StoreError::Conflict => "err.db.locked",
            StoreError::Server { .. } => "err.db.other",
        }
    }
}

impl From<crate::domain::case_rule::CaseRule> for StoreError {
    fn from(r: crate::domain::case_rule::CaseRule) -> Self {
        StoreError::Case(r)
    }
}

impl StoreError {
    /// The values its message names, for `i18n::trf` with `i18n_key`.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            StoreError::Case(r) => r.args(),
            StoreError::Booking(r) => r.args(),
            StoreError::Transfer(r) => r.args(),
            _ => Vec::new(),
        }
    }

    /// The message shown to the user, in `lang`: the one place a store error becomes text.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        let args = self.args();
        let args: Vec<(&str, &dyn std::fmt::Display)> = args
            .iter()
            .map(|(k, v)| (*k, v as &dyn std::fmt::Display))
            .collect();
        crate::i18n::trf(lang, self.i18n_key(), &args)
    }

    /// The same error once more, for a failure told to several callers (the background
    /// worker's connection): the same kind with the same data; an engine error keeps its code
    /// and text, a file error its kind and text.
    pub fn again(&self) -> StoreError {
        use StoreError::*;
        match self {
            Missing(p) => Missing(p.clone()),
            NotOnedoor { path, what } => NotOnedoor {
                path: path.clone(),
                what: *what,
            },
            Exists(p) => Exists(p.clone()),
            Locked => Locked,
            Corrupt(s) => Corrupt(s.clone()),
            NewerVersion { found, supported } => NewerVersion {
                found: *found,
                supported: *supported,
            },
            Forbidden => Forbidden,
            Checking => Checking,
            Case(r) => Case(r.clone()),
            Booking(r) => Booking(r.clone()),
            Followup(r) => Followup(r.clone()),
            Staff(r) => Staff(*r),
            Import(r) => Import(*r),
            Centre(r) => Centre(r.clone()),
            Transfer(r) => Transfer(r.clone()),
            NotFound => NotFound,
            UnknownCode(u) => UnknownCode(u.clone()),
            Sql(e) => {
                let code = e
                    .sqlite_error()
                    .copied()
                    .unwrap_or_else(|| rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_ERROR));
                Sql(rusqlite::Error::SqliteFailure(code, Some(e.to_string())))
            }
            Io(e) => Io(std::io::Error::new(e.kind(), e.to_string())),
            Worker => Worker,
            NotOnThisEngine => NotOnThisEngine,
            Disconnected => Disconnected,
            Conflict => Conflict,
            Server { state, message } => Server {
                state: state.clone(),
                message: message.clone(),
            },
        }
    }

    /// Logs this error (`log`) and gives its translation key.
    pub fn logged(&self) -> &'static str {
        self.log();
        self.i18n_key()
    }

    /// Writes this error to the log as it reaches the user: its translation key and, for a
    /// failure, the engine's error code or the IO kind, never the values involved.
    pub fn log(&self) {
        let reason = self.i18n_key();
        match self {
            StoreError::Sql(e) => {
                let code = match e {
                    rusqlite::Error::SqliteFailure(f, _) => {
                        format!("{:?} ({})", f.code, f.extended_code)
                    }
                    // The variant's name only: its fields may hold a value.
                    other => leading_name(&format!("{other:?}")),
                };
                tracing::error!(reason, code, "database error")
            }
            StoreError::Io(e) => tracing::error!(reason, kind = ?e.kind(), "file error"),
            // The SQLSTATE only: the server's message may quote a value.
            StoreError::Server { state, .. } => tracing::error!(reason, state, "server error"),
            StoreError::Corrupt(_) => tracing::error!(reason, "database damaged"),
            // Which column, never the value (it may be anything written into that column).
            StoreError::UnknownCode(u) => {
                tracing::error!(reason, table = u.table, column = %u.column, "unknown code")
            }
            _ => tracing::warn!(reason, "refused"),
        }
    }
}

/// `Name` of a `Name(fields…)` or `Name { fields… }` debug text.
fn leading_name(debug: &str) -> String {
    debug
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failures_log_code_names_the_kind_only() {
        let e =
            rusqlite::Error::InvalidColumnType(0, "欧阳娜娜".into(), rusqlite::types::Type::Text);
        assert_eq!(leading_name(&format!("{e:?}")), "InvalidColumnType");
    }
}
