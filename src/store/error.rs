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
    #[error("{0}")]
    Rule(&'static str),
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
            StoreError::Rule(key) => key,
            StoreError::NotFound => "err.not_found",
            StoreError::UnknownCode(_) => "err.db.unknown_code",
            StoreError::Sql(_) => "err.db.other",
            StoreError::Io(_) => "err.db.io",
            StoreError::Booking(rule) => rule.i18n_key(),
            StoreError::Followup(rule) => rule.i18n_key(),
            StoreError::Staff(rule) => rule.i18n_key(),
            StoreError::Import(rule) => rule.i18n_key(),
        }
    }
}

impl StoreError {
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
