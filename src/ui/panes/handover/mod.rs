//! Handover pane drawing: the tabs and the day or period here; the sheet preview with the
//! notes box in `sheet.rs`, the statistics charts in `stats.rs`.
mod sheet;
mod stats;

use crate::app::panes::handover::{HandoverState, Tab};
use crate::ui::View;
use crate::ui::widgets::truncate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, state: &HandoverState, view: &View) {
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    draw_head(frame, head, state, view);
    match state.tab {
        Tab::Sheet => sheet::draw(frame, body, state, view),
        Tab::Stats => stats::draw(frame, body, state, view),
    }
}

fn draw_head(frame: &mut Frame, area: Rect, state: &HandoverState, view: &View) {
    let tab = |t: Tab, key: &str| {
        let style = if state.tab == t {
            view.theme.tab_active()
        } else {
            view.theme.dim()
        };
        Span::styled(format!(" {} ", view.tr(key)), style)
    };
    let mut spans = vec![
        tab(Tab::Sheet, "ui.handover.tab_sheet"),
        Span::raw("│"),
        tab(Tab::Stats, "ui.handover.tab_stats"),
        Span::raw("  "),
    ];
    let info = match state.tab {
        Tab::Sheet => {
            let date = state.date.unwrap_or(view.now.date());
            format!(
                "{}  {}",
                date.format("%Y-%m-%d"),
                view.tr(state.shift.i18n_key())
            )
        }
        Tab::Stats => {
            let (from, to) = state.period.range(view.now.date());
            let loading = if state.stats_loading() {
                view.tr("ui.handover.loading")
            } else {
                ""
            };
            format!(
                "{}{}{} ~ {}  {loading}",
                view.tr("ui.handover.period"),
                crate::report::colon(view.lang),
                from.format("%Y-%m-%d"),
                to.format("%Y-%m-%d")
            )
        }
    };
    let used: usize = spans.iter().map(|s| s.width()).sum();
    spans.push(Span::raw(truncate(
        &info,
        usize::from(area.width).saturating_sub(used),
    )));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
