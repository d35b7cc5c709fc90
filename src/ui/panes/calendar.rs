//! Calendar pane drawing.
use crate::app::panes::calendar::CalendarState;
use crate::ui::View;
use ratatui::Frame;
use ratatui::layout::Rect;

pub fn draw(frame: &mut Frame, area: Rect, _state: &CalendarState, view: &View) {
    super::coming(frame, area, "pane.calendar", view);
}
