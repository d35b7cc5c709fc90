//! The intake form's fields, the focus order Tab walks, and the draft it is saved as.
use crate::app::text_field::TextField;
use crate::domain::channel::Channel;
use crate::domain::party::{PartyRole, Vulnerability};
use crate::domain::risk::{Colour, RiskFlag};
use crate::domain::{category, idnum, phone};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Languages offered for a party; "hmn" is Miao (routing needs a Miao-speaking mediator).
pub const LANGUAGES: &[&str] = &["zh", "hmn", "yue", "en"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PField {
    Name,
    Phone,
    IdNumber,
    Address,
    Language,
    Interpreter,
    Vulnerability,
}

impl PField {
    pub const ALL: [PField; 7] = [
        PField::Name,
        PField::Phone,
        PField::IdNumber,
        PField::Address,
        PField::Language,
        PField::Interpreter,
        PField::Vulnerability,
    ];

    pub fn label_key(self) -> &'static str {
        match self {
            PField::Name => "ui.triage.name",
            PField::Phone => "ui.triage.phone",
            PField::IdNumber => "ui.triage.id_number",
            PField::Address => "ui.triage.address",
            PField::Language => "ui.triage.language",
            PField::Interpreter => "ui.triage.interpreter",
            PField::Vulnerability => "ui.triage.vulnerability",
        }
    }
}

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

#[derive(Debug, Clone)]
pub struct PartyForm {
    pub role: PartyRole,
    pub name: TextField,
    pub phone: TextField,
    pub id_number: TextField,
    pub address: TextField,
    /// Index into `LANGUAGES`.
    pub language: usize,
    pub interpreter: bool,
    pub vulnerability: Vec<Vulnerability>,
}

impl PartyForm {
    pub fn new(role: PartyRole) -> Self {
        PartyForm {
            role,
            name: TextField::new(40),
            phone: TextField::new(24),
            id_number: TextField::new(24),
            address: TextField::new(120),
            language: 0,
            interpreter: false,
            vulnerability: Vec::new(),
        }
    }

    pub fn language(&self) -> &'static str {
        LANGUAGES.get(self.language).copied().unwrap_or("zh")
    }

    pub fn text_mut(&mut self, f: PField) -> Option<&mut TextField> {
        match f {
            PField::Name => Some(&mut self.name),
            PField::Phone => Some(&mut self.phone),
            PField::IdNumber => Some(&mut self.id_number),
            PField::Address => Some(&mut self.address),
            _ => None,
        }
    }

    pub fn text(&self, f: PField) -> Option<&TextField> {
        match f {
            PField::Name => Some(&self.name),
            PField::Phone => Some(&self.phone),
            PField::IdNumber => Some(&self.id_number),
            PField::Address => Some(&self.address),
            _ => None,
        }
    }

    /// The translation key of what is wrong with the typed phone number, if anything.
    pub fn phone_error(&self) -> Option<&'static str> {
        let s = self.phone.value().trim();
        if s.is_empty() {
            return None;
        }
        phone::parse_phone(s).err().map(|e| e.i18n_key())
    }

    pub fn id_error(&self, today: NaiveDate) -> Option<&'static str> {
        let s = self.id_number.value().trim();
        if s.is_empty() {
            return None;
        }
        idnum::parse_id_number(s, today).err().map(|e| e.i18n_key())
    }

    pub fn is_blank(&self) -> bool {
        self.name.value().trim().is_empty()
            && self.phone.value().trim().is_empty()
            && self.id_number.value().trim().is_empty()
            && self.address.value().trim().is_empty()
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
            focus: Focus::Channel,
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

    /// Moves focus forward (`+1`) or back (`-1`), wrapping around.
    pub fn move_focus(&mut self, step: isize) {
        let order = self.focus_order();
        let i = order.iter().position(|f| *f == self.focus).unwrap_or(0) as isize;
        let n = order.len() as isize;
        self.focus = order[((i + step).rem_euclid(n)) as usize];
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

/// The whole form as saved in the drafts table (TOML), so a crash loses nothing typed.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct FormDraft {
    pub channel: String,
    pub parties: Vec<PartyDraft>,
    pub category_filter: String,
    pub category: Option<String>,
    pub summary: String,
    pub description: String,
    pub amount: String,
    pub people: String,
    pub flags: Vec<String>,
    pub colour: Option<String>,
    pub colour_reason: String,
    pub owner: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PartyDraft {
    pub role: String,
    pub name: String,
    pub phone: String,
    pub id_number: String,
    pub address: String,
    pub language: String,
    pub interpreter: bool,
    pub vulnerability: Vec<String>,
}

impl Form {
    pub fn to_draft(&self) -> String {
        let d = FormDraft {
            channel: self.channel.code().into(),
            parties: self
                .parties
                .iter()
                .map(|p| PartyDraft {
                    role: p.role.code().into(),
                    name: p.name.value().into(),
                    phone: p.phone.value().into(),
                    id_number: p.id_number.value().into(),
                    address: p.address.value().into(),
                    language: p.language().into(),
                    interpreter: p.interpreter,
                    vulnerability: p.vulnerability.iter().map(|v| v.code().into()).collect(),
                })
                .collect(),
            category_filter: self.category_filter.value().into(),
            category: self.category.clone(),
            summary: self.summary.value().into(),
            description: self.description.value().into(),
            amount: self.amount.value().into(),
            people: self.people.value().into(),
            flags: self.flags.iter().map(|f| f.code().into()).collect(),
            colour: self.colour.map(|c| c.code().into()),
            colour_reason: self.colour_reason.clone(),
            owner: self.owner,
        };
        toml::to_string(&d).unwrap_or_default()
    }

    /// Rebuilds a form from a draft body; None when the body is not a draft at all.
    pub fn from_draft(body: &str) -> Option<Form> {
        let d: FormDraft = toml::from_str(body).ok()?;
        let mut f = Form {
            channel: Channel::from_code(&d.channel).unwrap_or(Channel::WalkIn),
            parties: Vec::new(),
            ..Form::default()
        };
        for p in &d.parties {
            let mut pf = PartyForm::new(PartyRole::from_code(&p.role).unwrap_or(PartyRole::Other));
            pf.name.set_value(&p.name);
            pf.phone.set_value(&p.phone);
            pf.id_number.set_value(&p.id_number);
            pf.address.set_value(&p.address);
            pf.language = LANGUAGES.iter().position(|l| *l == p.language).unwrap_or(0);
            pf.interpreter = p.interpreter;
            pf.vulnerability = p
                .vulnerability
                .iter()
                .filter_map(|v| Vulnerability::from_code(v))
                .collect();
            f.parties.push(pf);
        }
        if f.parties.is_empty() {
            f.parties.push(PartyForm::new(PartyRole::Applicant));
        }
        f.category_filter.set_value(&d.category_filter);
        f.category = d.category.filter(|c| category::find(c).is_some());
        f.summary.set_value(&d.summary);
        f.description.set_value(&d.description);
        f.amount.set_value(&d.amount);
        f.people.set_value(&d.people);
        f.flags = d
            .flags
            .iter()
            .filter_map(|c| RiskFlag::from_code(c))
            .collect();
        f.colour = d.colour.as_deref().and_then(Colour::from_code);
        f.colour_reason = d.colour_reason;
        f.owner = d.owner;
        Some(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draft_round_trips_every_field() {
        let mut f = Form {
            channel: Channel::Grid,
            ..Form::default()
        };
        f.parties[0].name.set_value("单 \"伟\"\n");
        f.parties[0].phone.set_value("138");
        f.parties[0].language = 1;
        f.parties[0].interpreter = true;
        f.parties[0].vulnerability = vec![Vulnerability::Elderly];
        f.parties[1].name.set_value("李娜");
        f.category = Some("neighbour".into());
        f.summary.set_value("漏水");
        f.amount.set_value("5,000");
        f.flags = vec![RiskFlag::Agitated];
        f.colour = Some(Colour::Green);
        f.colour_reason = "已当场答复".into();
        f.owner = Some(7);
        let g = Form::from_draft(&f.to_draft()).expect("parses");
        assert_eq!(g.to_draft(), f.to_draft());
        assert_eq!(g.parties[0].language(), "hmn");
        assert_eq!(g.amount_yuan(), Some(5000));
        assert!(Form::from_draft("not = [toml").is_none());
    }

    #[test]
    fn focus_walks_all_fields_and_wraps() {
        let mut f = Form::default();
        let n = f.focus_order().len();
        assert_eq!(n, 1 + 2 * PField::ALL.len() + 7);
        for _ in 0..n {
            f.move_focus(1);
        }
        assert_eq!(f.focus, Focus::Channel);
        f.move_focus(-1);
        assert_eq!(f.focus, Focus::Routing);
    }

    #[test]
    fn numbers_are_validated_as_typed() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
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
