//! Dates and counts as people type them, shared by the panes and the command line. Every
//! parser returns a translation key on error, so the message is always in the user's language.
use chrono::{Datelike, NaiveDate};

/// Years a typed date may have. The store keeps dates as 'YYYY-MM-DD' text and compares them
/// as text, which only holds for four-digit years; nothing at a mediation centre happens
/// before 1900 or after 2999, so anything outside is a typo.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2999;

/// Whether a parsed date is one a person could mean (see [`YEARS`]).
pub fn plausible(d: NaiveDate) -> bool {
    YEARS.contains(&d.year())
}

/// Full-width digits, letters and the punctuation of a Chinese IME (＋ － ／ ． ：) as ASCII,
/// trimmed: `１２－０１` is `12-01`.
pub fn normalise(s: &str) -> String {
    super::text::to_halfwidth_ascii(s.trim())
        .chars()
        .map(|c| match c {
            '＋' => '+',
            '－' => '-',
            '／' => '/',
            '．' | '。' => '.',
            '：' => ':',
            c => c,
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// A full date, the one parser of every command-line date (`--date`, `--from`, `--to`,
/// `--closed-before`) and of the calendar's full dates: `2026-11-24`, `2026/11/24` or
/// `20261124`, full-width digits and separators allowed, a real day in [`YEARS`].
pub fn parse_iso_date(s: &str) -> Result<NaiveDate, &'static str> {
    const KEY: &str = "err.date.format";
    // Ten full-width characters are 30 bytes; a paste of anything longer is not a date, and
    // is refused before any pass over it.
    if s.trim().len() > 40 {
        return Err(KEY);
    }
    let s = normalise(s);
    // chrono takes a sign and any number of year digits ("+12026-01-01"); people do not.
    if !s.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        return Err(KEY);
    }
    let s = if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        format!("{}-{}-{}", &s[..4], &s[4..6], &s[6..])
    } else if !s.contains('-') {
        // One separator throughout: `2026/11-24` is a typo, not a date.
        s.replace('/', "-")
    } else {
        s
    };
    NaiveDate::parse_from_str(&s, "%Y-%m-%d")
        .ok()
        .filter(|d| plausible(*d))
        .ok_or(KEY)
}

/// A month as typed for a monthly report: `2026-11`, `2026/11` or `202611` (full-width allowed),
/// as its first and last day.
pub fn parse_month(s: &str) -> Result<(NaiveDate, NaiveDate), &'static str> {
    const KEY: &str = "err.month.format";
    if s.trim().len() > 30 {
        return Err(KEY);
    }
    let s = normalise(s).replace('/', "-");
    let s = if s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit()) {
        format!("{}-{}", &s[..4], &s[4..])
    } else {
        s
    };
    let (y, m) = s.split_once('-').ok_or(KEY)?;
    let digits = |t: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(y, 4..=4) || !digits(m, 1..=2) {
        return Err(KEY);
    }
    let first =
        NaiveDate::from_ymd_opt(y.parse().map_err(|_| KEY)?, m.parse().map_err(|_| KEY)?, 1)
            .filter(|d| plausible(*d))
            .ok_or(KEY)?;
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .ok_or(KEY)?;
    Ok((first, next.pred_opt().ok_or(KEY)?))
}

/// A whole number within `range` (days, minutes), full-width digits allowed; `key` is the
/// message for anything else.
pub fn parse_count(
    s: &str,
    range: std::ops::RangeInclusive<i64>,
    key: &'static str,
) -> Result<i64, &'static str> {
    let s = normalise(s);
    if s.is_empty() || s.len() > 18 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(key);
    }
    s.parse::<i64>()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_as_typed() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        for ok in [
            "2026-11",
            "2026/11",
            "202611",
            "２０２６－１１",
            " 2026-11 ",
        ] {
            assert_eq!(parse_month(ok), Ok((d(11, 1), d(11, 30))), "{ok}");
        }
        assert_eq!(parse_month("2026-2"), Ok((d(2, 1), d(2, 28))));
        assert_eq!(parse_month("2026-12").unwrap().1, d(12, 31));
        for bad in [
            "2026-13",
            "2026-00",
            "11-2026",
            "2026",
            "2026-11-24",
            "+2026-11",
            "1800-01",
        ] {
            assert_eq!(parse_month(bad), Err("err.month.format"), "{bad}");
        }
    }

    #[test]
    fn iso_dates() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!(parse_iso_date("2026-11-24"), Ok(d));
        assert_eq!(parse_iso_date(" ２０２６－１１－２４ "), Ok(d));
        for also in [
            "2026/11/24",
            "20261124",
            "２０２６／１１／２４",
            "２０２６１１２４",
        ] {
            assert_eq!(parse_iso_date(also), Ok(d), "{also}");
        }
        for bad in [
            "",
            "2026-02-30",
            "2026/02/30",
            "20260230",
            "18991231",
            "30000101",
            "2026/11-24",
            "2026-11/24",
            "202611240",
            "2026112",
            "2026 11 24",
            "2026-11-24 2026-11-24 2026-11-24 2026-11-24",
            "2026-13-01",
            "2026-11-24x",
            "+2026-11-24",
            "-2026-11-24",
            "12026-11-24",
            "0026-11-24",
            "11-24",
        ] {
            assert_eq!(parse_iso_date(bad), Err("err.date.format"), "{bad}");
        }
    }

    #[test]
    fn counts() {
        assert_eq!(parse_count("15", 1..=365, "k"), Ok(15));
        assert_eq!(parse_count(" １５ ", 1..=365, "k"), Ok(15));
        for bad in [
            "",
            "0",
            "366",
            "-1",
            "+3",
            "1.5",
            "abc",
            "99999999999999999999",
        ] {
            assert_eq!(parse_count(bad, 1..=365, "k"), Err("k"), "{bad}");
        }
    }
}
