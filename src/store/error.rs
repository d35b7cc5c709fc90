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
    #[error("database error: {0}")]
    Sql(rusqlite::Error),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode::*;
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
            StoreError::Sql(_) => "err.db.other",
            StoreError::Io(_) => "err.db.io",
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
