//! Follow-ups pane drawing: scope tabs, filters, the work list (columns by display width, so
//! Chinese text lines up), a detail line for the selected row, and the popups.
mod add;
mod change;
mod filter;
mod popup;
mod record;

use crate::app::panes::followups::FollowupsState;
use crate::domain::category;
use crate::report::followup_labels::{kind_label, when_label};
use crate::store::{FollowupRow, FollowupScope};
use crate::ui::View;
use crate::ui::widgets::{Left, pad, truncate, with_more};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// A column: header key, width in cells (0: takes what is left), shown from this total width.
struct Col {
    head: &'static str,
    width: usize,
    min_total: u16,
}

const COLS: &[Col] = &[
    Col {
        head: "ui.followups.col.due",
        width: 5,
        min_total: 100,
    },
    Col {
        head: "ui.followups.col.when",
        width: 8,
        min_total: 0,
    },
    Col {
        head: "ui.followups.col.colour",
        width: 6,
        min_total: 0,
    },
    Col {
        head: "ui.followups.col.case",
        width: 13,
        min_total: 0,
    },
    Col {
        head: "ui.followups.col.party",
        width: 8,
        min_total: 0,
    },
    Col {
        head: "ui.followups.col.phone",
        width: 13,
        min_total: 0,
    },
    Col {
        head: "ui.followups.col.owner",
        width: 6,
        min_total: 0,
    },
    Col {
        head: "ui.followups.col.kind",
        width: 10,
        min_total: 110,
    },
    Col {
        head: "ui.followups.col.category",
        width: 0,
        min_total: 0,
    },
];

pub fn draw(frame: &mut Frame, area: Rect, state: &FollowupsState, view: &View) {
    let title = format!(
        " {} · {} ",
        view.tr("pane.followups"),
        crate::i18n::trf(
            view.lang,
            "ui.followups.counts",
            &[
                ("today", &state.counts.due_today),
                ("overdue", &state.counts.overdue)
            ]
        )
    );
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(area);
    let list_h = usize::from(inner.height.saturating_sub(4));
    // The rows scrolled out of view, said on the border.
    let left = state.rows.len().saturating_sub(list_h);
    frame.render_widget(with_more(block, view, left, Left::Items), area);
    if inner.height < 5 || inner.width < 20 {
        return;
    }
    let width = usize::from(inner.width);
    let line = |i: u16| Rect {
        y: inner.y + i,
        height: 1,
        ..inner
    };
    frame.render_widget(Paragraph::new(scope_line(state, view)), line(0));
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(&filter_text(state, view), width),
            view.theme.dim(),
        )),
        line(1),
    );
    let cols: Vec<&Col> = COLS.iter().filter(|c| inner.width >= c.min_total).collect();
    let fixed: usize = cols.iter().map(|c| c.width + 1).sum();
    let flex = width.saturating_sub(fixed);
    let widths: Vec<usize> = cols
        .iter()
        .map(|c| if c.width == 0 { flex } else { c.width })
        .collect();
    let head: String = cols
        .iter()
        .zip(&widths)
        .map(|(c, w)| format!("{} ", pad(view.tr(c.head), *w)))
        .collect();
    frame.render_widget(
        Paragraph::new(Span::styled(truncate(&head, width), view.theme.title())),
        line(2),
    );
    let today = state.today.unwrap_or(view.now.date());
    if state.rows.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(
                view.tr("ui.followups.empty"),
                view.theme.dim(),
            )),
            line(3),
        );
    }
    // Scroll only when the cursor leaves the visible rows.
    let mut top = state.scroll.get();
    if state.selected < top {
        top = state.selected;
    } else if state.selected >= top + list_h {
        top = state.selected + 1 - list_h.max(1);
    }
    state.scroll.set(top);
    for (i, row) in state.rows.iter().enumerate().skip(top).take(list_h) {
        let selected = i == state.selected;
        let l = row_line(row, &cols, &widths, today, view, selected);
        // Straight into the buffer: a Paragraph per row costs several times more to lay out.
        let r = line(3 + (i - top) as u16);
        frame.buffer_mut().set_line(r.x, r.y, &l, r.width);
    }
    if let Some(row) = state.selected_row() {
        let detail = format!(
            "{} · {} · {}",
            row.case_no,
            view.tr(row.status.i18n_key()),
            row.summary
        );
        frame.render_widget(
            Paragraph::new(Span::styled(truncate(&detail, width), view.theme.dim())),
            line(inner.height - 1),
        );
    }
    popup::draw(frame, area, state, view);
}

fn scope_line<'a>(state: &FollowupsState, view: &View) -> Line<'a> {
    let mut spans = Vec::new();
    for s in FollowupScope::TABS {
        let style = if s == state.filter.scope {
            view.theme.tab_active()
        } else {
            view.theme.dim()
        };
        spans.push(Span::styled(format!(" {} ", view.tr(s.i18n_key())), style));
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

fn filter_text(state: &FollowupsState, view: &View) -> String {
    let all = view.tr("ui.followups.filter.all");
    let owner = state.owner_label.clone().unwrap_or_else(|| all.to_string());
    let cat = if state.category_query.is_empty() {
        all.to_string()
    } else {
        state.category_query.clone()
    };
    let colour = state
        .filter
        .colour
        .map(|c| view.tr(c.i18n_key()))
        .unwrap_or(all);
    crate::i18n::trf(
        view.lang,
        "ui.followups.filter.line",
        &[("owner", &owner), ("category", &cat), ("colour", &colour)],
    )
}

fn row_line<'a>(
    row: &FollowupRow,
    cols: &[&Col],
    widths: &[usize],
    today: NaiveDate,
    view: &View,
    selected: bool,
) -> Line<'a> {
    let base = if selected {
        view.theme.tab_active()
    } else {
        Style::new()
    };
    let overdue = row.due_on < today;
    let mut spans = Vec::new();
    for (c, w) in cols.iter().zip(widths) {
        let (text, style) = match c.head {
            "ui.followups.col.due" => (row.due_on.format("%m-%d").to_string(), base),
            "ui.followups.col.when" => {
                let s = if overdue {
                    view.theme.error().patch(base)
                } else {
                    base
                };
                (when_label(view.lang, row.due_on, today), s)
            }
            "ui.followups.col.colour" => (
                view.tr(row.colour.i18n_key()).to_string(),
                view.theme.risk(row.colour).patch(base),
            ),
            "ui.followups.col.case" => (row.case_no.clone(), base),
            "ui.followups.col.party" => (row.party.clone(), base),
            "ui.followups.col.phone" => (row.phone.clone(), base),
            "ui.followups.col.owner" => (row.owner_name.clone(), base),
            "ui.followups.col.kind" => (kind_label(view.lang, row), base),
            _ => (
                category::find(&row.category)
                    .map(|c| c.label(view.lang).to_string())
                    .unwrap_or_else(|| row.category.clone()),
                base,
            ),
        };
        spans.push(Span::styled(pad(&text, *w), style));
        spans.push(Span::styled(" ", base));
    }
    Line::from(spans)
}
