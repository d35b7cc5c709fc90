//! A yes/no confirmation: the question, wrapped, and the keys that answer it.
use crate::app::panes::cases::confirm::Confirm;
use crate::ui::View;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(frame: &mut Frame, inner: Rect, c: &Confirm, view: &View) {
    let lines = vec![
        Line::raw(c.text.clone()),
        Line::raw(""),
        Line::styled(view.tr("ui.cases.yes_no").to_string(), view.theme.focus()),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}
