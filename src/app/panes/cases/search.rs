//! `/` in the case list: the search box and its hits, apart from the list it covers.
use super::CasesState;
use crate::app::panes::Ctx;
use crate::app::text_field::TextField;
use crate::store::SearchHit;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// Search results shown at most.
pub const SEARCH_LIMIT: usize = 50;

pub struct SearchState {
    pub field: TextField,
    pub active: bool,
    pub hits: Vec<SearchHit>,
    pub sel: usize,
}

impl Default for SearchState {
    fn default() -> Self {
        SearchState {
            field: TextField::new(60),
            active: false,
            hits: Vec::new(),
            sel: 0,
        }
    }
}

impl CasesState {
    pub(super) fn search_key(&mut self, key: KeyEvent, ctx: &mut Ctx) {
        match key.code {
            // Esc clears what was typed first; on an empty box it leaves the search.
            KeyCode::Esc if !self.search.field.value().is_empty() => {
                self.search.field.clear();
                self.run_search(ctx);
            }
            KeyCode::Esc => {
                self.search.active = false;
            }
            KeyCode::Enter => {
                if let Some(id) = self.search.hits.get(self.search.sel).map(|h| h.row.id) {
                    self.open_case(id, ctx);
                }
            }
            KeyCode::Down => {
                self.search.sel =
                    (self.search.sel + 1).min(self.search.hits.len().saturating_sub(1));
            }
            KeyCode::Up => self.search.sel = self.search.sel.saturating_sub(1),
            _ => {
                let before = self.search.field.value().to_string();
                self.search.field.key(key);
                if self.search.field.value() != before {
                    self.run_search(ctx);
                }
            }
        }
    }

    /// Every keystroke: the index answers in about a millisecond (see benches/cases.rs).
    pub(super) fn run_search(&mut self, ctx: &mut Ctx) {
        let names = ctx.names.get();
        match ctx
            .store
            .search_cases_with(self.search.field.value(), SEARCH_LIMIT, ctx.now, names)
        {
            Ok(h) => self.search.hits = h,
            Err(e) => ctx.store_error(&e),
        }
        self.search.sel = 0;
    }
}
