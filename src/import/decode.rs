//! Bytes to text: UTF-8 with or without a BOM, UTF-16 with a BOM, or GB18030 (a superset of the
//! GBK that Chinese Excel writes) when asked. Never guesses silently and never yields garbage:
//! a byte sequence that is not valid in the chosen encoding stops the import, naming the line.
use super::{Encoding, Problem};
use encoding_rs::{DecoderResult, GB18030, UTF_16BE, UTF_16LE};

/// The line (1-based, counted by `\n` as the CSV reader does) where `text` ends.
fn line_after(text: &str) -> u64 {
    text.bytes().filter(|b| *b == b'\n').count() as u64 + 1
}

/// Decodes all of `bytes` or reports the line of the first malformed sequence.
fn strict(enc: &'static encoding_rs::Encoding, bytes: &[u8]) -> Result<String, u64> {
    let mut dec = enc.new_decoder_without_bom_handling();
    let cap = dec
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len());
    let mut out = String::with_capacity(cap);
    let mut src = bytes;
    loop {
        let (res, read) = dec.decode_to_string_without_replacement(src, &mut out, true);
        src = &src[read..];
        match res {
            DecoderResult::InputEmpty => return Ok(out),
            DecoderResult::OutputFull => out.reserve(src.len().saturating_mul(3) + 16),
            DecoderResult::Malformed(..) => return Err(line_after(&out)),
        }
    }
}

/// A spreadsheet saved as a workbook instead of CSV is the commonest wrong file.
fn workbook(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"PK\x03\x04") {
        Some("err.import.xlsx")
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Some("err.import.xls")
    } else {
        None
    }
}

pub fn decode(bytes: &[u8], enc: Encoding) -> Result<String, Problem> {
    if let Some(key) = workbook(bytes) {
        return Err(Problem::at(1, key));
    }
    // UTF-32's marks begin like UTF-16's (FF FE): told apart first, and refused by name.
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(Problem::at(1, "err.import.utf32"));
    }
    // A byte-order mark says what the file is, whatever the option asked.
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(no_nul_header(rest)?);
    }
    for (bom, utf16) in [(b"\xFF\xFE", UTF_16LE), (b"\xFE\xFF", UTF_16BE)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let text =
                strict(utf16, rest).map_err(|line| Problem::at(line, "err.import.bad_utf16"))?;
            no_nul_header(text.as_bytes())?;
            return Ok(text);
        }
    }
    let bytes = no_nul_header(bytes)?;
    match enc {
        Encoding::Utf8 => utf8(bytes),
        Encoding::Gbk => {
            // Chinese text that is valid UTF-8 is almost never GBK: decoding it as GBK would
            // store garbage, so the option is refused rather than obeyed.
            if !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() {
                return Err(Problem::at(1, "err.import.looks_utf8"));
            }
            strict(GB18030, bytes).map_err(|line| Problem::at(line, "err.import.bad_gbk"))
        }
    }
}

/// NUL bytes in the header row: not text in the encoding read (UTF-16 or UTF-32 without a
/// byte-order mark), or a file whose blocks a crash left zeroed. Said as such, not as "unknown
/// columns" or "not UTF-8". NULs further down are named cell by cell (`rows.rs`).
fn no_nul_header(bytes: &[u8]) -> Result<&[u8], Problem> {
    let header = bytes
        .split(|b| *b == b'\n')
        .enumerate()
        .find(|(_, l)| !l.iter().all(|b| matches!(b, b'\r' | b' ' | b'\t')));
    match header {
        Some((i, l)) if l.contains(&0) => Err(Problem::at(i as u64 + 1, "err.import.nul_bytes")),
        _ => Ok(bytes),
    }
}

fn utf8(bytes: &[u8]) -> Result<String, Problem> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|b| **b == b'\n').count() as u64 + 1;
            Err(Problem::at(line, "err.import.bad_utf8"))
        }
    }
}

/// Comma, or a tab when the header has tabs and no commas (Excel's "Unicode text" export).
pub fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    if first.contains('\t') && !first.contains(',') {
        b'\t'
    } else {
        b','
    }
}
