//! A pick list: ↑/↓ (or j/k) and Enter, or a digit 1–9 to pick at once (0: the tenth).
use super::filters::FilterKind;
use super::outcome::OutcomeKind;
use super::popup::Answer;
use crate::app::panes::popup::Reply;
use crate::domain::case_filter::{Chip, Waiting};
use crate::domain::risk::Colour;
use crate::domain::transfer::ReturnCode;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// A value offered in a pick list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    FilterKind(FilterKind),
    Chip(Chip),
    Staff(i64),
    Unassigned,
    Colour(Colour),
    OutcomeKind(OutcomeKind),
    Waiting(Waiting),
    Case(i64),
    Merge(i64),
    Party(i64),
    /// A centre of the tree (a filter, where to hand a case down).
    Centre(i64),
    /// Why a hand-over is returned.
    ReturnCode(ReturnCode),
}

#[derive(Debug, Clone)]
pub struct Pick {
    pub options: Vec<(String, Choice)>,
    pub sel: usize,
}

impl Pick {
    pub fn new(options: Vec<(String, Choice)>) -> Pick {
        Pick { options, sel: 0 }
    }

    pub(super) fn key(&mut self, key: KeyEvent) -> Reply<Answer> {
        match key.code {
            KeyCode::Down | KeyCode::Char('j') => {
                self.sel = (self.sel + 1).min(self.options.len().saturating_sub(1));
                Reply::Stay
            }
            KeyCode::Up | KeyCode::Char('k') => {
                self.sel = self.sel.saturating_sub(1);
                Reply::Stay
            }
            KeyCode::Enter => self
                .options
                .get(self.sel)
                .map_or(Reply::Close, |(_, c)| Reply::Act(Answer::Picked(c.clone()))),
            KeyCode::Char(c @ '0'..='9') => {
                let i = (c as usize + 9 - '0' as usize) % 10;
                self.options
                    .get(i)
                    .map_or(Reply::Stay, |(_, c)| Reply::Act(Answer::Picked(c.clone())))
            }
            _ => Reply::Stay,
        }
    }
}
