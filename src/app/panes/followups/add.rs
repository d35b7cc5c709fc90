//! Adding a follow-up by case number.
use super::popup::edited;
use super::{Ctx, FollowupsState, parse_due};
use crate::app::focus::move_by_key;
use crate::app::text_field::TextField;
use crate::domain::followup_rule::FollowupRule;
use crate::domain::status::Status;
use crate::i18n::trf;
use crate::store::{FollowupCase, StoreError};
use chrono::{Duration, NaiveDate};
use ratatui::crossterm::event::KeyEvent;

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

impl FollowupsState {
    pub(super) fn submit_add(&mut self, f: &mut AddForm, ctx: &mut Ctx) -> bool {
        let Some(case) = f.case.clone() else {
            match ctx.store.followup_case_by_no(f.case_no.value()) {
                Ok(Some(c)) => {
                    let due = default_due(ctx, &c.category);
                    f.date.set_value(&due.format("%Y-%m-%d").to_string());
                    f.case = Some(c);
                    f.focus = 1;
                }
                Ok(None) => ctx.store_error(&StoreError::NotFound),
                Err(e) => ctx.store_error(&e),
            }
            return false;
        };
        let actor = ctx.user.actor;
        let result = if case.status == Status::InMediation {
            let plan = ctx.config.followup_plan();
            ctx.store
                .record_agreement(actor, case.id, f.text.value(), &plan, ctx.now)
                .map(|dates| {
                    let list: Vec<String> = dates
                        .iter()
                        .map(|d| d.format("%m-%d").to_string())
                        .collect();
                    trf(
                        ctx.lang,
                        "ui.followups.agreed",
                        &[("case", &case.case_no), ("dates", &list.join(", "))],
                    )
                })
        } else {
            match parse_due(f.date.value(), ctx.now.date()) {
                Err(_) => Err(StoreError::Followup(FollowupRule::Date)),
                Ok(due) => ctx
                    .store
                    .add_followup(actor, case.id, due, f.text.value(), ctx.now)
                    .map(|_| {
                        trf(
                            ctx.lang,
                            "ui.followups.added",
                            &[("case", &case.case_no), ("date", &due)],
                        )
                    }),
            }
        };
        self.saved(result, ctx)
    }
}

/// Default date offered when adding a follow-up by hand: the first configured offset.
fn default_due(ctx: &Ctx, category: &str) -> NaiveDate {
    let plan = ctx.config.followup_plan();
    let days = plan.days_for(category).iter().min().copied().unwrap_or(7);
    ctx.now.date() + Duration::days(i64::from(days))
}
