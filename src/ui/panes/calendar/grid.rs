//! The day grid (time × mediators or rooms) and the week grid (time × days): every cell is
//! padded by display width, so Chinese names never push the separators out of line.
use super::{colour_tag, party_label, short_no, weekday};
use crate::app::panes::calendar::{Axis, CalendarState, ViewKind, monday};
use crate::domain::slots::Span;
use crate::store::SessionView;
use crate::ui::View;
use crate::ui::widgets::pad;
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span as TSpan};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

const TIME_W: usize = 6;

/// The time rows: working hours stretched to cover any session of the shown days, in the
/// smallest step that fits the height.
fn rows(state: &CalendarState, days: &[NaiveDate], height: usize) -> (NaiveTime, i64, usize) {
    let mut lo = state.calendar.work.start;
    let mut hi = state.calendar.work.end;
    for s in state.visible() {
        for d in days {
            let day = Span::day(*d);
            if s.span().overlaps(&day) {
                lo = lo.min(s.start.max(day.start).time());
                let end = s.end.min(day.end);
                hi = if end == day.end {
                    NaiveTime::from_hms_opt(23, 59, 0).unwrap_or(hi)
                } else {
                    hi.max(end.time())
                };
            }
        }
    }
    for step in [15, 30, 60, 90, 120, 180, 240] {
        // Rows start on a multiple of the step, so on-the-hour sessions fill whole rows.
        let lo_min = i64::from(lo.num_seconds_from_midnight()) / 60 / step * step;
        let hi_min = i64::from(hi.num_seconds_from_midnight()) / 60;
        let n = usize::try_from(((hi_min - lo_min).max(1) + step - 1) / step).unwrap_or(1);
        if n <= height {
            let start = NaiveTime::MIN + Duration::minutes(lo_min);
            return (start, step, n);
        }
    }
    (lo, 240, height)
}

struct Column {
    head: String,
    head_style: Style,
    /// The day this column shows and which sessions belong to it.
    day: NaiveDate,
    filter: Box<dyn Fn(&SessionView) -> bool>,
}

/// The columns that fit, their width, and which of how many are shown ("1-5/12") when not all.
fn columns(state: &CalendarState, view: &View, width: usize) -> (Vec<Column>, usize, String) {
    let mut out: Vec<Column> = Vec::new();
    let dim = view.theme.dim();
    let normal = Style::new().add_modifier(Modifier::BOLD);
    match state.view {
        ViewKind::Day => {
            let d = state.date;
            match state.axis {
                Axis::Mediators => {
                    for m in state.columns_mediators() {
                        let id = m.id;
                        let away = state.on_leave(id, d);
                        let head = if away {
                            format!("{}（{}）", m.name, view.tr("ui.calendar.leave"))
                        } else {
                            m.name.clone()
                        };
                        out.push(Column {
                            head,
                            head_style: if away { dim } else { normal },
                            day: d,
                            filter: Box::new(move |s| s.mediators.contains(&id)),
                        });
                    }
                }
                Axis::Rooms => {
                    for r in &state.rooms {
                        let id = r.id;
                        out.push(Column {
                            head: r.name.clone(),
                            head_style: normal,
                            day: d,
                            filter: Box::new(move |s| s.room_id == Some(id)),
                        });
                    }
                }
            }
        }
        ViewKind::Week => {
            let m = monday(state.date);
            let who = match state.axis {
                Axis::Mediators => state.columns_mediators().get(state.column).map(|m| m.id),
                Axis::Rooms => None,
            };
            for i in 0..7 {
                let d = m + Duration::days(i);
                // Narrow columns drop the month so the weekday is never cut.
                let date = if width < 100 {
                    d.format("%d")
                } else {
                    d.format("%m-%d")
                };
                let mut head = format!("{date} {}", weekday(d, view));
                let mut style = normal;
                if !state.calendar.is_open_day(d) {
                    // Narrow: the dotted cells and the dim header say it; no word to cut.
                    if width >= 100 {
                        head = format!("{head} {}", view.tr("ui.calendar.off_day"));
                    }
                    style = dim;
                }
                if who.is_some_and(|id| state.on_leave(id, d)) {
                    head = format!("{head} {}", view.tr("ui.calendar.leave"));
                    style = dim;
                }
                if d == state.today {
                    style = view.theme.focus();
                }
                out.push(Column {
                    head,
                    head_style: style,
                    day: d,
                    filter: Box::new(|_| true),
                });
            }
        }
    }
    let n = out.len().max(1);
    let avail = width.saturating_sub(TIME_W);
    // Day view: as many columns as fit at 12 cells or more; Tab scrolls through the rest.
    let fit = if state.view == ViewKind::Day {
        (avail / 13).clamp(1, n)
    } else {
        n
    };
    let cw = (avail / fit).saturating_sub(1).clamp(4, 30);
    let first = if state.view == ViewKind::Day {
        state.column.min(n - fit)
    } else {
        0
    };
    let shown = if fit < n {
        let full = format!("{}-{}/{n}", first + 1, first + fit);
        if full.len() <= TIME_W {
            full
        } else {
            format!("{}-{}", first + 1, first + fit)
        }
    } else {
        String::new()
    };
    let out = out.into_iter().skip(first).take(fit).collect();
    (out, cw, shown)
}

fn cell_lines(s: &SessionView, state: &CalendarState, view: &View, cw: usize) -> Vec<String> {
    let place = match state.axis {
        Axis::Rooms if state.view == ViewKind::Day => s
            .mediators
            .first()
            .and_then(|id| state.mediators.iter().find(|m| m.id == *id))
            .map(|m| m.name.clone())
            .unwrap_or_default(),
        _ => s.room.clone(),
    };
    let mut first = short_no(&s.case_no).to_string();
    // "!" marks a late session where it fits; the detail line always says it.
    if crate::domain::session::is_late(s.status, s.start, view.now) && first.len() < cw {
        first = format!("!{first}");
    }
    vec![
        first,
        format!("{} {}", colour_tag(s, view), party_label(s, view)),
        place,
        view.tr(s.status.i18n_key()).to_string(),
    ]
}

pub(super) fn draw(frame: &mut Frame, area: Rect, state: &CalendarState, view: &View) {
    let width = usize::from(area.width);
    let height = usize::from(area.height);
    let (cols, cw, shown) = columns(state, view, width);
    let days: Vec<NaiveDate> = cols.iter().map(|c| c.day).collect();
    let (lo, step, nrows) = rows(state, &days, height.saturating_sub(1));
    let visible = state.visible();
    let selected = state.selected_session().map(|s| s.id);
    let sep = Style::new().add_modifier(Modifier::DIM);
    let mut lines: Vec<Line> = Vec::with_capacity(nrows + 1);
    let mut head = vec![TSpan::styled(pad(&shown, TIME_W), view.theme.dim())];
    for c in &cols {
        head.push(TSpan::styled("│", sep));
        head.push(TSpan::styled(pad(&c.head, cw), c.head_style));
    }
    lines.push(Line::from(head));
    for r in 0..nrows {
        let from_min = i64::try_from(r).unwrap_or(0) * step;
        let mut spans = Vec::with_capacity(cols.len() * 2 + 1);
        let t0 = lo + Duration::minutes(from_min);
        let mut time = t0.format("%H:%M").to_string();
        let now_row = |d: NaiveDate| -> bool {
            let a = d.and_time(lo) + Duration::minutes(from_min);
            view.now >= a && view.now < a + Duration::minutes(step)
        };
        if days.iter().any(|d| *d == state.today && now_row(*d)) {
            time.push('>');
        }
        spans.push(TSpan::styled(pad(&time, TIME_W), view.theme.dim()));
        for c in &cols {
            spans.push(TSpan::styled("│", sep));
            let a: NaiveDateTime = c.day.and_time(lo) + Duration::minutes(from_min);
            let slot = Span::new(a, a + Duration::minutes(step));
            let hit = visible
                .iter()
                .find(|s| (c.filter)(s) && s.span().overlaps(&slot));
            let off = !state.calendar.is_open_day(c.day);
            let (text, style) = match hit {
                None if off => (pad("·", cw), view.theme.dim()),
                None => (pad("", cw), Style::new()),
                Some(s) => {
                    let lines = cell_lines(s, state, view, cw);
                    let base = c.day.and_time(lo);
                    let row_of = |t: NaiveDateTime| (t - base).num_minutes().max(0) / step;
                    let rs = row_of(s.start.max(base));
                    let re = row_of(s.end - Duration::minutes(1));
                    let k = usize::try_from(i64::try_from(r).unwrap_or(0) - rs).unwrap_or(0);
                    let total = usize::try_from(re - rs + 1).unwrap_or(1);
                    let no = &lines[0];
                    let text = if total <= 1 && cw < no.width() + 3 {
                        // Room for the case number only: keep it whole, "!" if it fits.
                        if no.width() <= cw {
                            no.clone()
                        } else {
                            no.trim_start_matches('!').to_string()
                        }
                    } else if total <= 1 {
                        lines[..3].join(" ")
                    } else if k + 1 == total && total < lines.len() {
                        lines[k..].join(" ")
                    } else {
                        lines.get(k).cloned().unwrap_or_default()
                    };
                    let mut st = view.theme.risk(s.colour);
                    if s.status != crate::domain::session::SessionStatus::Booked {
                        st = st.add_modifier(Modifier::DIM);
                    }
                    if Some(s.id) == selected {
                        st = st.add_modifier(Modifier::REVERSED);
                    }
                    (pad(&text, cw), st)
                }
            };
            spans.push(TSpan::styled(text, style));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
