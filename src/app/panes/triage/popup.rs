//! The triage pane's popups. One at a time; while one is open it takes every key.
use super::form::Form;
use crate::app::text_field::TextField;
use crate::domain::risk::Colour;

/// The three things a red case needs done at once (immediate-action checklist).
pub const RED_ITEMS: [&str; 3] = [
    "ui.triage.red.lead",
    "ui.triage.red.police",
    "ui.triage.red.safe",
];

#[derive(Debug, Clone)]
pub enum Popup {
    /// A draft from an earlier session (crash, restart): Enter restores, Esc discards.
    OfferDraft(Box<Form>),
    /// Esc on a filled form: Enter/Y discards, Esc/N stays.
    ConfirmDiscard,
    /// Lowering the colour below the computed one needs a written reason.
    LowerReason { to: Colour, reason: TextField },
    /// Red: shift lead told, police liaison told, visitor kept safe; all ticked to acknowledge.
    RedChecklist { ticks: [bool; 3], save_after: bool },
    /// Attach this visit to an open earlier case instead of registering a duplicate.
    ConfirmAttach { case_id: i64, case_no: String },
}

impl Popup {
    pub fn lower_reason(to: Colour) -> Popup {
        Popup::LowerReason {
            to,
            reason: TextField::new(200),
        }
    }
}
