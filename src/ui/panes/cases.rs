//! Cases pane drawing.
use crate::app::panes::cases::CasesState;
use crate::ui::View;
use ratatui::Frame;
use ratatui::layout::Rect;

pub fn draw(frame: &mut Frame, area: Rect, _state: &CasesState, view: &View) {
    super::coming(frame, area, "pane.cases", view);
}
