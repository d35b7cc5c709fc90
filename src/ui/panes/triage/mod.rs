//! Triage pane drawing: the form on the left (scrolled to keep the focus in view), the risk
//! summary and repeat-visitor panel on the right, popups on top; after saving, the case number.
mod form;
mod popup;
mod sections;
mod side;

use crate::app::panes::triage::TriageState;
use crate::ui::View;
use crate::ui::widgets::truncate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, state: &TriageState, view: &View) {
    if let Some(saved) = &state.saved {
        saved_view(frame, area, state, saved, view);
    } else {
        let side_w = if area.width >= 110 { 44 } else { 32 };
        let [left, right] =
            Layout::horizontal([Constraint::Min(40), Constraint::Length(side_w)]).areas(area);
        form::draw(frame, left, state, view);
        side::draw(frame, right, state, view);
    }
    for p in state.popups.iter() {
        popup::draw(frame, area, p, view);
    }
}

fn saved_view(
    frame: &mut Frame,
    area: Rect,
    state: &TriageState,
    saved: &crate::app::panes::triage::Saved,
    view: &View,
) {
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", view.tr("ui.triage.saved_title")));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [info, slip] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(inner);
    let w = usize::from(info.width);
    let c = &saved.created;
    let deadline = c
        .deadline_at
        .map(|d| d.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_else(|| "—".into());
    let owner = saved
        .owner_name
        .clone()
        .unwrap_or_else(|| view.tr("ui.triage.unassigned").to_string());
    let kv = |k: &str, v: String| Line::from(truncate(&format!("{}: {v}", view.tr(k)), w));
    let mut lines = vec![
        Line::from(Span::styled(
            truncate(
                &format!("{}  {}", view.tr("ui.triage.case_no"), c.case_no),
                w,
            ),
            view.theme.title(),
        )),
        Line::from(""),
        Line::from(vec![
            Span::raw(truncate(&format!("{}: ", view.tr("ui.triage.colour")), w)),
            Span::styled(
                view.tr(c.colour.i18n_key()).to_string(),
                view.theme.risk(c.colour),
            ),
        ]),
        kv("ui.triage.deadline", deadline),
        kv("ui.triage.owner", owner),
        Line::from(""),
    ];
    for h in state.help_keys() {
        lines.push(Line::from(Span::styled(
            truncate(&format!("{:<10} {}", h.keys, view.tr(h.what)), w),
            view.theme.dim(),
        )));
    }
    if let Some(p) = &saved.slip_path {
        lines.push(Line::from(""));
        lines.push(Line::from(truncate(p, w)));
    }
    frame.render_widget(Paragraph::new(lines), info);
    let sw = usize::from(slip.width.saturating_sub(2));
    let slip_lines: Vec<Line> = saved
        .slip
        .lines()
        .map(|l| Line::from(truncate(l, sw)))
        .collect();
    frame.render_widget(
        Paragraph::new(slip_lines).block(
            Block::default()
                .borders(Borders::ALL)
                .title(format!(" {} ", view.tr("ui.triage.slip.title"))),
        ),
        slip,
    );
}
