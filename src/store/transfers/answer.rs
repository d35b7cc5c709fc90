//! Answering a hand-over: the receiver signs for it (签收: the case moves, its clock starts
//! there) or returns it (退回 / 退单: it stays with the sender); the sender withdraws it while
//! pending, or overrules a return down or across (审定: it moves as if signed). Each checks
//! the state inside its IMMEDIATE transaction, so of two desks answering at once one wins and
//! the other is told `NotPending`.
use super::super::calendar::deadline_calendar;
use super::super::centres::{desk_centre, tree};
use super::super::time::to_sql;
use super::{Actor, CaseState, Result, Store, StoreError, TransferLine, audit, queries};
use crate::domain::case_rule::CaseRule;
use crate::domain::risk::ResponseHours;
use crate::domain::role::Role;
use crate::domain::slots::WorkTime;
use crate::domain::status::Status;
use crate::domain::transfer::{self, ReturnCode, TransferRule, TransferState};
use crate::domain::worktime::MEDIATION_TERM_DAYS;
use chrono::NaiveDateTime;
use rusqlite::Transaction;

/// The case's pending hand-over.
fn pending(tx: &Transaction, case: i64) -> Result<TransferLine> {
    queries::latest(tx, case)?
        .filter(|t| t.state == TransferState::Pending)
        .ok_or_else(|| TransferRule::NotPending.into())
}

/// The case's hand-over pending to `by`'s centre, which `by` may answer.
fn addressed(tx: &Transaction, by: Actor, case: i64) -> Result<TransferLine> {
    let t = pending(tx, case)?;
    if desk_centre(tx, by.staff_id)?.id != t.to_centre {
        return Err(TransferRule::NotAddressed.into());
    }
    if !transfer::may_answer(by.role) {
        return Err(StoreError::Forbidden);
    }
    Ok(t)
}

fn open_case(tx: &Transaction, case: i64) -> Result<CaseState> {
    let c = queries::case_state(tx, case)?.ok_or(StoreError::NotFound)?;
    if !c.status.is_active() {
        return Err(CaseRule::NotOpen.into());
    }
    Ok(c)
}

/// Audit lines on one case by one person at one time.
struct Log<'a> {
    tx: &'a Transaction<'a>,
    at: &'a str,
    by: Actor,
    case: i64,
}

impl<'a> Log<'a> {
    fn new(tx: &'a Transaction<'a>, at: &'a str, by: Actor, case: i64) -> Self {
        Log { tx, at, by, case }
    }

    /// Moves the pending hand-over `t` to `to` (with a return's reason), or `NotPending` when
    /// another desk answered it first.
    fn settle(
        &self,
        t: &TransferLine,
        to: TransferState,
        ret: Option<(ReturnCode, &str, &str)>,
    ) -> Result<()> {
        if queries::answer(self.tx, t.id, to, self.by.staff_id, self.at, ret)? {
            Ok(())
        } else {
            Err(TransferRule::NotPending.into())
        }
    }

    fn line(&self, action: &str, field: &str, old: &str, new: &str) -> Result<()> {
        audit::append(
            self.tx,
            audit::Entry {
                at: self.at,
                staff_id: Some(self.by.staff_id),
                case_id: Some(self.case),
                action,
                field,
                old,
                new,
            },
        )
    }
}

/// The case arrives at the hand-over's receiver: its centre and level, no owner (the receiver
/// assigns its own mediator), no wait; its clock starts now in the receiver's working time —
/// the mediation term for a case in mediation, else its colour's response deadline. Each
/// change audited.
fn arrive(
    tx: &Transaction,
    work: &WorkTime,
    hours: &ResponseHours,
    by: Actor,
    t: &TransferLine,
    c: &CaseState,
    now: NaiveDateTime,
) -> Result<()> {
    let tree = tree(tx)?;
    let code = |id| {
        tree.get(id)
            .map_or_else(|| id.to_string(), |c| c.code.clone())
    };
    let level = tree.get(t.to_centre).ok_or(StoreError::NotFound)?.level;
    let status = transfer::status_at_receiver(c.status);
    let cal = deadline_calendar(tx, work, t.to_centre, now.date())?;
    let deadline = if status == Status::InMediation {
        Some(cal.term_end(now, MEDIATION_TERM_DAYS))
    } else {
        cal.response(hours, c.colour, now)
    };
    let at = to_sql(now);
    let log = Log::new(tx, &at, by, t.case_id);
    let deadline_sql = deadline.map(to_sql);
    queries::arrive(
        tx,
        t.case_id,
        &queries::Arrival {
            centre: t.to_centre,
            level,
            status,
            deadline: deadline_sql.as_deref(),
            at: &at,
        },
    )?;
    log.line(
        "transfer.move",
        "centre_id",
        &code(c.centre),
        &code(t.to_centre),
    )?;
    if level != c.ladder.level {
        log.line(
            "transfer.move",
            "level",
            c.ladder.level.code(),
            level.code(),
        )?;
    }
    if let Some(owner) = c.owner {
        log.line("case.assign", "owner_id", &owner.to_string(), "")?;
    }
    if status != c.status {
        log.line("case.status", "status", c.status.code(), status.code())?;
    }
    if let Some(w) = &c.waiting {
        log.line("case.resume", "waiting", w, "")?;
    }
    let old = c.deadline.map(to_sql).unwrap_or_default();
    let new = deadline_sql.unwrap_or_default();
    log.line("case.deadline", "deadline_at", &old, &new)
}

impl Store {
    /// 签收: a desk clerk or lead of the addressed centre signs for the case's pending
    /// hand-over; the case moves there (`arrive`). `hours`: the response deadlines (config).
    pub fn sign(
        &mut self,
        by: Actor,
        case: i64,
        hours: &ResponseHours,
        now: NaiveDateTime,
    ) -> Result<()> {
        let work = self.work_time().clone();
        self.write(|tx| {
            let t = addressed(tx, by, case)?;
            let c = open_case(tx, case)?;
            let at = to_sql(now);
            let log = Log::new(tx, &at, by, case);
            log.settle(&t, TransferState::Signed, None)?;
            log.line("transfer.sign", "state", "pending", "signed")?;
            arrive(tx, &work, hours, by, &t, &c, now)
        })
    }

    /// 退回 / 退单: the addressed centre sends the hand-over back with a reason that fits its
    /// kind (`other`: the words of an "other" reason) and a note; the case stays with the sender,
    /// who reads the result.
    pub fn return_transfer(
        &mut self,
        by: Actor,
        case: i64,
        reason: ReturnCode,
        other: &str,
        note: &str,
        now: NaiveDateTime,
    ) -> Result<()> {
        self.write(|tx| {
            let t = addressed(tx, by, case)?;
            let other = transfer::check_return(t.kind, reason, other, note)?;
            let note = note.trim();
            let at = to_sql(now);
            let log = Log::new(tx, &at, by, case);
            let ret = Some((reason, other.as_str(), note));
            log.settle(&t, TransferState::Returned, ret)?;
            queries::set_pending_to(tx, case, None, &at)?;
            let why = if other.is_empty() {
                format!("{}: {note}", reason.code())
            } else {
                format!("{} ({other}): {note}", reason.code())
            };
            log.line("transfer.return", "state", "pending", &why)
        })
    }

    /// The sending centre takes back its pending hand-over (its desk clerk or lead, or whoever
    /// sent it); `note` may say why.
    pub fn withdraw(&mut self, by: Actor, case: i64, note: &str, now: NaiveDateTime) -> Result<()> {
        self.write(|tx| {
            let t = pending(tx, case)?;
            if desk_centre(tx, by.staff_id)?.id != t.from_centre {
                return Err(TransferRule::NotSender.into());
            }
            if !(transfer::may_answer(by.role) || t.sent_by_id == by.staff_id) {
                return Err(StoreError::Forbidden);
            }
            let at = to_sql(now);
            let log = Log::new(tx, &at, by, case);
            log.settle(&t, TransferState::Withdrawn, None)?;
            queries::set_pending_to(tx, case, None, &at)?;
            log.line("transfer.withdraw", "state", "pending", note.trim())
        })
    }

    /// 审定: a lead of the sending centre insists on a hand-over down or across that was
    /// returned (the case's latest); it stands as signed and the case moves (`arrive`).
    pub fn overrule(
        &mut self,
        by: Actor,
        case: i64,
        note: &str,
        hours: &ResponseHours,
        now: NaiveDateTime,
    ) -> Result<()> {
        let work = self.work_time().clone();
        self.write(|tx| {
            let t = queries::latest(tx, case)?.ok_or(TransferRule::NotReturned)?;
            let own = desk_centre(tx, by.staff_id)?.id;
            transfer::check_overrule(t.kind, t.state, own, t.from_centre, note)?;
            if by.role != Role::Lead {
                return Err(StoreError::Forbidden);
            }
            let c = open_case(tx, case)?;
            let at = to_sql(now);
            let log = Log::new(tx, &at, by, case);
            if !queries::overrule(tx, t.id, by.staff_id, &at, note.trim())? {
                return Err(TransferRule::NotReturned.into());
            }
            log.line("transfer.overrule", "state", "returned", note.trim())?;
            arrive(tx, &work, hours, by, &t, &c, now)
        })
    }
}
