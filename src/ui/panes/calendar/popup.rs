//! The calendar's popups, bottom of the stack first: the booking and holiday forms have files
//! of their own; go to a date, cancel and record are drawn here, with the rows they all use.
use crate::app::panes::calendar::CalendarState;
use crate::app::panes::calendar::popup::Popup;
use crate::app::text_field::TextField;
use crate::domain::session::SessionStatus;
use crate::ui::View;
use crate::ui::widgets::{centered, clear_popup, draw_field, pad, truncate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

pub(super) fn popup_block(
    frame: &mut Frame,
    area: Rect,
    w: u16,
    h: u16,
    title: &str,
    view: &View,
) -> Rect {
    let r = centered(area, w, h);
    clear_popup(frame, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {title} "), view.theme.title()));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    inner
}

/// One "label  [field]" row; the real cursor goes into the focused field.
#[allow(clippy::too_many_arguments)]
pub(super) fn field_row(
    frame: &mut Frame,
    inner: Rect,
    y: u16,
    label: &str,
    lw: usize,
    f: &TextField,
    focused: bool,
    view: &View,
) {
    if y >= inner.y + inner.height {
        return;
    }
    let lw16 = u16::try_from(lw + 1).unwrap_or(10);
    let style = if focused {
        view.theme.focus()
    } else {
        Style::new()
    };
    frame.render_widget(
        Paragraph::new(Span::styled(pad(label, lw), style)),
        Rect {
            x: inner.x,
            y,
            width: lw16.min(inner.width),
            height: 1,
        },
    );
    let fx = inner.x + lw16;
    if fx < inner.x + inner.width {
        let area = Rect {
            x: fx,
            y,
            width: inner.x + inner.width - fx,
            height: 1,
        };
        let st = Style::new().add_modifier(Modifier::UNDERLINED);
        draw_field(frame, area, f, focused, st);
    }
}

pub(super) fn text_row(frame: &mut Frame, inner: Rect, y: u16, text: &str, style: Style) {
    if y < inner.y + inner.height {
        let r = Rect {
            y,
            height: 1,
            ..inner
        };
        frame.render_widget(
            Paragraph::new(Span::styled(
                truncate(text, usize::from(inner.width)),
                style,
            )),
            r,
        );
    }
}

pub fn draw(frame: &mut Frame, area: Rect, state: &CalendarState, view: &View) {
    for p in state.popups.iter() {
        popup(frame, area, state, p, view);
    }
}

fn popup(frame: &mut Frame, area: Rect, state: &CalendarState, p: &Popup, view: &View) {
    match p {
        Popup::Book(f) => super::book::draw(frame, area, state, f, view),
        Popup::Off(o) => super::off::draw(frame, area, o, view),
        Popup::GoTo(f) => {
            let inner = popup_block(frame, area, 44, 4, view.tr("ui.calendar.goto_title"), view);
            let label = view.tr("ui.calendar.f.date");
            field_row(frame, inner, inner.y, label, label.width(), f, true, view);
            text_row(
                frame,
                inner,
                inner.y + 1,
                view.tr("ui.calendar.goto_hint"),
                view.theme.dim(),
            );
        }
        Popup::Cancel(_, f) => {
            let inner = popup_block(
                frame,
                area,
                56,
                4,
                view.tr("ui.calendar.cancel_title"),
                view,
            );
            let label = view.tr("ui.calendar.f.reason");
            field_row(frame, inner, inner.y, label, label.width(), f, true, view);
            text_row(
                frame,
                inner,
                inner.y + 1,
                view.tr("ui.calendar.reason_hint"),
                view.theme.dim(),
            );
        }
        Popup::Record(_, i, f) => {
            let inner = popup_block(
                frame,
                area,
                56,
                5,
                view.tr("ui.calendar.record_title"),
                view,
            );
            let outcomes: Vec<String> = SessionStatus::OUTCOMES
                .iter()
                .enumerate()
                .map(|(k, o)| {
                    let t = view.tr(o.i18n_key());
                    if k == *i {
                        format!("[{t}]")
                    } else {
                        format!(" {t} ")
                    }
                })
                .collect();
            let l1 = view.tr("ui.calendar.f.outcome");
            let l2 = view.tr("ui.calendar.f.result");
            let lw = l1.width().max(l2.width());
            text_row(
                frame,
                inner,
                inner.y,
                &format!("{} ‹{}›", pad(l1, lw), outcomes.join("")),
                view.theme.focus(),
            );
            field_row(frame, inner, inner.y + 1, l2, lw, f, true, view);
            text_row(
                frame,
                inner,
                inner.y + 2,
                view.tr("ui.calendar.record_hint"),
                view.theme.dim(),
            );
        }
    }
}
