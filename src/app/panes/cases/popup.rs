//! The pane's popups: a pick list, a one-line text box, or a yes/no confirmation. What the
//! answer is for travels with the popup (`Flow`), so a multi-step action is a chain of popups.
use crate::app::text_field::{Edit, TextField};
use crate::domain::case_filter::{Chip, Waiting};
use crate::domain::risk::Colour;
use crate::store::Outcome;
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterKind {
    Status,
    Colour,
    Category,
    Channel,
    Owner,
    Level,
    Received,
    Overdue,
    FollowUp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutcomeKind {
    Agreement,
    NoAgreement,
    Referred,
    Withdrawn,
}

/// What the answer of the popup is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flow {
    FilterKind,
    FilterValue,
    QueueOf,
    Assign,
    AssignReason { to: i64 },
    Note,
    Colour,
    ColourReason { to: Colour },
    Attempt,
    Escalate,
    OutcomeKind,
    Terms,
    Judicial { terms: String },
    ReferredTo,
    ReplyDays { to: String },
    OutcomeReason { kind: OutcomeKind },
    ConfirmOutcome(Outcome),
    Close,
    Reopen,
    ReferralBack,
    Wait,
    WaitNote { what: Waiting },
    Resume,
    ExtendDays,
    ExtendConsent { days: i64 },
    Referral,
    MergeCaseNo,
    MergeCase { gone: i64 },
    UndoPick,
    Undo { merge: i64 },
    PartyKeep,
    PartyGone { keep: i64 },
    MergeParty { keep: i64, gone: i64 },
    TeamMembers,
    TeamPlan { members: Vec<i64> },
}

#[derive(Debug, Clone)]
pub enum Body {
    Pick {
        options: Vec<(String, Choice)>,
        sel: usize,
    },
    Text {
        field: TextField,
        hint: String,
    },
    Confirm {
        text: String,
    },
}

#[derive(Debug, Clone)]
pub struct Popup {
    pub title: String,
    pub body: Body,
    pub flow: Flow,
}

/// What a key did to the popup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Open,
    Cancel,
    Picked(Choice),
    Text(String),
    Yes,
    No,
}

impl Popup {
    pub fn pick(title: String, options: Vec<(String, Choice)>, flow: Flow) -> Popup {
        Popup {
            title,
            body: Body::Pick { options, sel: 0 },
            flow,
        }
    }

    pub fn text(title: String, hint: String, flow: Flow) -> Popup {
        Popup {
            title,
            body: Body::Text {
                field: TextField::new(500),
                hint,
            },
            flow,
        }
    }

    /// A text question with `value` already typed in.
    pub fn ask(title: String, hint: String, flow: Flow, value: &str) -> Popup {
        let mut p = Popup::text(title, hint, flow);
        if let Body::Text { field, .. } = &mut p.body {
            field.set_value(value);
        }
        p
    }

    pub fn confirm(title: String, text: String, flow: Flow) -> Popup {
        Popup {
            title,
            body: Body::Confirm { text },
            flow,
        }
    }

    /// Typed text not yet submitted (quitting asks first).
    pub fn has_text(&self) -> bool {
        matches!(&self.body, Body::Text { field, .. } if !field.value().trim().is_empty())
    }

    pub fn key(&mut self, key: KeyEvent) -> Answer {
        if key.code == KeyCode::Esc {
            return Answer::Cancel;
        }
        match &mut self.body {
            Body::Pick { options, sel } => match key.code {
                KeyCode::Down | KeyCode::Char('j') => {
                    *sel = (*sel + 1).min(options.len().saturating_sub(1));
                    Answer::Open
                }
                KeyCode::Up | KeyCode::Char('k') => {
                    *sel = sel.saturating_sub(1);
                    Answer::Open
                }
                KeyCode::Enter => options
                    .get(*sel)
                    .map(|(_, c)| Answer::Picked(c.clone()))
                    .unwrap_or(Answer::Cancel),
                // Digits pick directly (1–9).
                KeyCode::Char(c @ '1'..='9') => {
                    let i = c as usize - '1' as usize;
                    options
                        .get(i)
                        .map(|(_, c)| Answer::Picked(c.clone()))
                        .unwrap_or(Answer::Open)
                }
                _ => Answer::Open,
            },
            Body::Text { field, .. } => match key.code {
                KeyCode::Enter => Answer::Text(field.value().trim().to_string()),
                _ => {
                    let _ = field.key(key) == Edit::Ignored;
                    Answer::Open
                }
            },
            Body::Confirm { .. } => match key.code {
                KeyCode::Char('y' | 'Y') | KeyCode::Enter => Answer::Yes,
                KeyCode::Char('n' | 'N') => Answer::No,
                _ => Answer::Open,
            },
        }
    }

    pub fn paste(&mut self, text: &str) {
        if let Body::Text { field, .. } = &mut self.body {
            field.paste(text);
        }
    }
}
