//! Triage pane drawing.
use crate::app::panes::triage::TriageState;
use crate::ui::View;
use ratatui::Frame;
use ratatui::layout::Rect;

pub fn draw(frame: &mut Frame, area: Rect, _state: &TriageState, view: &View) {
    super::coming(frame, area, "pane.triage", view);
}
