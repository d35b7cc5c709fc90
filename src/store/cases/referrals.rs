//! Referrals still unanswered: every case referred out whose receiving body has not replied
//! (status still referred_out), soonest reply deadline first, so the overdue ones lead.
use super::{Actor, Result, Store, StoreError};
use crate::domain::role::Role;
use crate::domain::status::Status;
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenReferral {
    pub id: i64,
    pub case_no: String,
    pub referred_to: String,
    pub reply_due: Option<NaiveDate>,
}

impl OpenReferral {
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.reply_due.is_some_and(|d| d < today)
    }
}

impl Store {
    /// A lead's view (跟踪督办). Reads the referred-out cases by the status index and their
    /// latest outcome by case; sorted in SQL with LIMIT, so cost follows the open referrals.
    pub fn unanswered_referrals(&self, by: Actor, limit: i64) -> Result<Vec<OpenReferral>> {
        if by.role != Role::Lead {
            return Err(StoreError::Forbidden);
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.case_no, ifnull(o.referred_to, ''), o.reply_due
             FROM cases c LEFT JOIN case_outcomes o ON o.id =
                (SELECT max(id) FROM case_outcomes WHERE case_id = c.id)
             WHERE c.status = ?1
             ORDER BY ifnull(o.reply_due, '9999-12-31'), c.id LIMIT ?2",
        )?;
        let rows = stmt.query_map(rusqlite::params![Status::ReferredOut.code(), limit], |r| {
            let due: Option<String> = r.get(3)?;
            Ok(OpenReferral {
                id: r.get(0)?,
                case_no: r.get(1)?,
                referred_to: r.get(2)?,
                reply_due: due.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
