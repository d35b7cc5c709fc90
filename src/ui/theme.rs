//! Colours and emphasis. With NO_COLOR set, everything is plain except bold and reverse.
use crate::domain::risk::Colour;
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn tab_active(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn ok(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn focus(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn status_bar(self) -> Style {
        if self.color {
            Style::new().bg(Color::Blue).fg(Color::White)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// A red alert across the screen: white on red; with NO_COLOR, reversed and bold.
    pub fn alert(self) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        if self.color {
            style.bg(Color::Red).fg(Color::White)
        } else {
            style.add_modifier(Modifier::REVERSED)
        }
    }

    /// The risk colour itself; with NO_COLOR the label carries the meaning, red stays bold.
    pub fn risk(self, c: Colour) -> Style {
        if !self.color {
            return if c == Colour::Red {
                Style::new().add_modifier(Modifier::BOLD)
            } else {
                Style::new()
            };
        }
        let col = match c {
            Colour::Red => Color::Red,
            Colour::Orange => Color::Rgb(255, 140, 0),
            Colour::Yellow => Color::Yellow,
            Colour::Blue => Color::Blue,
            Colour::Green => Color::Green,
        };
        Style::new().fg(col).add_modifier(Modifier::BOLD)
    }
}
