//! What each form does when submitted with Enter. Returns true when the popup is done.
use super::forms::{AddForm, ChangeForm, FilterForm, Popup, RecordForm};
use super::{Ctx, DRAFT, FollowupsState, category_codes, default_due, outcome_message, parse_due};
use crate::app::panes::Request;
use crate::domain::followup::Consequence;
use crate::domain::followup_rule::FollowupRule;
use crate::domain::role::Permission;
use crate::domain::status::Status;
use crate::i18n::trf;
use crate::store::{RecordResult, StoreError};

impl FollowupsState {
    pub(super) fn submit_record(&mut self, f: &mut RecordForm, ctx: &mut Ctx) -> bool {
        let r = RecordResult {
            method: f.method.value(),
            reached: f.reached.value().to_string(),
            performance: f.performance.value(),
            satisfaction: f.satisfaction.value(),
            note: f.note.value().to_string(),
        };
        let cfg = ctx.config;
        let (hours, days) = (cfg.response_hours, cfg.hours.days.clone());
        match ctx
            .store
            .record_followup(ctx.user.actor, f.row.id, &r, &hours, &days, ctx.now)
        {
            Ok(out) => {
                ctx.delete_draft(DRAFT);
                let msg = outcome_message(ctx, &out);
                ctx.info(msg);
                ctx.requests.push(Request::RefreshCounts);
                self.reload(ctx);
                if out.consequence == Consequence::OfferClose
                    && ctx.user.role().may(Permission::Close)
                {
                    self.popup = Some(Popup::ConfirmClose {
                        case_id: out.case_id,
                        case_no: out.case_no,
                    });
                }
                true
            }
            Err(e) => {
                ctx.store_error(&e);
                false
            }
        }
    }

    pub(super) fn submit_change(&mut self, f: &mut ChangeForm, ctx: &mut Ctx) -> bool {
        let actor = ctx.user.actor;
        let result = match &f.date {
            Some(d) => match parse_due(d.value(), ctx.now.date()) {
                Err(_) => Err(StoreError::Followup(FollowupRule::Date)),
                Ok(due) => ctx
                    .store
                    .move_followup(actor, f.row.id, due, f.reason.value(), ctx.now)
                    .map(|()| trf(ctx.lang, "ui.followups.moved", &[("date", &due)])),
            },
            None => ctx
                .store
                .cancel_followup(actor, f.row.id, f.reason.value(), ctx.now)
                .map(|()| ctx.tr("ui.followups.cancelled").to_string()),
        };
        match result {
            Ok(msg) => {
                ctx.info(msg);
                ctx.requests.push(Request::RefreshCounts);
                self.reload(ctx);
                true
            }
            Err(e) => {
                ctx.store_error(&e);
                false
            }
        }
    }

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
        match result {
            Ok(msg) => {
                ctx.info(msg);
                ctx.requests.push(Request::RefreshCounts);
                self.reload(ctx);
                true
            }
            Err(e) => {
                ctx.store_error(&e);
                false
            }
        }
    }

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
