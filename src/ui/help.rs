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

/// Width of the help popup (narrower on a narrow terminal).
const HELP_W: u16 = 64;

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
    let popup_w = HELP_W.min(area.width);
    let text_w = usize::from(popup_w.saturating_sub(2))
        .saturating_sub(key_w)
        .max(8);
    let mut lines = vec![Line::from(Span::styled(
        view.tr(app.pane.title_key()),
        view.theme.title(),
    ))];
    let keys = |lines: &mut Vec<Line<'static>>, h: &KeyHelp| {
        for (i, part) in wrap(view.tr(h.what), text_w).into_iter().enumerate() {
            let k = if i == 0 { h.keys } else { "" };
            lines.push(Line::from(vec![
                Span::styled(pad(k, key_w), view.theme.focus()),
                Span::raw(part),
            ]));
        }
    };
    for h in &pane {
        keys(&mut lines, h);
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        view.tr("ui.help.everywhere"),
        view.theme.title(),
    )));
    for h in GLOBAL_HELP.iter().chain(lead) {
        keys(&mut lines, h);
    }
    let h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let popup = centered(area, popup_w, h);
    clear_popup(frame, popup);
    // Longer than the screen (a pane with many keys at 80×24): it scrolls, and says so.
    let room = usize::from(popup.height.saturating_sub(2));
    let max = u16::try_from(lines.len().saturating_sub(room)).unwrap_or(u16::MAX);
    app.help_max_scroll.set(max);
    let scroll = app.help_scroll.min(max);
    let mut block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", view.tr("ui.help.title")));
    if max > 0 {
        let more = if scroll < max {
            "ui.help.more"
        } else {
            "ui.help.top"
        };
        block = block.title_bottom(Line::from(format!(" {} ", view.tr(more))).right_aligned());
    }
    frame.render_widget(
        Paragraph::new(lines).block(block).scroll((scroll, 0)),
        popup,
    );
}

/// Cuts a description into lines of at most `width` display cells: between words in English,
/// between any two characters in Chinese.
fn wrap(text: &str, width: usize) -> Vec<String> {
    // Tokens: an English word with the spaces after it, or one other character.
    let mut tokens: Vec<String> = Vec::new();
    for c in text.chars() {
        match tokens.last_mut() {
            Some(t) if c.is_ascii() && t.is_ascii() && !(c != ' ' && t.ends_with(' ')) => t.push(c),
            _ => tokens.push(c.to_string()),
        }
    }
    let mut out = Vec::new();
    let mut line = String::new();
    for t in tokens {
        if !line.is_empty() && format!("{line}{t}").trim_end().width() > width {
            out.push(line.trim_end().to_string());
            line.clear();
        }
        line.push_str(&t);
    }
    out.push(line.trim_end().to_string());
    out
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

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn descriptions_wrap_between_english_words_and_any_chinese_characters() {
        assert_eq!(
            wrap("Switch: triage, cases, calendar, follow-ups, handover", 24),
            [
                "Switch: triage, cases,",
                "calendar, follow-ups,",
                "handover"
            ]
        );
        assert_eq!(
            wrap("切换：分诊、案件、日程", 10),
            ["切换：分诊", "、案件、日", "程"]
        );
        assert_eq!(wrap("短", 10), ["短"]);
        assert_eq!(wrap("", 10), [""]);
    }
}
