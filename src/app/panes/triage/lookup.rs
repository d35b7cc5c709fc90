//! The repeat-visitor / duplicate panel: earlier cases of parties matching what is being typed.
//! Exact on phone and ID number (indexed), by name through the index; bounded by LIMITs so it
//! can run on every keystroke.
use super::form::PartyForm;
use crate::app::focus::{self, Dir};
use crate::domain::{idnum, phone};
use crate::search::NameIndex;
use crate::store::{EarlierCase, Store};
use chrono::NaiveDate;
use std::time::{Duration, Instant};

/// Distinct names taken from the index per keystroke.
pub const NAME_LIMIT: usize = 20;
/// Parties looked at per name query, and earlier cases listed.
pub const PARTY_LIMIT: u32 = 40;
pub const CASE_LIMIT: u32 = 12;

#[derive(Debug, Clone, Default)]
pub struct Lookup {
    /// Whose fields the list answers (index into the form's parties).
    pub party: usize,
    pub query: String,
    pub cases: Vec<EarlierCase>,
    /// Case ids matched exactly by phone or ID number (a certain repeat visitor).
    pub exact: Vec<i64>,
    /// Highlighted row (F7 moves it), for attaching the visit.
    pub selected: usize,
    /// The name part was answered by the fuzzy index (false: SQL prefix while it loads).
    pub used_index: bool,
    /// How long the last lookup took (shown in the benchmark, not on screen).
    pub took: Duration,
}

impl Lookup {
    /// Re-reads the earlier cases for party `i` of the form.
    /// With the name index loaded, names match fuzzily in characters and every pinyin reading
    /// (张伟 by "张伟", "zhangwei", "zw"); until then by indexed prefix in SQL.
    pub fn refresh(
        &mut self,
        store: &Store,
        names: Option<&NameIndex>,
        i: usize,
        p: &PartyForm,
        today: NaiveDate,
    ) {
        let started = Instant::now();
        let name = p.name.value().trim().to_string();
        let mut exact_parties = Vec::new();
        if let Ok(ph) = phone::parse_phone(p.phone.value().trim()) {
            exact_parties.extend(
                store
                    .parties_by_phone(ph.as_str(), PARTY_LIMIT)
                    .unwrap_or_default(),
            );
        }
        if let Ok(id) = idnum::parse_id_number(p.id_number.value().trim(), today) {
            exact_parties.extend(
                store
                    .parties_by_id_number(id.as_str(), PARTY_LIMIT)
                    .unwrap_or_default(),
            );
        }
        let mut parties = exact_parties.clone();
        if !name.is_empty() {
            // One character ("张", "z") can only mean a surname prefix, and fuzzy matching it
            // scores most of the index: the indexed SQL prefix answers it in a fraction of a ms.
            match names {
                Some(idx) if name.chars().count() > 1 => {
                    parties.extend(name_parties(store, idx, &name))
                }
                _ => parties.extend(
                    store
                        .parties_by_name_prefix(&name, PARTY_LIMIT)
                        .unwrap_or_default(),
                ),
            }
        }
        parties.sort_unstable();
        parties.dedup();
        let keep = self.cases.get(self.selected).map(|c| c.case_id);
        self.party = i;
        self.used_index = names.is_some();
        self.query = name;
        self.cases = store
            .cases_of_parties(&parties, CASE_LIMIT)
            .unwrap_or_default();
        self.exact = self
            .cases
            .iter()
            .filter(|c| exact_parties.contains(&c.party_id))
            .map(|c| c.case_id)
            .collect();
        self.selected = keep
            .and_then(|id| self.cases.iter().position(|c| c.case_id == id))
            .unwrap_or(0);
        self.took = started.elapsed();
    }

    pub fn clear(&mut self) {
        *self = Lookup::default();
    }

    pub fn select_next(&mut self) {
        self.selected = focus::cycle_index(self.selected, self.cases.len(), Dir::Next);
    }

    pub fn selected_case(&self) -> Option<&EarlierCase> {
        self.cases.get(self.selected)
    }

    pub fn is_exact(&self, c: &EarlierCase) -> bool {
        self.exact.contains(&c.case_id)
    }
}

/// Party ids of the best names, newest parties first, at most `PARTY_LIMIT` in all (a common
/// name such as 王伟 has over a thousand parties at 1 M cases; the newest are the likeliest).
fn name_parties(store: &Store, idx: &NameIndex, query: &str) -> Vec<i64> {
    let mut out = Vec::new();
    // Ids are expanded only for the names needed: a common name holds a thousand parties.
    for (id, _, _) in idx.search_names(query, NAME_LIMIT) {
        let room = (PARTY_LIMIT as usize).saturating_sub(out.len());
        if room == 0 {
            break;
        }
        out.extend(
            store
                .parties_named(idx.name(id), room as u32)
                .unwrap_or_default(),
        );
    }
    out
}
