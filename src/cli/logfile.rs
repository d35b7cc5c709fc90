//! Starting the log file for a command (see `crate::logging`).
use super::{Cli, CliError, Command};
use crate::i18n::{Lang, trf};

/// Opens the log file (a bad level stops here, before anything is written); a log that cannot
/// be opened is said once on stderr and onedoor goes on without it.
pub(super) fn start(cli: &Cli, lang: Lang) -> Result<(), CliError> {
    let filter = crate::logging::filter(cli.log_level.as_deref())
        .map_err(|bad| CliError::text(trf(lang, "err.log.level", &[("value", &bad)])))?;
    match crate::logging::start(cli.log_dir.as_deref(), filter) {
        Ok(_) => {
            let command = cli.command.as_ref().map_or("tui", Command::name);
            tracing::info!(
                version = env!("CARGO_PKG_VERSION"),
                command,
                demo = cli.demo,
                "onedoor starting"
            );
            tracing::debug!(lang = lang.tag(), "settings");
        }
        Err(reason) => super::out::note(trf(lang, "cli.log.unavailable", &[("reason", &reason)])),
    }
    Ok(())
}

impl Command {
    /// The subcommand's name, for the log (its arguments may hold names and numbers).
    fn name(&self) -> &'static str {
        match self {
            Command::Init(_) => "init",
            Command::Staff(_) => "staff",
            Command::Centre(_) => "centre",
            Command::Demo(_) => "demo",
            Command::Check => "check",
            Command::Followups(_) => "followups",
            Command::Handover(_) => "handover",
            Command::Stats(_) => "stats",
            Command::Slip { .. } => "slip",
            Command::Find(_) => "find",
            Command::Backup { .. } => "backup",
            Command::Purge { .. } => "purge",
            Command::Agenda(_) => "agenda",
            Command::Import(_) => "import",
            Command::Case(_) => "case",
            Command::Report(_) => "report",
        }
    }
}
