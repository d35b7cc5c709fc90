//! Turning the form into a case: the case's own rules (`NewCase::check`, the ones the store
//! applies again) answered with the field to fix, then what only the form can get wrong (a
//! number typed for the amount or people). The visitor's intake slip is `report::slip`.
use super::form::{Focus, Form, PField};
use crate::domain::intake::{Field, NewCase};
use crate::store::NewParty;
use chrono::NaiveDateTime;

/// What must be fixed before saving: the field to focus and the message key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Problem {
    pub focus: Focus,
    pub key: &'static str,
}

/// What the store would refuse, answered with the field to fix (the typed text is kept). The
/// colour's rules (`Field::Risk`) are left to the caller: the form asks for them in popups.
pub fn check(form: &Form, case: &NewCase) -> Option<Problem> {
    if let Err(p) = case.check() {
        let focus = match p.field {
            Field::Applicant => Some(Focus::Party(0, PField::Name)),
            Field::Category => Some(Focus::Category),
            Field::Summary => Some(Focus::Summary),
            Field::Phone(i) => Some(Focus::Party(i, PField::Phone)),
            Field::IdNumber(i) => Some(Focus::Party(i, PField::IdNumber)),
            Field::Risk => None,
        };
        if let Some(focus) = focus {
            return Some(Problem {
                focus,
                key: p.rule.i18n_key(),
            });
        }
    }
    let typed = [
        (form.amount_error(), Focus::Amount, "err.triage.amount"),
        (form.people_error(), Focus::People, "err.triage.people"),
    ];
    typed
        .into_iter()
        .find(|(bad, _, _)| *bad)
        .map(|(_, focus, key)| Problem { focus, key })
}

/// The case the form describes, one party per row of the form (rows left without a name are
/// not saved, but their numbers are checked and their place is the row's).
pub fn new_case(form: &Form, now: NaiveDateTime, earlier_visits: u32, may_route: bool) -> NewCase {
    let blank = |s: &str| {
        let t = s.trim();
        (!t.is_empty()).then(|| t.to_string())
    };
    NewCase {
        received_at: now,
        channel: form.channel,
        category: form.category.clone().unwrap_or_default(),
        flags: form.flags.clone(),
        colour: form.colour,
        colour_reason: form.colour_reason.clone(),
        red_acknowledged: form.red_ack.iter().all(|x| *x),
        summary: form.summary.value().to_string(),
        description: form.description.value().to_string(),
        amount_yuan: form.amount_yuan(),
        people: form.people_count(),
        earlier_visits,
        // The store routes it by the rule the form's proposal shows (domain::team_rule).
        team: None,
        owner_id: if may_route { form.owner } else { None },
        parties: form
            .parties
            .iter()
            .map(|p| {
                (
                    p.role,
                    NewParty {
                        existing_id: None,
                        name: p.name.value().trim().to_string(),
                        phone: blank(p.phone.value()),
                        id_number: blank(p.id_number.value()),
                        address: p.address.value().trim().to_string(),
                        language: p.language().to_string(),
                        needs_interpreter: p.interpreter,
                        vulnerability: p.vulnerability.clone(),
                    },
                )
            })
            .collect(),
    }
}
