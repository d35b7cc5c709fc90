//! What hand-overs show: a centre's intake awaiting sign-off (待签收), a case's passage through
//! the centres (the ladder as it was climbed, with attempts and dates), and the overdue ones
//! per centre. Reads go through what this connection may read (`view_as`).
use super::super::centres::tree;
use super::{OverdueAt, Result, Store, StoreError, TransferItem, TransferLine, queries};
use crate::domain::ladder::Level;
use crate::domain::transfer::{self, Move, TransferState};
use chrono::NaiveDateTime;

/// The longest intake list read at once.
const PENDING_MAX: i64 = 500;
/// The longest list of what a centre sent, read at once.
pub const SENT_MAX: i64 = 500;

/// One stretch of a case at one centre.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageLine {
    pub centre: i64,
    pub code: String,
    pub name: String,
    pub level: Level,
    pub from: NaiveDateTime,
    /// When it moved on; none: it is there now.
    pub until: Option<NaiveDateTime>,
    /// Mediation attempts recorded while it was there.
    pub attempts: u32,
}

/// A case's passage: the centres it went through, and every hand-over (also those returned or
/// withdrawn), oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CasePassage {
    pub stages: Vec<StageLine>,
    pub transfers: Vec<TransferLine>,
}

impl Store {
    /// Hand-overs awaiting `centre`'s sign-off, the soonest reply deadline first, each marked
    /// overdue at `now` or not; empty for a centre this connection does not see.
    pub fn pending_for(
        &self,
        centre: i64,
        now: NaiveDateTime,
    ) -> Result<Vec<(TransferItem, bool)>> {
        Ok(queries::pending_for(self.lite()?, centre, PENDING_MAX)?
            .into_iter()
            .map(|p| {
                let late = p.line.is_overdue(now);
                (p, late)
            })
            .collect())
    }

    /// Hand-overs `centre` sent, up the ladder (`up`: 已上报) or down and across (已交办 /
    /// 转办), each marked overdue at `now` or not: those still pending first (soonest reply
    /// deadline first), then the answered ones, newest first; at most `SENT_MAX`. Empty for a
    /// centre this connection does not see.
    pub fn sent_from(
        &self,
        centre: i64,
        up: bool,
        now: NaiveDateTime,
    ) -> Result<Vec<(TransferItem, bool)>> {
        let mut pending =
            queries::sent_from(self.lite()?, centre, TransferState::Pending, up, SENT_MAX)?;
        let mut answered = Vec::new();
        for state in TransferState::ALL
            .iter()
            .filter(|s| **s != TransferState::Pending)
        {
            answered.extend(queries::sent_from(
                self.lite()?,
                centre,
                *state,
                up,
                SENT_MAX,
            )?);
        }
        answered.sort_by_key(|t| std::cmp::Reverse((t.line.sent_at, t.line.id)));
        pending.extend(answered);
        pending.truncate(SENT_MAX as usize);
        Ok(pending
            .into_iter()
            .map(|p| {
                let late = p.line.is_overdue(now);
                (p, late)
            })
            .collect())
    }

    /// How many hand-overs await `centre`'s sign-off (0 for a centre this connection does not
    /// see): the status bar's count.
    pub fn awaiting_count(&self, centre: i64) -> Result<i64> {
        queries::awaiting(self.lite()?, centre)
    }

    /// The case's passage through the centres (NotFound for a case this connection may not
    /// read).
    pub fn transfers_of(&self, case: i64) -> Result<CasePassage> {
        if !queries::readable(self.lite()?, case)? {
            return Err(StoreError::NotFound);
        }
        let transfers = queries::of_case(self.lite()?, case)?;
        let moves: Vec<Move> = transfers
            .iter()
            .filter_map(|t| {
                match t.state {
                    TransferState::Signed => t.answered_at,
                    TransferState::Overruled => t.overruled_at,
                    _ => None,
                }
                .map(|at| Move {
                    to: t.to_centre,
                    at,
                })
            })
            .collect();
        let (first, received) = queries::received(self.lite()?, case)?;
        let tree = tree(self.lite()?)?;
        let mut stages = Vec::new();
        for s in transfer::stages(first, received, &moves) {
            let c = tree.get(s.centre).ok_or(StoreError::NotFound)?;
            stages.push(StageLine {
                centre: c.id,
                code: c.code.clone(),
                name: c.name.clone(),
                level: c.level,
                from: s.from,
                until: s.until,
                attempts: queries::attempts_between(self.lite()?, case, s.from, s.until)?,
            });
        }
        Ok(CasePassage { stages, transfers })
    }

    /// Pending hand-overs past their reply deadline at `now`, per centre this connection sees:
    /// to answer (incoming) and to chase (outgoing). Centres with none are left out.
    pub fn overdue_transfers(&self, now: NaiveDateTime) -> Result<Vec<OverdueAt>> {
        queries::overdue(self.lite()?, now)
    }
}
