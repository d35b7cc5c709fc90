//! A small multi-line editor for the lead's handover notes: one `TextField` per line, so the
//! IME cursor and CJK widths are handled as in every other field.
use crate::app::text_field::{Edit, TextField};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Longest line; the whole note is bounded by the store (`NOTES_MAX_CHARS`).
const LINE_MAX: usize = 200;
const MAX_LINES: usize = 20;

pub struct NotesEditor {
    pub lines: Vec<TextField>,
    pub row: usize,
}

impl Default for NotesEditor {
    fn default() -> Self {
        NotesEditor {
            lines: vec![TextField::new(LINE_MAX)],
            row: 0,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotesKey {
    Changed,
    Moved,
    Ignored,
}

impl NotesEditor {
    pub fn text(&self) -> String {
        let lines: Vec<&str> = self.lines.iter().map(|l| l.value()).collect();
        lines.join("\n").trim_end().to_string()
    }

    pub fn set_text(&mut self, s: &str) {
        self.lines = s
            .lines()
            .take(MAX_LINES)
            .map(|l| {
                let mut f = TextField::new(LINE_MAX);
                f.set_value(l);
                f
            })
            .collect();
        if self.lines.is_empty() {
            self.lines.push(TextField::new(LINE_MAX));
        }
        self.row = 0;
    }

    pub fn key(&mut self, key: KeyEvent) -> NotesKey {
        if key.modifiers.contains(KeyModifiers::CONTROL) {
            return NotesKey::Ignored;
        }
        match key.code {
            KeyCode::Up => {
                self.row = self.row.saturating_sub(1);
                NotesKey::Moved
            }
            KeyCode::Down => {
                self.row = (self.row + 1).min(self.lines.len() - 1);
                NotesKey::Moved
            }
            KeyCode::Enter if self.lines.len() < MAX_LINES => {
                self.row += 1;
                self.lines.insert(self.row, TextField::new(LINE_MAX));
                NotesKey::Changed
            }
            KeyCode::Backspace
                if self.lines[self.row].value().is_empty() && self.lines.len() > 1 =>
            {
                self.lines.remove(self.row);
                self.row = self.row.saturating_sub(1);
                NotesKey::Changed
            }
            _ => match self.lines[self.row].key(key) {
                Edit::Changed | Edit::Truncated => NotesKey::Changed,
                Edit::Moved => NotesKey::Moved,
                _ => NotesKey::Ignored,
            },
        }
    }

    /// A paste keeps its line breaks: each pasted line becomes a line of the note.
    pub fn paste(&mut self, text: &str) {
        let mut parts = text.lines();
        if let Some(first) = parts.next() {
            self.lines[self.row].paste(first);
        }
        for p in parts {
            if self.lines.len() >= MAX_LINES {
                break;
            }
            self.row += 1;
            let mut f = TextField::new(LINE_MAX);
            f.paste(p);
            self.lines.insert(self.row, f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEvent;

    fn k(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn lines_are_typed_split_and_joined() {
        let mut e = NotesEditor::default();
        for c in "回访".chars() {
            e.key(k(KeyCode::Char(c)));
        }
        e.key(k(KeyCode::Enter));
        e.paste("注意\n安全");
        assert_eq!(e.text(), "回访\n注意\n安全");
        e.key(k(KeyCode::Enter));
        assert_eq!(e.key(k(KeyCode::Backspace)), NotesKey::Changed);
        assert_eq!(e.lines.len(), 3);
        e.set_text("a\nb");
        assert_eq!((e.lines.len(), e.row, e.text().as_str()), (2, 0, "a\nb"));
    }
}
