//! Referrals still unanswered: every case referred out whose receiving body has not replied
//! (status still referred_out), soonest reply deadline first, so the overdue ones lead.
use super::{Actor, Result, Store, StoreError, queries};
use crate::domain::role::Role;
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
        queries::unanswered(self.lite()?, limit)
    }
}
