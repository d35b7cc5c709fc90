//! Calendar pane drawing: the title and detail line here; the day and week grids in `grid.rs`,
//! today's agenda in `agenda.rs`, the popups in `popup.rs` (forms in `book.rs`, `off.rs`).
mod agenda;
mod book;
mod grid;
mod off;
mod popup;

use crate::app::panes::calendar::{Axis, CalendarState, ViewKind};
use crate::store::SessionView;
use crate::ui::View;
use crate::ui::widgets::truncate;
use chrono::{Datelike, NaiveDate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span as TSpan;
use ratatui::widgets::{Block, Borders, Paragraph};

/// A party's name for the grid: the surname, the rest masked, unless the viewer may see it.
pub fn party_label(s: &SessionView, view: &View) -> String {
    let me = view.user.actor.staff_id;
    if view.user.role().may_see_numbers(me, s.case_owner) || s.mediators.contains(&me) {
        return s.party.clone();
    }
    crate::report::agenda::mask_name(&s.party)
}

/// `2026-1124-007` → `1124-007`: the year is the same across a calendar screen.
pub fn short_no(no: &str) -> &str {
    no.get(5..).filter(|_| no.len() > 5).unwrap_or(no)
}

pub fn colour_tag(s: &SessionView, view: &View) -> String {
    view.tr(s.colour.i18n_key())
        .chars()
        .next()
        .map(String::from)
        .unwrap_or_default()
}

pub fn weekday(d: NaiveDate, view: &View) -> String {
    let key = format!("ui.weekday.{}", d.weekday().number_from_monday());
    crate::i18n::tr(view.lang, &key).to_string()
}

pub fn draw(frame: &mut Frame, area: Rect, state: &CalendarState, view: &View) {
    let title = title(state, view);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(TSpan::styled(title, view.theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 3 || inner.width < 20 {
        return;
    }
    let body = Rect {
        height: inner.height - 1,
        ..inner
    };
    let detail = Rect {
        y: inner.y + inner.height - 1,
        height: 1,
        ..inner
    };
    if state.agenda {
        agenda::draw(frame, body, state, view);
    } else {
        grid::draw(frame, body, state, view);
    }
    let line = state
        .selected_session()
        .map(|s| detail_line(s, state, view))
        .unwrap_or_else(|| view.tr("ui.calendar.nothing").to_string());
    frame.render_widget(
        Paragraph::new(truncate(&line, usize::from(detail.width))).style(view.theme.dim()),
        detail,
    );
    popup::draw(frame, area, state, view);
}

fn title(state: &CalendarState, view: &View) -> String {
    let (first, last) = state.range();
    let today = if first <= state.today && state.today <= last {
        format!(" · {}", view.tr("ui.calendar.today"))
    } else {
        String::new()
    };
    let what = if state.agenda {
        view.tr("ui.calendar.agenda").to_string()
    } else {
        // The week view names whose week it is; the day view says what the columns are.
        let axis = match (state.view, state.axis) {
            (ViewKind::Week, Axis::Mediators) => state
                .columns_mediators()
                .get(state.column)
                .map(|m| m.name.clone())
                .unwrap_or_default(),
            (ViewKind::Week, Axis::Rooms) => state
                .rooms
                .get(state.column)
                .map(|r| r.name.clone())
                .unwrap_or_default(),
            (ViewKind::Day, Axis::Mediators) => view.tr("ui.calendar.by_mediator").to_string(),
            (ViewKind::Day, Axis::Rooms) => view.tr("ui.calendar.by_room").to_string(),
        };
        let kind = match state.view {
            ViewKind::Day => view.tr("ui.calendar.day"),
            ViewKind::Week => view.tr("ui.calendar.week"),
        };
        format!("{kind} · {axis}")
    };
    let days = if first == last {
        format!("{} {}", first.format("%Y-%m-%d"), weekday(first, view))
    } else {
        format!("{} – {}", first.format("%Y-%m-%d"), last.format("%m-%d"))
    };
    // Several centres: whose calendar it is.
    let centre = match state.centre {
        Some(c) => format!(" · {}", view.place.name(c)),
        None => String::new(),
    };
    format!(
        " {}{centre} · {what} · {days}{today} ",
        view.tr("pane.calendar")
    )
}

pub fn detail_line(s: &SessionView, state: &CalendarState, view: &View) -> String {
    let names: Vec<&str> = s
        .mediators
        .iter()
        .filter_map(|id| state.mediators.iter().find(|m| m.id == *id))
        .map(|m| m.name.as_str())
        .collect();
    let mut status = view.tr(s.status.i18n_key()).to_string();
    if crate::domain::session::is_late(s.status, s.start, view.now) {
        status = format!("{status} · {}", view.tr("ui.calendar.late"));
    }
    let mut line = format!(
        "▸ {} {} · {} · {} {}–{} · {} · {} · {}",
        s.case_no,
        view.tr(s.colour.i18n_key()),
        party_label(s, view),
        s.start.format("%m-%d"),
        s.start.format("%H:%M"),
        s.end.format("%H:%M"),
        if s.room.is_empty() { "—" } else { &s.room },
        names.join("、"),
        status,
    );
    if !s.result.is_empty() {
        line = format!("{line} · {}", s.result);
    }
    line
}
