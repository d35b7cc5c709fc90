//! The follow-up pane's popups: record a result, move, cancel, add, filter, confirm closing.
//! Each form owns its fields; the pane decides what a submitted form does to the store.
use crate::app::focus::move_by_key;
use crate::app::text_field::{Edit, TextField};
use crate::domain::followup::{Method, Performance};
use crate::domain::risk::Colour;
use crate::store::{FollowupCase, FollowupRow};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// One of a fixed list of values, changed with ←/→ (or space).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice<T: 'static> {
    pub options: &'static [T],
    pub index: usize,
}

impl<T: Copy + PartialEq> Choice<T> {
    pub fn new(options: &'static [T], value: T) -> Self {
        let index = options.iter().position(|o| *o == value).unwrap_or(0);
        Choice { options, index }
    }

    pub fn value(&self) -> T {
        self.options[self.index.min(self.options.len() - 1)]
    }

    /// ←/→/space move the choice; returns whether the key was one of those.
    pub fn key(&mut self, key: KeyEvent) -> bool {
        let n = self.options.len();
        match key.code {
            KeyCode::Left => self.index = (self.index + n - 1) % n,
            KeyCode::Right | KeyCode::Char(' ') => self.index = (self.index + 1) % n,
            _ => return false,
        }
        true
    }
}

pub const SATISFACTION: &[Option<u8>] = &[None, Some(1), Some(2), Some(3), Some(4), Some(5)];
pub const COLOURS: &[Option<Colour>] = &[
    None,
    Some(Colour::Red),
    Some(Colour::Orange),
    Some(Colour::Yellow),
    Some(Colour::Blue),
    Some(Colour::Green),
];

#[derive(Debug, Clone)]
pub struct RecordForm {
    pub row: FollowupRow,
    pub terms: Option<String>,
    pub method: Choice<Method>,
    pub reached: TextField,
    pub performance: Choice<Performance>,
    pub satisfaction: Choice<Option<u8>>,
    pub note: TextField,
    pub focus: usize,
}

impl RecordForm {
    pub const FIELDS: usize = 5;

    pub fn new(row: FollowupRow, terms: Option<String>) -> Self {
        RecordForm {
            row,
            terms,
            method: Choice::new(Method::ALL, Method::Phone),
            reached: TextField::new(40),
            performance: Choice::new(Performance::ALL, Performance::Fulfilled),
            satisfaction: Choice::new(SATISFACTION, None),
            note: TextField::new(200),
            focus: 0,
        }
    }

    /// Returns true when the typed content changed (so the draft is saved).
    pub fn key(&mut self, key: KeyEvent) -> bool {
        if move_by_key(&mut self.focus, Self::FIELDS, key) {
            return false;
        }
        match self.focus {
            0 => self.method.key(key),
            1 => edited(self.reached.key(key)),
            2 => self.performance.key(key),
            3 => {
                if let KeyCode::Char(c @ '0'..='5') = key.code {
                    self.satisfaction.index = usize::from(c as u8 - b'0');
                    return true;
                }
                self.satisfaction.key(key)
            }
            _ => edited(self.note.key(key)),
        }
    }

    pub fn paste(&mut self, text: &str) -> bool {
        match self.focus {
            1 => edited(self.reached.paste(text)),
            4 => edited(self.note.paste(text)),
            _ => false,
        }
    }

    pub fn has_text(&self) -> bool {
        !self.reached.value().trim().is_empty() || !self.note.value().trim().is_empty()
    }

    /// The draft body: the follow-up id and every field, one per line.
    pub fn draft(&self) -> String {
        format!(
            "{}\n{}\n{}\n{}\n{}\n{}",
            self.row.id,
            self.method.value().code(),
            self.performance.value().code(),
            self.satisfaction
                .value()
                .map(|s| s.to_string())
                .unwrap_or_default(),
            self.reached.value(),
            self.note.value()
        )
    }

    /// Restores a saved draft if it belongs to this follow-up.
    pub fn restore(&mut self, body: &str) -> bool {
        let mut lines = body.split('\n');
        if lines.next().and_then(|id| id.parse::<i64>().ok()) != Some(self.row.id) {
            return false;
        }
        let (m, p, s, r, n) = (
            lines.next().unwrap_or(""),
            lines.next().unwrap_or(""),
            lines.next().unwrap_or(""),
            lines.next().unwrap_or(""),
            lines.next().unwrap_or(""),
        );
        if let Some(m) = Method::from_code(m) {
            self.method = Choice::new(Method::ALL, m);
        }
        if let Some(p) = Performance::from_code(p) {
            self.performance = Choice::new(Performance::ALL, p);
        }
        self.satisfaction = Choice::new(SATISFACTION, s.parse::<u8>().ok());
        self.reached.set_value(r);
        self.note.set_value(n);
        true
    }
}

fn edited(e: Edit) -> bool {
    matches!(e, Edit::Changed | Edit::Truncated)
}

/// Move (new date and reason) or cancel (reason only) one follow-up.
#[derive(Debug, Clone)]
pub struct ChangeForm {
    pub row: FollowupRow,
    /// None: cancelling.
    pub date: Option<TextField>,
    pub reason: TextField,
    pub focus: usize,
}

impl ChangeForm {
    /// Offers the current due date, or today for an overdue one (a date cannot be in the past).
    pub fn moving(row: FollowupRow, today: chrono::NaiveDate) -> Self {
        let mut date = TextField::new(10);
        date.set_value(&row.due_on.max(today).format("%Y-%m-%d").to_string());
        ChangeForm {
            row,
            date: Some(date),
            reason: TextField::new(100),
            focus: 0,
        }
    }

    pub fn cancelling(row: FollowupRow) -> Self {
        ChangeForm {
            row,
            date: None,
            reason: TextField::new(100),
            focus: 1,
        }
    }

    pub fn key(&mut self, key: KeyEvent) {
        if self.date.is_some() && move_by_key(&mut self.focus, 2, key) {
            return;
        }
        match (&mut self.date, self.focus) {
            (Some(d), 0) => {
                d.key(key);
            }
            _ => {
                self.reason.key(key);
            }
        }
    }

    pub fn paste(&mut self, text: &str) {
        match (&mut self.date, self.focus) {
            (Some(d), 0) => d.paste(text),
            _ => self.reason.paste(text),
        };
    }
}

/// Add by case number: an agreement for a case in mediation, a follow-up on request for a case
/// answered at the desk, or one more follow-up after an agreement.
#[derive(Debug, Clone)]
pub struct AddForm {
    pub case_no: TextField,
    pub case: Option<FollowupCase>,
    /// Agreement terms, or the reason / request.
    pub text: TextField,
    pub date: TextField,
    pub focus: usize,
}

impl AddForm {
    pub fn new() -> Self {
        AddForm {
            case_no: TextField::new(20),
            case: None,
            text: TextField::new(200),
            date: TextField::new(10),
            focus: 0,
        }
    }

    /// An agreement needs only its terms; other additions a date too.
    pub fn wants_date(&self) -> bool {
        self.case
            .as_ref()
            .is_some_and(|c| c.status != crate::domain::status::Status::InMediation)
    }

    fn fields(&self) -> usize {
        match (&self.case, self.wants_date()) {
            (None, _) => 1,
            (Some(_), false) => 2,
            (Some(_), true) => 3,
        }
    }

    fn field(&mut self) -> &mut TextField {
        match self.focus {
            0 => &mut self.case_no,
            1 => &mut self.text,
            _ => &mut self.date,
        }
    }

    /// Returns true when the case number changed (the looked-up case is then dropped).
    pub fn key(&mut self, key: KeyEvent) -> bool {
        let n = self.fields();
        if move_by_key(&mut self.focus, n, key) {
            return false;
        }
        let changed = edited(self.field().key(key));
        if changed && self.focus == 0 {
            self.case = None;
        }
        changed && self.focus == 0
    }

    pub fn paste(&mut self, text: &str) {
        let changed = edited(self.field().paste(text));
        if changed && self.focus == 0 {
            self.case = None;
        }
    }
}

impl Default for AddForm {
    fn default() -> Self {
        Self::new()
    }
}

#[derive(Debug, Clone)]
pub struct FilterForm {
    pub owner: TextField,
    pub category: TextField,
    pub colour: Choice<Option<Colour>>,
    pub focus: usize,
}

impl FilterForm {
    pub fn key(&mut self, key: KeyEvent) {
        if move_by_key(&mut self.focus, 3, key) {
            return;
        }
        match self.focus {
            0 => {
                self.owner.key(key);
            }
            1 => {
                self.category.key(key);
            }
            _ => {
                self.colour.key(key);
            }
        }
    }

    pub fn paste(&mut self, text: &str) {
        match self.focus {
            0 => self.owner.paste(text),
            1 => self.category.paste(text),
            _ => Edit::Ignored,
        };
    }
}

#[derive(Debug, Clone)]
pub enum Popup {
    Record(Box<RecordForm>),
    Change(Box<ChangeForm>),
    Add(Box<AddForm>),
    Filter(Box<FilterForm>),
    /// The last follow-up found the agreement fulfilled: close the case? (leads)
    ConfirmClose {
        case_id: i64,
        case_no: String,
    },
}
