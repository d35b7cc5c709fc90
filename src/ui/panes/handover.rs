//! Handover pane drawing.
use crate::app::panes::handover::HandoverState;
use crate::ui::View;
use ratatui::Frame;
use ratatui::layout::Rect;

pub fn draw(frame: &mut Frame, area: Rect, _state: &HandoverState, view: &View) {
    super::coming(frame, area, "pane.handover", view);
}
