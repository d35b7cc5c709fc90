//! Red alerts for shift leads (domain/red_alert.rs): the red cases a lead has still to see, and
//! the acknowledgement, which is an audit row ('red.ack').
use super::convert::UnknownCode;
use super::time::{from_sql, to_sql};
use super::{Actor, Result, Store, StoreError, audit};
use crate::domain::red_alert;
use crate::domain::risk::RiskFlag;
use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, params};

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

/// Open red cases that became red since ?1, not made red by ?2 nor acknowledged by ?2 since;
/// ?3 at most. Read through the partial index of open red cases by when they became red: a
/// day's few rows, however many red cases the centre has.
pub(super) const ALERTS: &str = "
    SELECT x.id, x.case_no, x.summary, x.colour_flags, x.colour_reason, x.red_since,
           s.code, s.name
    FROM (SELECT c.id, c.case_no, c.summary, c.colour_flags, c.colour_reason, c.red_since,
                 coalesce((SELECT a.staff_id FROM audit a
                           WHERE a.case_id = c.id AND a.at >= c.red_since
                           ORDER BY a.id LIMIT 1), c.received_by) AS raised_by
          FROM cases c INDEXED BY cases_red_since
          WHERE c.active = 1 AND c.colour = 0 AND c.red_since >= ?1
            AND NOT EXISTS (SELECT 1 FROM audit k
                            WHERE k.case_id = c.id AND k.staff_id = ?2
                              AND k.action = 'red.ack' AND k.at >= c.red_since)) x
    LEFT JOIN staff s ON s.id = x.raised_by
    WHERE x.raised_by IS NOT ?2
    ORDER BY x.red_since, x.id
    LIMIT ?3";

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
    /// did not make red and has not acknowledged since, oldest first. Nothing for a role that
    /// is not alerted. Who made a case red is whoever wrote its first audit entry since then
    /// (the registration, the colour change or the reopening).
    pub fn red_alerts(&self, me: Actor, now: NaiveDateTime) -> Result<Vec<RedAlert>> {
        if !red_alert::alerted(me.role) {
            return Ok(Vec::new());
        }
        let since = to_sql(red_alert::window_start(now));
        let mut stmt = self.conn.prepare_cached(ALERTS)?;
        let rows = stmt.query_map(params![since, me.staff_id, RED_ALERTS_MAX as i64], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, Option<String>>(7)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (case_id, case_no, summary, codes, colour_reason, since, code, name) = row?;
            out.push(RedAlert {
                case_id,
                case_no,
                summary,
                reasons: red_alert::reasons(&flags(&codes)?),
                colour_reason,
                since: from_sql(&since)
                    .ok_or_else(|| StoreError::Corrupt(format!("cases.red_since {since:?}")))?,
                by: code.zip(name),
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
            let case_no: String = tx
                .query_row("SELECT case_no FROM cases WHERE id = ?1", [case_id], |r| {
                    r.get(0)
                })
                .optional()?
                .ok_or(StoreError::NotFound)?;
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
