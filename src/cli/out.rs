//! Standard output of every command: one locked, buffered writer whose errors are returned,
//! never panicked on as `println!` does on a closed pipe or a full disk. [`CliError::output`]
//! tells a reader that went away (`onedoor find 张 | head -1`) from a real failure, and
//! `cli::main` ends the former quietly.
use super::CliError;
use std::fmt::Display;
use std::io::{BufWriter, StdoutLock, Write};

pub(crate) struct Out {
    w: BufWriter<StdoutLock<'static>>,
}

impl Out {
    pub(crate) fn stdout() -> Out {
        Out {
            w: BufWriter::new(std::io::stdout().lock()),
        }
    }

    /// `s` and a line break.
    pub(crate) fn line(&mut self, s: impl Display) -> Result<(), CliError> {
        writeln!(self.w, "{s}").map_err(CliError::output)
    }

    /// `s` as it is (it brings its own line breaks).
    pub(crate) fn text(&mut self, s: &str) -> Result<(), CliError> {
        self.bytes(s.as_bytes())
    }

    pub(crate) fn bytes(&mut self, b: &[u8]) -> Result<(), CliError> {
        self.w.write_all(b).map_err(CliError::output)
    }

    /// Whatever is still buffered: a full disk shows here for short outputs.
    pub(crate) fn flush(&mut self) -> Result<(), CliError> {
        self.w.flush().map_err(CliError::output)
    }
}

/// A line on standard error beside the output (what was written where, nothing found, the
/// error itself). A standard error that cannot be written is no reason to stop or to panic.
pub(crate) fn note(s: impl Display) {
    let _ = writeln!(std::io::stderr().lock(), "{s}");
}
