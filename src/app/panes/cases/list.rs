//! The list's window over the database: a few hundred rows around the selection, extended a
//! page at a time by keyset queries (never OFFSET), so moving at any depth costs one page.
use crate::domain::case_filter::{CaseFilter, Sort};
use crate::store::{CaseRow, CountJob, Result, Store};
use chrono::NaiveDateTime;
use std::cell::Cell;

/// Rows fetched per query, and the most kept in memory.
pub const PAGE: usize = 100;
const KEEP: usize = 3 * PAGE;

#[derive(Default)]
pub struct ListState {
    pub filter: CaseFilter,
    pub sort: Sort,
    pub rows: Vec<CaseRow>,
    pub sel: usize,
    /// First row shown; kept so the selection stays visible.
    pub top: usize,
    /// Nothing before rows[0] / after the last row.
    pub at_start: bool,
    pub at_end: bool,
    /// Matching cases: None while counting.
    pub count: Option<i64>,
    pub counting: Option<CountJob>,
    /// Rows the table showed at the last draw (PgUp/PgDn move by this much).
    pub height: Cell<usize>,
}

impl ListState {
    pub fn selected(&self) -> Option<&CaseRow> {
        self.rows.get(self.sel)
    }

    /// Back to the first row, and recount (the filter or the data changed).
    pub fn reload(&mut self, store: &Store, now: NaiveDateTime) -> Result<()> {
        self.counting = Some(store.spawn_count(&self.filter, now));
        self.count = None;
        self.poll_count();
        self.first(store, now)
    }

    /// Re-reads the rows from the selected one on, keeping the place (after an action).
    pub fn refresh_here(&mut self, store: &Store, now: NaiveDateTime) -> Result<()> {
        let Some(prev) = self.sel.checked_sub(1).and_then(|i| self.rows.get(i)) else {
            return self.reload(store, now);
        };
        let cur = prev.cursor(self.sort);
        let keep = self.rows[..self.sel].to_vec();
        let rows = store.case_page(&self.filter, self.sort, Some(&cur), false, PAGE, now)?;
        self.at_end = rows.len() < PAGE;
        self.rows = keep;
        self.rows.extend(rows);
        self.sel = self.sel.min(self.rows.len().saturating_sub(1));
        self.counting = Some(store.spawn_count(&self.filter, now));
        self.poll_count();
        Ok(())
    }

    /// Re-reads the window after another desk's change, keeping the selected case (by id) on
    /// screen: from the top when the window starts there (a new case above shows, the cursor
    /// stays on its case), else from the selected row on, as after an action.
    pub fn refresh_live(&mut self, store: &Store, now: NaiveDateTime) -> Result<()> {
        if !self.at_start {
            return self.refresh_here(store, now);
        }
        let id = self.selected().map(|r| r.id);
        let want = self.rows.len().max(PAGE);
        self.rows = store.case_page(&self.filter, self.sort, None, false, want, now)?;
        self.at_end = self.rows.len() < want;
        let last = self.rows.len().saturating_sub(1);
        self.sel = id
            .and_then(|id| self.rows.iter().position(|r| r.id == id))
            .unwrap_or(self.sel.min(last));
        let h = self.height.get().max(1);
        if self.sel < self.top {
            self.top = self.sel;
        } else if self.sel >= self.top + h {
            self.top = self.sel + 1 - h;
        }
        self.counting = Some(store.spawn_count(&self.filter, now));
        self.poll_count();
        Ok(())
    }

    pub fn first(&mut self, store: &Store, now: NaiveDateTime) -> Result<()> {
        self.rows = store.case_page(&self.filter, self.sort, None, false, PAGE, now)?;
        self.at_start = true;
        self.at_end = self.rows.len() < PAGE;
        self.sel = 0;
        self.top = 0;
        Ok(())
    }

    pub fn last(&mut self, store: &Store, now: NaiveDateTime) -> Result<()> {
        self.rows = store.case_page(&self.filter, self.sort, None, true, PAGE, now)?;
        self.at_end = true;
        self.at_start = self.rows.len() < PAGE;
        self.sel = self.rows.len().saturating_sub(1);
        self.top = self.sel.saturating_sub(self.height.get().saturating_sub(1));
        Ok(())
    }

    /// Moves the selection by `delta` rows, fetching a page when it nears either end.
    pub fn move_by(&mut self, delta: isize, store: &Store, now: NaiveDateTime) -> Result<()> {
        let mut target = self.sel as isize + delta;
        if target >= self.rows.len() as isize && !self.at_end {
            self.extend_end(store, now)?;
        }
        if target < 0 && !self.at_start {
            let added = self.extend_start(store, now)?;
            target += added as isize;
        }
        let max = self.rows.len().saturating_sub(1) as isize;
        self.sel = target.clamp(0, max) as usize;
        let h = self.height.get().max(1);
        if self.sel < self.top {
            self.top = self.sel;
        } else if self.sel >= self.top + h {
            self.top = self.sel + 1 - h;
        }
        Ok(())
    }

    fn extend_end(&mut self, store: &Store, now: NaiveDateTime) -> Result<()> {
        let cur = self.rows.last().map(|r| r.cursor(self.sort));
        let more = store.case_page(&self.filter, self.sort, cur.as_ref(), false, PAGE, now)?;
        self.at_end = more.len() < PAGE;
        self.rows.extend(more);
        if self.rows.len() > KEEP {
            let drop = self.rows.len() - KEEP;
            self.rows.drain(..drop);
            self.sel = self.sel.saturating_sub(drop);
            self.top = self.top.saturating_sub(drop);
            self.at_start = false;
        }
        Ok(())
    }

    /// Returns how many rows were added in front.
    fn extend_start(&mut self, store: &Store, now: NaiveDateTime) -> Result<usize> {
        let cur = self.rows.first().map(|r| r.cursor(self.sort));
        let mut more = store.case_page(&self.filter, self.sort, cur.as_ref(), true, PAGE, now)?;
        self.at_start = more.len() < PAGE;
        let added = more.len();
        more.append(&mut self.rows);
        self.rows = more;
        self.sel += added;
        self.top += added;
        if self.rows.len() > KEEP {
            self.rows.truncate(KEEP);
            self.at_end = false;
        }
        Ok(added)
    }

    /// Picks up a finished background count.
    pub fn poll_count(&mut self) {
        if let Some(r) = self.counting.as_ref().and_then(CountJob::poll) {
            self.count = r.ok();
            self.counting = None;
        }
    }
}
