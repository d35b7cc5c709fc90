//! One cell to one value: dates, money, head counts, colours, channels, categories and text,
//! written the ways a Chinese register or spreadsheet writes them.
use crate::domain::category::{self, Category};
use crate::domain::channel::Channel;
use crate::domain::risk::Colour;
use crate::domain::text::{sanitize_multi_line, sanitize_single_line, to_halfwidth_ascii};
use crate::i18n::{Lang, tr};
use chrono::{NaiveDate, NaiveDateTime};

/// Why a cell was refused: a translation key and its placeholder values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bad {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

fn bad(key: &'static str) -> Bad {
    Bad { key, args: vec![] }
}

fn bad_value(key: &'static str, value: &str) -> Bad {
    Bad {
        key,
        args: vec![("value", super::shown(value))],
    }
}

/// The earliest date a register entry may have (catches a year typed as 1026 or 0226).
pub fn earliest() -> NaiveDate {
    NaiveDate::from_ymd_opt(1990, 1, 1).unwrap_or_default()
}

/// `2026-11-24 09:05`, `2026/11/24 9:05:00`, `2026.11.24`, `2026年11月24日 9时5分`,
/// `20261124`, ISO `T`. A date alone is taken as midnight (time unknown). Day-month-year
/// orders are refused: 03/04/2026 is ambiguous.
pub fn received_at(s: &str, now: NaiveDateTime) -> Result<NaiveDateTime, Bad> {
    let t = to_halfwidth_ascii(s.trim());
    let allowed = |c: char| c.is_ascii_digit() || " -/.:T年月日时点分秒－／：．".contains(c);
    if t.is_empty() || !t.chars().all(allowed) {
        return Err(bad_value("err.import.date", s));
    }
    let groups: Vec<&str> = t
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    let mut nums: Vec<u32> = Vec::with_capacity(6);
    let rest = match groups.first() {
        Some(g) if g.len() == 8 => {
            for r in [0..4, 4..6, 6..8] {
                nums.push(g[r].parse().map_err(|_| bad_value("err.import.date", s))?);
            }
            &groups[1..]
        }
        Some(g) if g.len() == 4 => &groups[..],
        _ => return Err(bad_value("err.import.date", s)),
    };
    for g in rest {
        if g.len() > 4 {
            return Err(bad_value("err.import.date", s));
        }
        nums.push(g.parse().map_err(|_| bad_value("err.import.date", s))?);
    }
    if !(3..=6).contains(&nums.len()) {
        return Err(bad_value("err.import.date", s));
    }
    let get = |i: usize| nums.get(i).copied().unwrap_or(0);
    let at = NaiveDate::from_ymd_opt(get(0) as i32, get(1), get(2))
        .and_then(|d| d.and_hms_opt(get(3), get(4), get(5)))
        .ok_or_else(|| bad_value("err.import.date", s))?;
    if at > now {
        return Err(bad_value("err.import.date_future", s));
    }
    if at.date() < earliest() {
        return Err(bad_value("err.import.date_old", s));
    }
    Ok(at)
}

/// Yuan: `12000`, `12,000`, `12000.50` (rounded), `3500元`, `1.5万`. Empty: none.
pub fn amount(s: &str) -> Result<Option<i64>, Bad> {
    let t: String = to_halfwidth_ascii(s.trim())
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '¥' | '￥'))
        .collect();
    if t.is_empty() {
        return Ok(None);
    }
    let t = t.strip_suffix('元').unwrap_or(&t);
    let (t, scale) = match t.strip_suffix('万') {
        Some(x) => (x, 10_000.0),
        None => (t, 1.0),
    };
    let plain = !t.is_empty()
        && t.chars().all(|c| c.is_ascii_digit() || c == '.')
        && t.matches('.').count() <= 1
        && t.len() <= 16;
    let v: f64 = match t.parse() {
        Ok(v) if plain => v,
        _ => return Err(bad_value("err.import.amount", s)),
    };
    let yuan = (v * scale).round();
    if !(0.0..=1e12).contains(&yuan) {
        return Err(bad_value("err.import.amount", s));
    }
    Ok(Some(yuan as i64))
}

/// People involved: `12` or `12人`; empty or 0 is 1 (as on the desk's form).
pub fn people(s: &str) -> Result<u32, Bad> {
    let t = to_halfwidth_ascii(s.trim());
    let t = t.strip_suffix('人').unwrap_or(&t).trim();
    if t.is_empty() {
        return Ok(1);
    }
    match t.parse::<u32>() {
        Ok(n) if n <= 1_000_000 && t.chars().all(|c| c.is_ascii_digit()) => Ok(n.max(1)),
        _ => Err(bad_value("err.import.people", s)),
    }
}

/// Letters, digits and CJK only, lowercased: "婚姻家庭-离婚" and "婚姻家庭·离婚" compare equal.
fn key(s: &str) -> String {
    to_halfwidth_ascii(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A label in either language, or the stored code.
fn matches_label(k: &str, code: &str, i18n_key: &str) -> bool {
    k == key(code)
        || [Lang::Zh, Lang::En]
            .iter()
            .any(|l| k == key(tr(*l, i18n_key)))
}

/// `红`, `红色`, `red`, `Red`. Empty: none (the computed colour).
pub fn colour(s: &str) -> Result<Option<Colour>, Bad> {
    let mut k = key(s);
    if k.is_empty() {
        return Ok(None);
    }
    for suffix in ["色预警", "色", "级"] {
        if let Some(x) = k.strip_suffix(suffix).filter(|x| !x.is_empty()) {
            k = x.to_string();
            break;
        }
    }
    Colour::ALL
        .iter()
        .copied()
        .find(|c| matches_label(&k, c.code(), c.i18n_key()))
        .map(Some)
        .ok_or_else(|| bad_value("err.import.colour", s))
}

/// `来访`, `walk_in`, `Walk-in`, `12345热线`… Empty: walk-in.
pub fn channel(s: &str) -> Result<Channel, Bad> {
    let k = key(s);
    if k.is_empty() {
        return Ok(Channel::WalkIn);
    }
    Channel::ALL
        .iter()
        .copied()
        .find(|c| matches_label(&k, c.code(), c.i18n_key()))
        .ok_or_else(|| bad_value("err.import.channel", s))
}

/// Code, Chinese or English name; or the part after the group (`离婚` for 婚姻家庭·离婚)
/// when only one category has it.
pub fn category(s: &str) -> Result<&'static Category, Bad> {
    let k = key(s);
    if k.is_empty() {
        return Err(bad("err.case.category"));
    }
    let all = category::all();
    if let Some(c) = all
        .iter()
        .find(|c| k == key(&c.code) || k == key(&c.zh) || k == key(&c.en))
    {
        return Ok(c);
    }
    let leaf = |label: &str, sep: char| label.rsplit(sep).next().map(key);
    let mut found = all.iter().filter(|c| {
        leaf(&c.zh, '·').as_deref() == Some(k.as_str())
            || leaf(&c.en, ':').as_deref() == Some(k.as_str())
    });
    match (found.next(), found.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(bad_value("err.import.category", s)),
    }
}

/// One-line text within the desk form's limit; longer text is refused, never cut.
pub fn line(s: &str, max: usize) -> Result<String, Bad> {
    let out = sanitize_single_line(s.trim(), max);
    if out.truncated {
        return Err(too_long(max));
    }
    Ok(out.text.trim().to_string())
}

/// Multi-line text (line breaks kept) within the limit.
pub fn text(s: &str, max: usize) -> Result<String, Bad> {
    let out = sanitize_multi_line(s.trim(), max);
    if out.truncated {
        return Err(too_long(max));
    }
    Ok(out.text.trim().to_string())
}

fn too_long(max: usize) -> Bad {
    Bad {
        key: "err.import.too_long",
        args: vec![("max", max.to_string())],
    }
}

/// A phone or ID number as Excel leaves it: a leading apostrophe or tab forced it to text;
/// `="13812345678"` is the formula onedoor's own CSV files (and many others) write to keep
/// Excel from eating digits; `1.10101E+17` means Excel turned it into a number and lost digits.
pub fn number_cell(s: &str) -> Result<Option<String>, Bad> {
    let t = s.trim();
    let t = t
        .strip_prefix("=\"")
        .and_then(|x| x.strip_suffix('"'))
        .unwrap_or(t);
    let t = t.trim().trim_start_matches('\'').trim();
    if t.is_empty() {
        return Ok(None);
    }
    let u = to_halfwidth_ascii(t).to_ascii_uppercase();
    if let Some((mantissa, exp)) = u.split_once("E+")
        && !mantissa.is_empty()
        && mantissa.chars().all(|c| c.is_ascii_digit() || c == '.')
        && !exp.is_empty()
        && exp.chars().all(|c| c.is_ascii_digit())
    {
        return Err(bad("err.import.excel_number"));
    }
    Ok(Some(t.to_string()))
}
