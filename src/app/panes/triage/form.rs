//! The intake form's fields and the focus order Tab walks; its draft is in form_draft.rs.
pub use super::party_form::{PField, PartyForm};
use crate::app::focus::{self, Dir};
use crate::app::text_field::TextField;
use crate::domain::category;
use crate::domain::channel::Channel;
use crate::domain::party::PartyRole;
use crate::domain::risk::{Colour, RiskFlag};

/// Languages offered for a party; "hmn" is Miao (routing needs a Miao-speaking mediator).
pub const LANGUAGES: &[&str] = &["zh", "hmn", "yue", "en"];

/// Where the keyboard is. Tab and Shift-Tab walk `Form::focus_order`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Channel,
    Party(usize, PField),
    Category,
    Summary,
    Description,
    Amount,
    People,
    Risk,
    Routing,
}

/// The parts of the form Enter skips between: leaving a field empty ends its part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Channel,
    Party(usize),
    Category,
    Details,
    Risk,
    Routing,
}

impl Focus {
    /// Where the form opens: the applicant's name, which a clerk types first. The channel
    /// keeps its default (walk-in) and is one Shift+Tab away.
    pub const FIRST: Focus = Focus::Party(0, PField::Name);

    pub fn section(self) -> Section {
        match self {
            Focus::Channel => Section::Channel,
            Focus::Party(i, _) => Section::Party(i),
            Focus::Category => Section::Category,
            Focus::Summary | Focus::Description | Focus::Amount | Focus::People => Section::Details,
            Focus::Risk => Section::Risk,
            Focus::Routing => Section::Routing,
        }
    }

    /// A field typed in (the category's filter included), not a choice or a list.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Focus::Party(
                _,
                PField::Name | PField::Phone | PField::IdNumber | PField::Address
            ) | Focus::Category
                | Focus::Summary
                | Focus::Description
                | Focus::Amount
                | Focus::People
        )
    }

    /// Where Enter stops: the fields typed in and the category, risk and routing lists. The
    /// choices that keep their default for most visitors (channel, language, interpreter,
    /// vulnerability) are reached with Tab or ↓.
    fn enter_stops(self) -> bool {
        !matches!(
            self,
            Focus::Channel
                | Focus::Party(
                    _,
                    PField::Language | PField::Interpreter | PField::Vulnerability
                )
        )
    }
}

#[derive(Debug, Clone)]
pub struct Form {
    pub channel: Channel,
    pub parties: Vec<PartyForm>,
    /// What the clerk typed to filter categories, and the highlighted row of the filtered list.
    pub category_filter: TextField,
    pub category_row: usize,
    pub category: Option<String>,
    pub summary: TextField,
    pub description: TextField,
    pub amount: TextField,
    pub people: TextField,
    /// Flags ticked by the clerk (computed ones are derived from the form).
    pub flags: Vec<RiskFlag>,
    /// The colour chosen by the clerk, when it differs from the computed one.
    pub colour: Option<Colour>,
    pub colour_reason: String,
    pub red_ack: [bool; 3],
    /// The mediator the clerk accepted from the routing list.
    pub owner: Option<i64>,
    pub focus: Focus,
}

impl Default for Form {
    fn default() -> Self {
        Form {
            channel: Channel::WalkIn,
            parties: vec![
                PartyForm::new(PartyRole::Applicant),
                PartyForm::new(PartyRole::Respondent),
            ],
            category_filter: TextField::new(20),
            category_row: 0,
            category: None,
            summary: TextField::new(80),
            description: TextField::new(2000),
            amount: TextField::new(12),
            people: TextField::new(6),
            flags: Vec::new(),
            colour: None,
            colour_reason: String::new(),
            red_ack: [false; 3],
            owner: None,
            focus: Focus::FIRST,
        }
    }
}

impl Form {
    pub fn focus_order(&self) -> Vec<Focus> {
        let mut out = vec![Focus::Channel];
        for i in 0..self.parties.len() {
            out.extend(PField::ALL.iter().map(|f| Focus::Party(i, *f)));
        }
        out.extend([
            Focus::Category,
            Focus::Summary,
            Focus::Description,
            Focus::Amount,
            Focus::People,
            Focus::Risk,
            Focus::Routing,
        ]);
        out
    }

    /// The first field after the focused one that takes typed text, without wrapping around.
    pub fn next_text_field(&self) -> Option<Focus> {
        let order = self.focus_order();
        let from = order.iter().position(|f| *f == self.focus)?;
        order[from + 1..].iter().copied().find(|f| f.takes_text())
    }

    /// Moves focus to the next or previous field, wrapping around.
    pub fn move_focus(&mut self, dir: Dir) {
        self.focus = focus::cycle(&self.focus_order(), self.focus, dir);
    }

    /// Enter: on to the next field to type in, as on a paper form; from a field left empty,
    /// to the first of the next part (an empty name skips that party's other fields, an empty
    /// description the amount and people). Stays put at the last stop.
    pub fn advance(&mut self, from_empty: bool) {
        let order = self.focus_order();
        let here = self.focus;
        let from = order.iter().position(|f| *f == here).unwrap_or(0);
        if let Some(next) = order[from + 1..]
            .iter()
            .find(|f| f.enter_stops() && !(from_empty && f.section() == here.section()))
        {
            self.focus = *next;
        }
    }

    pub fn text_mut(&mut self, f: Focus) -> Option<&mut TextField> {
        match f {
            Focus::Party(i, pf) => self.parties.get_mut(i)?.text_mut(pf),
            Focus::Category => Some(&mut self.category_filter),
            Focus::Summary => Some(&mut self.summary),
            Focus::Description => Some(&mut self.description),
            Focus::Amount => Some(&mut self.amount),
            Focus::People => Some(&mut self.people),
            _ => None,
        }
    }

    pub fn categories(&self) -> Vec<&'static category::Category> {
        category::filter(self.category_filter.value())
    }

    /// Amount at stake in yuan: digits only (commas and spaces allowed); None when blank/invalid.
    pub fn amount_yuan(&self) -> Option<i64> {
        let s: String = crate::domain::text::to_halfwidth_ascii(self.amount.value())
            .chars()
            .filter(|c| !matches!(c, ',' | ' ' | '，'))
            .collect();
        s.parse().ok()
    }

    pub fn amount_error(&self) -> bool {
        !self.amount.value().trim().is_empty() && self.amount_yuan().is_none_or(|a| a < 0)
    }

    pub fn people_count(&self) -> u32 {
        crate::domain::text::to_halfwidth_ascii(self.people.value())
            .trim()
            .parse()
            .unwrap_or(1)
            .max(1)
    }

    pub fn people_error(&self) -> bool {
        let s = crate::domain::text::to_halfwidth_ascii(self.people.value());
        !s.trim().is_empty() && s.trim().parse::<u32>().is_err()
    }

    pub fn is_blank(&self) -> bool {
        self.parties.iter().all(PartyForm::is_blank)
            && self.category.is_none()
            && self.summary.value().is_empty()
            && self.description.value().is_empty()
            && self.amount.value().is_empty()
            && self.people.value().is_empty()
            && self.flags.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn focus_walks_all_fields_and_wraps() {
        let mut f = Form::default();
        let n = f.focus_order().len();
        assert_eq!(n, 1 + 2 * PField::ALL.len() + 7);
        for _ in 0..n {
            f.move_focus(Dir::Next);
        }
        assert_eq!(f.focus, Focus::FIRST);
        f.move_focus(Dir::Prev);
        assert_eq!(f.focus, Focus::Channel);
    }

    #[test]
    fn enter_walks_the_typed_fields_and_an_empty_one_ends_its_part() {
        let mut f = Form {
            focus: Focus::Channel,
            ..Form::default()
        };
        f.advance(false);
        assert_eq!(f.focus, Focus::Party(0, PField::Name));
        for next in [PField::Phone, PField::IdNumber, PField::Address] {
            f.advance(false);
            assert_eq!(f.focus, Focus::Party(0, next));
        }
        f.advance(false);
        assert_eq!(
            f.focus,
            Focus::Party(1, PField::Name),
            "choices are for Tab"
        );
        f.advance(true);
        assert_eq!(f.focus, Focus::Category, "an empty name skips the party");
        f.focus = Focus::Party(0, PField::Phone);
        f.advance(true);
        assert_eq!(f.focus, Focus::Party(1, PField::Name));
        f.focus = Focus::Summary;
        f.advance(false);
        assert_eq!(f.focus, Focus::Description);
        f.advance(true);
        assert_eq!(f.focus, Focus::Risk, "amount and people skipped");
        f.advance(false);
        assert_eq!(f.focus, Focus::Routing);
        f.advance(false);
        assert_eq!(f.focus, Focus::Routing, "the last stop");
    }

    #[test]
    fn numbers_are_validated_as_typed() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let mut p = PartyForm::new(PartyRole::Applicant);
        assert_eq!(p.phone_error(), None, "blank is allowed");
        p.phone.set_value("1381234567");
        assert!(p.phone_error().is_some());
        p.phone.set_value("１３８１２３４５６７８");
        assert_eq!(p.phone_error(), None, "full-width digits normalised");
        p.id_number.set_value("110105194912310021");
        assert!(p.id_error(today).is_some(), "bad check digit");
        p.id_number.set_value("11010519491231002x");
        assert_eq!(p.id_error(today), None);
        let mut f = Form::default();
        f.people.set_value("abc");
        assert!(f.people_error());
        f.amount.set_value("-5");
        assert!(f.amount_error());
    }
}
