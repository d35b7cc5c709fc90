//! The handover sheet as it will print, scrolled, over the lead's notes box (the real cursor
//! in the line being edited).
use crate::app::panes::handover::HandoverState;
use crate::ui::View;
use crate::ui::widgets::{Left, draw_field, truncate, with_more};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, state: &HandoverState, view: &View) {
    let note_lines = state.notes.lines.len().clamp(1, 6) as u16;
    let [preview, notes] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(note_lines + 2)]).areas(area);
    let block = Block::default().borders(Borders::ALL).title(format!(
        " {} {}/{} ",
        view.tr("ui.report.title"),
        (state.scroll + 1).min(state.preview.len()),
        state.preview.len()
    ));
    let inner = block.inner(preview);
    let below = state
        .preview
        .len()
        .saturating_sub(state.scroll + usize::from(inner.height));
    frame.render_widget(with_more(block, view, below, Left::Lines), preview);
    // Lines are cut by display width here, so a wide glyph is never split at the edge.
    let width = usize::from(inner.width);
    let lines: Vec<Line> = state
        .preview
        .iter()
        .skip(state.scroll)
        .take(usize::from(inner.height))
        .map(|l| {
            let t = truncate(l, width);
            if l.starts_with('■') {
                Line::from(Span::styled(t, view.theme.title()))
            } else {
                Line::from(t)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);

    let mut title = format!(" {} ", view.tr("ui.handover.notes"));
    if state.dirty {
        title.push_str(&format!("* {} ", view.tr("ui.handover.unsaved")));
    }
    let style = if state.editing {
        view.theme.focus()
    } else {
        ratatui::style::Style::default()
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title)
        .border_style(style);
    let inner = block.inner(notes);
    frame.render_widget(block, notes);
    let first = state
        .notes
        .row
        .saturating_sub(usize::from(inner.height).saturating_sub(1));
    for (i, field) in state
        .notes
        .lines
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(inner.height))
    {
        let row = Rect {
            y: inner.y + (i - first) as u16,
            height: 1,
            ..inner
        };
        let focused = state.editing && i == state.notes.row;
        draw_field(frame, row, field, focused, ratatui::style::Style::default());
    }
}
