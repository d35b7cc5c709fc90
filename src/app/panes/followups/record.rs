//! Recording a follow-up's result: how the party was reached, whether the agreement holds, how
//! satisfied they are; a breach reopens the case, an unreachable party is tried again.
use super::popup::{Choice, Popup, edited};
use super::{Ctx, DRAFT, FollowupsState};
use crate::app::focus::move_by_key;
use crate::app::panes::Request;
use crate::app::text_field::TextField;
use crate::domain::followup::{Consequence, Method, Performance};
use crate::domain::role::Permission;
use crate::i18n::trf;
use crate::store::{FollowupRow, RecordResult};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

pub const SATISFACTION: &[Option<u8>] = &[None, Some(1), Some(2), Some(3), Some(4), Some(5)];

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
                    self.popups.open(Popup::ConfirmClose {
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
}

/// The message after a result is recorded.
fn outcome_message(ctx: &Ctx, out: &crate::store::RecordOutcome) -> String {
    let case = out.case_no.as_str();
    match (out.consequence, out.reopened) {
        (_, Some((status, colour))) => trf(
            ctx.lang,
            "ui.followups.done.reopened",
            &[
                ("case", &case),
                ("status", &ctx.tr(status.i18n_key())),
                ("colour", &ctx.tr(colour.i18n_key())),
            ],
        ),
        (Consequence::Retry(d), _) => trf(
            ctx.lang,
            "ui.followups.done.retry",
            &[("case", &case), ("date", &d)],
        ),
        (Consequence::CheckAgain(d), _) => trf(
            ctx.lang,
            "ui.followups.done.again",
            &[("case", &case), ("date", &d)],
        ),
        (Consequence::OfferClose, _) if !ctx.user.role().may(Permission::Close) => trf(
            ctx.lang,
            "ui.followups.done.lead_closes",
            &[("case", &case)],
        ),
        _ => trf(ctx.lang, "ui.followups.done", &[("case", &case)]),
    }
}
