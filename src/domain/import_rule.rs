//! What the store refuses of an import as a whole (a row's own refusals are the new case's).
/// An import the rules refuse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ImportRule {
    /// A file with a header and no case: nothing to record.
    #[error("the file has no cases")]
    NoRows,
}

impl ImportRule {
    /// Translation key of the message.
    pub fn i18n_key(self) -> &'static str {
        match self {
            ImportRule::NoRows => "err.import.no_rows",
        }
    }
}
