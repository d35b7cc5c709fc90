//! Sending a rendered sheet to the configured printer command (default `lp`).
use std::path::Path;
use std::process::Command;

#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error("no printer command is configured")]
    NotConfigured,
    #[error("printer command `{0}` not found")]
    NotFound(String),
    #[error("printer command failed: {0}")]
    Failed(String),
    #[error("{0}")]
    Write(std::io::Error),
}

impl PrintError {
    pub fn i18n_key(&self) -> &'static str {
        match self {
            PrintError::NotConfigured => "err.report.print_none",
            PrintError::NotFound(_) => "err.report.print_missing",
            PrintError::Failed(_) => "err.report.print_failed",
            PrintError::Write(_) => "err.report.write",
        }
    }
}

/// Prints `bytes` through a private temporary file (0600, an unpredictable name, ending in
/// `suffix`), deleted once the printer command has returned (`lp` has spooled it by then).
pub fn print_bytes(command: &str, bytes: &[u8], suffix: &str) -> Result<String, PrintError> {
    let tmp = crate::fsutil::private_temp_file(suffix, bytes).map_err(PrintError::Write)?;
    print_file(command, tmp.path())
}

/// Runs the printer command (split on spaces, e.g. `lp -d desk1`) with `file` appended.
pub fn print_file(command: &str, file: &Path) -> Result<String, PrintError> {
    let mut parts = command.split_whitespace();
    let prog = parts.next().ok_or(PrintError::NotConfigured)?;
    let out = Command::new(prog)
        .args(parts)
        .arg(file)
        .output()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => PrintError::NotFound(prog.to_string()),
            _ => PrintError::Failed(e.to_string()),
        })?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    } else {
        let err = String::from_utf8_lossy(&out.stderr).trim().to_string();
        Err(PrintError::Failed(if err.is_empty() {
            out.status.to_string()
        } else {
            err
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_printer_is_a_clear_error() {
        let f = Path::new("/dev/null");
        assert!(matches!(print_file("", f), Err(PrintError::NotConfigured)));
        assert!(matches!(
            print_file("onedoor-no-such-printer-cmd -d x", f),
            Err(PrintError::NotFound(p)) if p == "onedoor-no-such-printer-cmd"
        ));
        assert!(print_file("true", f).is_ok());
        assert!(matches!(print_file("false", f), Err(PrintError::Failed(_))));
    }
}
