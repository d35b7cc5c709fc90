//! The right-hand panel: the colour with its deadline and every reason of it, then the
//! earlier cases of matching parties (repeat visitor / duplicate).
use crate::app::panes::triage::TriageState;
use crate::domain::mask;
use crate::ui::View;
use crate::ui::widgets::{Left, pad, truncate, with_more};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, s: &TriageState, view: &View) {
    let [risk, matches] = Layout::vertical([Constraint::Length(6), Constraint::Min(3)]).areas(area);
    draw_risk(frame, risk, s, view);
    draw_matches(frame, matches, s, view);
}

fn draw_risk(frame: &mut Frame, area: Rect, s: &TriageState, view: &View) {
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", view.tr("ui.triage.risk")));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = usize::from(inner.width);
    let colour = s.colour();
    let reasons = s.reasons();
    let deadline = s
        .deadline(view.now)
        .map(|d| d.format("%m-%d %H:%M").to_string())
        .unwrap_or_else(|| view.tr("ui.triage.no_deadline").to_string());
    let raised = if reasons.is_empty() {
        view.tr("ui.triage.routine").to_string()
    } else {
        reasons
            .iter()
            .map(|f| view.tr(f.i18n_key()))
            .collect::<Vec<_>>()
            .join("、")
    };
    let owner = s
        .form
        .owner
        .and_then(|id| s.candidates.as_ref()?.iter().find(|c| c.staff_id == id))
        .map(|c| c.name.clone())
        .unwrap_or_else(|| view.tr("ui.triage.unassigned").to_string());
    let head = format!("■ {}", view.tr(colour.i18n_key()));
    let rest = w.saturating_sub(unicode_width::UnicodeWidthStr::width(head.as_str()));
    let lines = vec![
        Line::from(vec![
            Span::styled(head, view.theme.risk(colour)),
            Span::raw(truncate(
                &format!("  {}: {deadline}", view.tr("ui.triage.deadline")),
                rest,
            )),
        ]),
        Line::from(truncate(
            &format!("{}: {raised}", view.tr("ui.triage.raised_by")),
            w,
        )),
        Line::from(truncate(
            &format!("{}: {owner}", view.tr("ui.triage.owner")),
            w,
        )),
        Line::from(Span::styled(
            truncate(&format!("Ctrl+S {}", view.tr("help.triage.save")), w),
            view.theme.dim(),
        )),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_matches(frame: &mut Frame, area: Rect, s: &TriageState, view: &View) {
    let l = &s.lookup;
    let title = if l.cases.is_empty() {
        format!(" {} ", view.tr("ui.triage.match.title"))
    } else {
        format!(" {} ({}) ", view.tr("ui.triage.match.title"), l.cases.len())
    };
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(area);
    let w = usize::from(inner.width);
    let h = usize::from(inner.height);
    let mut foot = Vec::new();
    // The key to the ★, only when a case it marks is listed.
    if l.cases.iter().any(|c| l.is_exact(c)) {
        foot.push(Line::from(Span::styled(
            truncate(view.tr("ui.triage.match.star"), w),
            view.theme.dim(),
        )));
    }
    if !l.cases.is_empty() {
        foot.push(Line::from(Span::styled(
            truncate(view.tr("ui.triage.match.keys"), w),
            view.theme.dim(),
        )));
    }
    // Two rows a case; the lines under them give way so that two cases show.
    if 2 * l.cases.len() + foot.len() > h {
        foot.truncate(h.saturating_sub(2 * l.cases.len().min(2)));
    }
    let fit = (h.saturating_sub(foot.len()) / 2).min(l.cases.len());
    // The highlighted match stays in view; the border says how many more there are.
    let first = (l.selected + 1)
        .saturating_sub(fit)
        .min(l.cases.len() - fit);
    let left = l.cases.len() - fit;
    frame.render_widget(with_more(block, view, left, Left::Items), area);
    let mut lines = Vec::new();
    if l.cases.is_empty() {
        let key = if l.query.is_empty() {
            "ui.triage.match.hint"
        } else {
            "ui.triage.match.none"
        };
        lines.push(Line::from(Span::styled(
            truncate(view.tr(key), w),
            view.theme.dim(),
        )));
    }
    let me = view.user.actor.staff_id;
    for (i, c) in l.cases.iter().enumerate().skip(first).take(fit) {
        let sel = i == l.selected;
        let style = if sel {
            view.theme.tab_active()
        } else {
            Style::new()
        };
        let star = if l.is_exact(c) { "★" } else { " " };
        let colour = view.tr(c.colour.i18n_key());
        let head = format!("{}{} {} ", if sel { "▶" } else { " " }, star, c.case_no);
        lines.push(Line::from(vec![
            Span::styled(head.clone(), style),
            Span::styled(
                truncate(
                    colour,
                    w.saturating_sub(unicode_width::UnicodeWidthStr::width(head.as_str())),
                ),
                view.theme.risk(c.colour),
            ),
        ]));
        let date = c
            .received_at
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        let number = if view.user.role().may_see_numbers(me, c.owner_id) {
            c.party_phone.clone().unwrap_or_default()
        } else {
            c.party_phone
                .as_deref()
                .map(mask::mask_phone)
                .unwrap_or_default()
        };
        let detail = format!(
            "   {} {} {} {}",
            date,
            pad(view.tr(c.status.i18n_key()), 8),
            c.party_name,
            number
        );
        lines.push(Line::from(truncate(&detail, w)));
    }
    lines.extend(foot);
    frame.render_widget(Paragraph::new(lines), inner);
}
