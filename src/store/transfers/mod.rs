//! Hand-overs between centres (issue 14): up the ladder (上报), down (交办) and across (转办);
//! the receiver signs (签收, answer.rs) or returns (退回 / 退单); the sender overrules a return
//! (审定) or withdraws a pending one; the reads (read.rs): a centre's intake awaiting sign-off,
//! a case's passage through the centres, overdue hand-overs per centre. The rules are
//! domain::transfer's; every step is one write transaction with its audit entries on the case.
//!
//! While a hand-over is pending the case stays with the sender (`cases.centre_id`), marked
//! `pending_to` the receiver, who reads it whole (`centres::readable!`); on sign-off it moves.
mod answer;
mod queries;
mod read;
#[cfg(test)]
mod tests;

pub use read::{CasePassage, SENT_MAX, StageLine};

use super::centres::{desk_centre, tree};
use super::time::to_sql;
use super::{Actor, Result, Store, StoreError, audit};
use crate::domain::case_rule::CaseRule;
use crate::domain::ladder::{Ladder, Level};
use crate::domain::risk::Colour;
use crate::domain::status::Status;
use crate::domain::transfer::{self, ReturnCode, TransferKind, TransferRule, TransferState};
use chrono::NaiveDateTime;
use rusqlite::Transaction;

impl From<TransferRule> for StoreError {
    fn from(rule: TransferRule) -> Self {
        StoreError::Transfer(rule)
    }
}

/// What a hand-over needs to know about its case.
pub(crate) struct CaseState {
    pub case_no: String,
    pub status: Status,
    pub owner: Option<i64>,
    pub colour: Colour,
    pub ladder: Ladder,
    /// The handling centre.
    pub centre: i64,
    pub deadline: Option<NaiveDateTime>,
    pub waiting: Option<String>,
}

/// One hand-over as stored, with the names of who sent, answered and overruled it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransferLine {
    pub id: i64,
    pub case_id: i64,
    pub kind: TransferKind,
    pub from_centre: i64,
    pub to_centre: i64,
    /// The sender's reason (up) or instructions (down, across).
    pub reason: String,
    pub sent_at: NaiveDateTime,
    pub sent_by_id: i64,
    pub sent_by: String,
    /// When the answer is due (down, across).
    pub reply_by: Option<NaiveDateTime>,
    pub state: TransferState,
    /// Signed, returned or withdrawn: when and by whom.
    pub answered_at: Option<NaiveDateTime>,
    pub answered_by: Option<String>,
    pub return_code: Option<ReturnCode>,
    pub return_other: String,
    pub return_note: String,
    pub overruled_at: Option<NaiveDateTime>,
    pub overruled_by: Option<String>,
    pub overrule_note: String,
}

impl TransferLine {
    pub fn is_overdue(&self, now: NaiveDateTime) -> bool {
        transfer::is_overdue(self.state, self.reply_by, now)
    }
}

/// A session of the case still booked when it was handed over: it stays with the centre and
/// mediator that booked it (cancel or hold it there), listed so nobody forgets it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookedSession {
    pub id: i64,
    pub starts_at: NaiveDateTime,
    pub mediator: String,
    pub room: Option<String>,
}

/// A hand-over just sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handed {
    pub transfer_id: i64,
    pub to_centre: i64,
    pub reply_by: Option<NaiveDateTime>,
    pub sessions: Vec<BookedSession>,
}

/// A hand-over as a centre's lists show it: awaiting its sign-off (待签收), or sent by it
/// (已上报, 已交办) — with its case's number, summary and colour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransferItem {
    pub case_no: String,
    pub summary: String,
    pub colour: Colour,
    pub line: TransferLine,
}

/// Pending hand-overs past their reply deadline: addressed to a centre, and sent by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverdueAt {
    pub centre: i64,
    pub incoming: i64,
    pub outgoing: i64,
}

/// The checks every hand-over's sender passes: the case is open and handled by the sender's
/// centre, the sender may send it on, nothing is pending yet.
fn check_sender(tx: &Transaction, by: Actor, case: i64) -> Result<(CaseState, i64)> {
    let c = queries::case_state(tx, case)?.ok_or(StoreError::NotFound)?;
    let own = desk_centre(tx, by.staff_id)?;
    if c.centre != own.id || !transfer::may_send(by.role, by.staff_id, c.owner) {
        return Err(StoreError::Forbidden);
    }
    if !c.status.is_active() {
        return Err(CaseRule::NotOpen.into());
    }
    if queries::latest(tx, case)?.is_some_and(|t| t.state == TransferState::Pending) {
        return Err(TransferRule::AlreadyPending.into());
    }
    Ok((c, own.id))
}

/// Sends the case `kind` (to `to` down or across; up goes to the parent), audited on the case.
#[allow(clippy::too_many_arguments)]
fn send(
    tx: &Transaction,
    by: Actor,
    case: i64,
    kind: TransferKind,
    to: Option<i64>,
    reason: &str,
    reply_by: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> Result<Handed> {
    let (c, from) = check_sender(tx, by, case)?;
    let tree = tree(tx)?;
    let reason = reason.trim();
    let to = match (kind, to) {
        (TransferKind::Up, _) => transfer::check_up(&tree, from, &c.ladder, by.role, reason)?,
        (TransferKind::Down, Some(to)) => {
            transfer::check_down(&tree, from, to, reason).map(|_| to)?
        }
        (TransferKind::Across, Some(to)) => {
            transfer::check_across(&tree, from, to, reason).map(|_| to)?
        }
        (_, None) => return Err(TransferRule::NotInTree.into()),
    };
    let at = to_sql(now);
    let reply_by_sql = reply_by.map(to_sql);
    let transfer_id = queries::insert(
        tx,
        &queries::NewTransfer {
            case_id: case,
            kind,
            from,
            to,
            reason,
            at: &at,
            by: by.staff_id,
            reply_by: reply_by_sql.as_deref(),
        },
    )?;
    let code = |id| {
        tree.get(id)
            .map_or_else(|| id.to_string(), |c| c.code.clone())
    };
    let new = if reason.is_empty() {
        code(to)
    } else {
        format!("{} ({reason})", code(to))
    };
    audit::append(
        tx,
        audit::Entry {
            at: &at,
            staff_id: Some(by.staff_id),
            case_id: Some(case),
            action: kind_action(kind),
            field: "centre_id",
            old: &code(from),
            new: &new,
        },
    )?;
    tracing::info!(case = %c.case_no, kind = kind.code(), "hand-over sent");
    Ok(Handed {
        transfer_id,
        to_centre: to,
        reply_by,
        sessions: queries::booked_sessions(tx, case)?,
    })
}

fn kind_action(kind: TransferKind) -> &'static str {
    match kind {
        TransferKind::Up => "transfer.up",
        TransferKind::Down => "transfer.down",
        TransferKind::Across => "transfer.across",
    }
}

/// `escalate_case` in a tree: a handling centre with a parent hands the case up (it moves when
/// the parent signs for it) and this gives the parent's level; with none (a single-centre
/// database, the county), None: the label moves as it always did.
pub(in crate::store) fn escalate_by_hand_up(
    tx: &Transaction,
    by: Actor,
    case: i64,
    reason: &str,
    now: NaiveDateTime,
) -> Result<Option<Level>> {
    let c = queries::case_state(tx, case)?.ok_or(StoreError::NotFound)?;
    let tree = tree(tx)?;
    let Some(parent) = tree.parent(c.centre) else {
        return Ok(None);
    };
    let level = parent.level;
    send(tx, by, case, TransferKind::Up, None, reason, None, now)?;
    Ok(Some(level))
}

impl Store {
    /// 上报: hands the case up to its centre's parent, which signs for it or returns it. Once
    /// the level's attempts are used up anyone who may send it; before that a lead, with a
    /// reason. The county has no parent (`TransferRule::TopOfLadder`).
    pub fn hand_up(
        &mut self,
        by: Actor,
        case: i64,
        reason: &str,
        now: NaiveDateTime,
    ) -> Result<Handed> {
        self.write(|tx| send(tx, by, case, TransferKind::Up, None, reason, None, now))
    }

    /// 交办: hands the case down to centre `to` below the sender's, with instructions and a
    /// reply deadline (`reply_days` working days; none: the default).
    pub fn hand_down(
        &mut self,
        by: Actor,
        case: i64,
        to: i64,
        reason: &str,
        reply_days: Option<i64>,
        now: NaiveDateTime,
    ) -> Result<Handed> {
        self.send_sideways(by, case, TransferKind::Down, to, reason, reply_days, now)
    }

    /// 转办: hands the case across to centre `to`, neither above nor below the sender's.
    pub fn hand_across(
        &mut self,
        by: Actor,
        case: i64,
        to: i64,
        reason: &str,
        reply_days: Option<i64>,
        now: NaiveDateTime,
    ) -> Result<Handed> {
        self.send_sideways(by, case, TransferKind::Across, to, reason, reply_days, now)
    }

    #[allow(clippy::too_many_arguments)]
    fn send_sideways(
        &mut self,
        by: Actor,
        case: i64,
        kind: TransferKind,
        to: i64,
        reason: &str,
        reply_days: Option<i64>,
        now: NaiveDateTime,
    ) -> Result<Handed> {
        let days = transfer::reply_days(reply_days)?;
        // The receiver answers in its own working time.
        let cal = self.deadline_calendar(to, now.date())?;
        let due = transfer::reply_by(now, days, &cal);
        self.write(|tx| send(tx, by, case, kind, Some(to), reason, Some(due), now))
    }
}
