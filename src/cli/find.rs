//! `onedoor find QUERY [--limit N] [--json] [--as CODE]`: the search box of the Cases pane, for the shell.
//! Prints ranked matches with masked numbers only (case no., first party, status, colour, owner).
use super::out::note;
use super::{CliError, Out, other};
use crate::domain::text::pad;
use crate::i18n::{Lang, tr};
use crate::store::{MatchKind, SearchHit, Store};
use clap::Args;
use std::path::Path;

/// The most matches `--limit` may ask for.
const LIMIT_MAX: i64 = 1000;

#[derive(Args, Debug)]
pub struct FindArgs {
    pub query: String,
    /// At most this many matches, 1 to 1000.
    #[arg(long, default_value = "20", allow_negative_numbers = true)]
    pub limit: String,
    /// One JSON array instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Who is asking (staff code; PIN from ONEDOOR_PIN or a prompt): the answer is within
    /// what they may see. Needed once the record holds more than one centre.
    #[arg(long = "as")]
    pub as_code: Option<String>,
}

pub(crate) fn run(
    out: &mut Out,
    a: &FindArgs,
    db: &Path,
    lang: Lang,
    now: chrono::NaiveDateTime,
) -> Result<(), CliError> {
    // `--limit 0` is a slip, not a request for nothing: an empty answer would read as "no
    // such case".
    let limit = crate::domain::dates::parse_count(&a.limit, 1..=LIMIT_MAX, "cli.find.limit")
        .map_err(|k| other(k, &a.limit))? as usize;
    let mut store = Store::open(db)?;
    super::auth::viewer(&mut store, a.as_code.as_deref(), lang, now)?;
    // The Cases pane's ranking, name index and all (names by their usual reading first).
    let hits = store.search_cases_as_desk(&a.query, limit, now)?;
    if a.json {
        out.line(to_json(&hits))?;
    } else if hits.is_empty() {
        note(tr(lang, "cli.find.none"));
    } else {
        for line in table(&hits, lang) {
            out.line(line)?;
        }
    }
    Ok(())
}

fn party(h: &SearchHit) -> String {
    match &h.row.party_phone {
        Some(p) => format!("{} {p}", h.row.party),
        None => h.row.party.clone(),
    }
}

/// Columns padded by display width, so Chinese names line up in a terminal; the case number's
/// as wide as the longest (a day past 999 cases numbers 2026-1120-1524).
pub(crate) fn table(hits: &[SearchHit], lang: Lang) -> Vec<String> {
    let no_width = hits
        .iter()
        .map(|h| h.row.case_no.len())
        .fold(13, usize::max);
    hits.iter()
        .map(|h| {
            let r = &h.row;
            let line = format!(
                "{} {} {} {} {}",
                pad(&r.case_no, no_width),
                pad(&party(h), 20),
                pad(tr(lang, r.status.i18n_key()), 12),
                pad(tr(lang, r.colour.i18n_key()), 6),
                r.owner.as_deref().unwrap_or("—"),
            );
            line.trim_end().to_string()
        })
        .collect()
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// One JSON array, stable codes rather than translations (for scripts).
pub(crate) fn to_json(hits: &[SearchHit]) -> String {
    let items: Vec<String> = hits
        .iter()
        .map(|h| {
            let r = &h.row;
            format!(
                "{{\"case_no\":{},\"party\":{},\"phone\":{},\"status\":{},\"colour\":{},\"owner\":{},\"match\":{},\"score\":{}}}",
                esc(&r.case_no),
                esc(&r.party),
                r.party_phone.as_deref().map(esc).unwrap_or_else(|| "null".into()),
                esc(r.status.code()),
                esc(r.colour.code()),
                r.owner.as_deref().map(esc).unwrap_or_else(|| "null".into()),
                esc(match h.kind {
                    MatchKind::CaseNo => "case_no",
                    MatchKind::Phone => "phone",
                    MatchKind::IdNumber => "id_number",
                    MatchKind::Name => "name",
                    MatchKind::Summary => "summary",
                }),
                h.score
            )
        })
        .collect();
    format!("[{}]", items.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_and_tables_line_up() {
        assert_eq!(esc("a\"b\\c\n"), "\"a\\\"b\\\\c\\u000a\"");
        use crate::store::CaseRow;
        let row = |no: &str, name: &str| CaseRow {
            id: 1,
            case_no: no.into(),
            received_at: chrono::NaiveDateTime::default(),
            colour: crate::domain::risk::Colour::Red,
            category: "neighbour".into(),
            party: name.into(),
            party_phone: Some("138****5678".into()),
            status: crate::domain::status::Status::Assigned,
            owner_id: None,
            owner: None,
            level: crate::domain::ladder::Level::Village,
            deadline_at: None,
            active: true,
            waiting: None,
            waiting_since: None,
            red_last_action: None,
            centre_id: 1,
            pending_to: None,
        };
        let hits = vec![
            SearchHit {
                row: row("2026-1124-001", "张伟"),
                kind: MatchKind::Name,
                score: 75,
            },
            SearchHit {
                row: row("2026-1124-002", "Li Na"),
                kind: MatchKind::Name,
                score: 70,
            },
        ];
        let t = table(&hits, Lang::Zh);
        use unicode_width::UnicodeWidthStr;
        let col = |s: &str| s.find("已分派").map(|i| s[..i].width());
        assert_eq!(col(&t[0]), col(&t[1]));
        // A day past 999 cases: its numbers show whole, and the columns still line up.
        let mut busy = hits.clone();
        busy[1].row.case_no = "2026-1120-1524".into();
        let t = table(&busy, Lang::Zh);
        assert!(t[1].starts_with("2026-1120-1524 "), "{t:?}");
        assert_eq!(col(&t[0]), col(&t[1]));
        let j = to_json(&hits);
        assert!(
            j.starts_with(
                "[{\"case_no\":\"2026-1124-001\",\"party\":\"张伟\",\"phone\":\"138****5678\""
            ),
            "{j}"
        );
        assert!(!j.contains("13812345678"));
        assert!(j.contains("\"match\":\"name\""), "{j}");
    }
}
