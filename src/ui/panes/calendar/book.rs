//! The booking form (book a session or move one): labels padded to the widest by display width.
use super::popup::{field_row, popup_block, text_row};
use crate::app::panes::calendar::{BookForm, CalendarState, Field};
use crate::ui::View;
use ratatui::Frame;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

fn label_key(f: Field) -> &'static str {
    match f {
        Field::Case => "ui.calendar.f.case",
        Field::Mediators => "ui.calendar.f.mediators",
        Field::Room => "ui.calendar.f.room",
        Field::Date => "ui.calendar.f.date",
        Field::Start => "ui.calendar.f.start",
        Field::Length => "ui.calendar.f.length",
        Field::Reason => "ui.calendar.f.reason",
    }
}

pub(super) fn draw(
    frame: &mut Frame,
    area: Rect,
    state: &CalendarState,
    f: &BookForm,
    view: &View,
) {
    let title = if f.moving.is_some() {
        "ui.calendar.move_title"
    } else {
        "ui.calendar.book_title"
    };
    let fields = f.fields();
    let h = u16::try_from(fields.len()).unwrap_or(7) + 6;
    let inner = popup_block(frame, area, 64, h, view.tr(title), view);
    let lw = fields
        .iter()
        .map(|x| view.tr(label_key(*x)).width())
        .max()
        .unwrap_or(8);
    let mut y = inner.y;
    if f.moving.is_some() {
        text_row(
            frame,
            inner,
            y,
            &format!("{} {}", view.tr("ui.calendar.f.case"), f.case_no.value()),
            view.theme.dim(),
        );
        y += 1;
    }
    for x in fields {
        field_row(
            frame,
            inner,
            y,
            view.tr(label_key(*x)),
            lw,
            f.get(*x),
            f.focus == *x,
            view,
        );
        y += 1;
    }
    let rooms: Vec<String> = state
        .rooms
        .iter()
        .enumerate()
        .map(|(i, r)| format!("{} {}", i + 1, r.name))
        .collect();
    text_row(
        frame,
        inner,
        y,
        &format!("{}: {}", view.tr("ui.calendar.f.room"), rooms.join("  ")),
        view.theme.dim(),
    );
    y += 1;
    text_row(
        frame,
        inner,
        y,
        view.tr("ui.calendar.form_hint"),
        view.theme.dim(),
    );
    y += 1;
    if let Some(n) = &f.note {
        text_row(frame, inner, y, n, view.theme.error());
    }
}
