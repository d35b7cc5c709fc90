//! The statistics view: the rates, a sparkline of intakes per day, and bar charts by category,
//! colour, channel and mediator. Labels are cut by display width before ratatui sees them.
use crate::app::panes::handover::HandoverState;
use crate::report::stats::{breakdown_title, figures, group_label};
use crate::store::handover::stats::{Breakdown, Stats};
use crate::ui::View;
use crate::ui::widgets::{Left, pad, truncate, with_more};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, Paragraph, Sparkline};
use unicode_width::UnicodeWidthStr;

/// Widest bar label (display cells), whatever the pane's width.
const LABEL_MAX: usize = 18;

pub fn draw(frame: &mut Frame, area: Rect, state: &HandoverState, view: &View) {
    let Some(st) = &state.stats else {
        let msg = if state.stats_loading() {
            view.tr("ui.handover.loading")
        } else {
            view.tr("ui.report.none")
        };
        frame.render_widget(
            Paragraph::new(msg).block(Block::default().borders(Borders::ALL)),
            area,
        );
        return;
    };
    // The figures need 19 rows; they get them when the charts keep at least half the pane.
    let top_h = 19.min(area.height / 2);
    let [top, bottom] =
        Layout::vertical([Constraint::Length(top_h), Constraint::Min(3)]).areas(area);
    let [rates, spark] =
        Layout::horizontal([Constraint::Length(46), Constraint::Min(10)]).areas(top);
    draw_rates(frame, rates, st, view);
    draw_spark(frame, spark, st, view);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(bottom);
    let [a, b] =
        Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(left);
    let [c, d] =
        Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(right);
    draw_bars(frame, a, st, Breakdown::Category, view);
    draw_bars(frame, b, st, Breakdown::Colour, view);
    draw_bars(frame, c, st, Breakdown::Channel, view);
    draw_bars(frame, d, st, Breakdown::Mediator, view);
}

fn draw_rates(frame: &mut Frame, area: Rect, st: &Stats, view: &View) {
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", view.tr("ui.handover.rates")));
    let inner = block.inner(area);
    let all = figures(view.lang, st);
    let rows = usize::from(inner.height);
    let left = all.len().saturating_sub(rows);
    frame.render_widget(with_more(block, view, left, Left::Items), area);
    let w = usize::from(inner.width);
    let lines: Vec<Line> = all
        .into_iter()
        .take(rows)
        .map(|(k, v)| {
            let vw = v.width();
            let label = pad(&k, w.saturating_sub(vw + 1));
            Line::from(truncate(&format!("{label} {v}"), w))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_spark(frame: &mut Frame, area: Rect, st: &Stats, view: &View) {
    let max = st.per_day.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let title = crate::i18n::trf(
        view.lang,
        "ui.handover.intakes_per_day",
        &[("max", &max), ("total", &st.received)],
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {title} "));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // One column per day; a long period shows its latest days. The last row is the date axis.
    let cols = usize::from(inner.width);
    let days = &st.per_day[st.per_day.len().saturating_sub(cols)..];
    let [bars, axis] = if inner.height >= 3 {
        Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner)
    } else {
        [inner, Rect::default()]
    };
    let data: Vec<u64> = days.iter().map(|(_, n)| *n as u64).collect();
    frame.render_widget(Sparkline::default().data(&data), bars);
    let dates: Vec<NaiveDate> = days.iter().map(|(d, _)| *d).collect();
    frame.render_widget(Paragraph::new(date_axis(&dates, cols)), axis);
}

/// The chart's date axis, `width` cells: the first, middle and last day (MM-DD) under their
/// columns (one column per day from the left), each where it fits without touching another.
pub(crate) fn date_axis(days: &[NaiveDate], width: usize) -> String {
    let mut row = vec![' '; width];
    let Some(last) = days.len().checked_sub(1) else {
        return String::new();
    };
    let mut place = |col: usize, at_end: bool, day: NaiveDate| {
        let label: Vec<char> = day.format("%m-%d").to_string().chars().collect();
        let start = if at_end {
            (col + 1).saturating_sub(label.len())
        } else {
            col.saturating_sub(label.len() / 2)
        };
        let end = start + label.len();
        let free = |i: usize| row.get(i).is_some_and(|c| *c == ' ');
        let clear = (start.saturating_sub(1)..(end + 1).min(width)).all(free);
        if end <= width && clear {
            row[start..end].copy_from_slice(&label);
        }
    };
    place(0, false, days[0]);
    if last > 0 {
        place(last, true, days[last]);
        place(last / 2, false, days[last / 2]);
    }
    row.into_iter().collect::<String>().trim_end().to_string()
}

fn draw_bars(frame: &mut Frame, area: Rect, st: &Stats, b: Breakdown, view: &View) {
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", breakdown_title(view.lang, b)));
    let inner = block.inner(area);
    let rows = usize::from(inner.height);
    let groups = st.groups(b);
    let shown = &groups[..groups.len().min(rows.max(1))];
    let block = with_more(block, view, groups.len() - shown.len(), Left::Items);
    // Label and count form one column of fixed width, so every bar starts at the same cell.
    let names: Vec<String> = shown
        .iter()
        .map(|g| group_label(view.lang, b, &g.key))
        .collect();
    let label_w = names
        .iter()
        .map(|n| n.width())
        .max()
        .unwrap_or(0)
        .min(LABEL_MAX)
        .min(usize::from(inner.width) / 3);
    let num_w = shown
        .iter()
        .map(|g| g.received.to_string().len())
        .max()
        .unwrap_or(1);
    let bars: Vec<Bar> = shown
        .iter()
        .zip(&names)
        .map(|(g, name)| {
            let label = format!("{} {:>num_w$}", pad(name, label_w), g.received);
            Bar::default()
                .value(g.received.max(0) as u64)
                .label(Line::from(label))
                .text_value(String::new())
        })
        .collect();
    let chart = BarChart::default()
        .block(block)
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .data(BarGroup::default().bars(&bars));
    frame.render_widget(chart, area);
}

#[cfg(test)]
mod tests {
    use super::date_axis;
    use chrono::{Duration, NaiveDate};

    fn days(n: i64) -> Vec<NaiveDate> {
        let first = NaiveDate::from_ymd_opt(2026, 10, 26).unwrap();
        (0..n).map(|i| first + Duration::days(i)).collect()
    }

    #[test]
    fn the_axis_names_the_first_middle_and_last_day_under_their_columns() {
        let gap = |n: usize| " ".repeat(n);
        let month = format!("10-26{}11-09{}11-24", gap(7), gap(8));
        assert_eq!(date_axis(&days(30), 30), month);
        let wide = format!("10-26{}11-17{}12-10", gap(15), gap(16));
        assert_eq!(date_axis(&days(46), 46), wide);
        // Fewer days than columns: the last date ends under the last day's column, and the
        // middle one gives way when it would touch another.
        assert_eq!(date_axis(&days(12), 40), "10-26  11-06");
        assert_eq!(date_axis(&days(1), 10), "10-26");
        assert_eq!(date_axis(&[], 10), "");
        assert_eq!(date_axis(&days(30), 4), "");
    }
}
