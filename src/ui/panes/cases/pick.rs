//! A pick list: the options numbered 1–9, the selected one reversed, scrolled to keep it shown.
use crate::app::panes::cases::pick::Pick;
use crate::ui::widgets::truncate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, inner: Rect, p: &Pick) {
    let w = usize::from(inner.width);
    let height = usize::from(inner.height).max(1);
    let top = p.sel.saturating_sub(height - 1);
    let lines: Vec<Line> = p
        .options
        .iter()
        .enumerate()
        .skip(top)
        .take(height)
        .map(|(i, (label, _))| {
            let digit = if i < 9 {
                (i + 1).to_string()
            } else {
                " ".into()
            };
            let text = truncate(&format!("{digit} {label}"), w);
            let style = if i == p.sel {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new()
            };
            Line::from(Span::styled(text, style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
