//! Mainland China phone numbers: mobiles and landlines with an area code.
//!
//! Carrier prefixes change every few years, so mobiles are only checked for
//! the shape `1[3-9]` + 9 digits. Area codes starting with 01/02 have two
//! digits after the 0 (010, 020-029); all others have three, which makes a
//! landline typed without a separator unambiguous.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhoneKind {
    Mobile,
    Landline,
}

/// A valid phone number in normalised form: 11 digits for a mobile,
/// `AREA-NUMBER` (e.g. `0571-8765432`) for a landline.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Phone {
    text: String,
    kind: PhoneKind,
}

impl Phone {
    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn kind(&self) -> PhoneKind {
        self.kind
    }

    /// Area code with its leading 0 (`"0571"`), for landlines only.
    pub fn area_code(&self) -> Option<&str> {
        match self.kind {
            PhoneKind::Mobile => None,
            PhoneKind::Landline => self.text.split('-').next(),
        }
    }

    /// Last four digits, used to confirm a caller's identity by voice.
    pub fn tail4(&self) -> &str {
        // Normalised text is ASCII and at least 9 bytes long.
        &self.text[self.text.len() - 4..]
    }
}

// Keep full numbers out of logs and panic messages.
impl fmt::Debug for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Phone")
            .field(&crate::domain::mask::mask_phone(&self.text))
            .finish()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("phone number is empty")]
    Empty,
    #[error("phone number may only contain digits")]
    Characters,
    #[error("phone number has the wrong number of digits")]
    Length,
    #[error("phone number does not start like a mobile or landline number")]
    Prefix,
    #[error("landline area code is not valid")]
    AreaCode,
}

impl PhoneError {
    pub fn i18n_key(&self) -> &'static str {
        match self {
            PhoneError::Empty => "err.phone.empty",
            PhoneError::Characters => "err.phone.characters",
            PhoneError::Length => "err.phone.length",
            PhoneError::Prefix => "err.phone.prefix",
            PhoneError::AreaCode => "err.phone.area_code",
        }
    }
}

/// Separators people type or paste: spaces (incl. the IME's full-width
/// space), hyphens and dashes, and parentheses around an area code.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{3000}' | '\t' | '-' | '－' | '‐' | '–' | '—' | '(' | ')' | '（' | '）'
    )
}

/// Digits only (with an optional leading `+`), or the error for a bad char.
/// Stops early on absurdly long input so a paste cannot cost much.
fn digits_of(input: &str) -> Result<String, PhoneError> {
    let mut out = String::with_capacity(16);
    for c in input.chars().filter(|c| !is_separator(*c)) {
        let c = match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '＋' => '+',
            _ => c,
        };
        if !(c.is_ascii_digit() || (c == '+' && out.is_empty())) {
            return Err(PhoneError::Characters);
        }
        if out.len() > 32 {
            return Err(PhoneError::Length);
        }
        out.push(c);
    }
    Ok(out)
}

pub fn parse_phone(input: &str) -> Result<Phone, PhoneError> {
    let raw = digits_of(input)?;
    if raw.is_empty() {
        return Err(PhoneError::Empty);
    }
    let (digits, international) = strip_country_code(&raw)?;
    match digits.as_bytes() {
        // In international form a landline drops its trunk 0: +86 10 1234 5678.
        [b'1', b'3'..=b'9', ..] => parse_mobile(digits),
        [b'1'..=b'9', ..] if international => parse_landline(&format!("0{digits}")),
        [b'1', ..] => parse_mobile(digits),
        [b'0', ..] => parse_landline(digits),
        [] => Err(PhoneError::Length),
        _ => Err(PhoneError::Prefix),
    }
}

/// Removes `+86` / `0086`, and a bare `86` in front of an 11-digit mobile
/// (how numbers are often copied from messaging apps).
/// Returns the rest and whether a country code was removed.
fn strip_country_code(raw: &str) -> Result<(&str, bool), PhoneError> {
    if let Some(rest) = raw.strip_prefix('+') {
        return rest
            .strip_prefix("86")
            .map(|r| (r, true))
            .ok_or(PhoneError::Prefix);
    }
    if let Some(rest) = raw.strip_prefix("0086") {
        return Ok((rest, true));
    }
    if raw.len() == 13
        && let Some(rest) = raw.strip_prefix("86")
        && rest.starts_with('1')
    {
        return Ok((rest, true));
    }
    Ok((raw, false))
}

fn parse_mobile(d: &str) -> Result<Phone, PhoneError> {
    if d.len() != 11 {
        return Err(PhoneError::Length);
    }
    if !matches!(d.as_bytes()[1], b'3'..=b'9') {
        return Err(PhoneError::Prefix);
    }
    Ok(Phone {
        text: d.to_owned(),
        kind: PhoneKind::Mobile,
    })
}

fn parse_landline(d: &str) -> Result<Phone, PhoneError> {
    if d.len() < 3 {
        return Err(PhoneError::Length);
    }
    let area_len = match d.as_bytes()[1] {
        b'1' | b'2' => 3,
        b'3'..=b'9' => 4,
        _ => return Err(PhoneError::AreaCode), // "00…" is an international prefix
    };
    let area = &d[..area_len.min(d.len())];
    if area_len == 3 && area.starts_with("01") && area != "010" {
        return Err(PhoneError::AreaCode);
    }
    let number = d.get(area_len..).unwrap_or("");
    if !(7..=8).contains(&number.len()) {
        return Err(PhoneError::Length);
    }
    // A local number never starts with the trunk 0; this catches "0571-0…"
    // typos. A leading 1 is rare but accepted (010-12345678 is a common sample).
    if number.starts_with('0') {
        return Err(PhoneError::Prefix);
    }
    Ok(Phone {
        text: format!("{area}-{number}"),
        kind: PhoneKind::Landline,
    })
}

#[cfg(test)]
#[path = "phone_tests.rs"]
mod tests;
