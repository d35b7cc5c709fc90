//! A one-line question: the hint, the text box (the real cursor in it), the keys.
use crate::app::panes::cases::ask::Ask;
use crate::ui::View;
use crate::ui::widgets::{draw_field, truncate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, inner: Rect, a: &Ask, view: &View) {
    let w = usize::from(inner.width);
    let [hint_area, field_area, keys] = Layout::vertical([Constraint::Length(1); 3]).areas(inner);
    frame.render_widget(
        Paragraph::new(Span::styled(truncate(&a.hint, w), view.theme.dim())),
        hint_area,
    );
    draw_field(frame, field_area, &a.field, true, view.theme.focus());
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(view.tr("ui.cases.text_keys"), w),
            view.theme.dim(),
        )),
        keys,
    );
}
