//! The triage pane's popups, drawn over the form.
use crate::app::panes::triage::popup::{Popup, RED_ITEMS};
use crate::i18n::trf;
use crate::ui::View;
use crate::ui::widgets::{centered, clear_popup, draw_field, truncate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, p: &Popup, view: &View) {
    let (title, lines, height): (String, Vec<Line>, u16) = match p {
        Popup::OfferDraft(f) => {
            let who = f
                .parties
                .iter()
                .map(|p| p.name.value())
                .filter(|n| !n.trim().is_empty())
                .collect::<Vec<_>>()
                .join("、");
            (
                view.tr("ui.triage.draft.title").into(),
                vec![
                    Line::from(view.tr("ui.triage.draft.text")),
                    Line::from(who),
                    Line::from(f.summary.value().to_string()),
                    Line::from(""),
                    Line::from(Span::styled(
                        view.tr("ui.triage.draft.keys"),
                        view.theme.dim(),
                    )),
                ],
                7,
            )
        }
        Popup::ConfirmDiscard => (
            view.tr("ui.triage.discard.title").into(),
            vec![
                Line::from(view.tr("ui.triage.discard.text")),
                Line::from(""),
                Line::from(Span::styled(
                    view.tr("ui.triage.discard.keys"),
                    view.theme.dim(),
                )),
            ],
            5,
        ),
        Popup::LowerReason { to, .. } => (
            trf(
                view.lang,
                "ui.triage.lower.title",
                &[("c", &view.tr(to.i18n_key()))],
            ),
            vec![
                Line::from(view.tr("ui.triage.lower.text")),
                Line::from(""),
                Line::from(""),
                Line::from(Span::styled(
                    view.tr("ui.triage.lower.keys"),
                    view.theme.dim(),
                )),
            ],
            6,
        ),
        Popup::RedChecklist { ticks, .. } => {
            let mut lines = vec![Line::from(Span::styled(
                view.tr("ui.triage.red.text"),
                view.theme.error(),
            ))];
            for (i, key) in RED_ITEMS.iter().enumerate() {
                let mark = if ticks[i] { "[x]" } else { "[ ]" };
                lines.push(Line::from(format!("{mark} {} {}", i + 1, view.tr(key))));
            }
            lines.push(Line::from(""));
            lines.push(Line::from(Span::styled(
                view.tr("ui.triage.red.keys"),
                view.theme.dim(),
            )));
            (view.tr("ui.triage.red.title").into(), lines, 8)
        }
        Popup::ConfirmAttach { case_no, .. } => (
            view.tr("ui.triage.attach.title").into(),
            vec![
                Line::from(trf(
                    view.lang,
                    "ui.triage.attach.text",
                    &[("case", case_no)],
                )),
                Line::from(""),
                Line::from(Span::styled(
                    view.tr("ui.triage.attach.keys"),
                    view.theme.dim(),
                )),
            ],
            5,
        ),
    };
    let width = area.width.saturating_sub(4).min(60);
    let rect = centered(area, width, height);
    clear_popup(frame, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {title} "))
        .border_style(view.theme.focus());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let w = usize::from(inner.width);
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| {
            let spans: Vec<Span> = l
                .spans
                .into_iter()
                .map(|sp| Span::styled(truncate(&sp.content, w), sp.style))
                .collect();
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    if let Popup::LowerReason { reason, .. } = p
        && inner.height > 1
    {
        let field = Rect::new(inner.x, inner.y + 1, inner.width, 1);
        draw_field(frame, field, reason, true, Style::new());
    }
}
