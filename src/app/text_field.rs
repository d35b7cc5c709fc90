//! A one-line text field: tui-input does the editing (cursor by display width, never inside a
//! character); this adds length limits, paste sanitising and masking. Every text box of the app
//! is one, so all take the readline keys a terminal user expects: Ctrl+A / Ctrl+E start / end,
//! Ctrl+U delete to the start, Ctrl+K to the end, Ctrl+W and Alt+Backspace the word before.
use crate::domain::text::sanitize_single_line;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tui_input::backend::crossterm::EventHandler;
use tui_input::{Input, InputRequest};

#[derive(Debug, Clone)]
pub struct TextField {
    input: Input,
    max_chars: usize,
    masked: bool,
}

/// What a key or paste did to the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// The key is not for a text field (Tab, Enter, Esc, function keys…).
    Ignored,
    /// Consumed; the value may or may not have changed.
    Moved,
    Changed,
    /// Changed, but the text was cut at the field's limit.
    Truncated,
}

impl TextField {
    pub fn new(max_chars: usize) -> Self {
        TextField {
            input: Input::default(),
            max_chars,
            masked: false,
        }
    }

    pub fn masked(mut self) -> Self {
        self.masked = true;
        self
    }

    pub fn is_masked(&self) -> bool {
        self.masked
    }

    pub fn value(&self) -> &str {
        self.input.value()
    }

    pub fn set_value(&mut self, s: &str) {
        let clean = sanitize_single_line(s, self.max_chars);
        self.input = Input::new(clean.text);
    }

    pub fn clear(&mut self) {
        self.input.reset();
    }

    /// Cursor column in display cells (a Chinese character is two).
    pub fn visual_cursor(&self) -> usize {
        if self.masked {
            self.input.cursor()
        } else {
            self.input.visual_cursor()
        }
    }

    /// First visible display column when the field is `width` cells wide.
    pub fn visual_scroll(&self, width: usize) -> usize {
        if self.masked {
            self.input.cursor().saturating_sub(width.saturating_sub(1))
        } else {
            self.input.visual_scroll(width)
        }
    }

    /// The text to draw: bullets for a masked field.
    pub fn display(&self) -> String {
        if self.masked {
            "•".repeat(self.input.value().chars().count())
        } else {
            self.input.value().to_string()
        }
    }

    pub fn key(&mut self, key: KeyEvent) -> Edit {
        if key.kind == KeyEventKind::Release {
            return Edit::Ignored;
        }
        let plain_char = matches!(key.code, KeyCode::Char(_))
            && !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        if plain_char && self.input.value().chars().count() >= self.max_chars {
            return Edit::Truncated;
        }
        if let KeyCode::Char(c) = key.code
            && plain_char
            && c.is_control()
        {
            return Edit::Moved;
        }
        let (ctrl, alt) = (
            KeyModifiers::CONTROL,
            KeyModifiers::ALT | KeyModifiers::META,
        );
        match key.code {
            // Readline's Ctrl+U deletes back to the start (tui-input's clears the whole line).
            KeyCode::Char('u') if key.modifiers == ctrl => {
                return match self.input.handle(InputRequest::DeleteFromStart) {
                    Some(change) if change.value => Edit::Changed,
                    _ => Edit::Moved,
                };
            }
            KeyCode::Char('w') if key.modifiers == ctrl => return self.delete_word_before(false),
            KeyCode::Backspace if key.modifiers.intersects(alt | ctrl) => {
                return self.delete_word_before(true);
            }
            _ => {}
        }
        match self.input.handle_event(&Event::Key(key)) {
            Some(change) if change.value => Edit::Changed,
            Some(_) => Edit::Moved,
            None => Edit::Ignored,
        }
    }

    /// Deletes from the cursor back to the start of the word before it: for Ctrl+W a word ends
    /// at whitespace (readline's unix-word-rubout), for Alt+Backspace at punctuation too
    /// (`1124-007` loses `007`). A run of Chinese characters is one word, as typed between
    /// spaces (Unicode word segmentation would take one character at a time).
    fn delete_word_before(&mut self, stop_at_punctuation: bool) -> Edit {
        let chars: Vec<char> = self.input.value().chars().collect();
        let cursor = self.input.cursor().min(chars.len());
        let in_word = |c: char| {
            if stop_at_punctuation {
                c.is_alphanumeric()
            } else {
                !c.is_whitespace()
            }
        };
        let mut start = cursor;
        while start > 0 && !in_word(chars[start - 1]) {
            start -= 1;
        }
        while start > 0 && in_word(chars[start - 1]) {
            start -= 1;
        }
        if start == cursor {
            return Edit::Moved;
        }
        let value: String = chars[..start].iter().chain(&chars[cursor..]).collect();
        self.input = Input::new(value).with_cursor(start);
        Edit::Changed
    }

    /// Inserts pasted text at the cursor: control characters and line breaks become spaces,
    /// and whatever would pass the limit is cut (a 1 MB paste costs one pass, never a hang).
    pub fn paste(&mut self, text: &str) -> Edit {
        let room = self
            .max_chars
            .saturating_sub(self.input.value().chars().count());
        let clean = sanitize_single_line(text, room);
        for c in clean.text.chars() {
            self.input.handle(InputRequest::InsertChar(c));
        }
        if clean.truncated {
            Edit::Truncated
        } else if clean.text.is_empty() {
            Edit::Moved
        } else {
            Edit::Changed
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn cursor_counts_display_cells_for_chinese() {
        let mut f = TextField::new(50);
        for c in "张伟ab".chars() {
            assert_eq!(f.key(k(KeyCode::Char(c))), Edit::Changed);
        }
        assert_eq!(f.value(), "张伟ab");
        assert_eq!(f.visual_cursor(), 6);
        f.key(k(KeyCode::Left));
        f.key(k(KeyCode::Left));
        f.key(k(KeyCode::Left));
        assert_eq!(
            f.visual_cursor(),
            2,
            "cursor sits after 张, never inside it"
        );
        f.key(k(KeyCode::Backspace));
        assert_eq!(f.value(), "伟ab");
    }

    #[test]
    fn paste_strips_controls_and_truncates() {
        let mut f = TextField::new(10);
        assert_eq!(f.paste("李\r\n娜\t\u{7}x"), Edit::Changed);
        assert_eq!(f.value(), "李 娜 x");
        let big = "漏".repeat(1_000_000);
        assert_eq!(f.paste(&big), Edit::Truncated);
        assert_eq!(f.value().chars().count(), 10);
        assert_eq!(f.key(k(KeyCode::Char('z'))), Edit::Truncated);
    }

    #[test]
    fn releases_and_navigation_keys_are_not_text() {
        let mut f = TextField::new(10);
        let mut release = k(KeyCode::Char('a'));
        release.kind = KeyEventKind::Release;
        assert_eq!(f.key(release), Edit::Ignored);
        assert_eq!(f.key(k(KeyCode::Tab)), Edit::Ignored);
        assert_eq!(f.key(k(KeyCode::Enter)), Edit::Ignored);
        assert_eq!(f.value(), "");
    }

    fn with(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    /// The readline keys, on Chinese text: Ctrl+A / Ctrl+E, Ctrl+U to the start (not the whole
    /// line), Ctrl+W and Alt+Backspace the word before the cursor, Ctrl+K to the end.
    #[test]
    fn readline_keys_edit_by_word_and_line() {
        let ctrl = |c| with(KeyCode::Char(c), KeyModifiers::CONTROL);
        let mut f = TextField::new(50);
        f.set_value("王秀英 赡养费 纠纷");
        assert_eq!(f.key(ctrl('w')), Edit::Changed);
        assert_eq!(f.value(), "王秀英 赡养费 ");
        assert_eq!(
            f.key(with(KeyCode::Backspace, KeyModifiers::ALT)),
            Edit::Changed
        );
        assert_eq!(f.value(), "王秀英 ");
        assert_eq!(f.key(ctrl('a')), Edit::Moved);
        assert_eq!(f.visual_cursor(), 0);
        f.key(k(KeyCode::Char('老')));
        assert_eq!(f.value(), "老王秀英 ");
        assert_eq!(f.key(ctrl('e')), Edit::Moved);
        assert_eq!(f.visual_cursor(), 9);
        f.set_value("王秀英 赡养费");
        for _ in 0..3 {
            f.key(k(KeyCode::Left));
        }
        assert_eq!(f.key(ctrl('u')), Edit::Changed);
        assert_eq!(f.value(), "赡养费", "only what is before the cursor");
        assert_eq!(f.visual_cursor(), 0);
        assert_eq!(f.key(ctrl('u')), Edit::Moved, "nothing before: still taken");
        f.key(k(KeyCode::Right));
        assert_eq!(f.key(ctrl('k')), Edit::Changed);
        assert_eq!(f.value(), "赡");
        // Alt+Backspace stops at punctuation, Ctrl+W only at whitespace.
        f.set_value("漏水，多次 1124-007");
        f.key(with(KeyCode::Backspace, KeyModifiers::ALT));
        assert_eq!(f.value(), "漏水，多次 1124-");
        f.key(ctrl('w'));
        assert_eq!(f.value(), "漏水，多次 ");
        f.key(with(KeyCode::Backspace, KeyModifiers::ALT));
        assert_eq!(f.value(), "漏水，");
        assert_eq!(f.visual_cursor(), 6);
    }

    #[test]
    fn masked_field_shows_bullets() {
        let mut f = TextField::new(12).masked();
        f.paste("1234");
        assert_eq!(f.display(), "••••");
        assert_eq!(f.value(), "1234");
        assert_eq!(f.visual_cursor(), 4);
    }
}
