//! The login screen.
use super::theme::Theme;
use super::widgets::{centered, draw_field, pad};
use crate::app::App;
use crate::i18n::tr;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let lang = app.lang;
    let popup = centered(area, 56, 12);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" onedoor · {} ", tr(lang, "login.title")));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let label_w = 10;
    let row = |i: u16| Rect {
        x: inner.x + 1,
        y: inner.y + i,
        width: inner.width.saturating_sub(2),
        height: 1,
    };
    frame.render_widget(
        Paragraph::new(Line::styled(app.centre.as_str(), theme.title())),
        row(0),
    );
    let form = &app.login;
    for (i, (label, field)) in [("login.code", &form.code), ("login.pin", &form.pin)]
        .into_iter()
        .enumerate()
    {
        let r = row(2 + 2 * i as u16);
        let focused = form.focus == i;
        let style = if focused { theme.focus() } else { theme.dim() };
        frame.render_widget(
            Paragraph::new(Span::styled(pad(tr(lang, label), label_w), style)),
            r,
        );
        let field_area = Rect {
            x: r.x + label_w as u16,
            width: r.width.saturating_sub(label_w as u16),
            ..r
        };
        let underline =
            ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::UNDERLINED);
        draw_field(frame, field_area, field, focused, underline);
    }
    let msg = match (form.error_text(lang), &app.flash) {
        (Some(e), _) => Some(e),
        (None, Some(f)) => Some(f.text.clone()),
        _ => None,
    };
    if let Some(m) = msg {
        frame.render_widget(Paragraph::new(Span::styled(m, theme.error())), row(7));
    }
    frame.render_widget(
        Paragraph::new(Span::styled(tr(lang, "login.keys"), theme.dim())),
        row(9),
    );
}
