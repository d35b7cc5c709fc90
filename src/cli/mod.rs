//! Command-line parsing and wiring. Errors print as one translated sentence and exit non-zero.
//! One file per subcommand family; this file parses and dispatches.
mod agenda;
mod auth;
mod demo;
use auth::read_pin;
mod find;
mod followups;
mod handover;
mod import;
mod import_out;
mod maintenance;
mod slip;
mod staff;
mod stats;
use crate::app::App;
use crate::config::Config;
use crate::domain::role::Role;
use crate::i18n::{Lang, tr, trf};
use crate::store::{NewStaff, Store, StoreError};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "onedoor",
    version,
    about = "Front desk of a one-door mediation centre (一门式矛盾纠纷调处化解中心)"
)]
pub struct Cli {
    /// Database file (default: from the config, else the platform's data directory).
    #[arg(long, global = true, env = "ONEDOOR_DB")]
    pub db: Option<PathBuf>,
    /// Configuration file (default: the platform's config directory).
    #[arg(long, global = true, env = "ONEDOOR_CONFIG")]
    pub config: Option<PathBuf>,
    /// Interface language: zh-CN or en (default: from the config or the locale).
    #[arg(long, global = true)]
    pub lang: Option<String>,
    /// Start on a fresh throwaway demo database, logged in as the demo shift lead.
    #[arg(long)]
    pub demo: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Create a database and its first shift-lead account.
    Init(InitArgs),
    /// Manage staff accounts.
    #[command(subcommand)]
    Staff(StaffCommand),
    /// Fill a new database with realistic sample data.
    Demo(DemoArgs),
    /// Run a full integrity check of the database.
    Check,
    /// The follow-up call list (回访清单): today's and overdue by default.
    Followups(followups::FollowupsArgs),
    /// The shift handover sheet (交接班表): txt, md, html or pdf; --print sends it to the printer.
    Handover(handover::HandoverArgs),
    /// Statistics for a period: table, csv (UTF-8 with BOM) or xlsx.
    Stats(stats::StatsArgs),
    /// Print a case's intake slip for the visitor (case number, date, contact, deadline).
    Slip {
        /// The case number, e.g. 2026-1124-007.
        case_no: String,
    },
    /// Find cases: case no. (or its tail), name or pinyin, phone/ID tail, summary words.
    Find {
        query: String,
        /// At most this many matches.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// One JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Make a consistent copy of the database while desks keep working.
    Backup {
        /// The new backup file (must not exist).
        file: PathBuf,
    },
    /// Anonymise personal data of cases closed before a date (a shift lead's command).
    Purge {
        /// YYYY-MM-DD
        #[arg(long)]
        closed_before: String,
        /// Only count what would be anonymised.
        #[arg(long)]
        dry_run: bool,
        #[arg(long = "as")]
        as_code: String,
    },
    /// Print a day's mediation sessions: text for the notice board, iCalendar for phones.
    Agenda(AgendaArgs),
    /// Bring cases in from a CSV file, all or nothing (a shift lead's command).
    #[command(after_help = crate::import::columns_help())]
    Import(import::ImportArgs),
}

#[derive(Args, Debug)]
pub struct AgendaArgs {
    /// The day: 2026-11-24, 11-24 or +1 (default: today).
    #[arg(long)]
    pub date: Option<String>,
    /// Only this mediator's sessions (staff code, e.g. M001).
    #[arg(long)]
    pub mediator: Option<String>,
    /// txt (aligned table) or ics (iCalendar, RFC 5545).
    #[arg(long, default_value = "txt", value_parser = ["txt", "ics"])]
    pub format: String,
}

#[derive(Args, Debug)]
pub struct InitArgs {
    /// Staff code of the first shift lead.
    #[arg(long, default_value = "L001")]
    pub code: String,
    /// Name of the first shift lead.
    #[arg(long)]
    pub name: String,
    /// Name of the centre, shown in the status bar and on sheets.
    #[arg(long)]
    pub centre: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum StaffCommand {
    /// Add a member of staff (a shift lead's command).
    Add {
        #[arg(long)]
        code: String,
        #[arg(long)]
        name: String,
        /// desk, mediator or lead
        #[arg(long)]
        role: String,
        /// Languages spoken, comma-separated (e.g. zh,hmn).
        #[arg(long, default_value = "zh")]
        languages: String,
        /// Dispute categories, comma-separated codes (e.g. family.divorce,neighbour).
        #[arg(long, default_value = "")]
        specialties: String,
        #[arg(long)]
        team: Option<String>,
        /// The shift lead doing this (asked for their PIN).
        #[arg(long = "as")]
        as_code: String,
    },
    /// List staff.
    List,
    /// Disable an account (a shift lead's command).
    Disable {
        code: String,
        #[arg(long = "as")]
        as_code: String,
    },
}

#[derive(Args, Debug)]
pub struct DemoArgs {
    /// Number of cases to generate.
    #[arg(long, default_value_t = 2000)]
    pub cases: u32,
    /// Random seed: the same seed gives the same data.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

/// The PIN of every demo account.
pub const DEMO_PIN: &str = "1234";

pub fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let lang_guess = cli
        .lang
        .as_deref()
        .and_then(Lang::from_tag)
        .unwrap_or_else(Lang::from_env);
    match run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "onedoor: {}: {}",
                tr(lang_guess, "cli.error"),
                e.message(lang_guess)
            );
            std::process::ExitCode::FAILURE
        }
    }
}

/// An error for the user: a translation key plus detail for whoever reads the log.
#[derive(Debug)]
pub struct CliError {
    key: String,
    detail: String,
}

impl CliError {
    /// An error already put into words (with its own placeholders filled).
    pub(crate) fn text(message: String) -> CliError {
        CliError {
            key: String::new(),
            detail: message,
        }
    }

    fn message(&self, lang: Lang) -> String {
        if self.key.is_empty() {
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
        }
    }
}

impl From<crate::config::ConfigError> for CliError {
    fn from(e: crate::config::ConfigError) -> Self {
        CliError {
            key: e.i18n_key().to_string(),
            detail: e.to_string(),
        }
    }
}

pub(crate) fn other(key: &str, detail: impl ToString) -> CliError {
    CliError {
        key: key.to_string(),
        detail: detail.to_string(),
    }
}

fn run(cli: Cli) -> Result<(), CliError> {
    let config = Config::load(cli.config.as_deref())?;
    let lang = cli
        .lang
        .as_deref()
        .and_then(Lang::from_tag)
        .or_else(|| config.language.as_deref().and_then(Lang::from_tag))
        .unwrap_or_else(Lang::from_env);
    let db = cli.db.clone().unwrap_or_else(|| config.database_path());
    let now = crate::tui::now();
    match cli.command {
        None if cli.demo => demo::run_tui(config, lang),
        None => {
            if Store::needs_upgrade(&db) {
                eprintln!("{}", trf(lang, "cli.upgrading", &[("path", &db.display())]));
            }
            let store = Store::open(&db)?;
            let mut app = App::new(store, config, lang, now);
            crate::tui::run(&mut app).map_err(|e| other("err.db.io", e))
        }
        Some(Command::Init(a)) => {
            let pin = read_pin(&trf(lang, "cli.pin.new", &[("code", &a.code)]))?;
            let mut store = Store::create(&db)?;
            if let Some(c) = &a.centre {
                store.set_setting("centre_name", c)?;
            }
            let lead = NewStaff {
                code: a.code.clone(),
                name: a.name,
                role: Role::Lead,
                languages: vec!["zh".into()],
                specialties: vec![],
                team: None,
                pin,
            };
            store.add_staff(None, &lead, now)?;
            println!(
                "{}",
                trf(
                    lang,
                    "cli.init.done",
                    &[("path", &db.display()), ("code", &a.code)]
                )
            );
            Ok(())
        }
        Some(Command::Staff(cmd)) => staff::run(cmd, &db, lang, now),
        Some(Command::Followups(a)) => followups::run(a, &db, lang, now),
        Some(Command::Agenda(a)) => {
            let centre = Store::open(&db)?
                .setting("centre_name")?
                .unwrap_or_else(|| config.centre.name.clone());
            agenda::run(a, &db, lang, now, &centre)
        }
        Some(Command::Demo(a)) => demo::make(&db, &a, lang, now),
        Some(Command::Handover(a)) => handover::run(a, &db, &config, lang, now),
        Some(Command::Stats(a)) => stats::run(a, &db, &config, lang, now),
        Some(Command::Import(a)) => import::run(a, &db, &config, lang, now),
        Some(Command::Slip { case_no }) => slip::run(&db, &case_no, &config, lang),
        Some(Command::Find { query, limit, json }) => {
            find::run(&query, limit, json, &db, lang, now)
        }
        Some(Command::Backup { file }) => maintenance::backup(&db, &file, lang),
        Some(Command::Purge {
            closed_before,
            dry_run,
            as_code,
        }) => maintenance::purge(&db, &closed_before, dry_run, &as_code, lang, now),
        Some(Command::Check) => {
            let store = Store::open(&db)?;
            let problems = store.integrity_check()?;
            if problems == ["ok"] {
                println!(
                    "ok: {} ({} cases, schema {})",
                    db.display(),
                    store.case_count()?,
                    store.schema_version()?
                );
                Ok(())
            } else {
                Err(other("err.db.corrupt", problems.join("; ")))
            }
        }
    }
}
