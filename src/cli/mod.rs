//! Command-line parsing and wiring. Errors print as one translated sentence and exit non-zero.
//! One file per subcommand family; this file parses and dispatches.
// Output goes through `out::Out` (errors returned) and `out::note`: `println!` and `eprintln!`
// panic on a closed pipe or a full disk.
#![deny(clippy::print_stdout, clippy::print_stderr)]
mod agenda;
mod auth;
mod case;
mod case_show;
mod centre;
mod centre_hours;
mod demo;
mod error;
mod find;
mod followups;
mod handover;
mod import;
mod import_out;
mod logfile;
mod maintenance;
mod out;
mod report;
mod slip;
mod staff;
mod stats;
use crate::app::App;
use crate::config::Config;
use crate::domain::role::Role;
use crate::i18n::{Lang, tr, trf};
use crate::store::{NewStaff, Store};
use clap::{Args, Parser, Subcommand};
pub use error::CliError;
pub(crate) use error::other;
use out::{Out, note};
use std::path::{Path, PathBuf};

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
    /// Log detail: error, warn, info, debug or trace, or a filter such as onedoor=debug
    /// (default: info).
    #[arg(long, global = true, env = "ONEDOOR_LOG")]
    pub log_level: Option<String>,
    /// Directory of the daily log files (default: logs in the platform's data directory).
    #[arg(long, global = true, env = "ONEDOOR_LOG_DIR")]
    pub log_dir: Option<PathBuf>,
    /// Start on a fresh throwaway demo county, logged in as the county centre's lead.
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
    /// The county's centres: add, list, edit, disable, enable.
    #[command(subcommand)]
    Centre(centre::CentreCommand),
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
        /// Who is asking (staff code; PIN from ONEDOOR_PIN or a prompt): the answer is within
        /// what they may see. Needed once the record holds more than one centre.
        #[arg(long = "as")]
        as_code: Option<String>,
    },
    /// Find cases: case no. (or its tail), name or pinyin, phone/ID tail, summary words.
    Find(find::FindArgs),
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
    /// Hand-overs between centres: show, escalate (上报), accept (签收), return (退回),
    /// hand-down (交办), hand-across (转办), overrule (审定), withdraw.
    #[command(subcommand)]
    Case(case::CaseCommand),
    /// Reports upward: the monthly report (月报) of a centre and the centres below it, as
    /// txt, pdf or xlsx.
    #[command(subcommand)]
    Report(report::ReportCommand),
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
    /// Who is asking (staff code; PIN from ONEDOOR_PIN or a prompt): the answer is within
    /// what they may see. Needed once the record holds more than one centre.
    #[arg(long = "as")]
    pub as_code: Option<String>,
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
        /// The centre they work at (its code; default: the adding lead's own). A lead adds
        /// staff at their centre or one below it.
        #[arg(long)]
        centre: Option<String>,
        /// The shift lead doing this (asked for their PIN).
        #[arg(long = "as")]
        as_code: String,
    },
    /// List staff.
    List,
    /// Disable an account (a shift lead's command; not one's own).
    Disable {
        code: String,
        #[arg(long = "as")]
        as_code: String,
    },
    /// Enable a disabled account again (a shift lead's command).
    Enable {
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
    /// One centre only, as a database from before centres (default: a county of ten).
    #[arg(long)]
    pub one_centre: bool,
}

/// The PIN of every demo account.
pub const DEMO_PIN: &str = "1234";

pub fn main() -> std::process::ExitCode {
    crate::logging::log_panics();
    let cli = Cli::parse();
    let lang_guess = cli
        .lang
        .as_deref()
        .and_then(Lang::from_tag)
        .unwrap_or_else(Lang::from_env);
    match run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        // The reader stopped early (`| head -1`): what it wanted was printed. Quiet and 0, as
        // ripgrep and fd do, so `set -o pipefail` scripts do not fail on it.
        Err(e) if e.is_closed_pipe() => std::process::ExitCode::SUCCESS,
        Err(e) => {
            tracing::warn!(reason = e.log_key(), "command failed");
            note(format_args!(
                "onedoor: {}: {}",
                tr(lang_guess, "cli.error"),
                e.message(lang_guess)
            ));
            std::process::ExitCode::FAILURE
        }
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
    logfile::start(&cli, lang)?;
    let now = crate::tui::now();
    let command = match cli.command {
        None if cli.demo => return demo::run_tui(config, lang),
        None => {
            if Store::needs_upgrade(&db) {
                note(trf(lang, "cli.upgrading", &[("path", &db.display())]));
            }
            let store = Store::open(&db)?;
            let mut app = App::new(store, config, lang, now);
            return crate::tui::run(&mut app).map_err(|e| other("err.db.io", e));
        }
        Some(c) => c,
    };
    let mut out = Out::stdout();
    run_command(command, &mut out, &db, &config, lang, now)?;
    out.flush()
}

/// A command that prints through `out`.
fn run_command(
    command: Command,
    out: &mut Out,
    db: &Path,
    config: &Config,
    lang: Lang,
    now: chrono::NaiveDateTime,
) -> Result<(), CliError> {
    match command {
        Command::Init(a) => {
            staff::check_names(&a.code, &a.name)?;
            let pin = staff::read_new_pin(&a.code, Role::Lead, lang)?;
            let mut store = Store::create(db)?;
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
                centre_id: None,
            };
            let id = store.add_staff(None, &lead, now)?;
            if let Some(c) = &a.centre {
                // The first centre takes the name too (`centre list`, the tree).
                let by = crate::store::Actor {
                    staff_id: id,
                    role: Role::Lead,
                };
                let code = store.staff_centre(id)?.code;
                let name = crate::store::centres::CentreEdit {
                    name: Some(c.clone()),
                    ..Default::default()
                };
                store.edit_centre(by, &code, &name, now)?;
            }
            out.line(trf(
                lang,
                "cli.init.done",
                &[("path", &db.display()), ("code", &a.code)],
            ))
        }
        Command::Staff(cmd) => staff::run(cmd, out, db, lang, now),
        Command::Centre(cmd) => centre::run(cmd, out, db, config, lang, now),
        Command::Followups(a) => followups::run(a, out, db, lang, now),
        Command::Agenda(a) => agenda::run(a, out, db, config, lang, now),
        Command::Demo(a) => demo::make(out, db, &a, lang, now),
        Command::Handover(a) => handover::run(a, out, db, config, lang, now),
        Command::Stats(a) => stats::run(a, out, db, config, lang, now),
        // Prints for itself (src/cli/import.rs).
        Command::Import(a) => import::run(a, db, config, lang, now),
        Command::Case(cmd) => case::run(cmd, out, db, config, lang, now),
        Command::Report(cmd) => report::run(cmd, out, db, config, lang, now),
        Command::Slip { case_no, as_code } => {
            slip::run(out, db, &case_no, as_code.as_deref(), config, lang, now)
        }
        Command::Find(a) => find::run(out, &a, db, lang, now),
        Command::Backup { file } => maintenance::backup(out, db, &file, lang),
        Command::Purge {
            closed_before,
            dry_run,
            as_code,
        } => maintenance::purge(out, db, &closed_before, dry_run, &as_code, lang, now),
        Command::Check => {
            let store = Store::open(db)?;
            let problems = store.integrity_check()?;
            if problems == ["ok"] {
                out.line(trf(
                    lang,
                    "cli.check.ok",
                    &[
                        ("path", &db.display()),
                        ("cases", &store.case_count()?),
                        ("schema", &store.schema_version()?),
                    ],
                ))
            } else {
                Err(other("err.db.corrupt", problems.join("; ")))
            }
        }
    }
}
