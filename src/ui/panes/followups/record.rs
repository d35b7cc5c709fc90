//! The record form: the agreement's terms and the party's phone above the fields.
use super::popup::{LABEL_W, open};
use crate::app::panes::followups::RecordForm;
use crate::domain::followup::Performance;
use crate::ui::View;
use crate::ui::widgets::pad;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

pub(super) fn draw(frame: &mut Frame, area: Rect, f: &RecordForm, view: &View) {
    let title = format!(
        "{} · {} {}",
        view.tr("ui.followups.record.title"),
        f.row.case_no,
        f.row.party
    );
    let mut form = open(frame, area, &title, 13);
    let terms = f
        .terms
        .as_deref()
        .unwrap_or_else(|| view.tr("ui.followups.record.no_terms"));
    form.text(
        &format!(
            "{}{}",
            pad(view.tr("ui.followups.record.terms"), LABEL_W),
            terms
        ),
        Style::new(),
    );
    form.text(
        &format!(
            "{}{}",
            pad(view.tr("ui.followups.col.phone"), LABEL_W),
            f.row.phone
        ),
        Style::new(),
    );
    form.text("", Style::new());
    form.choice(
        view,
        "ui.followups.record.method",
        &f.method,
        f.focus == 0,
        |m| view.tr(m.i18n_key()).to_string(),
    );
    form.field(
        view,
        "ui.followups.record.reached",
        &f.reached,
        f.focus == 1,
    );
    form.choice(
        view,
        "ui.followups.record.performance",
        &f.performance,
        f.focus == 2,
        |p| view.tr(p.i18n_key()).to_string(),
    );
    form.choice(
        view,
        "ui.followups.record.satisfaction",
        &f.satisfaction,
        f.focus == 3,
        |s| match s {
            None => view.tr("ui.followups.record.no_answer").to_string(),
            Some(n) => n.to_string(),
        },
    );
    form.field(view, "ui.followups.record.note", &f.note, f.focus == 4);
    form.text("", Style::new());
    let warn = match f.performance.value() {
        Performance::Breached => Some(view.tr("ui.followups.record.will_reopen")),
        Performance::Unreachable => Some(view.tr("ui.followups.record.will_retry")),
        _ => None,
    };
    if let Some(w) = warn {
        form.text(w, view.theme.error());
    }
}
