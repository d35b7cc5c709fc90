//! The help overlay (every key of the current context) and the quit confirmation.
use super::View;
use super::widgets::{centered, clear_popup, pad};
use crate::app::App;
use crate::app::keys::{GLOBAL_HELP, KeyHelp, LEAD_HELP};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, view: &View) {
    let pane = app.panes.get(app.pane).help();
    let lead: &[KeyHelp] = match crate::domain::red_alert::alerted(view.user.role()) {
        true => LEAD_HELP,
        false => &[],
    };
    let key_w = pane
        .iter()
        .chain(GLOBAL_HELP)
        .chain(lead)
        .map(|h| h.keys.width())
        .max()
        .unwrap_or(8)
        + 2;
    let mut lines = vec![Line::from(Span::styled(
        view.tr(app.pane.title_key()),
        view.theme.title(),
    ))];
    for h in &pane {
        lines.push(Line::from(vec![
            Span::styled(pad(h.keys, key_w), view.theme.focus()),
            Span::raw(view.tr(h.what)),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        view.tr("ui.help.everywhere"),
        view.theme.title(),
    )));
    for h in GLOBAL_HELP.iter().chain(lead) {
        lines.push(Line::from(vec![
            Span::styled(pad(h.keys, key_w), view.theme.focus()),
            Span::raw(view.tr(h.what)),
        ]));
    }
    let h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let popup = centered(area, 64, h);
    clear_popup(frame, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", view.tr("ui.help.title")));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        popup,
    );
}

pub fn confirm_quit(frame: &mut Frame, area: Rect, view: &View) {
    let popup = centered(area, 50, 6);
    clear_popup(frame, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", view.tr("ui.quit.title")));
    let text = vec![
        Line::raw(view.tr("ui.quit.unsaved")),
        Line::raw(""),
        Line::styled(view.tr("ui.quit.keys"), view.theme.focus()),
    ];
    frame.render_widget(
        Paragraph::new(text).block(block).wrap(Wrap { trim: true }),
        popup,
    );
}
