//! The cases pane's popups, bottom of the stack first: the frame and its height here; the
//! three shapes drawn in `pick.rs`, `ask.rs` (with the real cursor for the IME) and
//! `confirm.rs`.
use super::{ask, confirm, pick};
use crate::app::panes::cases::popup::{Body, Popup};
use crate::ui::View;
use crate::ui::widgets::{centered, clear_popup};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders};

pub fn draw(frame: &mut Frame, area: Rect, p: &Popup, view: &View) {
    let h = match &p.body {
        Body::Pick(pick) => (pick.options.len() as u16 + 2).min(area.height.saturating_sub(2)),
        Body::Ask(_) => 5,
        Body::Confirm(_) => 6,
    };
    let rect = centered(area, 56.min(area.width), h);
    clear_popup(frame, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {} ", p.title), view.theme.title()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    match &p.body {
        Body::Pick(p) => pick::draw(frame, inner, p),
        Body::Ask(a) => ask::draw(frame, inner, a, view),
        Body::Confirm(c) => confirm::draw(frame, inner, c, view),
    }
}
