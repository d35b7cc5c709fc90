//! A one-line question: a hint over a text box; Enter answers with what was typed, trimmed.
use super::popup::Answer;
use crate::app::panes::popup::Reply;
use crate::app::text_field::TextField;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// The longest answer a question takes.
const MAX_CHARS: usize = 500;

#[derive(Debug, Clone)]
pub struct Ask {
    pub field: TextField,
    pub hint: String,
}

impl Ask {
    pub fn new(hint: String, value: &str) -> Ask {
        let mut field = TextField::new(MAX_CHARS);
        field.set_value(value);
        Ask { field, hint }
    }

    pub(super) fn key(&mut self, key: KeyEvent) -> Reply<Answer> {
        match key.code {
            KeyCode::Enter => Reply::Act(Answer::Text(self.field.value().trim().to_string())),
            _ => {
                self.field.key(key);
                Reply::Stay
            }
        }
    }
}
