//! One draw module per pane.
mod calendar;
mod cases;
mod followups;
mod handover;
mod triage;

/// The case timeline in words (used by the tests that drive every audited action).
pub use cases::timeline;

use super::View;
use crate::app::App;
use crate::app::panes::PaneId;
use ratatui::Frame;
use ratatui::layout::Rect;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, view: &View) {
    match app.pane {
        PaneId::Triage => triage::draw(frame, area, &app.panes.triage, view),
        PaneId::Cases => cases::draw(frame, area, &app.panes.cases, view),
        PaneId::Calendar => calendar::draw(frame, area, &app.panes.calendar, view),
        PaneId::Followups => followups::draw(frame, area, &app.panes.followups, view),
        PaneId::Handover => handover::draw(frame, area, &app.panes.handover, view),
    }
}
