//! Keys of the form's lists: the category filter, the risk flags and colour (with red's
//! checklist), and the routing proposal.
use super::form::Focus;
use super::keys::{advance, next, prev, text_key, toggle};
use super::popup::Popup;
use super::{FLAG_KEYS, TriageState};
use crate::app::panes::{Ctx, Handled};
use crate::domain::risk::Colour;
use crate::domain::role::Permission;
use crate::i18n::trf;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use Handled::Consumed;

/// When the colour turns red the immediate-action checklist comes up: at once from a field,
/// once the flags are done from the risk section (`raise_red_checklist`).
pub(super) fn red_check(s: &mut TriageState, was_red: bool) {
    if !was_red && s.colour() == Colour::Red && !s.form.red_ack.iter().all(|x| *x) {
        s.red_due = true;
        if s.form.focus != Focus::Risk {
            s.raise_red_checklist();
        }
    }
}

impl TriageState {
    /// Opens the red checklist that is due, if the case is still red and unacknowledged.
    pub(super) fn raise_red_checklist(&mut self) {
        if !std::mem::take(&mut self.red_due)
            || self.colour() != Colour::Red
            || self.form.red_ack.iter().all(|x| *x)
        {
            return;
        }
        self.popups.open(Popup::RedChecklist {
            ticks: self.form.red_ack,
            save_after: false,
        });
    }

    /// Red was raised in the risk section and its checklist comes up when the clerk leaves it.
    pub fn red_due(&self) -> bool {
        self.red_due && self.colour() == Colour::Red && !self.form.red_ack.iter().all(|x| *x)
    }
}

pub(super) fn category_key(s: &mut TriageState, key: KeyEvent, ctx: &mut Ctx) -> Handled {
    let list = s.form.categories();
    match key.code {
        KeyCode::Down => {
            if !list.is_empty() {
                s.form.category_row = (s.form.category_row + 1).min(list.len() - 1);
            }
            Consumed
        }
        KeyCode::Up => {
            s.form.category_row = s.form.category_row.saturating_sub(1);
            Consumed
        }
        // With nothing typed, a category already chosen is kept (Enter just goes on).
        KeyCode::Enter
            if s.form.category_filter.value().is_empty() && s.form.category.is_some() =>
        {
            advance(s, false)
        }
        KeyCode::Enter => {
            if let Some(c) = list.get(s.form.category_row) {
                s.form.category = Some(c.code.clone());
                s.form.category_filter.clear();
                s.form.category_row = 0;
                s.changed(ctx);
                s.form.advance(false);
            }
            Consumed
        }
        _ => text_key(s, Focus::Category, key, ctx),
    }
}

pub(super) fn risk_key(s: &mut TriageState, key: KeyEvent, ctx: &mut Ctx) -> Handled {
    let was_red = s.colour() == Colour::Red;
    match key.code {
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
            let c = c.to_ascii_lowercase();
            if let Some((_, flag)) = FLAG_KEYS.iter().find(|(k, _)| *k == c) {
                toggle(&mut s.form.flags, *flag);
            } else if c == '+' || c == '=' {
                change_colour(s, -1);
            } else if c == '-' {
                change_colour(s, 1);
            } else {
                return Handled::NotConsumed;
            }
        }
        KeyCode::Enter => return advance(s, false),
        KeyCode::Down => return next(s),
        KeyCode::Up => return prev(s),
        _ => return Handled::NotConsumed,
    }
    s.changed(ctx);
    red_check(s, was_red);
    Consumed
}

/// Raising (towards red) is free; going below the computed colour asks a written reason.
fn change_colour(s: &mut TriageState, step: isize) {
    let current = s.colour().rank() as isize;
    let Some(to) = Colour::from_rank((current + step) as i64) else {
        return;
    };
    let computed = s.assessment().colour;
    if computed.above(to) {
        s.popups.open(Popup::lower_reason(to));
    } else {
        s.form.colour = (to != computed).then_some(to);
        s.form.colour_reason.clear();
    }
}

pub(super) fn routing_key(s: &mut TriageState, key: KeyEvent, ctx: &mut Ctx) -> Handled {
    let n = s.proposal.as_ref().map_or(0, |p| p.ranked.len());
    match key.code {
        KeyCode::Down if n > 0 => s.route_row = (s.route_row + 1).min(n - 1),
        KeyCode::Up => s.route_row = s.route_row.saturating_sub(1),
        KeyCode::Enter => {
            if s.proposal.as_ref().is_none_or(|p| p.ranked.is_empty()) {
                ctx.error(ctx.tr("ui.triage.route.none").to_string());
                return Consumed;
            }
            if !ctx.user.role().may(Permission::Route) {
                ctx.error(ctx.tr("err.forbidden").to_string());
                return Consumed;
            }
            accept_route(s, ctx);
        }
        _ => return Handled::NotConsumed,
    }
    Consumed
}

/// The highlighted mediator becomes the case's owner (the caller checked the role may route).
pub(super) fn accept_route(s: &mut TriageState, ctx: &mut Ctx) {
    let Some(r) = s.proposal.as_ref().and_then(|p| p.ranked.get(s.route_row)) else {
        return;
    };
    let (id, name) = (r.candidate.staff_id, r.candidate.name.clone());
    if s.form.owner == Some(id) {
        return;
    }
    s.form.owner = Some(id);
    s.changed(ctx);
    ctx.info(trf(
        ctx.lang,
        "ui.triage.route.accepted",
        &[("name", &name)],
    ));
}
