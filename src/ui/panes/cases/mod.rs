//! Cases pane drawing: the list (or search results), the case detail, and the popups (the
//! frame in `popup.rs`, each shape in its own file as in `app/panes/cases/`).
mod ask;
mod confirm;
mod detail;
mod handovers;
mod list;
mod passage;
mod pick;
mod popup;
pub mod timeline;

use crate::app::panes::cases::{CasesState, ListKind, Screen};
use crate::ui::View;
use ratatui::Frame;
use ratatui::layout::Rect;

pub fn draw(frame: &mut Frame, area: Rect, state: &CasesState, view: &View) {
    match (state.screen, state.detail.as_ref()) {
        (Screen::Detail, Some(d)) => detail::draw(frame, area, state, d, view),
        _ => match state.kind {
            ListKind::Handovers(v) if !state.search.active => {
                handovers::draw(frame, area, state, v, view)
            }
            _ => list::draw(frame, area, state, view),
        },
    }
    for p in state.popups.iter() {
        popup::draw(frame, area, p, view);
    }
}

/// Short local time for tables: "11-24 13:00".
pub(crate) fn short_time(t: chrono::NaiveDateTime) -> String {
    t.format("%m-%d %H:%M").to_string()
}
