//! `onedoor centre add | list | edit | disable | enable`: the county's tree of centres. Adding,
//! editing, disabling and enabling are a county lead's commands (the store refuses anyone else);
//! the list shows the tree with each centre's staff and, within the asker's view, open cases.
use super::auth::{login_as, viewer};
use super::{CliError, Out};
use crate::domain::centre::{self, CentreRule};
use crate::domain::ladder::Level;
use crate::domain::text::pad;
use crate::i18n::{Lang, tr, trf};
use crate::store::centres::{CentreEdit, NewCentre};
use crate::store::{Store, StoreError};
use chrono::NaiveDateTime;
use clap::Subcommand;
use std::path::Path;
use unicode_width::UnicodeWidthStr;

#[derive(Subcommand, Debug)]
pub enum CentreCommand {
    /// Add a centre under its parent (a county lead's command).
    Add {
        /// 2 to 8 capital letters or digits, e.g. DL01; the centre's case numbers carry it.
        code: String,
        #[arg(long)]
        name: String,
        /// village, township or county.
        #[arg(long, value_parser = parse_level)]
        level: Level,
        /// The parent centre's code: a township for a village, the county for a township.
        #[arg(long)]
        parent: Option<String>,
        #[arg(long, default_value = "")]
        address: String,
        #[arg(long, default_value = "")]
        phone: String,
        /// The county lead doing this (asked for their PIN).
        #[arg(long = "as")]
        as_code: String,
    },
    /// The tree of centres: level, code, name, state, staff and open cases.
    List {
        /// Who is asking (their PIN is asked): open cases are counted within what they may
        /// see. Needed once the record holds more than one centre.
        #[arg(long = "as")]
        as_code: Option<String>,
    },
    /// Change a centre's name, address or phone (a county lead's command; the code, level and
    /// parent stay: case numbers carry the code).
    Edit {
        code: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        address: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long = "as")]
        as_code: String,
    },
    /// Disable a centre: it keeps its cases and staff and is never deleted (a county lead's
    /// command; centres under it are disabled first).
    Disable {
        code: String,
        #[arg(long = "as")]
        as_code: String,
    },
    /// Enable a disabled centre again (a county lead's command).
    Enable {
        code: String,
        #[arg(long = "as")]
        as_code: String,
    },
}

pub(crate) fn run(
    cmd: CentreCommand,
    out: &mut Out,
    db: &Path,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<(), CliError> {
    let mut store = Store::open(db)?;
    match cmd {
        CentreCommand::Add {
            code,
            name,
            level,
            parent,
            address,
            phone,
            as_code,
        } => {
            let code = code.trim().to_ascii_uppercase();
            // A bad code or an empty name is refused before any PIN is asked.
            centre::check_code(&code).map_err(StoreError::Centre)?;
            if name.trim().is_empty() {
                return Err(StoreError::Centre(CentreRule::NoName).into());
            }
            let by = login_as(&mut store, &as_code, lang, now)?;
            let new = NewCentre {
                code: code.clone(),
                name,
                level,
                parent: parent.map(|p| p.trim().to_ascii_uppercase()),
                address,
                phone,
            };
            store.add_centre(by, &new, now).map_err(managing)?;
            out.line(trf(lang, "cli.centre.added", &[("code", &code)]))
        }
        CentreCommand::List { as_code } => {
            viewer(&mut store, as_code.as_deref(), lang, now)?;
            for line in list(&store, lang)? {
                out.line(line)?;
            }
            Ok(())
        }
        CentreCommand::Edit {
            code,
            name,
            address,
            phone,
            as_code,
        } => {
            if name.is_none() && address.is_none() && phone.is_none() {
                return Err(CliError::keyed("cli.centre.nothing", Vec::new()));
            }
            let by = login_as(&mut store, &as_code, lang, now)?;
            let edit = CentreEdit {
                name,
                address,
                phone,
            };
            store.edit_centre(by, &code, &edit, now).map_err(managing)?;
            out.line(trf(lang, "cli.centre.edited", &[("code", &code.trim())]))
        }
        CentreCommand::Disable { code, as_code } => {
            set_active(&mut store, out, &code, &as_code, false, lang, now)
        }
        CentreCommand::Enable { code, as_code } => {
            set_active(&mut store, out, &code, &as_code, true, lang, now)
        }
    }
}

fn parse_level(s: &str) -> Result<Level, String> {
    Level::from_code(&s.trim().to_ascii_lowercase())
        .ok_or_else(|| "village, township or county".to_string())
}

fn set_active(
    store: &mut Store,
    out: &mut Out,
    code: &str,
    as_code: &str,
    active: bool,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<(), CliError> {
    let by = login_as(store, as_code, lang, now)?;
    store
        .set_centre_active(by, code, active, now)
        .map_err(managing)?;
    let done = if active {
        "cli.centre.enabled"
    } else {
        "cli.centre.disabled"
    };
    out.line(trf(lang, done, &[("code", &code.trim())]))
}

/// The store's "not allowed" said as what it means here: centres are the county lead's.
fn managing(e: StoreError) -> CliError {
    match e {
        StoreError::Forbidden => CliError::keyed("cli.centre.forbidden", Vec::new()),
        e => e.into(),
    }
}

/// The tree, each centre under its parent and indented by its depth, with aligned columns.
fn list(store: &Store, lang: Lang) -> Result<Vec<String>, CliError> {
    let tree = store.centre_tree()?;
    let counts = store.centre_counts()?;
    let rows: Vec<[String; 6]> = tree
        .depth_first()
        .into_iter()
        .map(|(depth, c)| {
            let n = counts.get(&c.id).copied().unwrap_or_default();
            let state = if c.active {
                "cli.centre.state.active"
            } else {
                "cli.centre.state.disabled"
            };
            [
                format!("{}{}", "  ".repeat(depth), c.code),
                tr(lang, c.level.i18n_key()).to_string(),
                c.name.clone(),
                tr(lang, state).to_string(),
                n.staff.to_string(),
                n.open_cases.map_or("—".to_string(), |k| k.to_string()),
            ]
        })
        .collect();
    let head = [
        "cli.centre.col.code",
        "cli.centre.col.level",
        "cli.centre.col.name",
        "cli.centre.col.state",
        "cli.centre.col.staff",
        "cli.centre.col.open",
    ]
    .map(|k| tr(lang, k).to_string());
    let mut widths = [0usize; 6];
    for r in rows.iter().chain(std::iter::once(&head)) {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.width());
        }
    }
    // A long name is cut rather than push the counts off the line.
    widths[2] = widths[2].min(40);
    Ok(std::iter::once(&head)
        .chain(&rows)
        .map(|r| {
            let cells: Vec<String> = r.iter().zip(widths).map(|(c, w)| pad(c, w)).collect();
            cells.join("  ").trim_end().to_string()
        })
        .collect())
}
