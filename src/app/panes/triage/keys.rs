//! Keys of the triage pane: popups first, then form-wide keys, then the focused field.
use super::form::{Focus, LANGUAGES, PField, PartyForm};
use super::popup::Popup;
use super::submit::{ask_attach, saved_key, try_save};
use super::{TriageState, sections};
use crate::app::focus::{self, Dir};
use crate::app::panes::popup::Routed;
use crate::app::panes::{Ctx, Handled};
use crate::app::text_field::Edit;
use crate::domain::channel::Channel;
use crate::domain::party::{PartyRole, Vulnerability};
use crate::domain::risk::Colour;
use crate::domain::role::Permission;
use crate::i18n::trf;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use Handled::Consumed;

pub fn on_key(s: &mut TriageState, key: KeyEvent, ctx: &mut Ctx) -> Handled {
    if key.kind == KeyEventKind::Release {
        return Consumed;
    }
    if let Some(saving) = &mut s.saving {
        saving.queued.push(super::Queued::Key(key));
        return Consumed;
    }
    match s.popups.key(key) {
        Routed::NoPopup => {}
        Routed::Act(p, a) => {
            s.answer(p, a, ctx);
            return Consumed;
        }
        Routed::Taken | Routed::Edited => return Consumed,
    }
    if s.saved.is_some() {
        return saved_key(s, key, ctx);
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let before = s.form.focus;
    let out = form_key(s, key, ctrl, ctx);
    // Red raised in the risk section: its checklist comes up once the flags are done (the
    // clerk leaves the section), so no flag key typed after the red one is taken by it.
    if before == Focus::Risk && s.form.focus != Focus::Risk {
        s.raise_red_checklist();
    }
    // The earlier-cases panel follows the party being typed.
    if let Focus::Party(i, _) = s.form.focus
        && s.form.focus != before
        && (s.lookup.party != i || s.lookup.query.is_empty())
    {
        s.refresh_lookup(i, ctx);
    }
    out
}

fn form_key(s: &mut TriageState, key: KeyEvent, ctrl: bool, ctx: &mut Ctx) -> Handled {
    if let Some(dir) = Dir::of_tab(key) {
        s.form.move_focus(dir);
        return Consumed;
    }
    match key.code {
        KeyCode::Char('s') if ctrl => {
            // In the routing list, the highlighted mediator is the one meant.
            if s.form.focus == Focus::Routing && ctx.user.role().may(Permission::Route) {
                sections::accept_route(s, ctx);
            }
            try_save(s, ctx)
        }
        KeyCode::Char('n') if ctrl => add_party(s, PartyRole::Applicant, ctx),
        KeyCode::Char('r') if ctrl => add_party(s, PartyRole::Respondent, ctx),
        KeyCode::Char('x') if ctrl => remove_party(s, ctx),
        // Esc in the category filter clears what was typed before it means "discard".
        KeyCode::Esc
            if s.form.focus == Focus::Category && !s.form.category_filter.value().is_empty() =>
        {
            s.form.category_filter.clear();
            s.form.category_row = 0;
            s.changed(ctx);
        }
        KeyCode::Esc => {
            if s.has_unsaved_form() {
                s.popups.open(Popup::ConfirmDiscard);
            } else {
                return Handled::NotConsumed;
            }
        }
        KeyCode::F(7) => s.lookup.select_next(),
        KeyCode::F(8) => ask_attach(s, ctx),
        _ => return field_key(s, key, ctx),
    }
    Consumed
}

pub fn on_paste(s: &mut TriageState, text: &str, ctx: &mut Ctx) -> Handled {
    if let Some(saving) = &mut s.saving {
        saving.queued.push(super::Queued::Paste(text.to_string()));
        return Consumed;
    }
    if !matches!(s.popups.paste(text), Routed::NoPopup) || s.saved.is_some() {
        return Consumed;
    }
    // Pasted on a choice, the text goes where typed text would: the next field typed in.
    if !s.form.focus.takes_text()
        && let Some(next) = s.form.next_text_field()
    {
        s.form.focus = next;
    }
    let focus = s.form.focus;
    let Some(f) = s.form.text_mut(focus) else {
        return Consumed;
    };
    let edit = f.paste(text);
    if edit == Edit::Truncated {
        ctx.info(ctx.tr("ui.triage.truncated").to_string());
    }
    if matches!(edit, Edit::Changed | Edit::Truncated) {
        after_text_change(s, focus, ctx);
    }
    Consumed
}

impl TriageState {
    pub(super) fn has_unsaved_form(&self) -> bool {
        !self.form.is_blank()
    }
}

/// The focused field's key. Text typed on a choice that does not take it (anything but its
/// own keys: space, ←/→, 1–4, the flags' letters; `?` for help) is not dropped: it goes on to
/// the next field typed in, so a clerk who starts typing a name on the channel finds it there.
fn field_key(s: &mut TriageState, key: KeyEvent, ctx: &mut Ctx) -> Handled {
    let out = focused_key(s, key, ctx);
    // `?` stays the shell's help key where it is not text.
    let typed = matches!(key.code, KeyCode::Char(c) if c != '?')
        && !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    if out == Handled::NotConsumed
        && typed
        && !s.form.focus.takes_text()
        && let Some(next) = s.form.next_text_field()
    {
        s.form.focus = next;
        return focused_key(s, key, ctx);
    }
    out
}

fn focused_key(s: &mut TriageState, key: KeyEvent, ctx: &mut Ctx) -> Handled {
    let focus = s.form.focus;
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match focus {
        Focus::Channel => {
            let dir = match choice_key(s, key) {
                Ok(dir) => dir,
                Err(h) => return h,
            };
            s.form.channel = focus::cycle(Channel::ALL, s.form.channel, dir);
            s.changed(ctx);
            Consumed
        }
        Focus::Party(i, PField::Language) => {
            let dir = match choice_key(s, key) {
                Ok(dir) => dir,
                Err(h) => return h,
            };
            if let Some(p) = s.form.parties.get_mut(i) {
                p.language = focus::cycle_index(p.language, LANGUAGES.len(), dir);
                // A minority language usually means an interpreter; the clerk may untick it.
                p.interpreter = p.language() != "zh";
            }
            s.changed(ctx);
            Consumed
        }
        Focus::Party(i, PField::Interpreter) => match key.code {
            KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right => {
                if let Some(p) = s.form.parties.get_mut(i) {
                    p.interpreter = !p.interpreter;
                }
                s.changed(ctx);
                Consumed
            }
            KeyCode::Enter => advance(s, false),
            KeyCode::Down => next(s),
            KeyCode::Up => prev(s),
            _ => Handled::NotConsumed,
        },
        Focus::Party(i, PField::Vulnerability) => match key.code {
            KeyCode::Char(c @ '1'..='4') if plain => {
                let v = Vulnerability::ALL[(c as usize) - ('1' as usize)];
                tick_vulnerability(s, i, v, ctx);
                Consumed
            }
            KeyCode::Enter => advance(s, false),
            KeyCode::Down => next(s),
            KeyCode::Up => prev(s),
            _ => Handled::NotConsumed,
        },
        Focus::Category => sections::category_key(s, key, ctx),
        Focus::Risk => sections::risk_key(s, key, ctx),
        Focus::Routing => sections::routing_key(s, key, ctx),
        _ => text_key(s, focus, key, ctx),
    }
}

pub(super) fn next(s: &mut TriageState) -> Handled {
    s.form.move_focus(Dir::Next);
    Consumed
}

pub(super) fn prev(s: &mut TriageState) -> Handled {
    s.form.move_focus(Dir::Prev);
    Consumed
}

/// Enter: the next field to type in, or from an empty field the next part of the form.
pub(super) fn advance(s: &mut TriageState, from_empty: bool) -> Handled {
    s.form.advance(from_empty);
    Consumed
}

/// 1–4 tick a vulnerability by hand; one the ID number already shows is explained, not
/// toggled (it is computed, and stays however the box is pressed).
fn tick_vulnerability(s: &mut TriageState, i: usize, v: Vulnerability, ctx: &mut Ctx) {
    let today = ctx.now.date();
    let case = s.intake(ctx.now);
    let by_id = case.parties.get(i).map(|(_, p)| p);
    let ticked = s
        .form
        .parties
        .get(i)
        .is_some_and(|p| p.vulnerability.contains(&v));
    if !ticked && by_id.and_then(|p| p.derived_vulnerability(today)) == Some(v) {
        let age = by_id.and_then(|p| p.age(today)).unwrap_or(0);
        ctx.info(trf(ctx.lang, "ui.triage.elderly_by_id", &[("n", &age)]));
        return;
    }
    if let Some(p) = s.form.parties.get_mut(i) {
        toggle(&mut p.vulnerability, v);
    }
    s.changed(ctx);
}

pub(super) fn toggle<T: PartialEq + Copy>(v: &mut Vec<T>, x: T) {
    if let Some(i) = v.iter().position(|y| *y == x) {
        v.remove(i);
    } else {
        v.push(x);
    }
}

pub(super) fn text_key(s: &mut TriageState, focus: Focus, key: KeyEvent, ctx: &mut Ctx) -> Handled {
    match key.code {
        KeyCode::Enter => {
            let empty = s
                .form
                .text_mut(focus)
                .is_none_or(|f| f.value().trim().is_empty());
            return advance(s, empty);
        }
        KeyCode::Down => return next(s),
        KeyCode::Up => return prev(s),
        _ => {}
    }
    let Some(f) = s.form.text_mut(focus) else {
        return Handled::NotConsumed;
    };
    match f.key(key) {
        Edit::Ignored => Handled::NotConsumed,
        Edit::Moved => Consumed,
        Edit::Truncated => {
            ctx.info(ctx.tr("ui.triage.truncated").to_string());
            Consumed
        }
        Edit::Changed => {
            after_text_change(s, focus, ctx);
            Consumed
        }
    }
}

fn after_text_change(s: &mut TriageState, focus: Focus, ctx: &mut Ctx) {
    let was_red = s.colour() == Colour::Red;
    if let Focus::Party(i, PField::Name | PField::Phone | PField::IdNumber) = focus {
        s.refresh_lookup(i, ctx);
    }
    if focus == Focus::Category {
        s.form.category_row = 0;
    }
    s.changed(ctx);
    sections::red_check(s, was_red);
}

fn add_party(s: &mut TriageState, role: PartyRole, ctx: &mut Ctx) {
    s.form.parties.push(PartyForm::new(role));
    s.form.focus = Focus::Party(s.form.parties.len() - 1, PField::Name);
    s.changed(ctx);
}

fn remove_party(s: &mut TriageState, ctx: &mut Ctx) {
    let Focus::Party(i, _) = s.form.focus else {
        return;
    };
    if s.form.parties.len() <= 1 {
        return;
    }
    s.form.parties.remove(i);
    if i < s.earlier.len() {
        s.earlier.remove(i);
    }
    s.lookup.clear();
    s.form.focus = Focus::Party(i.min(s.form.parties.len() - 1), PField::Name);
    s.changed(ctx);
}

/// A key on a ◀ choice ▶ field: ←/→ change it (the direction), Enter, ↓ and ↑ move on.
fn choice_key(s: &mut TriageState, key: KeyEvent) -> Result<Dir, Handled> {
    match key.code {
        _ if let Some(dir) = Dir::of_choice(key) => Ok(dir),
        KeyCode::Enter => Err(advance(s, false)),
        KeyCode::Down => Err(next(s)),
        KeyCode::Up => Err(prev(s)),
        _ => Err(Handled::NotConsumed),
    }
}
