//! The pane's popups: pick list, text box (with the real cursor for the IME), confirmation.
use crate::app::panes::cases::popup::{Body, Popup};
use crate::ui::View;
use crate::ui::widgets::{centered, clear_popup, draw_field, truncate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, p: &Popup, view: &View) {
    let h = match &p.body {
        Body::Pick { options, .. } => (options.len() as u16 + 2).min(area.height.saturating_sub(2)),
        Body::Text { .. } => 5,
        Body::Confirm { .. } => 6,
    };
    let rect = centered(area, 56.min(area.width), h);
    clear_popup(frame, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {} ", p.title), view.theme.title()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let w = usize::from(inner.width);
    match &p.body {
        Body::Pick { options, sel } => {
            let height = usize::from(inner.height).max(1);
            let top = sel.saturating_sub(height - 1);
            let lines: Vec<Line> = options
                .iter()
                .enumerate()
                .skip(top)
                .take(height)
                .map(|(i, (label, _))| {
                    let text = truncate(
                        &format!(
                            "{} {label}",
                            if i < 9 {
                                (i + 1).to_string()
                            } else {
                                " ".into()
                            }
                        ),
                        w,
                    );
                    let style = if i == *sel {
                        Style::new().add_modifier(Modifier::REVERSED)
                    } else {
                        Style::new()
                    };
                    Line::from(Span::styled(text, style))
                })
                .collect();
            frame.render_widget(Paragraph::new(lines), inner);
        }
        Body::Text { field, hint } => {
            let [hint_area, field_area, keys] =
                Layout::vertical([Constraint::Length(1); 3]).areas(inner);
            frame.render_widget(
                Paragraph::new(Span::styled(truncate(hint, w), view.theme.dim())),
                hint_area,
            );
            draw_field(frame, field_area, field, true, view.theme.focus());
            frame.render_widget(
                Paragraph::new(Span::styled(
                    truncate(view.tr("ui.cases.text_keys"), w),
                    view.theme.dim(),
                )),
                keys,
            );
        }
        Body::Confirm { text } => {
            let lines = vec![
                Line::raw(text.clone()),
                Line::raw(""),
                Line::styled(view.tr("ui.cases.yes_no").to_string(), view.theme.focus()),
            ];
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
        }
    }
}
