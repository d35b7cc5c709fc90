//! Today's agenda: the day's sessions as a list, late ones marked; how many did not fit.
use super::{colour_tag, party_label};
use crate::app::panes::calendar::CalendarState;
use crate::ui::View;
use crate::ui::widgets::{Left, more, pad, window};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// Today's sessions as a list: late ones marked; the columns line up by display width.
pub(super) fn draw(frame: &mut Frame, area: Rect, state: &CalendarState, view: &View) {
    let visible = state.visible();
    if visible.is_empty() {
        frame.render_widget(Paragraph::new(view.tr("ui.calendar.agenda_empty")), area);
        return;
    }
    let selected = state.selected_session().map(|s| s.id);
    let late_w = view.tr("ui.calendar.late").width().max(2);
    let sel = state.selected.unwrap_or(0);
    let (first, shown, left) = window(visible.len(), sel, usize::from(area.height));
    let mut lines: Vec<Line> = visible
        .iter()
        .skip(first)
        .take(shown)
        .map(|s| {
            let late = crate::domain::session::is_late(s.status, s.start, view.now);
            let names: Vec<&str> = s
                .mediators
                .iter()
                .filter_map(|id| state.mediators.iter().find(|m| m.id == *id))
                .map(|m| m.name.as_str())
                .collect();
            let mut style = view.theme.risk(s.colour);
            if Some(s.id) == selected {
                style = style.add_modifier(Modifier::REVERSED);
            }
            let late_text = if late {
                view.tr("ui.calendar.late")
            } else {
                ""
            };
            Line::from(vec![
                Span::raw(format!(
                    "{}–{} ",
                    s.start.format("%H:%M"),
                    s.end.format("%H:%M")
                )),
                Span::styled(pad(late_text, late_w), view.theme.error()),
                Span::styled(
                    format!(" {} {} ", pad(&s.case_no, 13), pad(&colour_tag(s, view), 2)),
                    style,
                ),
                Span::raw(format!(
                    "{} {} {} {}",
                    pad(&party_label(s, view), 8),
                    pad(&s.room, 10),
                    pad(&names.join("、"), 14),
                    view.tr(s.status.i18n_key())
                )),
            ])
        })
        .collect();
    lines.extend(more(view, left, Left::Items));
    frame.render_widget(Paragraph::new(lines), area);
}
