//! Small drawing helpers shared by panes: CJK-safe truncation, centred popups, text fields.
use crate::app::text_field::TextField;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthChar;

pub use crate::domain::text::{fit_parts, pad, truncate};

/// A rectangle of at most `w`×`h` centred in `area` (clamped, so tiny terminals never panic).
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Clears a popup's area. Clearing one cell wider on each side keeps a wide glyph that
/// straddles the edge from leaving half a character behind (ratatui #2526).
pub fn clear_popup(frame: &mut Frame, popup: Rect) {
    let area = frame.area();
    let x = popup.x.saturating_sub(1);
    let right = (popup.x + popup.width + 1).min(area.x + area.width);
    frame.render_widget(
        Clear,
        Rect {
            x,
            y: popup.y,
            width: right - x,
            height: popup.height,
        },
    );
}

/// Draws a one-line field: the visible part of its text by display width and, when focused,
/// the real terminal cursor at the right cell so the input method composes in place.
pub fn draw_field(frame: &mut Frame, area: Rect, field: &TextField, focused: bool, style: Style) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let width = usize::from(area.width);
    let scroll = field.visual_scroll(width);
    let text = field.display();
    let mut skipped = 0;
    let mut visible = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if skipped < scroll {
            skipped += w;
            continue;
        }
        if used + w > width {
            break;
        }
        visible.push(c);
        used += w;
    }
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(visible, style))),
        area,
    );
    if focused {
        let col = field
            .visual_cursor()
            .saturating_sub(scroll)
            .min(width.saturating_sub(1));
        let x = area.x + u16::try_from(col).unwrap_or(0);
        frame.set_cursor_position(Position { x, y: area.y });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn centered_never_exceeds_area() {
        let r = centered(Rect::new(0, 0, 3, 2), 40, 10);
        assert_eq!(r, Rect::new(0, 0, 3, 2));
        let r = centered(Rect::new(0, 0, 80, 24), 40, 10);
        assert_eq!(r, Rect::new(20, 7, 40, 10));
    }
}
