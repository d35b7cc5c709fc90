//! The case table. Cells are padded by display width (ui::widgets::pad), so Chinese columns
//! line up; when the terminal is narrow, columns drop by priority instead of being squeezed.
use super::short_time;
use crate::app::panes::cases::{CasesState, ListKind};
use crate::domain::case_filter::{Chip, OwnerFilter};
use crate::domain::category;
use crate::i18n::trf;
use crate::store::CaseRow;
use crate::ui::View;
use crate::ui::widgets::{draw_field, pad};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Col {
    /// What a search result matched (case no., name, phone…); search only.
    Match,
    CaseNo,
    Date,
    Colour,
    Category,
    Party,
    Phone,
    Status,
    Owner,
    Level,
    Deadline,
    Days,
    /// The handling centre: a lead above village level only.
    Centre,
}

/// Column, width in cells, priority (higher drops first), header key.
const COLS: &[(Col, usize, u8, &str)] = &[
    (Col::CaseNo, 13, 0, "ui.cases.col.case_no"),
    (Col::Date, 10, 6, "ui.cases.col.received"),
    (Col::Colour, 6, 0, "ui.cases.col.colour"),
    (Col::Category, 12, 4, "ui.cases.col.category"),
    (Col::Party, 8, 0, "ui.cases.col.party"),
    (Col::Phone, 11, 7, "ui.cases.col.phone"),
    (Col::Status, 10, 1, "ui.cases.col.status"),
    (Col::Owner, 8, 2, "ui.cases.col.owner"),
    (Col::Level, 12, 5, "ui.cases.col.level"),
    (Col::Deadline, 12, 3, "ui.cases.col.deadline"),
    (Col::Days, 4, 5, "ui.cases.col.days"),
    (Col::Centre, 12, 5, "ui.xfer.col.centre"),
];

/// The columns that fit in `width`, in display order; the case number's column is `no_width`
/// wide (a day past 999 cases numbers 2026-1120-1524, a cell wider than the usual 13). The
/// centre's column only when `centre`.
fn columns(width: usize, no_width: usize, centre: bool) -> Vec<(Col, usize, &'static str)> {
    let mut prio = 9u8;
    loop {
        let cols: Vec<_> = COLS
            .iter()
            .filter(|c| c.2 <= prio && (centre || c.0 != Col::Centre))
            .map(|c| match c.0 {
                Col::CaseNo => (c.0, c.1.max(no_width), c.3),
                _ => (c.0, c.1, c.3),
            })
            .collect();
        let need: usize = cols.iter().map(|c| c.1 + 1).sum();
        if need <= width || prio == 0 {
            return cols;
        }
        prio -= 1;
    }
}

fn cell(row: &CaseRow, col: Col, view: &View) -> (String, Style) {
    let plain = Style::new();
    match col {
        Col::CaseNo => (row.case_no.clone(), plain),
        Col::Date => (row.received_at.format("%Y-%m-%d").to_string(), plain),
        Col::Colour => (
            view.tr(row.colour.i18n_key()).to_string(),
            view.theme.risk(row.colour),
        ),
        Col::Category => (
            category::find(&row.category)
                .map(|c| c.label(view.lang).to_string())
                .unwrap_or_else(|| row.category.clone()),
            plain,
        ),
        Col::Party => (row.party.clone(), plain),
        Col::Phone => (row.party_phone.clone().unwrap_or_default(), plain),
        Col::Status => (view.tr(row.status.i18n_key()).to_string(), plain),
        Col::Owner => (row.owner.clone().unwrap_or_else(|| "—".into()), plain),
        Col::Level => (view.tr(row.level.i18n_key()).to_string(), plain),
        Col::Deadline if row.waiting.is_some() && row.active => (
            view.tr("ui.cases.waiting_short").to_string(),
            view.theme.dim(),
        ),
        Col::Deadline => match row.deadline_at {
            Some(d) if row.overdue(view.now) => (format!("!{}", short_time(d)), view.theme.error()),
            // An open red case with no action yet today: seen the same day, so flagged.
            Some(d) if row.red_idle(view.now) => (
                format!("*{}", short_time(d)),
                view.theme.risk(crate::domain::risk::Colour::Red),
            ),
            Some(d) if row.active => (short_time(d), plain),
            _ => ("—".into(), view.theme.dim()),
        },
        Col::Days => (format!("{:>4}", row.days_open(view.now)), plain),
        Col::Centre => (view.place.name(row.centre_id), plain),
        Col::Match => (String::new(), plain),
    }
}

fn line<'a>(cells: Vec<(String, Style)>, cols: &[(Col, usize, &str)], base: Style) -> Line<'a> {
    let mut spans = Vec::with_capacity(cells.len() * 2);
    for ((text, style), (_, w, _)) in cells.into_iter().zip(cols) {
        spans.push(Span::styled(pad(&text, *w), base.patch(style)));
        spans.push(Span::styled(" ", base));
    }
    Line::from(spans)
}

fn title(state: &CasesState, view: &View) -> String {
    let name = match &state.kind {
        ListKind::AllOpen => view.tr("ui.cases.title.open").to_string(),
        ListKind::MyQueue => view.tr("ui.cases.title.mine").to_string(),
        ListKind::Queue {
            owner: OwnerFilter::Unassigned,
            ..
        } => view.tr("ui.cases.title.unassigned").to_string(),
        ListKind::Queue { name, .. } => trf(view.lang, "ui.cases.title.queue", &[("name", name)]),
        ListKind::Custom => view.tr("ui.cases.title.list").to_string(),
        ListKind::Handovers(v) => view.tr(super::handovers::title_key(*v)).to_string(),
    };
    let count = match state.list.count {
        Some(n) => trf(view.lang, "ui.cases.count", &[("n", &n)]),
        None => view.tr("ui.cases.counting").to_string(),
    };
    let mut sort = view.tr(state.list.sort.key.i18n_key()).to_string();
    if state.list.sort.reversed {
        sort.push_str(" ↑");
    }
    format!(
        " {name} · {count} · {}: {sort} ",
        view.tr("ui.cases.sorted_by")
    )
}

fn chip_label(chip: &Chip, rows: &[CaseRow], view: &View) -> String {
    match chip {
        Chip::Open => view.tr("ui.cases.chip.open").to_string(),
        Chip::Status(s) => view.tr(s.i18n_key()).to_string(),
        Chip::Colour(c) => view.tr(c.i18n_key()).to_string(),
        Chip::Category(code) => category::find(code)
            .map(|c| c.label(view.lang).to_string())
            .unwrap_or_else(|| code.clone()),
        Chip::Channel(c) => view.tr(c.i18n_key()).to_string(),
        Chip::Owner(OwnerFilter::Unassigned) => view.tr("ui.cases.unassigned").to_string(),
        // The rows carry owner names; a chip with no row to name it shows the number.
        Chip::Owner(OwnerFilter::Staff(id)) => rows
            .iter()
            .find(|r| r.owner_id == Some(*id))
            .and_then(|r| r.owner.clone())
            .unwrap_or_else(|| trf(view.lang, "ui.cases.chip.owner", &[("id", id)])),
        Chip::Level(l) => view.tr(l.i18n_key()).to_string(),
        Chip::Received { from, to } => format!("{from}…{to}"),
        Chip::Overdue => view.tr("ui.cases.chip.overdue").to_string(),
        Chip::NeedsFollowUp => view.tr("ui.cases.chip.follow_up").to_string(),
        Chip::Centre(id) => view.place.name(*id),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, state: &CasesState, view: &View) {
    let searching = state.search.active;
    let block_title = if searching {
        format!(" {} ", view.tr("ui.cases.title.search"))
    } else {
        title(state, view)
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(block_title, view.theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [top, head, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    let height = usize::from(body.height);
    state.list.height.set(height);
    let (rows, sel, top_row): (Vec<&CaseRow>, usize, usize) = if searching {
        let rows: Vec<&CaseRow> = state.search.hits.iter().map(|h| &h.row).collect();
        let sel = state.search.sel;
        (rows, sel, sel.saturating_sub(height.saturating_sub(1)))
    } else {
        (
            state.list.rows.iter().collect(),
            state.list.sel,
            state.list.top,
        )
    };
    // Wide enough for the longest number on screen: whole numbers, never cut.
    let no_width = rows
        .iter()
        .skip(top_row)
        .take(height)
        .map(|r| r.case_no.width())
        .max()
        .unwrap_or(0);
    let mut cols = columns(
        usize::from(inner.width).saturating_sub(if searching { 9 } else { 0 }),
        no_width,
        state.centre_column,
    );
    if searching {
        cols.insert(0, (Col::Match, 8, "ui.cases.col.match"));
    }
    if searching {
        let [label, field] =
            Layout::horizontal([Constraint::Length(2), Constraint::Min(1)]).areas(top);
        frame.render_widget(
            Paragraph::new(Span::styled("/ ", view.theme.focus())),
            label,
        );
        draw_field(
            frame,
            field,
            &state.search.field,
            !state.popups.is_open(),
            Style::new(),
        );
    } else {
        let mut spans = Vec::new();
        for chip in &state.list.filter.chips {
            spans.push(Span::styled(
                format!("[{}]", chip_label(chip, &state.list.rows, view)),
                view.theme.focus(),
            ));
            spans.push(Span::raw(" "));
        }
        if spans.is_empty() {
            spans.push(Span::styled(
                view.tr("ui.cases.no_filter"),
                view.theme.dim(),
            ));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), top);
    }
    let header: Vec<(String, Style)> = cols
        .iter()
        .map(|c| (view.tr(c.2).to_string(), Style::new()))
        .collect();
    frame.render_widget(
        Paragraph::new(line(
            header,
            &cols,
            view.theme.dim().add_modifier(Modifier::BOLD),
        )),
        head,
    );
    let kinds: Vec<&str> = state
        .search
        .hits
        .iter()
        .map(|h| view.tr(h.kind.i18n_key()))
        .collect();
    if rows.is_empty() {
        let key = if searching && !state.search.field.value().trim().is_empty() {
            "ui.cases.no_match"
        } else {
            "ui.cases.empty"
        };
        frame.render_widget(
            Paragraph::new(Span::styled(view.tr(key), view.theme.dim())),
            body,
        );
        return;
    }
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(top_row)
        .take(height)
        .map(|(i, r)| {
            let base = if i == sel {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new()
            };
            let cells = cols
                .iter()
                .map(|c| match c.0 {
                    Col::Match if searching => (
                        kinds.get(i).copied().unwrap_or("").to_string(),
                        view.theme.dim(),
                    ),
                    col => cell(r, col, view),
                })
                .collect();
            line(cells, &cols, base)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}
