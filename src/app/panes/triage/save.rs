//! Turning the form into a case: local checks first (which field to fix), then the store,
//! which enforces every rule again. The visitor's intake slip is `report::slip`.
use super::form::{Focus, Form, PField};
use crate::store::{NewCase, NewParty};
use chrono::NaiveDateTime;

/// What must be fixed before saving: the field to focus and the message key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Problem {
    pub focus: Focus,
    pub key: &'static str,
}

/// Checks the store would refuse, answered with the field to fix (the typed text is kept).
pub fn check(form: &Form, now: NaiveDateTime) -> Option<Problem> {
    for (i, p) in form.parties.iter().enumerate() {
        if let Some(key) = p.phone_error() {
            return Some(Problem {
                focus: Focus::Party(i, PField::Phone),
                key,
            });
        }
        if let Some(key) = p.id_error(now.date()) {
            return Some(Problem {
                focus: Focus::Party(i, PField::IdNumber),
                key,
            });
        }
    }
    let applicant = form.parties.iter().position(|p| {
        p.role == crate::domain::party::PartyRole::Applicant && !p.name.value().trim().is_empty()
    });
    let problems = [
        (
            applicant.is_none(),
            Focus::Party(0, PField::Name),
            "err.case.applicant",
        ),
        (
            form.category.is_none(),
            Focus::Category,
            "err.case.category",
        ),
        (
            form.summary.value().trim().is_empty(),
            Focus::Summary,
            "err.case.summary",
        ),
        (form.amount_error(), Focus::Amount, "err.triage.amount"),
        (form.people_error(), Focus::People, "err.triage.people"),
    ];
    problems
        .into_iter()
        .find(|(bad, _, _)| *bad)
        .map(|(_, focus, key)| Problem { focus, key })
}

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
            .filter(|p| !p.name.value().trim().is_empty())
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
