//! Bringing cases in from a CSV file (a paper register typed into a spreadsheet, or an older
//! system's export). Pure: bytes in, checked cases or every problem out, each problem with its
//! line, column and a translation key. The store writes the cases in one transaction
//! (`store/import.rs`); `cli/import.rs` wires the two together.
mod columns;
mod decode;
mod rows;
mod values;
pub use columns::{Field, help as columns_help};

use crate::i18n::{Lang, trf};
use chrono::NaiveDateTime;

/// Limits: text fields as on the desk's form; files and row counts so an import never
/// exhausts memory or runs for minutes.
pub mod limits {
    pub const NAME: usize = 40;
    pub const ADDRESS: usize = 120;
    pub const SUMMARY: usize = 80;
    pub const DESCRIPTION: usize = 2000;
    pub const REASON: usize = 200;
    pub const FILE_MB: usize = 64;
    pub const FILE_BYTES: usize = FILE_MB * 1024 * 1024;
    /// The import is one write transaction and desks wait at most ~30 s for the lock:
    /// 20,000 rows hold it ≈ 4 s on a small database, ≈ 13 s at 1,000,000 cases.
    pub const ROWS: usize = 20_000;
    /// Problems listed in full; the rest are counted.
    pub const REPORTED: usize = 50;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    #[default]
    Utf8,
    /// GB18030, which reads every GBK and GB2312 file.
    Gbk,
}

impl Encoding {
    pub fn from_name(s: &str) -> Option<Encoding> {
        match s
            .trim()
            .to_ascii_lowercase()
            .replace(['-', '_'], "")
            .as_str()
        {
            "utf8" => Some(Encoding::Utf8),
            "gbk" | "gb18030" | "gb2312" | "cp936" => Some(Encoding::Gbk),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub encoding: Encoding,
    /// No case may be received after this.
    pub now: NaiveDateTime,
    /// Unknown columns become warnings instead of stopping the import.
    pub ignore_unknown: bool,
}

/// Something wrong in the file, where it is and what to say about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The line where the record starts (1-based, as a text editor counts; the spreadsheet
    /// row when no cell holds a line break).
    pub line: u64,
    /// The column's header as written in the file; empty for the whole row or file.
    pub column: String,
    pub key: &'static str,
    /// Placeholder values of the message.
    pub args: Vec<(&'static str, String)>,
}

impl Problem {
    pub(crate) fn at(line: u64, key: &'static str) -> Problem {
        Problem {
            line,
            column: String::new(),
            key,
            args: vec![],
        }
    }

    pub(crate) fn arg(mut self, name: &'static str, value: impl Into<String>) -> Problem {
        self.args.push((name, value.into()));
        self
    }

    /// "Line 12, column 电话: …" in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        let args: Vec<(&str, &dyn std::fmt::Display)> = self
            .args
            .iter()
            .map(|(k, v)| (*k, v as &dyn std::fmt::Display))
            .collect();
        let message = trf(lang, self.key, &args);
        let (key, column) = if self.column.is_empty() {
            ("err.import.at_line", "")
        } else {
            ("err.import.at_cell", self.column.as_str())
        };
        trf(lang, key, &[("line", &self.line), ("column", &column)]).replace("{message}", &message)
    }
}

/// A cell's text as shown in a message: one line, at most 30 characters.
pub(crate) fn shown(s: &str) -> String {
    let out = crate::domain::text::sanitize_single_line(s.trim(), 30);
    if out.truncated {
        format!("{}…", out.text)
    } else {
        out.text
    }
}

/// A checked case and the line it came from (the store's import input).
pub use crate::store::ImportRow as Row;

#[derive(Debug, Clone)]
pub struct Parsed {
    pub rows: Vec<Row>,
    /// Columns ignored on request.
    pub warnings: Vec<Problem>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The file cannot be read as a whole (encoding, header, size); `Problem::line` says where.
    File(Problem),
    /// Some rows are wrong: nothing may be imported.
    Rows {
        /// The first `limits::REPORTED` problems in file order.
        problems: Vec<Problem>,
        /// All problems found.
        total: usize,
        bad_rows: usize,
        rows: usize,
    },
}

/// The line a record starts on. The reader's own line count starts where it began reading,
/// which is before the `\n` of a CRLF and before skipped empty lines; this skips those and
/// counts `\n` bytes incrementally (records come in order).
struct Lines<'a> {
    text: &'a [u8],
    at: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Lines {
            text: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    fn at(&mut self, byte: u64) -> u64 {
        let mut start = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while matches!(self.text.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start >= self.at {
            let newlines = self.text[self.at..start]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            self.line += newlines as u64;
            self.at = start;
        }
        self.line
    }
}

/// A quote opened at the start of a cell and never closed, in the raw text of the file's last
/// record: (its byte offset in `raw`, the cell's index). The CSV reader takes such a quote as
/// running to the end of the file, so the row would be reported as missing its later cells.
fn open_quote(raw: &[u8], delimiter: u8) -> Option<(usize, usize)> {
    let (mut cell, mut at_start, mut open) = (0, true, None);
    let mut i = 0;
    while let Some(&b) = raw.get(i) {
        i += 1;
        if open.is_some() {
            if b == b'"' {
                if raw.get(i) == Some(&b'"') {
                    i += 1; // a doubled quote inside quotes
                } else {
                    open = None;
                }
            }
        } else if b == delimiter {
            (cell, at_start) = (cell + 1, true);
        } else if b == b'\n' || b == b'\r' {
            (cell, at_start) = (0, true);
        } else if b == b'"' && at_start {
            (open, at_start) = (Some((i - 1, cell)), false);
        } else {
            at_start = false;
        }
    }
    open
}

/// Reads and checks a whole file. Blank rows are skipped; the first non-blank row is the header.
pub fn parse(bytes: &[u8], opts: &Options) -> Result<Parsed, ImportError> {
    parse_limited(bytes, opts, limits::ROWS)
}

/// `parse` with a row limit of the caller's choosing (tests reach it without 100,000 rows).
pub(crate) fn parse_limited(
    bytes: &[u8],
    opts: &Options,
    max_rows: usize,
) -> Result<Parsed, ImportError> {
    let file = |p: Problem| ImportError::File(p);
    if bytes.len() > limits::FILE_BYTES {
        return Err(file(
            Problem::at(1, "err.import.file_too_big").arg("max", limits::FILE_MB.to_string()),
        ));
    }
    let text = decode::decode(bytes, opts.encoding).map_err(file)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let delimiter = decode::delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut lines = Lines::new(text);
    let mut header: Option<columns::Columns> = None;
    let mut parsed = Parsed {
        rows: Vec::new(),
        warnings: Vec::new(),
    };
    let (mut problems, mut total, mut bad_rows, mut rows) = (Vec::new(), 0, 0, 0);
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = lines.at(e.position().map_or(0, |p| p.byte()));
                return Err(file(Problem::at(line, "err.import.csv")));
            }
        }
        let start = record.position().map_or(0, |p| p.byte()) as usize;
        if reader.position().byte() as usize >= text.len()
            && let Some((at, cell)) =
                open_quote(&text.as_bytes()[start.min(text.len())..], delimiter)
        {
            let before = &text.as_bytes()[..start + at];
            let line = before.iter().filter(|b| **b == b'\n').count() as u64 + 1;
            let mut p = Problem::at(line, "err.import.open_quote");
            if let Some(cols) = &header {
                p.column = cols.header(cell).to_string();
            }
            return Err(file(p));
        }
        let line = lines.at(start as u64);
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let Some(cols) = &header else {
            let names: Vec<String> = record.iter().map(String::from).collect();
            let (cols, warnings) = columns::map(&names, line, opts.ignore_unknown).map_err(file)?;
            parsed.warnings = warnings;
            header = Some(cols);
            continue;
        };
        rows += 1;
        if rows > max_rows {
            return Err(file(
                Problem::at(line, "err.import.too_many_rows").arg("max", max_rows.to_string()),
            ));
        }
        match rows::case(&record, cols, line, opts.now) {
            Ok(case) if bad_rows == 0 => parsed.rows.push(Row { line, case }),
            Ok(_) => {}
            Err(found) => {
                bad_rows += 1;
                total += found.len();
                let room = limits::REPORTED.saturating_sub(problems.len());
                problems.extend(found.into_iter().take(room));
                // Nothing will be imported: stop holding the good rows.
                parsed.rows = Vec::new();
            }
        }
    }
    if header.is_none() {
        return Err(file(Problem::at(1, "err.import.empty")));
    }
    if bad_rows > 0 {
        return Err(ImportError::Rows {
            problems,
            total,
            bad_rows,
            rows,
        });
    }
    if parsed.rows.is_empty() {
        return Err(file(Problem::at(1, "err.import.no_rows")));
    }
    Ok(parsed)
}

#[cfg(test)]
mod damaged_tests;
#[cfg(test)]
mod limits_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod values_tests;
