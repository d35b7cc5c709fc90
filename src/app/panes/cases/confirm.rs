//! A yes/no confirmation: y or Enter says yes, n says no (some questions act on no too).
use super::popup::Answer;
use crate::app::panes::popup::Reply;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

#[derive(Debug, Clone)]
pub struct Confirm {
    pub text: String,
}

impl Confirm {
    pub(super) fn key(&mut self, key: KeyEvent) -> Reply<Answer> {
        match key.code {
            KeyCode::Char('y' | 'Y') | KeyCode::Enter => Reply::Act(Answer::Yes),
            KeyCode::Char('n' | 'N') => Reply::Act(Answer::No),
            _ => Reply::Stay,
        }
    }
}
