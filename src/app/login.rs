//! The login screen: staff code and PIN. Lockout and audit are the store's.
use super::text_field::{Edit, TextField};
use super::{App, Session};
use crate::i18n::trf;
use crate::store::{Actor, LoginError};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

#[derive(Debug, Clone)]
pub struct LoginForm {
    pub code: TextField,
    pub pin: TextField,
    /// 0: code, 1: PIN.
    pub focus: usize,
    /// The last refusal, translated when drawn.
    pub error: Option<LoginError>,
}

impl Default for LoginForm {
    fn default() -> Self {
        LoginForm {
            code: TextField::new(16),
            pin: TextField::new(12).masked(),
            focus: 0,
            error: None,
        }
    }
}

impl LoginForm {
    fn field(&mut self) -> &mut TextField {
        if self.focus == 0 {
            &mut self.code
        } else {
            &mut self.pin
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.field().paste(text);
    }

    /// The refusal as a sentence in the user's language.
    pub fn error_text(&self, lang: crate::i18n::Lang) -> Option<String> {
        self.error.as_ref().map(|e| error_message(e, lang))
    }
}

/// A refused login as a sentence in the user's language (the login screen and `--as`).
pub fn error_message(e: &LoginError, lang: crate::i18n::Lang) -> String {
    match e {
        LoginError::Wrong { attempts_left } => trf(lang, e.i18n_key(), &[("left", attempts_left)]),
        LoginError::Locked(until) => {
            trf(lang, e.i18n_key(), &[("until", &until.format("%H:%M:%S"))])
        }
        LoginError::Disabled => crate::i18n::tr(lang, e.i18n_key()).to_string(),
    }
}

pub fn on_key(app: &mut App, key: KeyEvent) {
    let form = &mut app.login;
    match key.code {
        _ if crate::app::focus::move_by_key(&mut form.focus, 2, key) => {}
        KeyCode::Esc => {
            *form = LoginForm::default();
        }
        KeyCode::Enter if form.focus == 0 => form.focus = 1,
        KeyCode::Enter => submit(app),
        _ => {
            if form.field().key(key) == Edit::Changed {
                form.error = None;
            }
        }
    }
}

fn submit(app: &mut App) {
    let code = app.login.code.value().trim().to_string();
    let pin = app.login.pin.value().to_string();
    match app.store.login(&code, &pin, app.now) {
        Ok(Ok(m)) => {
            tracing::info!(staff = m.code, role = ?m.role, "logged in");
            app.login = LoginForm::default();
            app.start_session(Session {
                actor: Actor {
                    staff_id: m.id,
                    role: m.role,
                },
                code: m.code,
                name: m.name,
            });
        }
        Ok(Err(e)) => {
            tracing::warn!(reason = e.i18n_key(), "login refused");
            app.login.pin.clear();
            app.login.error = Some(e);
        }
        Err(e) => {
            app.login.pin.clear();
            app.flash_error(e.logged());
        }
    }
}
