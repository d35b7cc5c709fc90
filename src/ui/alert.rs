//! A lead's red alert (app/red_alert.rs): two lines across the top of every pane, white on red,
//! until acknowledged with F12. Line one: which alert, the case number and why it is red; line
//! two: who made it red and when, the summary, and the key.
use super::View;
use super::widgets::{pad, truncate};
use crate::app::red_alert::RedAlerts;
use crate::i18n::trf;
use crate::store::RedAlert;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// Rows the alert takes (none while there is nothing to acknowledge).
pub fn height(alerts: &RedAlerts) -> u16 {
    if alerts.is_empty() { 0 } else { 2 }
}

/// Why the case is red: its red flags, else the reason typed when it was raised by hand.
fn reasons(a: &RedAlert, view: &View) -> String {
    if !a.reasons.is_empty() {
        let sep = view.tr("ui.red_alert.sep");
        let names: Vec<&str> = a.reasons.iter().map(|f| view.tr(f.i18n_key())).collect();
        return names.join(sep);
    }
    match a.colour_reason.trim() {
        "" => view.tr("ui.red_alert.by_hand").to_string(),
        r => r.to_string(),
    }
}

/// "张丽（D001） 09:12", with the day when it was not today.
fn made_red(a: &RedAlert, view: &View) -> String {
    let who = match &a.by {
        Some((code, name)) => format!("{name}（{code}）"),
        None => view.tr("ui.red_alert.nobody").to_string(),
    };
    let at = if a.since.date() == view.now.date() {
        a.since.format("%H:%M").to_string()
    } else {
        a.since.format("%m-%d %H:%M").to_string()
    };
    trf(
        view.lang,
        "ui.red_alert.made_red",
        &[("who", &who), ("at", &at)],
    )
}

pub fn draw(frame: &mut Frame, area: Rect, alerts: &RedAlerts, view: &View) {
    let Some(a) = alerts.current() else {
        return;
    };
    let width = usize::from(area.width);
    let title = trf(
        view.lang,
        "ui.red_alert.title",
        &[("n", &1), ("total", &alerts.len())],
    );
    let first = format!(" {title}{}  {}", a.case_no, reasons(a, view));
    let key = format!("  {} ", view.tr("ui.red_alert.key"));
    let room = width.saturating_sub(key.width());
    let second = format!(" {} · {}", made_red(a, view), a.summary);
    let second = format!("{}{key}", pad(&truncate(&second, room), room));
    let lines = vec![
        Line::raw(pad(&truncate(&first, width), width)),
        Line::raw(truncate(&second, width)),
    ];
    frame.render_widget(Paragraph::new(lines).style(view.theme.alert()), area);
}
