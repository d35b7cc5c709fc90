//! Small drawing helpers shared by panes: CJK-safe truncation, centred popups, text fields,
//! and the "另有 N 项" line of a panel that leaves rows out.
use crate::app::text_field::TextField;
use crate::ui::View;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
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

/// What a panel leaves out for lack of room: items of a list, or lines of a page below.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Left {
    Items,
    Lines,
}

/// The one line every panel that leaves rows out for lack of room shows: "另有 N 项" /
/// "N more" (a page: "↓ 另有 N 行"); None when nothing is left out. A bordered panel carries it
/// on its bottom border (`with_more`), a bare list on its last row (`window`).
pub fn more(view: &View, n: usize, what: Left) -> Option<Line<'static>> {
    if n == 0 {
        return None;
    }
    let key = match what {
        Left::Items => "ui.more.items",
        Left::Lines => "ui.more.lines",
    };
    let text = crate::i18n::trf(view.lang, key, &[("n", &n)]);
    Some(Line::from(Span::styled(text, view.theme.dim())))
}

/// `block` with the "另有 N 项" line on its bottom border, at the right.
pub fn with_more<'a>(block: Block<'a>, view: &View, n: usize, what: Left) -> Block<'a> {
    match more(view, n, what) {
        Some(mut line) => {
            line.spans.insert(0, Span::raw(" "));
            line.spans.push(Span::raw(" "));
            block.title_bottom(line.right_aligned())
        }
        None => block,
    }
}

/// The rows of a list of `len` that fit `height` with `sel` in view: (first, how many, how
/// many are left out). When some are left out, the last row is kept for the `more` line.
pub fn window(len: usize, sel: usize, height: usize) -> (usize, usize, usize) {
    if len <= height {
        return (0, len, 0);
    }
    let shown = height.saturating_sub(1);
    if shown == 0 {
        return (0, 0, len);
    }
    let first = (sel + 1).saturating_sub(shown).min(len - shown);
    (first, shown, len - shown)
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
    fn a_window_keeps_the_selection_and_a_row_for_what_is_left_out() {
        assert_eq!(window(3, 2, 5), (0, 3, 0), "all fit");
        assert_eq!(window(5, 0, 5), (0, 5, 0));
        assert_eq!(window(10, 0, 5), (0, 4, 6));
        assert_eq!(window(10, 3, 5), (0, 4, 6));
        assert_eq!(window(10, 4, 5), (1, 4, 6));
        assert_eq!(window(10, 9, 5), (6, 4, 6));
        assert_eq!(window(10, 0, 1), (0, 0, 10), "one row: the note alone");
        assert_eq!(window(10, 0, 0), (0, 0, 10));
    }

    #[test]
    fn more_says_how_many_in_either_language() {
        use crate::app::Session;
        use crate::domain::role::Role;
        use crate::i18n::Lang;
        use crate::store::Actor;
        let user = Session {
            actor: Actor {
                staff_id: 1,
                role: Role::Desk,
            },
            code: "D001".into(),
            name: "张丽".into(),
        };
        let place = crate::app::place::Place::default();
        let view = |lang| View {
            lang,
            theme: crate::ui::theme::Theme { color: false },
            now: chrono::NaiveDateTime::default(),
            user: &user,
            place: &place,
        };
        let text = |lang, n, what| more(&view(lang), n, what).map(|l| l.to_string());
        assert_eq!(text(Lang::Zh, 0, Left::Items), None);
        assert_eq!(text(Lang::Zh, 3, Left::Items).as_deref(), Some("另有 3 项"));
        assert_eq!(text(Lang::En, 3, Left::Items).as_deref(), Some("3 more"));
        assert_eq!(
            text(Lang::Zh, 12, Left::Lines).as_deref(),
            Some("↓ 另有 12 行")
        );
        assert_eq!(
            text(Lang::En, 12, Left::Lines).as_deref(),
            Some("↓ 12 more lines")
        );
    }

    #[test]
    fn centered_never_exceeds_area() {
        let r = centered(Rect::new(0, 0, 3, 2), 40, 10);
        assert_eq!(r, Rect::new(0, 0, 3, 2));
        let r = centered(Rect::new(0, 0, 80, 24), 40, 10);
        assert_eq!(r, Rect::new(20, 7, 40, 10));
    }
}
