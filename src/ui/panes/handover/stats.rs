//! The statistics view: the rates, a sparkline of intakes per day, and bar charts by category,
//! colour, channel and mediator. Labels are cut by display width before ratatui sees them.
use crate::app::panes::handover::HandoverState;
use crate::report::stats::{breakdown_title, figures, group_label};
use crate::store::handover::stats::{Breakdown, Stats};
use crate::ui::View;
use crate::ui::widgets::{pad, truncate};
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
    frame.render_widget(block, area);
    let w = usize::from(inner.width);
    let lines: Vec<Line> = figures(view.lang, st)
        .into_iter()
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
    let title = format!(
        " {} (max {max}, {} {}) ",
        view.tr("ui.handover.intakes_per_day"),
        view.tr("ui.report.total"),
        st.received
    );
    let block = Block::default().borders(Borders::ALL).title(title);
    // One column per day; a long period shows its latest days.
    let cols = usize::from(block.inner(area).width);
    let data: Vec<u64> = st
        .per_day
        .iter()
        .skip(st.per_day.len().saturating_sub(cols))
        .map(|(_, n)| *n as u64)
        .collect();
    frame.render_widget(Sparkline::default().block(block).data(&data), area);
}

fn draw_bars(frame: &mut Frame, area: Rect, st: &Stats, b: Breakdown, view: &View) {
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", breakdown_title(view.lang, b)));
    let inner = block.inner(area);
    let rows = usize::from(inner.height);
    let groups = st.groups(b);
    let shown = &groups[..groups.len().min(rows.max(1))];
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
