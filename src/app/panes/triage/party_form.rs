//! One party's part of the intake form: its fields and their checks.
use super::form::LANGUAGES;
use crate::app::text_field::TextField;
use crate::domain::party::{PartyRole, Vulnerability};
use crate::domain::{idnum, phone};
use chrono::NaiveDate;

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
