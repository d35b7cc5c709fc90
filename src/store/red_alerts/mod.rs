//! Red alerts for shift leads (domain/red_alert.rs): the red cases a lead has still to see, and
//! the acknowledgement, which is an audit row ('red.ack').
mod queries;

use super::convert::UnknownCode;
use super::time::{from_sql, to_sql};
use super::{Actor, Result, Store, StoreError, audit};
use crate::domain::red_alert;
use crate::domain::risk::RiskFlag;
use chrono::NaiveDateTime;

/// The most alerts read at once; more come as these are acknowledged.
pub const RED_ALERTS_MAX: usize = 50;

/// A case that became red, for a lead's alert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedAlert {
    pub case_id: i64,
    pub case_no: String,
    pub summary: String,
    /// Why it is red (domain::red_alert::reasons), and the reason typed if it was raised by hand.
    pub reasons: Vec<RiskFlag>,
    pub colour_reason: String,
    /// When it became red (registered, raised or reopened).
    pub since: NaiveDateTime,
    /// Who made it red: code and name.
    pub by: Option<(String, String)>,
}

fn flags(s: &str) -> Result<Vec<RiskFlag>> {
    s.split(',')
        .filter(|c| !c.is_empty())
        .map(|c| {
            RiskFlag::from_code(c).ok_or_else(|| {
                StoreError::UnknownCode(UnknownCode {
                    kind: "RiskFlag",
                    table: "cases",
                    column: "colour_flags".into(),
                    value: c.into(),
                })
            })
        })
        .collect()
}

impl Store {
    /// Open red cases that became red since `domain::red_alert::window_start(now)`, that `me`
    /// did not make red and has not acknowledged since, oldest first (queries.rs says how).
    /// Nothing for a role that is not alerted.
    pub fn red_alerts(&self, me: Actor, now: NaiveDateTime) -> Result<Vec<RedAlert>> {
        if !red_alert::alerted(me.role) {
            return Ok(Vec::new());
        }
        let since = to_sql(red_alert::window_start(now));
        let rows = queries::alerts(self.lite()?, &since, me.staff_id, RED_ALERTS_MAX)?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let since = from_sql(&r.since)
                .ok_or_else(|| StoreError::Corrupt(format!("cases.red_since {:?}", r.since)))?;
            out.push(RedAlert {
                case_id: r.case_id,
                case_no: r.case_no,
                summary: r.summary,
                reasons: red_alert::reasons(&flags(&r.flags)?),
                colour_reason: r.colour_reason,
                since,
                by: r.by,
            });
        }
        Ok(out)
    }

    /// `by` has seen the red case `case_id`: an audit row ('red.ack', the case number), in a
    /// transaction of its own. Only a role that is alerted may.
    pub fn acknowledge_red(&mut self, by: Actor, case_id: i64, now: NaiveDateTime) -> Result<()> {
        if !red_alert::alerted(by.role) {
            return Err(StoreError::Forbidden);
        }
        self.write(|tx| {
            // Seeing is enough (a lead above acknowledges a village's red case).
            if !super::centres::sees(tx, by, case_id)? {
                return Err(StoreError::NotFound);
            }
            let case_no = queries::case_no(tx, case_id)?.ok_or(StoreError::NotFound)?;
            audit::event(
                tx,
                &to_sql(now),
                Some(by.staff_id),
                Some(case_id),
                "red.ack",
                &case_no,
            )
        })
    }
}

#[cfg(test)]
mod tests;
