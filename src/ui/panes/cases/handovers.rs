//! The hand-over views' table (待签收 / 已上报 / 已交办): each hand-over's case, the centre it
//! came from or went to, when it was sent, its state and its reply deadline — `!` and red
//! when past it. Columns drop by priority on a narrow terminal, as the case list's do.
use super::short_time;
use crate::app::panes::cases::CasesState;
use crate::app::panes::cases::handovers::HandoverView;
use crate::i18n::trf;
use crate::store::TransferItem;
use crate::ui::View;
use crate::ui::widgets::pad;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Col {
    CaseNo,
    Colour,
    Kind,
    Centre,
    Sent,
    State,
    ReplyBy,
    Summary,
}

pub(super) fn title_key(v: HandoverView) -> &'static str {
    match v {
        HandoverView::Awaiting => "ui.xfer.title.awaiting",
        HandoverView::HandedUp => "ui.xfer.title.handed_up",
        HandoverView::HandedDown => "ui.xfer.title.handed_down",
    }
}

/// The view's columns: (column, width, priority: higher drops first, header key). The summary
/// takes what is left.
fn columns(v: HandoverView, no_width: usize) -> Vec<(Col, usize, u8, &'static str)> {
    let centre = match v {
        HandoverView::Awaiting => "ui.xfer.col.from",
        _ => "ui.xfer.col.to",
    };
    let mut cols = vec![
        (Col::CaseNo, no_width.max(13), 0, "ui.cases.col.case_no"),
        (Col::Colour, 6, 1, "ui.cases.col.colour"),
    ];
    if v == HandoverView::HandedDown {
        cols.push((Col::Kind, 6, 4, "ui.xfer.col.kind"));
    }
    cols.push((Col::Centre, 18, 0, centre));
    cols.push((Col::Sent, 11, 5, "ui.xfer.col.sent"));
    if v != HandoverView::Awaiting {
        cols.push((Col::State, 9, 2, "ui.xfer.col.state"));
    }
    cols.push((Col::ReplyBy, 12, 3, "ui.xfer.col.reply_by"));
    cols.push((Col::Summary, 0, 0, "ui.xfer.col.summary"));
    cols
}

/// The columns that fit `width` with at least 10 cells for the summary.
fn fit(
    mut cols: Vec<(Col, usize, u8, &'static str)>,
    width: usize,
) -> Vec<(Col, usize, &'static str)> {
    let need = |c: &[(Col, usize, u8, &str)]| c.iter().map(|c| c.1 + 1).sum::<usize>() + 10;
    while need(&cols) > width {
        let Some(worst) = cols.iter().map(|c| c.2).max().filter(|p| *p > 0) else {
            break;
        };
        cols.retain(|c| c.2 != worst);
    }
    let used: usize = cols.iter().map(|c| c.1 + 1).sum();
    cols.into_iter()
        .map(|(c, w, _, k)| match c {
            Col::Summary => (c, width.saturating_sub(used), k),
            _ => (c, w, k),
        })
        .collect()
}

fn cell(t: &TransferItem, late: bool, col: Col, v: HandoverView, view: &View) -> (String, Style) {
    let l = &t.line;
    let plain = Style::new();
    match col {
        Col::CaseNo => (t.case_no.clone(), plain),
        Col::Colour => (
            view.tr(t.colour.i18n_key()).to_string(),
            view.theme.risk(t.colour),
        ),
        Col::Kind => (short(view, "kind_short", l.kind.code()), plain),
        Col::Centre => {
            let id = if v == HandoverView::Awaiting {
                l.from_centre
            } else {
                l.to_centre
            };
            (view.place.name(id), plain)
        }
        Col::Sent => (short_time(l.sent_at), plain),
        Col::State => (short(view, "state_short", l.state.code()), plain),
        Col::ReplyBy => match l.reply_by {
            Some(d) if late => (format!("!{}", short_time(d)), view.theme.error()),
            Some(d) => (short_time(d), plain),
            None => ("—".into(), view.theme.dim()),
        },
        Col::Summary => (t.summary.clone(), plain),
    }
}

/// A table's short label of a code: `ui.xfer.<what>.<code>`.
fn short(view: &View, what: &str, code: &str) -> String {
    crate::i18n::tr(view.lang, &format!("ui.xfer.{what}.{code}")).to_string()
}

fn line<'a>(cells: Vec<(String, Style)>, cols: &[(Col, usize, &str)], base: Style) -> Line<'a> {
    let mut spans = Vec::with_capacity(cells.len() * 2);
    for ((text, style), (_, w, _)) in cells.into_iter().zip(cols) {
        spans.push(Span::styled(pad(&text, *w), base.patch(style)));
        spans.push(Span::styled(" ", base));
    }
    spans.pop();
    Line::from(spans)
}

pub fn draw(frame: &mut Frame, area: Rect, state: &CasesState, v: HandoverView, view: &View) {
    let list = &state.handovers;
    let count = trf(view.lang, "ui.cases.count", &[("n", &list.rows.len())]);
    let block = Block::default().borders(Borders::ALL).title(Span::styled(
        format!(" {} · {count} ", view.tr(title_key(v))),
        view.theme.title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    let height = usize::from(body.height);
    list.height.set(height);
    let no_width = list
        .rows
        .iter()
        .map(|(t, _)| t.case_no.width())
        .max()
        .unwrap_or(0);
    let cols = fit(columns(v, no_width), usize::from(inner.width));
    let header = cols
        .iter()
        .map(|c| (view.tr(c.2).to_string(), Style::new()))
        .collect();
    let bold = view.theme.dim().add_modifier(Modifier::BOLD);
    frame.render_widget(Paragraph::new(line(header, &cols, bold)), head);
    if list.rows.is_empty() {
        let empty = Span::styled(view.tr("ui.xfer.empty"), view.theme.dim());
        frame.render_widget(Paragraph::new(empty), body);
        return;
    }
    let lines: Vec<Line> = list
        .rows
        .iter()
        .enumerate()
        .skip(list.top)
        .take(height)
        .map(|(i, (t, late))| {
            let base = if i == list.sel {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new()
            };
            let cells = cols.iter().map(|c| cell(t, *late, c.0, v, view)).collect();
            line(cells, &cols, base)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}
