//! The list's filters: whose follow-ups, which categories, which colour.
use super::popup::Choice;
use super::{Ctx, FollowupsState};
use crate::app::focus::move_by_key;
use crate::app::text_field::{Edit, TextField};
use crate::domain::category;
use crate::domain::risk::Colour;
use ratatui::crossterm::event::KeyEvent;

pub const COLOURS: &[Option<Colour>] = &[
    None,
    Some(Colour::Red),
    Some(Colour::Orange),
    Some(Colour::Yellow),
    Some(Colour::Blue),
    Some(Colour::Green),
];

#[derive(Debug, Clone)]
pub struct FilterForm {
    pub owner: TextField,
    pub category: TextField,
    pub colour: Choice<Option<Colour>>,
    pub focus: usize,
}

impl FilterForm {
    /// The list's filters as they are: an owner's staff code, a category query, a colour.
    pub fn new(owner: &str, category: &str, colour: Option<Colour>) -> Self {
        let mut o = TextField::new(12);
        o.set_value(owner);
        let mut c = TextField::new(20);
        c.set_value(category);
        FilterForm {
            owner: o,
            category: c,
            colour: Choice::new(COLOURS, colour),
            focus: 0,
        }
    }

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

impl FollowupsState {
    pub(super) fn submit_filter(&mut self, f: &mut FilterForm, ctx: &mut Ctx) -> bool {
        let code = f.owner.value().trim().to_uppercase();
        if code.is_empty() {
            self.filter.owner = None;
            self.owner_label = None;
        } else {
            match ctx.store.staff_by_code(&code) {
                Ok(Some(s)) => {
                    self.filter.owner = Some(s.id);
                    self.owner_label = Some(format!("{} {}", s.code, s.name));
                }
                Ok(None) => {
                    let t = ctx.tr("err.followup.no_staff").to_string();
                    ctx.error(t);
                    return false;
                }
                Err(e) => {
                    ctx.store_error(&e);
                    return false;
                }
            }
        }
        self.category_query = f.category.value().trim().to_string();
        self.filter.categories = category_codes(&self.category_query);
        self.filter.colour = f.colour.value();
        self.selected = 0;
        self.reload(ctx);
        true
    }
}

/// Category codes matching a typed filter; None when the filter is empty.
fn category_codes(query: &str) -> Option<Vec<String>> {
    let q = query.trim();
    if q.is_empty() {
        return None;
    }
    Some(category::filter(q).iter().map(|c| c.code.clone()).collect())
}
