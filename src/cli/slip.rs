//! `onedoor slip CASE-NO`: the visitor's intake slip on standard output (pipe it to a printer).
use super::{CliError, Out};
use crate::config::Config;
use crate::i18n::Lang;
use crate::report::slip::slip_text;
use crate::report::slip_centre;
use crate::store::Store;
use std::path::Path;

pub(crate) fn run(
    out: &mut Out,
    db: &Path,
    case_no: &str,
    as_code: Option<&str>,
    config: &Config,
    lang: Lang,
    now: chrono::NaiveDateTime,
) -> Result<(), CliError> {
    let mut store = Store::open(db)?;
    super::auth::viewer(&mut store, as_code, lang, now)?;
    let data = store.slip(case_no)?;
    out.text(&slip_text(
        lang,
        &data,
        config,
        &slip_centre(&store, config, &data)?,
    ))
}
