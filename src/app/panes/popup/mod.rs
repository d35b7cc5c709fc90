//! The one popup model of every pane. A pane keeps its popups in a small stack (gitui's
//! `popup_stack.rs`); its popup type implements `Popup`: a key (or a paste) is answered with
//! `Reply` — taken, edited, closed, or an answer for the pane to act on. The popup's own state
//! (fields, ticks, choices) lives in the popup; what an answer does to the store lives in the
//! pane, which gets the popup back with the answer and opens it again to keep it (a refusal
//! keeps what was typed). Drawing is in `ui/panes/<pane>/`, bottom of the stack first.
use crate::app::keys::KeyHelp;
use ratatui::crossterm::event::KeyEvent;

/// What a popup answers to a key or a paste.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply<A> {
    /// Taken; the popup stays open as it now is.
    Stay,
    /// Taken, and the typed content changed (the pane keeps its draft).
    Edited,
    /// Closed with no answer (Esc, "no").
    Close,
    /// An answer: the popup comes off the stack and goes to the pane with it.
    Act(A),
}

/// A pane's popup: what it does with keys; its drawing lives in the ui layer.
pub trait Popup {
    /// What the pane is asked to do.
    type Action;

    fn key(&mut self, key: KeyEvent) -> Reply<Self::Action>;

    fn paste(&mut self, _text: &str) -> Reply<Self::Action> {
        Reply::Stay
    }

    /// Typed and not yet submitted (quitting asks first).
    fn has_unsaved(&self) -> bool {
        false
    }

    /// The keys shown in the hint line and the help overlay; None keeps the pane's own.
    fn help(&self) -> Option<&'static [KeyHelp]> {
        None
    }
}

/// What became of a key or a paste the pane offered its popups.
#[derive(Debug, PartialEq, Eq)]
pub enum Routed<P, A> {
    /// No popup is open: the key is the pane's.
    NoPopup,
    /// A popup took it; nothing more to do.
    Taken,
    /// A popup took it and its typed content changed (`top()` is that popup).
    Edited,
    /// A popup answered and is off the stack: the pane acts (`open` keeps it open).
    Act(P, A),
}

/// The open popups, the last on top. Only the top one gets keys.
#[derive(Debug, Clone)]
pub struct PopupStack<P> {
    stack: Vec<P>,
}

impl<P> Default for PopupStack<P> {
    fn default() -> Self {
        PopupStack { stack: Vec::new() }
    }
}

impl<P: Popup> PopupStack<P> {
    pub fn open(&mut self, p: P) {
        self.stack.push(p);
    }

    /// Closes every open popup and opens `p`.
    pub fn replace(&mut self, p: P) {
        self.stack.clear();
        self.stack.push(p);
    }

    /// Takes the top popup off.
    pub fn close(&mut self) -> Option<P> {
        self.stack.pop()
    }

    pub fn clear(&mut self) {
        self.stack.clear();
    }

    pub fn top(&self) -> Option<&P> {
        self.stack.last()
    }

    pub fn top_mut(&mut self) -> Option<&mut P> {
        self.stack.last_mut()
    }

    pub fn is_open(&self) -> bool {
        !self.stack.is_empty()
    }

    /// Bottom to top: the order they are drawn in.
    pub fn iter(&self) -> impl Iterator<Item = &P> {
        self.stack.iter()
    }

    /// Offers `key` to the top popup.
    pub fn key(&mut self, key: KeyEvent) -> Routed<P, P::Action> {
        match self.stack.last_mut() {
            Some(top) => {
                let reply = top.key(key);
                self.route(reply)
            }
            None => Routed::NoPopup,
        }
    }

    /// Offers pasted text to the top popup.
    pub fn paste(&mut self, text: &str) -> Routed<P, P::Action> {
        match self.stack.last_mut() {
            Some(top) => {
                let reply = top.paste(text);
                self.route(reply)
            }
            None => Routed::NoPopup,
        }
    }

    fn route(&mut self, reply: Reply<P::Action>) -> Routed<P, P::Action> {
        match reply {
            Reply::Stay => Routed::Taken,
            Reply::Edited => Routed::Edited,
            Reply::Close => {
                self.stack.pop();
                Routed::Taken
            }
            Reply::Act(a) => match self.stack.pop() {
                Some(p) => Routed::Act(p, a),
                None => Routed::Taken,
            },
        }
    }

    pub fn has_unsaved(&self) -> bool {
        self.stack.iter().any(Popup::has_unsaved)
    }

    /// The top popup's keys, if it has keys of its own.
    pub fn help(&self) -> Option<&'static [KeyHelp]> {
        self.top().and_then(Popup::help)
    }
}

#[cfg(test)]
mod tests;
