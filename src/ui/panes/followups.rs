//! Followups pane drawing.
use crate::app::panes::followups::FollowupsState;
use crate::ui::View;
use ratatui::Frame;
use ratatui::layout::Rect;

pub fn draw(frame: &mut Frame, area: Rect, _state: &FollowupsState, view: &View) {
    super::coming(frame, area, "pane.followups", view);
}
