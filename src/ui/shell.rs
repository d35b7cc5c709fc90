//! The frame around the panes: tab bar, key hints / messages, status bar.
use super::View;
use super::widgets::truncate;
use crate::app::App;
use crate::app::panes::PaneId;
use crate::domain::risk::Colour;
use crate::i18n::tr;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

pub fn tabs(frame: &mut Frame, area: Rect, app: &App, view: &View) {
    let mut spans = vec![Span::styled(" onedoor ", view.theme.title())];
    for (i, p) in PaneId::ALL.iter().enumerate() {
        let label = format!(" F{} {} ", i + 2, view.tr(p.title_key()));
        let style = if *p == app.pane {
            view.theme.tab_active()
        } else {
            view.theme.dim()
        };
        spans.push(Span::styled(label, style));
        spans.push(Span::raw(" "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub fn hints(frame: &mut Frame, area: Rect, app: &App, view: &View) {
    let width = usize::from(area.width);
    let line = match &app.flash {
        Some(f) => {
            let style = if f.error {
                view.theme.error()
            } else {
                view.theme.ok()
            };
            Line::from(Span::styled(truncate(&f.text, width), style))
        }
        None => {
            let mut text = String::new();
            let pane_keys = app.panes.get(app.pane).help();
            for h in pane_keys
                .iter()
                .chain(crate::app::keys::GLOBAL_HELP.iter().take(1))
            {
                let item = format!("{} {}  ", h.keys, view.tr(h.what));
                if text.width() + item.width() > width {
                    break;
                }
                text.push_str(&item);
            }
            Line::from(Span::styled(text, view.theme.dim()))
        }
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// How the status bar shortens as the terminal narrows, least important first: the follow-ups'
/// long label, the role, the year, the weekday, then the name (the staff code stays). The colour
/// counts, the overdue count, the count of cases awaiting the centre's sign-off (several
/// centres only) and the time go last; the centre's name gets what is left.
/// Each step: (which `who`, which `clock`, the long follow-up label).
const STATUS_STEPS: [(usize, usize, bool); 6] = [
    (0, 0, true),
    (0, 0, false),
    (1, 0, false),
    (1, 1, false),
    (1, 2, false),
    (2, 2, false),
];

pub fn status(frame: &mut Frame, area: Rect, app: &App, view: &View) {
    let width = usize::from(area.width);
    let user = view.user;
    let name_code = format!("{}（{}）", user.name, user.code);
    let whos = [
        format!("{name_code}{}", view.tr(user.role().i18n_key())),
        name_code,
        user.code.to_string(),
    ];
    let weekday_key = format!("ui.weekday.{}", app.now.format("%u"));
    let weekday = tr(view.lang, &weekday_key);
    let (day, md, hm) = (
        app.now.format("%Y-%m-%d"),
        app.now.format("%m-%d"),
        app.now.format("%H:%M"),
    );
    let clocks = [
        format!("{day} {weekday} {hm}"),
        format!("{md} {weekday} {hm}"),
        format!("{md} {hm}"),
    ];
    // `*N`: red cases with no action yet today, marked `*` in the case list too.
    let idle = if app.counts.red_idle > 0 {
        format!(" *{}", app.counts.red_idle)
    } else {
        String::new()
    };
    let red = format!(
        "{} {}{idle}",
        view.tr(Colour::Red.i18n_key()),
        app.counts.red
    );
    let orange = format!(
        "{} {}",
        view.tr(Colour::Orange.i18n_key()),
        app.counts.orange
    );
    let bar = view.theme.status_bar();
    let mut overdue = crate::i18n::trf(
        view.lang,
        "ui.deadlines.status",
        &[("n", &app.counts.overdue)],
    );
    let fu_args: [(&str, &dyn std::fmt::Display); 2] = [
        ("today", &app.followup_counts.due_today),
        ("overdue", &app.followup_counts.overdue),
    ];
    let fu_long = crate::i18n::trf(view.lang, "ui.followups.status", &fu_args);
    let fu_short = crate::i18n::trf(view.lang, "ui.followups.status_short", &fu_args);
    // Separators: " " centre " │ " who " │ ", " " between the colours, " · ", " │ " clock, " ".
    let width_of = |(w, c, long): (usize, usize, bool)| {
        let fu = if long { &fu_long } else { &fu_short };
        whos[w].width() + red.width() + orange.width() + clocks[c].width() + fu.width() + 15
    };
    let with_overdue = overdue.width() + 1;
    // Hand-overs to sign for: only with several centres, and only when there are some.
    let mut awaiting = if view.place.several() && app.counts.awaiting > 0 {
        let n = app.counts.awaiting;
        crate::i18n::trf(view.lang, "ui.xfer.status_bar", &[("n", &n)])
    } else {
        String::new()
    };
    let with_awaiting = if awaiting.is_empty() {
        0
    } else {
        awaiting.width() + 1
    };
    // The long follow-up label only beside a few cells of the centre's name.
    let fits = |step: (usize, usize, bool), extra: usize| {
        width_of(step) + extra + if step.2 { 6 } else { 0 } <= width
    };
    let find = |extra| STATUS_STEPS.iter().copied().find(|s| fits(*s, extra));
    // Too narrow for both counts: the overdue count goes first, then the one to sign for.
    let step = match find(with_overdue + with_awaiting) {
        Some(step) => step,
        None => {
            overdue.clear();
            match find(with_awaiting).filter(|_| with_awaiting > 0) {
                Some(step) => step,
                None => {
                    awaiting.clear();
                    STATUS_STEPS[STATUS_STEPS.len() - 1]
                }
            }
        }
    };
    let (who, clock) = (&whos[step.0], &clocks[step.1]);
    let others = width_of(step)
        - if step.2 {
            fu_long.width()
        } else {
            fu_short.width()
        }
        + if overdue.is_empty() { 0 } else { with_overdue }
        + if awaiting.is_empty() {
            0
        } else {
            with_awaiting
        };
    let fu = if step.2 { fu_long } else { fu_short };
    // Fixed parts first; the centre's name gets what is left, or its place when under 6 cells.
    let mut fixed = others + fu.width();
    let room = width.saturating_sub(fixed);
    // Several centres: the person's own; one: the record's name, as always.
    let name = match view.place.own.as_ref().filter(|_| view.place.several()) {
        Some(own) => own.name.as_str(),
        None => app.centre.as_str(),
    };
    let head = if room >= 6 {
        let centre = truncate(name, room);
        fixed += centre.width();
        format!(" {centre} │ {who} │ ")
    } else {
        fixed -= 3;
        format!(" {who} │ ")
    };
    let used = fixed;
    let spans = vec![
        Span::styled(head, bar),
        Span::styled(red, view.theme.risk(Colour::Red).patch(bar)),
        Span::styled(" ", bar),
        Span::styled(orange, view.theme.risk(Colour::Orange).patch(bar)),
        Span::styled(if overdue.is_empty() { "" } else { " " }, bar),
        Span::styled(overdue, bar),
        Span::styled(if awaiting.is_empty() { "" } else { " " }, bar),
        Span::styled(awaiting, bar.patch(view.theme.focus())),
        // A dot, not a bar: the follow-up counts belong with the other counts.
        Span::styled(" · ", bar),
        Span::styled(fu, bar),
        Span::styled(
            format!(" │ {clock}{}", " ".repeat(width.saturating_sub(used) + 1)),
            bar,
        ),
    ];
    frame.render_widget(Paragraph::new(Line::from(spans)).style(bar), area);
}
