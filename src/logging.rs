//! The log file, for whoever diagnoses a desk: daily files under the data directory, private to
//! the desk's account, never with a visitor's name, phone or ID number in them.
//!
//! What is logged is chosen where it happens (start-up in `cli`, migrations and slow statements
//! in `store`, refusals where a store error reaches the user, background failures, panics) and
//! always as keys, kinds and counts, never as typed values. A log that cannot be opened is
//! reported once and onedoor runs without it.
use std::path::{Path, PathBuf};
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::time::{ChronoLocal, FormatTime};

/// Log files kept: two weeks of daily files.
pub const KEEP_FILES: usize = 14;
const PREFIX: &str = "onedoor";
const SUFFIX: &str = "log";
const LEVELS: [&str; 5] = ["error", "warn", "info", "debug", "trace"];

/// `logs` beside the default database, in the platform's data directory.
pub fn default_dir() -> Option<PathBuf> {
    crate::config::dirs().map(|d| d.data_dir().join("logs"))
}

/// The filter for `--log-level` / `ONEDOOR_LOG`: a level (onedoor's own events at that level
/// and above; default info) or a filter directive such as `onedoor=debug`. A bare word that is
/// no level is refused, not taken for a module name: `debgu` must not silently log nothing.
pub fn filter(spec: Option<&str>) -> Result<EnvFilter, String> {
    let spec = spec.map(str::trim).unwrap_or("info");
    let lower = spec.to_ascii_lowercase();
    let directive = if LEVELS.contains(&lower.as_str()) {
        format!("{}={lower}", PREFIX)
    } else if spec.contains('=') || spec.contains(',') {
        // Each part must name a known level: `onedoor=lots` is a typo, not a module name.
        let known = spec.split(',').all(|part| match part.rsplit_once('=') {
            Some((target, level)) => {
                !target.trim().is_empty()
                    && (LEVELS.contains(&level.trim().to_ascii_lowercase().as_str())
                        || level.trim().eq_ignore_ascii_case("off"))
            }
            None => LEVELS.contains(&part.trim().to_ascii_lowercase().as_str()),
        });
        if !known {
            return Err(spec.to_string());
        }
        spec.to_string()
    } else {
        return Err(spec.to_string());
    };
    EnvFilter::try_new(directive).map_err(|_| spec.to_string())
}

/// Starts logging to daily files in `dir`. On failure says why (for one warning on stderr);
/// the caller carries on without a log.
pub fn start(dir: Option<&Path>, filter: EnvFilter) -> Result<PathBuf, String> {
    let dir = dir
        .map(Path::to_path_buf)
        .or_else(default_dir)
        .ok_or_else(|| "no data directory".to_string())?;
    let appender = open(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let subscriber = tracing_subscriber::fmt()
        .with_writer(appender)
        .with_ansi(false)
        .with_timer(Stamp(ChronoLocal::rfc_3339()))
        .with_thread_names(true)
        .with_env_filter(filter)
        .finish();
    tracing::subscriber::set_global_default(subscriber).map_err(|e| e.to_string())?;
    Ok(dir)
}

/// The directory made private (0700: files inside are unreachable by other accounts whatever
/// their own mode), today's file created 0600 before the appender appends to it, and older
/// files set 0600 too. The appender creates the files it rolls over to later with the
/// process's umask, but inside the private directory; the next start tightens them.
fn open(dir: &Path) -> std::io::Result<RollingFileAppender> {
    crate::fsutil::create_private_dir_all(dir)?;
    private(dir, true)?;
    for e in std::fs::read_dir(dir)?.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(PREFIX) && name.ends_with(SUFFIX) && e.path().is_file() {
            let _ = private(&e.path(), false);
        }
    }
    // The appender names files by the UTC date: so does this.
    let today = dir.join(format!(
        "{PREFIX}.{}.{SUFFIX}",
        chrono::Utc::now().format("%Y-%m-%d")
    ));
    if !today.exists() {
        match crate::fsutil::create_private_file(&today) {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix(PREFIX)
        .filename_suffix(SUFFIX)
        .max_log_files(KEEP_FILES)
        .build(dir)
        .map_err(std::io::Error::other)
}

#[cfg(unix)]
fn private(path: &Path, is_dir: bool) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = if is_dir { 0o700 } else { 0o600 };
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn private(_: &Path, _: bool) -> std::io::Result<()> {
    Ok(())
}

/// Local time and the process id: several desks on one host append to the same file.
struct Stamp(ChronoLocal);

impl FormatTime for Stamp {
    fn format_time(&self, w: &mut Writer<'_>) -> std::fmt::Result {
        self.0.format_time(w)?;
        write!(w, " [{}]", std::process::id())
    }
}

/// Logs every panic (its message scrubbed, and where it happened) before the hook that was in
/// place runs: the TUI's hook, installed later, restores the terminal first and then calls
/// this one.
pub fn log_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("(no message)");
        let at = info
            .location()
            .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
            .unwrap_or_default();
        tracing::error!(at, message = %scrub(message), "panic");
        previous(info);
    }));
}

/// A panic message fit for the log. Panics quote the data they choke on (a string sliced at
/// the wrong byte, an `Err` value's `Debug`), which may be a name or a number someone typed:
/// anything quoted is dropped, characters outside ASCII become `?` and runs of five or more
/// digits `#`. What is left names the kind of failure; the location says where.
pub fn scrub(message: &str) -> String {
    const MAX: usize = 200;
    let mut out = String::new();
    let mut quote: Option<char> = None;
    let mut digits = String::new();
    let flush = |out: &mut String, digits: &mut String| {
        if digits.len() >= 5 {
            out.push('#');
        } else {
            out.push_str(digits);
        }
        digits.clear();
    };
    for c in message.chars() {
        if let Some(q) = quote {
            if c == q {
                out.push('…');
                out.push(q);
                quote = None;
            }
            continue;
        }
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        flush(&mut out, &mut digits);
        match c {
            '`' | '"' | '\'' => {
                out.push(c);
                quote = Some(c);
            }
            c if c.is_ascii() && !c.is_ascii_control() => out.push(c),
            _ if out.ends_with('?') => {}
            _ => out.push('?'),
        }
        if out.len() >= MAX {
            out.push('…');
            return out;
        }
    }
    flush(&mut out, &mut digits);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_and_directives_are_taken_typos_refused() {
        for ok in [
            None,
            Some("error"),
            Some("warn"),
            Some("info"),
            Some("debug"),
            Some("trace"),
            Some(" DEBUG "),
            Some("onedoor=debug"),
            Some("onedoor::store=trace,onedoor=warn"),
            Some("warn,onedoor=off"),
        ] {
            assert!(filter(ok).is_ok(), "{ok:?}");
        }
        for bad in [
            "",
            "verbose",
            "debgu",
            "onedoor",
            "onedoor=lots",
            "=debug",
            "info,",
            "3",
        ] {
            assert_eq!(filter(Some(bad)).unwrap_err(), bad.trim(), "{bad:?}");
        }
    }

    #[test]
    fn panic_messages_lose_what_was_typed() {
        let sliced = "byte index 4 is not a char boundary; it is inside '阳' (bytes 3..6) of `欧阳娜娜 13911112222`";
        assert_eq!(
            scrub(sliced),
            "byte index 4 is not a char boundary; it is inside '…' (bytes 3..6) of `…`"
        );
        let unwrapped =
            "called `Result::unwrap()` on an `Err` value: Parse(\"520102198803150018\", 18)";
        assert_eq!(
            scrub(unwrapped),
            "called `…` on an `…` value: Parse(\"…\", 18)"
        );
        assert_eq!(
            scrub("no party 张伟 with phone 13911112222 at row 12"),
            "no party ? with phone # at row 12"
        );
        assert_eq!(
            scrub("index out of bounds: the len is 3 but the index is 7"),
            "index out of bounds: the len is 3 but the index is 7"
        );
        // An unclosed quote drops the rest rather than risk it.
        assert_eq!(scrub("can't save 欧阳娜娜"), "can'");
        assert!(scrub(&"x".repeat(1000)).chars().count() <= 201);
    }
}
