//! The popup stack with a toy popup: a name typed, Enter answers, Esc closes.
use super::*;
use crate::app::keys::help;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

#[derive(Debug, PartialEq, Eq)]
struct Ask {
    typed: String,
}

const ASK_HELP: &[KeyHelp] = &[help("Enter", "help.confirm")];

impl Popup for Ask {
    type Action = String;

    fn key(&mut self, key: KeyEvent) -> Reply<String> {
        match key.code {
            KeyCode::Esc => Reply::Close,
            KeyCode::Enter => Reply::Act(self.typed.clone()),
            KeyCode::Char(c) => {
                self.typed.push(c);
                Reply::Edited
            }
            _ => Reply::Stay,
        }
    }

    fn has_unsaved(&self) -> bool {
        !self.typed.is_empty()
    }

    fn help(&self) -> Option<&'static [KeyHelp]> {
        Some(ASK_HELP)
    }
}

fn k(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ask(typed: &str) -> Ask {
    Ask {
        typed: typed.into(),
    }
}

#[test]
fn with_nothing_open_keys_are_the_panes() {
    let mut s = PopupStack::<Ask>::default();
    assert_eq!(s.key(k(KeyCode::Enter)), Routed::NoPopup);
    assert_eq!(s.paste("x"), Routed::NoPopup);
    assert!(!s.is_open() && !s.has_unsaved());
    assert_eq!(s.help(), None);
}

#[test]
fn the_top_popup_takes_keys_closes_and_answers() {
    let mut s = PopupStack::default();
    s.open(ask(""));
    assert_eq!(s.key(k(KeyCode::Char('a'))), Routed::Edited);
    assert_eq!(s.top(), Some(&ask("a")));
    assert!(s.has_unsaved());
    assert_eq!(s.key(k(KeyCode::Left)), Routed::Taken);
    assert_eq!(s.help(), Some(ASK_HELP));
    assert_eq!(
        s.key(k(KeyCode::Enter)),
        Routed::Act(ask("a"), "a".to_string()),
        "an answer hands the popup back, off the stack"
    );
    assert!(!s.is_open());
    s.open(ask("b"));
    assert_eq!(s.key(k(KeyCode::Esc)), Routed::Taken);
    assert!(!s.is_open(), "Esc closes");
}

#[test]
fn only_the_top_gets_keys_and_replace_closes_the_rest() {
    let mut s = PopupStack::default();
    s.open(ask("below"));
    s.open(ask(""));
    s.key(k(KeyCode::Char('x')));
    let drawn: Vec<&str> = s.iter().map(|a| a.typed.as_str()).collect();
    assert_eq!(drawn, ["below", "x"], "drawn bottom first");
    s.replace(ask("only"));
    assert_eq!(s.iter().count(), 1);
    assert_eq!(s.close(), Some(ask("only")));
    assert_eq!(s.close(), None);
}
