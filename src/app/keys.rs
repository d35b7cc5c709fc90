//! Key bindings of the shell, as data: the help overlay is generated from the same tables.
use super::panes::PaneId;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Global {
    Quit,
    Help,
    Pane(PaneId),
    ToggleLang,
    /// A lead has seen the red alert shown (app/red_alert.rs).
    AckRedAlert,
}

/// Keys that work everywhere, even while typing in a field (function keys and Ctrl+Q).
pub fn global(key: KeyEvent) -> Option<Global> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('q' | 'Q') if ctrl => Some(Global::Quit),
        KeyCode::Char('c') if ctrl => Some(Global::Quit),
        KeyCode::F(1) => Some(Global::Help),
        KeyCode::F(n @ 2..=6) => PaneId::ALL
            .get(usize::from(n) - 2)
            .map(|p| Global::Pane(*p)),
        KeyCode::F(12) => Some(Global::AckRedAlert),
        KeyCode::F(9) => Some(Global::ToggleLang),
        _ => None,
    }
}

/// One line of the help overlay: the keys as printed, and the translation key of what they do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyHelp {
    pub keys: &'static str,
    pub what: &'static str,
}

pub const fn help(keys: &'static str, what: &'static str) -> KeyHelp {
    KeyHelp { keys, what }
}

pub const GLOBAL_HELP: &[KeyHelp] = &[
    help("F1 / ?", "help.help"),
    help("F2–F6", "help.panes"),
    help("F9", "help.lang"),
    help("Esc", "help.back"),
    help("Enter", "help.confirm"),
    help("/", "help.search"),
    help("Ctrl+Q", "help.quit"),
    help("Ctrl+A/E/U/W", "help.text_keys"),
];

/// Keys of a role alerted to new red cases (domain/red_alert.rs), after the global ones.
pub const LEAD_HELP: &[KeyHelp] = &[help("F12", "help.red_ack")];
