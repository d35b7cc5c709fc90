//! What hand-overs show: a centre's intake awaiting sign-off (待签收), a case's passage through
//! the centres (the ladder as it was climbed, with attempts and dates), and the overdue ones
//! per centre. Reads go through what this connection may read (`view_as`).
use super::super::centres::tree;
use super::{OverdueAt, PendingTransfer, Result, Store, StoreError, TransferLine, queries};
use crate::domain::ladder::Level;
use crate::domain::transfer::{self, Move, TransferState};
use chrono::NaiveDateTime;

/// The longest intake list read at once.
const PENDING_MAX: i64 = 500;

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
    ) -> Result<Vec<(PendingTransfer, bool)>> {
        Ok(queries::pending_for(&self.conn, centre, PENDING_MAX)?
            .into_iter()
            .map(|p| {
                let late = p.line.is_overdue(now);
                (p, late)
            })
            .collect())
    }

    /// The case's passage through the centres (NotFound for a case this connection may not
    /// read).
    pub fn transfers_of(&self, case: i64) -> Result<CasePassage> {
        if !queries::readable(&self.conn, case)? {
            return Err(StoreError::NotFound);
        }
        let transfers = queries::of_case(&self.conn, case)?;
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
        let (first, received) = queries::received(&self.conn, case)?;
        let tree = tree(&self.conn)?;
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
                attempts: queries::attempts_between(&self.conn, case, s.from, s.until)?,
            });
        }
        Ok(CasePassage { stages, transfers })
    }

    /// Pending hand-overs past their reply deadline at `now`, per centre this connection sees:
    /// to answer (incoming) and to chase (outgoing). Centres with none are left out.
    pub fn overdue_transfers(&self, now: NaiveDateTime) -> Result<Vec<OverdueAt>> {
        queries::overdue(&self.conn, now)
    }
}
