//! A lead's holiday / leave form.
use super::popup::{field_row, popup_block, text_row};
use crate::app::panes::calendar::OffForm;
use crate::ui::View;
use crate::ui::widgets::pad;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

pub(super) fn draw(frame: &mut Frame, area: Rect, o: &OffForm, view: &View) {
    let inner = popup_block(frame, area, 56, 9, view.tr("ui.calendar.off_title"), view);
    let labels = [
        "ui.calendar.f.kind",
        "ui.calendar.f.from",
        "ui.calendar.f.to",
        "ui.calendar.f.staff",
        "ui.calendar.f.note",
    ];
    let lw = labels.iter().map(|k| view.tr(k).width()).max().unwrap_or(8);
    let kind = match (&o.centre, o.leave) {
        (_, true) => view.tr("ui.calendar.kind_leave").to_string(),
        (None, false) => view.tr("ui.calendar.kind_holiday").to_string(),
        // A centre's own closure: named, so nobody takes it for the county's.
        (Some((_, name)), false) => format!("{}（{name}）", view.tr("ui.calendar.kind_holiday")),
    };
    let style = if o.focus == 0 {
        view.theme.focus()
    } else {
        Style::new()
    };
    text_row(
        frame,
        inner,
        inner.y,
        &format!("{} ‹ {kind} ›", pad(view.tr(labels[0]), lw)),
        style,
    );
    let fields = [&o.from, &o.to, &o.staff, &o.note];
    for (i, f) in fields.iter().enumerate() {
        let y = inner.y + 1 + u16::try_from(i).unwrap_or(0);
        field_row(
            frame,
            inner,
            y,
            view.tr(labels[i + 1]),
            lw,
            f,
            o.focus == i + 1,
            view,
        );
    }
    text_row(
        frame,
        inner,
        inner.y + 6,
        view.tr("ui.calendar.off_hint"),
        view.theme.dim(),
    );
}
