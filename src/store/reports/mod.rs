//! Reports by centre and level (issue 14): every visible centre's own figures for a period —
//! the statistics' tables by centre and by level and the monthly report (月报) are built from
//! them. Each figure goes to one centre: a case's intake to the centre that received it (受理),
//! its outcome, sessions, deadline and stays to the centre handling it, a hand-over to the
//! centre that sent it (or sent it back). The counting rules are domain::centre_report's;
//! every SQL statement is in `queries.rs`.
mod queries;
#[cfg(test)]
mod tests;

use super::centres::tree;
use super::time::{date_to_sql, from_sql, to_sql};
use super::{Result, Store};
use crate::domain::centre_report::{self, CentreFigures, Tally};
use crate::domain::status::Status;
use crate::domain::transfer::{self, Move, TransferKind};
use chrono::{Duration, NaiveDate, NaiveDateTime};
use std::collections::HashMap;

/// The latest recorded outcome of a case: (audit id, when, the outcome).
type Latest = (i64, NaiveDateTime, Status);

impl Store {
    /// Every visible centre's own figures for the cases received from `from` to `to` (both
    /// days included) and the hand-overs sent or returned on those days; outcomes and
    /// deadlines as they stand at `now`. Centres this connection does not see have none.
    pub fn centre_figures(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        now: NaiveDateTime,
    ) -> Result<CentreFigures> {
        let (from, to) = (from.min(to), from.max(to));
        let s = date_to_sql(from);
        let e = date_to_sql(to + Duration::days(1));
        let tree = tree(self.lite()?)?;
        let mut own: HashMap<i64, Tally> = self
            .visible_centres()?
            .into_iter()
            .map(|id| (id, Tally::default()))
            .collect();
        let (lo, hi) = queries::cohort_ids(self.lite()?, &s, &e)?;
        let (lo, hi) = (lo.unwrap_or(0), hi.unwrap_or(-1));
        let held = queries::held(self.lite()?, lo, hi)?;
        let mut latest: HashMap<i64, Latest> = HashMap::new();
        queries::outcomes(self.lite()?, lo, hi, |case, id, at, outcome| {
            let Some(at) = from_sql(at) else { return };
            if latest.get(&case).is_none_or(|(seen, _, _)| id > *seen) {
                latest.insert(case, (id, at, outcome));
            }
        })?;
        let mut moves: HashMap<i64, Vec<Move>> = HashMap::new();
        queries::moves(self.lite()?, lo, hi, |case, to, at| {
            if let Some(at) = from_sql(at) {
                moves.entry(case).or_default().push(Move { to, at });
            }
        })?;
        let cut = to_sql(now);
        queries::cohort(self.lite()?, &s, &e, |c| {
            let last = latest.get(&c.id);
            // The outcome is the status when it is one, else (follow-up, closed) the latest
            // recorded; an open case has none.
            let outcome = if c.status.is_outcome() {
                Some(c.status)
            } else if matches!(c.status, Status::FollowUp | Status::Closed) {
                last.map(|l| l.2)
            } else {
                None
            };
            let resolved = outcome.is_some_and(centre_report::resolves);
            let category = c.category.to_string();
            if let Some(t) = own.get_mut(&c.received_centre) {
                t.received += 1;
                t.by_category.entry(category.clone()).or_default().received += 1;
            }
            if let Some(t) = own.get_mut(&c.centre) {
                let mediated = held.contains(&c.id);
                t.mediated += i64::from(mediated);
                t.agreements += i64::from(mediated && outcome == Some(Status::Agreement));
                t.overdue += i64::from(c.active && c.deadline.is_some_and(|d| *d < *cut));
                if resolved {
                    t.resolved += 1;
                    t.by_category.entry(category).or_default().resolved += 1;
                    if let Some(centre) = tree.get(c.centre) {
                        t.resolved_at[centre.level as usize] += 1;
                    }
                }
            }
            let Some(received) = from_sql(c.received_at) else {
                return;
            };
            let ended = if c.active {
                None
            } else {
                last.map(|l| l.1).or_else(|| c.closed_at.and_then(from_sql))
            };
            let passage = moves.get(&c.id).map_or(&[][..], Vec::as_slice);
            let stages = transfer::stages(c.received_centre, received, passage);
            for stay in centre_report::level_stays(&tree, &stages, ended) {
                if let Some(t) = own.get_mut(&stay.centre) {
                    t.stays[stay.level as usize] += 1;
                    t.stay_days[stay.level as usize] += stay.days;
                }
            }
        })?;
        for (centre, kind, n) in queries::sent(self.lite()?, &s, &e)? {
            if let Some(t) = own.get_mut(&centre) {
                match kind {
                    TransferKind::Up => t.handed_up += n,
                    TransferKind::Down => t.handed_down += n,
                    TransferKind::Across => t.handed_across += n,
                }
            }
        }
        for (centre, n) in queries::returned(self.lite()?, &s, &e)? {
            if let Some(t) = own.get_mut(&centre) {
                t.returned += n;
            }
        }
        Ok(CentreFigures {
            from,
            to,
            at: now,
            tree,
            own,
        })
    }
}
