//! One search box over cases: case number (or its tail), party name in Chinese or pinyin /
//! initials, phone and ID tails, and words of the summary (two-character words included, by
//! the bigram index of grams.rs). Every source is an index lookup with a LIMIT; the results
//! are merged and ranked by how strong the match is, then by urgency.
use super::grams::gram_query;
use super::list::CaseRow;
use super::{Result, Store, queries};
use crate::domain::names::split_keys;
use crate::search::NameIndex;
use chrono::NaiveDateTime;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    CaseNo,
    Phone,
    IdNumber,
    Name,
    Summary,
}

impl MatchKind {
    pub fn i18n_key(self) -> &'static str {
        match self {
            MatchKind::CaseNo => "ui.cases.match.case_no",
            MatchKind::Phone => "ui.cases.match.phone",
            MatchKind::IdNumber => "ui.cases.match.id",
            MatchKind::Name => "ui.cases.match.name",
            MatchKind::Summary => "ui.cases.match.summary",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub row: CaseRow,
    pub kind: MatchKind,
    pub score: i64,
}

/// The longest query searched; the rest is ignored (the Cases search box holds as many).
pub const MAX_QUERY_CHARS: usize = 60;

/// How many party records a name query may expand to (newest first).
const NAME_PARTIES: i64 = 100;

/// Scores of the match kinds: the stronger the evidence, the higher.
pub(super) mod score {
    pub const CASE_NO_EXACT: i64 = 100;
    pub const CASE_NO_PREFIX: i64 = 95;
    pub const CASE_NO_TAIL: i64 = 90;
    /// A longer number that a typed tail begins ("1120-152" → 2026-1120-1524).
    pub const CASE_NO_TAIL_BEGUN: i64 = 89;
    pub const NUMBER_FULL: i64 = 88;
    pub const NUMBER_TAIL: i64 = 80;
    pub const NAME_EXACT: i64 = 75;
    pub const KEY_EXACT: i64 = 72;
    pub const NAME_PREFIX: i64 = 70;
    pub const KEY_PREFIX: i64 = 65;
    pub const NAME_PART: i64 = 60;
    pub const NAME_FUZZY: i64 = 50;
    pub const SUMMARY: i64 = 40;
}

/// Candidates found so far: the best score per case.
#[derive(Default)]
pub(super) struct Candidates(HashMap<i64, (i64, MatchKind)>);

impl Candidates {
    pub(super) fn add(&mut self, id: i64, score: i64, kind: MatchKind) {
        let e = self.0.entry(id).or_insert((score, kind));
        if score > e.0 {
            *e = (score, kind);
        }
    }
}

/// Orders hits: score, then open before closed, then colour, then newest.
pub(super) fn rank(cands: &Candidates, rows: Vec<CaseRow>, limit: usize) -> Vec<SearchHit> {
    let mut hits: Vec<SearchHit> = rows
        .into_iter()
        .filter_map(|row| {
            let (score, kind) = *cands.0.get(&row.id)?;
            Some(SearchHit { row, kind, score })
        })
        .collect();
    hits.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(b.row.active.cmp(&a.row.active))
            .then(a.row.colour.cmp(&b.row.colour))
            .then(b.row.received_at.cmp(&a.row.received_at))
            .then(b.row.id.cmp(&a.row.id))
    });
    hits.truncate(limit);
    hits
}

/// A party-name match by a rare reading only (邓 read shan, 叶 read xie) ranks just below the
/// same kind of match by a name's usual reading: still found, never ahead of the names the
/// reading belongs to. The Cases pane (name index) and the SQL look-up both score through here.
fn by_reading(score: i64, usual: bool) -> i64 {
    score - i64::from(!usual)
}

/// Score of a party-name match, from the name and its pinyin keys.
pub(super) fn name_score(name: &str, keys: &str, q: &str) -> i64 {
    let ql = q.to_lowercase().replace(' ', "");
    let (usual, rare) = split_keys(name, keys);
    // Whether a usual key (true) or only a rare one (false) passes the test.
    let key = |test: &dyn Fn(&str) -> bool| {
        if usual.split(' ').any(test) {
            Some(true)
        } else {
            rare.split(' ').any(test).then_some(false)
        }
    };
    if name == q {
        score::NAME_EXACT
    } else if let Some(u) = key(&|k| k == ql) {
        by_reading(score::KEY_EXACT, u)
    } else if name.starts_with(q) {
        score::NAME_PREFIX
    } else if let Some(u) = key(&|k| !ql.is_empty() && k.starts_with(&ql)) {
        by_reading(score::KEY_PREFIX, u)
    } else {
        score::NAME_PART
    }
}

/// The query as searched: trimmed, cut at [`MAX_QUERY_CHARS`], full-width digits and letters
/// from a Chinese input method made ASCII (`１１２４`, `ｚｗ`), as the desk's other typed
/// numbers are.
fn normalised(q: &str) -> String {
    let q = match q.trim().char_indices().nth(MAX_QUERY_CHARS) {
        Some((end, _)) => q.trim()[..end].trim(),
        None => q.trim(),
    };
    crate::domain::text::to_halfwidth_ascii(q)
        .trim()
        .to_string()
}

/// Whether a query reads as a case number carrying a centre's code: letters or digits, a dash,
/// then digits and dashes ("V1-2026", "DX-2026-1124-007").
fn prefixed_case_no(upper: &str) -> bool {
    match upper.split_once('-') {
        Some((code, rest)) => {
            code.len() >= 2
                && code.starts_with(|ch: char| ch.is_ascii_uppercase())
                && code
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                && rest.starts_with(|ch: char| ch.is_ascii_digit())
                && rest.bytes().all(|b| b.is_ascii_digit() || b == b'-')
        }
        None => false,
    }
}

/// Whether names are looked up in the name index: a query of letters, longer than one character
/// (one character matches too many names to rank fuzzily per keystroke, 11 ms for "x" at 1 M:
/// its prefix by SQL is instant and what a person means by it).
fn by_name_index(compact: &str) -> bool {
    compact.chars().any(char::is_alphabetic) && compact.chars().count() > 1
}

impl Store {
    /// Ranked matches for a search box query, at most `limit`; names by SQL (prefix of a
    /// pinyin key, or the Chinese name's bigrams).
    pub fn search_cases(
        &self,
        q: &str,
        limit: usize,
        now: NaiveDateTime,
    ) -> Result<Vec<SearchHit>> {
        self.search_cases_with(q, limit, now, None)
    }

    /// The Cases pane's search with its name index loaded, for `onedoor find`: the same
    /// ranking as the pane. The index is read only for a query that uses it (0.4 s at 1 M
    /// cases; nothing for a case number or a phone).
    pub fn search_cases_as_desk(
        &self,
        q: &str,
        limit: usize,
        now: NaiveDateTime,
    ) -> Result<Vec<SearchHit>> {
        let compact: String = normalised(q)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if !by_name_index(&compact) {
            return self.search_cases_with(q, limit, now, None);
        }
        let (names, _) = self.load_name_index()?;
        self.search_cases_with(q, limit, now, Some(&names))
    }

    /// The same, with names from the shared in-memory index when it is loaded (fuzzy and
    /// substring matches too: "wei" finds 张伟).
    pub fn search_cases_with(
        &self,
        q: &str,
        limit: usize,
        now: NaiveDateTime,
        names: Option<&NameIndex>,
    ) -> Result<Vec<SearchHit>> {
        // The search box holds 60 characters; a longer query (a paste into `onedoor find`)
        // would only make FTS5 AND thousands of bigrams, for seconds, to find nothing more.
        let q = normalised(q);
        let q = q.as_str();
        if q.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let mut c = Candidates::default();
        let compact: String = q.chars().filter(|ch| !ch.is_whitespace()).collect();
        let numeric = compact.chars().all(|ch| ch.is_ascii_digit() || ch == '-');
        if numeric {
            self.search_case_no(&compact, limit, now, &mut c)?;
        }
        let upper = compact.to_ascii_uppercase();
        // A number with its centre's code ("V1-2026-1124-007", "v1-2026-11"), as read out.
        if prefixed_case_no(&upper) {
            self.case_no_prefix(&upper, limit, &mut c)?;
        }
        if upper.len() == 4
            && upper
                .chars()
                .enumerate()
                .all(|(i, ch)| ch.is_ascii_digit() || (i == 3 && ch == 'X'))
        {
            self.search_number_tail(&upper, limit, &mut c)?;
        }
        if numeric && (compact.len() == 11 || compact.len() == 18) {
            self.search_full_number(&compact, limit, &mut c)?;
        }
        if upper.len() == 18 && upper.ends_with('X') {
            self.search_full_number(&upper, limit, &mut c)?;
        }
        if compact.chars().any(char::is_alphabetic) {
            match names.filter(|_| by_name_index(&compact)) {
                Some(ix) => self.search_names_indexed(ix, q, &mut c)?,
                None => self.search_names(q, &compact, &mut c)?,
            }
        }
        // Digits alone are numbers (case, phone, ID); amounts in summaries are not worth the
        // cost of AND-ing digit bigrams, which every summary has.
        if let Some(fts) = gram_query(q).filter(|_| !numeric) {
            for id in queries::summary_matches(self.lite()?, &fts, limit)? {
                c.add(id, score::SUMMARY, MatchKind::Summary);
            }
        }
        let ids: Vec<i64> = c.0.keys().copied().collect();
        let rows = self.case_rows(&ids)?;
        Ok(rank(&c, rows, limit))
    }

    /// Names from the in-memory index: best names first, newest parties of each, then the
    /// cases of those parties by the case_parties index.
    fn search_names_indexed(&self, ix: &NameIndex, q: &str, c: &mut Candidates) -> Result<()> {
        use crate::search::MatchKind as M;
        let mut scores: HashMap<i64, i64> = HashMap::new();
        let budget = NAME_PARTIES as usize;
        'names: for hit in ix.search(q, 10) {
            let s = match hit.kind {
                M::Exact => score::NAME_EXACT,
                M::Prefix => score::NAME_PREFIX,
                M::Substring => score::NAME_PART,
                M::Fuzzy => score::NAME_FUZZY,
            };
            let s = by_reading(s, hit.usual);
            let room = budget.saturating_sub(scores.len());
            if room == 0 {
                break 'names;
            }
            for pid in self.parties_named(&hit.name, room as u32)? {
                scores.entry(pid).or_insert(s);
            }
        }
        if scores.is_empty() {
            return Ok(());
        }
        let pids: Vec<i64> = scores.keys().copied().collect();
        for (case_id, pid) in queries::links_of_parties(self.lite()?, &pids)? {
            c.add(
                case_id,
                scores.get(&pid).copied().unwrap_or(score::NAME_FUZZY),
                MatchKind::Name,
            );
        }
        Ok(())
    }

    /// Names: Chinese by the name bigrams, pinyin and initials by key prefix.
    fn search_names(&self, q: &str, compact: &str, c: &mut Candidates) -> Result<()> {
        let names = if compact.is_ascii() {
            let letters: String = compact
                .chars()
                .filter(char::is_ascii_alphabetic)
                .map(|ch| ch.to_ascii_lowercase())
                .collect();
            if letters.is_empty() {
                return Ok(());
            }
            queries::names_by_key_prefix(self.lite()?, &letters, NAME_PARTIES)?
        } else {
            match gram_query(compact) {
                Some(f) => queries::names_by_grams(self.lite()?, &f, NAME_PARTIES)?,
                None => return Ok(()),
            }
        };
        for (name, keys, id) in names {
            c.add(id, name_score(&name, &keys, q), MatchKind::Name);
        }
        Ok(())
    }
}

mod numbers;
