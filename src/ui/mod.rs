//! Rendering only: reads the app state and draws. No SQL, no blocking work.
mod alert;
mod help;
mod login;
pub mod panes;
mod shell;
pub mod theme;
pub mod widgets;

use crate::app::{App, Overlay, Session};
use crate::i18n::{Lang, tr, trf};
use chrono::NaiveDateTime;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::widgets::Paragraph;
use theme::Theme;

/// What every pane's draw function may read besides its own state.
pub struct View<'a> {
    pub lang: Lang,
    pub theme: Theme,
    pub now: NaiveDateTime,
    pub user: &'a Session,
    /// Where the user works in the county's tree of centres.
    pub place: &'a crate::app::place::Place,
}

impl View<'_> {
    pub fn tr<'k>(&self, key: &'k str) -> &'k str {
        tr(self.lang, key)
    }
}

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let theme = Theme {
        color: !app.no_color,
    };
    // Below the app's minimum a clear message is shown instead (and keys are ignored).
    if !crate::app::fits(area.width, area.height) {
        let msg = trf(
            app.lang,
            "ui.too_small",
            &[("w", &area.width), ("h", &area.height)],
        );
        frame.render_widget(
            Paragraph::new(msg).wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
        return;
    }
    let Some(user) = app.session.as_ref() else {
        login::draw(frame, area, app, theme);
        return;
    };
    let view = View {
        lang: app.lang,
        theme,
        now: app.now,
        user,
        place: &app.place,
    };
    let [tabs, banner, body, hints, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(alert::height(&app.alerts)),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    shell::tabs(frame, tabs, app, &view);
    alert::draw(frame, banner, &app.alerts, &view);
    panes::draw(frame, body, app, &view);
    shell::hints(frame, hints, app, &view);
    shell::status(frame, status, app, &view);
    match app.overlay {
        Overlay::Help => help::draw(frame, area, app, &view),
        Overlay::ConfirmQuit => help::confirm_quit(frame, area, &view),
        Overlay::None => {}
    }
}
