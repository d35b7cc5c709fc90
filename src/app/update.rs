//! `update(app, action)`: the one step the event loop and the tests drive. Keys go to the
//! overlays first, then the shell's global keys, then the pane, which bubbles what it does
//! not want back to the shell.
use super::{Action, App, COUNTS_EVERY, Flash, IDLE_CHECKPOINT, Overlay, keys, login};
use crate::app::panes::Handled;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

pub fn update(app: &mut App, action: Action) {
    match action {
        Action::Tick(now) => {
            app.now = now;
            if let Some(e) = app.names.poll() {
                let text = format!("{}: {e}", crate::i18n::tr(app.lang, "err.db.background"));
                app.flash = Some(Flash { text, error: true });
            }
            if let Some(e) = app.drafts.take_error() {
                app.flash = Some(Flash {
                    text: format!("{}: {e}", crate::i18n::tr(app.lang, "err.draft.save")),
                    error: true,
                });
            }
            let stale = app.counts_read_at.is_none_or(|t| {
                now - t >= chrono::Duration::from_std(COUNTS_EVERY).unwrap_or_default()
            });
            if app.session.is_some() && stale {
                app.refresh_counts();
            }
            app.poll_background();
            app.poll_live();
            app.with_ctx(|panes, pane, ctx| panes.tick(pane, ctx));
            let idle = chrono::Duration::from_std(IDLE_CHECKPOINT).unwrap_or_default();
            if !app.checkpointed && now - app.last_key_at >= idle {
                app.checkpoint();
                app.checkpointed = true;
            }
        }
        Action::Resize(w, h) => app.screen = Some((w, h)),
        // Nothing is typed into fields nobody can see.
        Action::Paste(_) if app.too_small() => {}
        Action::Paste(text) => {
            if app.session.is_none() {
                app.login.paste(&text);
            } else if app.overlay == Overlay::None {
                app.with_ctx(|panes, pane, ctx| panes.paste(pane, &text, ctx));
            }
        }
        Action::Key(key) => on_key(app, key),
    }
}

fn on_key(app: &mut App, key: KeyEvent) {
    // Windows terminals also report releases; act on presses (and auto-repeat) only.
    if key.kind == KeyEventKind::Release {
        return;
    }
    app.last_key_at = app.now;
    app.checkpointed = false;
    let cmd = keys::global(key);
    // While only the "too small" message shows, keys would act on a screen nobody sees:
    // all are ignored but quitting, which does not ask (the question could not be seen;
    // a typed form is kept as a draft and offered back at the next login).
    if app.too_small() {
        if cmd == Some(keys::Global::Quit) {
            app.quit = true;
        }
        return;
    }
    if cmd == Some(keys::Global::ToggleLang) {
        app.lang = app.lang.other();
        return;
    }
    match app.overlay {
        Overlay::Help => {
            let s = app.help_scroll;
            app.help_scroll = match key.code {
                KeyCode::Esc | KeyCode::F(1) | KeyCode::Char('?') | KeyCode::Enter => {
                    app.overlay = Overlay::None;
                    0
                }
                KeyCode::Down | KeyCode::Char('j') => s.saturating_add(1),
                KeyCode::Up | KeyCode::Char('k') => s.saturating_sub(1),
                KeyCode::PageDown | KeyCode::Char(' ') => s.saturating_add(10),
                KeyCode::PageUp => s.saturating_sub(10),
                KeyCode::Home => 0,
                KeyCode::End => u16::MAX,
                _ => s,
            }
            .min(app.help_max_scroll.get());
            return;
        }
        Overlay::ConfirmQuit => {
            match key.code {
                KeyCode::Char('y' | 'Y') | KeyCode::Enter => app.quit = true,
                KeyCode::Char('n' | 'N') | KeyCode::Esc => app.overlay = Overlay::None,
                _ => {}
            }
            return;
        }
        Overlay::None => {}
    }
    if cmd == Some(keys::Global::Quit) {
        if app.has_unsaved() {
            app.overlay = Overlay::ConfirmQuit;
        } else {
            app.quit = true;
        }
        return;
    }
    if app.session.is_none() {
        login::on_key(app, key);
        return;
    }
    if key.code != KeyCode::Esc {
        app.flash = None;
    }
    match cmd {
        Some(keys::Global::AckRedAlert) => {
            app.acknowledge_red();
            return;
        }
        Some(keys::Global::Help) if key.code == KeyCode::F(1) => {
            app.overlay = Overlay::Help;
            return;
        }
        Some(keys::Global::Pane(p)) => {
            app.goto(p);
            return;
        }
        _ => {}
    }
    let handled = app.with_ctx(|panes, pane, ctx| panes.key(pane, key, ctx));
    if handled == Some(Handled::Consumed) {
        return;
    }
    // Keys the pane did not want: the shell's plain-letter keys.
    if key.code == KeyCode::Char('?') && !key.modifiers.contains(KeyModifiers::CONTROL) {
        app.overlay = Overlay::Help;
    }
}
