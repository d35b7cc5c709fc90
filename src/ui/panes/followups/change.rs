//! Moving a follow-up to another date, or cancelling it.
use super::popup::open;
use crate::app::panes::followups::ChangeForm;
use crate::ui::View;
use ratatui::Frame;
use ratatui::layout::Rect;

pub(super) fn draw(frame: &mut Frame, area: Rect, f: &ChangeForm, view: &View) {
    let key = if f.date.is_some() {
        "ui.followups.move.title"
    } else {
        "ui.followups.cancel.title"
    };
    let title = format!("{} · {} {}", view.tr(key), f.row.case_no, f.row.party);
    let mut form = open(frame, area, &title, 7);
    form.text(
        &format!(
            "{} {}",
            view.tr("ui.followups.col.due"),
            f.row.due_on.format("%Y-%m-%d")
        ),
        view.theme.dim(),
    );
    if let Some(d) = &f.date {
        form.field(view, "ui.followups.move.date", d, f.focus == 0);
        form.text(view.tr("ui.followups.move.formats"), view.theme.dim());
    }
    form.field(
        view,
        "ui.followups.reason",
        &f.reason,
        f.focus == 1 || f.date.is_none(),
    );
}
