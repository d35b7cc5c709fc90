//! Adding a follow-up by case number: the case once found, then what it needs.
use super::popup::open;
use crate::app::panes::followups::AddForm;
use crate::domain::status::Status;
use crate::ui::View;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

pub(super) fn draw(frame: &mut Frame, area: Rect, f: &AddForm, view: &View) {
    let mut form = open(frame, area, view.tr("ui.followups.add.title"), 9);
    form.field(view, "ui.followups.add.case_no", &f.case_no, f.focus == 0);
    let Some(case) = &f.case else {
        form.text(view.tr("ui.followups.add.hint"), view.theme.dim());
        return;
    };
    let line = format!(
        "{} · {} · {} · {}",
        view.tr(case.status.i18n_key()),
        view.tr(case.colour.i18n_key()),
        case.owner_name,
        case.summary
    );
    form.text(&line, Style::new());
    let (text_key, hint) = match case.status {
        Status::InMediation => ("ui.followups.add.terms", "ui.followups.add.agreement_hint"),
        Status::AnsweredAtDesk => ("ui.followups.add.request", "ui.followups.add.desk_hint"),
        Status::Agreement | Status::FollowUp => {
            ("ui.followups.reason", "ui.followups.add.extra_hint")
        }
        _ => ("ui.followups.reason", "err.followup.case_state"),
    };
    form.field(view, text_key, &f.text, f.focus == 1);
    if f.wants_date() {
        form.field(view, "ui.followups.move.date", &f.date, f.focus == 2);
    }
    form.text("", Style::new());
    form.text(view.tr(hint), view.theme.dim());
}
