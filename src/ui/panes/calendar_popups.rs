//! Calendar drawing of today's agenda and of the popups (booking form, cancel, record, go to
//! date, holiday / leave). Labels are padded to the widest label by display width.
use super::calendar::{colour_tag, party_label};
use crate::app::panes::calendar::CalendarState;
use crate::app::panes::calendar_form::{BookForm, Field};
use crate::app::panes::calendar_popups::{OffForm, Popup};
use crate::app::text_field::TextField;
use crate::domain::session::SessionStatus;
use crate::ui::View;
use crate::ui::widgets::{centered, clear_popup, draw_field, pad, truncate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

/// Today's sessions as a list: late ones marked; the columns line up by display width.
pub fn agenda(frame: &mut Frame, area: Rect, state: &CalendarState, view: &View) {
    let visible = state.visible();
    if visible.is_empty() {
        frame.render_widget(Paragraph::new(view.tr("ui.calendar.agenda_empty")), area);
        return;
    }
    let selected = state.selected_session().map(|s| s.id);
    let late_w = view.tr("ui.calendar.late").width().max(2);
    let height = usize::from(area.height);
    let sel = state.selected.unwrap_or(0);
    let first = sel.saturating_sub(height.saturating_sub(1));
    let lines: Vec<Line> = visible
        .iter()
        .skip(first)
        .take(height)
        .map(|s| {
            let late = crate::domain::session::is_late(s.status, s.start, view.now);
            let names: Vec<&str> = s
                .mediators
                .iter()
                .filter_map(|id| state.mediators.iter().find(|m| m.id == *id))
                .map(|m| m.name.as_str())
                .collect();
            let mut style = view.theme.risk(s.colour);
            if Some(s.id) == selected {
                style = style.add_modifier(Modifier::REVERSED);
            }
            let late_text = if late {
                view.tr("ui.calendar.late")
            } else {
                ""
            };
            Line::from(vec![
                Span::raw(format!(
                    "{}–{} ",
                    s.start.format("%H:%M"),
                    s.end.format("%H:%M")
                )),
                Span::styled(pad(late_text, late_w), view.theme.error()),
                Span::styled(
                    format!(" {} {} ", pad(&s.case_no, 13), pad(&colour_tag(s, view), 2)),
                    style,
                ),
                Span::raw(format!(
                    "{} {} {} {}",
                    pad(&party_label(s, view), 8),
                    pad(&s.room, 10),
                    pad(&names.join("、"), 14),
                    view.tr(s.status.i18n_key())
                )),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

fn popup_block(frame: &mut Frame, area: Rect, w: u16, h: u16, title: &str, view: &View) -> Rect {
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
fn field_row(
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

fn text_row(frame: &mut Frame, inner: Rect, y: u16, text: &str, style: Style) {
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

fn book(frame: &mut Frame, area: Rect, state: &CalendarState, f: &BookForm, view: &View) {
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

fn off(frame: &mut Frame, area: Rect, o: &OffForm, view: &View) {
    let inner = popup_block(frame, area, 56, 9, view.tr("ui.calendar.off_title"), view);
    let labels = [
        "ui.calendar.f.kind",
        "ui.calendar.f.from",
        "ui.calendar.f.to",
        "ui.calendar.f.staff",
        "ui.calendar.f.note",
    ];
    let lw = labels.iter().map(|k| view.tr(k).width()).max().unwrap_or(8);
    let kind = if o.leave {
        view.tr("ui.calendar.kind_leave")
    } else {
        view.tr("ui.calendar.kind_holiday")
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

pub fn draw(frame: &mut Frame, area: Rect, state: &CalendarState, view: &View) {
    let Some(p) = &state.popup else {
        return;
    };
    match p {
        Popup::Book(f) => book(frame, area, state, f, view),
        Popup::Off(o) => off(frame, area, o, view),
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
