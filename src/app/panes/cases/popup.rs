//! The cases pane's popups on the one popup model. Three shapes, each in a file of its own:
//! a pick list (`pick.rs`), a one-line question (`ask.rs`) and a yes/no confirmation
//! (`confirm.rs`). What the answer is for travels with the popup (`Flow`); what it does, and
//! which popup comes next, is the one dispatch table in `flow.rs`.
use super::ask::Ask;
use super::confirm::Confirm;
use super::flow::Flow;
use super::pick::{Choice, Pick};
use crate::app::panes::popup::{self, Reply};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

#[derive(Debug, Clone)]
pub enum Body {
    Pick(Pick),
    Ask(Ask),
    Confirm(Confirm),
}

#[derive(Debug, Clone)]
pub struct Popup {
    pub title: String,
    pub body: Body,
    pub flow: Flow,
}

/// How a popup was answered; Esc closes it with no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Picked(Choice),
    Text(String),
    Yes,
    No,
}

impl Popup {
    pub fn pick(title: String, options: Vec<(String, Choice)>, flow: Flow) -> Popup {
        Popup {
            title,
            body: Body::Pick(Pick::new(options)),
            flow,
        }
    }

    pub fn text(title: String, hint: String, flow: Flow) -> Popup {
        Popup::ask(title, hint, flow, "")
    }

    /// A text question with `value` already typed in.
    pub fn ask(title: String, hint: String, flow: Flow, value: &str) -> Popup {
        Popup {
            title,
            body: Body::Ask(Ask::new(hint, value)),
            flow,
        }
    }

    pub fn confirm(title: String, text: String, flow: Flow) -> Popup {
        Popup {
            title,
            body: Body::Confirm(Confirm { text }),
            flow,
        }
    }
}

impl popup::Popup for Popup {
    type Action = Answer;

    fn key(&mut self, key: KeyEvent) -> Reply<Answer> {
        if key.code == KeyCode::Esc {
            return Reply::Close;
        }
        match &mut self.body {
            Body::Pick(p) => p.key(key),
            Body::Ask(a) => a.key(key),
            Body::Confirm(c) => c.key(key),
        }
    }

    fn paste(&mut self, text: &str) -> Reply<Answer> {
        if let Body::Ask(a) = &mut self.body {
            a.field.paste(text);
        }
        Reply::Stay
    }

    /// Typed text not yet submitted (quitting asks first).
    fn has_unsaved(&self) -> bool {
        matches!(&self.body, Body::Ask(a) if !a.field.value().trim().is_empty())
    }
}
