//! `onedoor centre add | list | edit | day | disable | enable`: the county's tree of centres.
//! Adding, editing (hours too), disabling and enabling are a county lead's commands (the store
//! refuses anyone else); `day` marks days off and extra working days (centre_hours.rs); the
//! list shows the tree with each centre's staff, within the asker's view open cases, and each
//! centre's own hours and days where any differ.
use super::auth::{login_as, viewer};
use super::centre_hours::{self, HoursFlags};
use super::{CliError, Out};
use crate::config::Config;
use crate::domain::centre::{self, Centre, CentreRule};
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
    /// Change a centre's name, address, phone or working hours (a county lead's command; the
    /// code, level and parent stay: case numbers carry the code).
    Edit {
        code: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        address: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        /// Its own opening time, e.g. 08:00 (the other parts keep its present hours, else the
        /// config's [hours]).
        #[arg(long)]
        start: Option<String>,
        /// Its own closing time, e.g. 17:30.
        #[arg(long)]
        end: Option<String>,
        /// Its own working days, 1 = Monday: 1-5, 1-6, 1,3,5.
        #[arg(long)]
        days: Option<String>,
        /// Back to the record's working hours (the config's [hours]).
        #[arg(long, conflicts_with_all = ["start", "end", "days"])]
        default_hours: bool,
        #[arg(long = "as")]
        as_code: String,
    },
    /// Mark a day off (a public holiday, a centre's own closure) or, with --open, an extra
    /// working day; for every centre, or with --centre for one. --clear removes the mark.
    /// County-wide days are a county lead's; a centre's, a lead's of it or a centre above it.
    Day {
        /// The day: 2026-12-05.
        date: String,
        /// The centre whose day it is (none: every centre).
        #[arg(long)]
        centre: Option<String>,
        /// An extra working day rather than a day off.
        #[arg(long)]
        open: bool,
        /// Remove the mark of that day (for that centre, or the county-wide one).
        #[arg(long, conflicts_with_all = ["open", "name"])]
        clear: bool,
        /// What the day is: 元旦, 赶集, …
        #[arg(long, default_value = "")]
        name: String,
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
    config: &Config,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<(), CliError> {
    let mut store = Store::open(db)?;
    // A centre without hours of its own works the config's.
    store.set_work_time(config.hours.work_time());
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
            for line in list(&store, lang, now)? {
                out.line(line)?;
            }
            Ok(())
        }
        CentreCommand::Edit {
            code,
            name,
            address,
            phone,
            start,
            end,
            days,
            default_hours,
            as_code,
        } => {
            let hours = HoursFlags {
                start,
                end,
                days,
                default_hours,
            };
            let details = name.is_some() || address.is_some() || phone.is_some();
            if !details && !hours.given() {
                return Err(CliError::keyed("cli.centre.nothing", Vec::new()));
            }
            // Bad hours are refused before any PIN is asked, and change nothing.
            let work = hours
                .given()
                .then(|| hours.resolve(&store, &code))
                .transpose()?;
            let by = login_as(&mut store, &as_code, lang, now)?;
            if details {
                let edit = CentreEdit {
                    name,
                    address,
                    phone,
                };
                store.edit_centre(by, &code, &edit, now).map_err(managing)?;
            }
            if let Some(w) = work {
                store
                    .set_centre_hours(by, &code, w.as_ref(), now)
                    .map_err(managing)?;
            }
            out.line(trf(lang, "cli.centre.edited", &[("code", &code.trim())]))
        }
        CentreCommand::Day {
            date,
            centre,
            open,
            clear,
            name,
            as_code,
        } => centre_hours::day(
            &mut store,
            out,
            &date,
            centre.as_deref(),
            open,
            clear,
            &name,
            &as_code,
            lang,
            now,
        ),
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

/// The tree, each centre under its parent and indented by its depth, with aligned columns; a
/// last column of each centre's own hours and days once any centre has them.
fn list(store: &Store, lang: Lang, now: NaiveDateTime) -> Result<Vec<String>, CliError> {
    let tree = store.centre_tree()?;
    let counts = store.centre_counts()?;
    let order = tree.depth_first();
    let centres: Vec<&Centre> = order.iter().map(|(_, c)| *c).collect();
    let own = centre_hours::own_column(store, &centres, lang, now.date())?;
    let mut rows: Vec<Vec<String>> = order
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
            .to_vec()
        })
        .collect();
    let mut keys = vec![
        "cli.centre.col.code",
        "cli.centre.col.level",
        "cli.centre.col.name",
        "cli.centre.col.state",
        "cli.centre.col.staff",
        "cli.centre.col.open",
    ];
    if let Some(own) = own {
        keys.push("cli.centre.col.own");
        for (r, cell) in rows.iter_mut().zip(own) {
            r.push(cell);
        }
    }
    let head: Vec<String> = keys.iter().map(|k| tr(lang, k).to_string()).collect();
    let mut widths = vec![0usize; head.len()];
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
            let cells: Vec<String> = r.iter().zip(&widths).map(|(c, w)| pad(c, *w)).collect();
            cells.join("  ").trim_end().to_string()
        })
        .collect())
}
