//! Resident ID numbers (GB 11643-1999), as typed at the front desk.
//!
//! The number is 6 digits of region, 8 digits of birth date (YYYYMMDD),
//! 3 digits of sequence and an ISO 7064 MOD 11-2 check character (0-9 or X).
//! Foreigners' permanent residence ID cards issued since 2023 use the same
//! layout but start with 9, so they are accepted with the same rules.

use chrono::{Datelike, NaiveDate};
use std::fmt;

/// Weights of ISO 7064 MOD 11-2 for the first 17 digits (2^(18-i) mod 11).
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character indexed by the weighted sum modulo 11.
const CHECK_CHARS: [u8; 11] = *b"10X98765432";

/// A syntactically valid resident ID number, normalised to 18 ASCII chars.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct IdNumber {
    text: String,
    birth: NaiveDate,
}

impl IdNumber {
    /// The normalised number: 17 ASCII digits then a digit or `X`.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn birth_date(&self) -> NaiveDate {
        self.birth
    }

    /// Full years of age on `today` (the birthday itself counts; born on 29 February, the
    /// year is full on 1 March of a common year).
    pub fn age_on(&self, today: NaiveDate) -> u32 {
        let before_birthday = (today.month(), today.day()) < (self.birth.month(), self.birth.day());
        let years = today.year() - self.birth.year() - i32::from(before_birthday);
        u32::try_from(years).unwrap_or(0)
    }

    /// The six-digit administrative region code (or `9…` for foreigners).
    pub fn region_code(&self) -> &str {
        &self.text[..6]
    }
}

// Debug is what ends up in logs and panic messages: never print the full number.
impl fmt::Debug for IdNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("IdNumber")
            .field(&crate::domain::mask::mask_id(&self.text))
            .finish()
    }
}

/// Why an ID number was rejected. Each variant maps to a translated message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("ID number must have 18 characters")]
    Length,
    #[error("ID number may only contain digits and a final X")]
    Characters,
    #[error("ID number does not start with a known region code")]
    Region,
    #[error("ID number contains an impossible birth date")]
    BirthDate,
    #[error("ID number contains a birth date in the future")]
    FutureBirthDate,
    #[error("ID number check digit does not match")]
    Checksum,
}

impl IdError {
    pub fn i18n_key(&self) -> &'static str {
        match self {
            IdError::Length => "err.id.length",
            IdError::Characters => "err.id.characters",
            IdError::Region => "err.id.region",
            IdError::BirthDate => "err.id.birth_date",
            IdError::FutureBirthDate => "err.id.future_birth_date",
            IdError::Checksum => "err.id.checksum",
        }
    }
}

/// Full-width forms an IME produces, mapped to ASCII; `x` becomes `X`.
fn normalise_char(c: char) -> Option<char> {
    match c {
        ' ' | '\u{3000}' | '\t' => None,
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        'Ｘ' | 'ｘ' | 'x' => Some('X'),
        _ => Some(c),
    }
}

/// Normalised text; `None` when the input is far too long to be an ID, so a
/// pasted megabyte is rejected without copying it.
fn normalise(input: &str) -> Option<String> {
    let mut out = String::with_capacity(18);
    for (n, c) in input.trim().chars().filter_map(normalise_char).enumerate() {
        if n >= 64 {
            return None;
        }
        out.push(c);
    }
    Some(out)
}

/// Check character for the first 17 digits, or `None` unless given exactly
/// 17 ASCII digits.
pub fn check_digit(first17: &str) -> Option<char> {
    let bytes = first17.as_bytes();
    if bytes.len() != 17 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let sum: u32 = bytes
        .iter()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    Some(char::from(CHECK_CHARS[(sum % 11) as usize]))
}

fn is_known_region(prefix: &str) -> bool {
    if prefix.starts_with('9') {
        return true;
    }
    let Ok(code) = prefix.parse::<u8>() else {
        return false;
    };
    matches!(
        code,
        11..=15 | 21..=23 | 31..=37 | 41..=46 | 50..=54 | 61..=65 | 71 | 81 | 82
    )
}

fn birth_date(digits: &str, today: NaiveDate) -> Result<NaiveDate, IdError> {
    // `digits` is 8 ASCII digits, so these parses cannot fail.
    let year: i32 = digits[0..4].parse().map_err(|_| IdError::BirthDate)?;
    let month: u32 = digits[4..6].parse().map_err(|_| IdError::BirthDate)?;
    let day: u32 = digits[6..8].parse().map_err(|_| IdError::BirthDate)?;
    let date = NaiveDate::from_ymd_opt(year, month, day).ok_or(IdError::BirthDate)?;
    if date.year() < 1900 {
        return Err(IdError::BirthDate);
    }
    if date > today {
        return Err(IdError::FutureBirthDate);
    }
    Ok(date)
}

/// Validates a resident ID number as typed (spaces, full-width digits and a
/// lowercase `x` are tolerated). `today` bounds the birth date.
pub fn parse_id_number(input: &str, today: NaiveDate) -> Result<IdNumber, IdError> {
    let text = normalise(input).ok_or(IdError::Length)?;
    // Wrong characters are reported before the length: "123abc" is a typo in
    // kind, not in count, and the visitor should hear that first.
    if !text.chars().all(|c| c.is_ascii_digit() || c == 'X') {
        return Err(IdError::Characters);
    }
    if text.len() != 18 {
        return Err(IdError::Length);
    }
    if text[..17].contains('X') {
        return Err(IdError::Characters);
    }
    if !is_known_region(&text[..2]) {
        return Err(IdError::Region);
    }
    let birth = birth_date(&text[6..14], today)?;
    if check_digit(&text[..17]) != text[17..].chars().next() {
        return Err(IdError::Checksum);
    }
    Ok(IdNumber { text, birth })
}

#[cfg(test)]
#[path = "idnum_tests.rs"]
mod tests;
