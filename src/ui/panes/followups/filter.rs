//! The list's filters.
use super::popup::open;
use crate::app::panes::followups::FilterForm;
use crate::ui::View;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

pub(super) fn draw(frame: &mut Frame, area: Rect, f: &FilterForm, view: &View) {
    let mut form = open(frame, area, view.tr("ui.followups.filter.title"), 7);
    form.field(view, "ui.followups.filter.owner", &f.owner, f.focus == 0);
    form.field(
        view,
        "ui.followups.filter.category",
        &f.category,
        f.focus == 1,
    );
    form.choice(
        view,
        "ui.followups.filter.colour",
        &f.colour,
        f.focus == 2,
        |c| match c {
            None => view.tr("ui.followups.filter.all").to_string(),
            Some(c) => view.tr(c.i18n_key()).to_string(),
        },
    );
    form.text("", Style::new());
    form.text(view.tr("ui.followups.filter.hint"), view.theme.dim());
}
