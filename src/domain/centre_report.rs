//! What centres report upwards (统计, 月报): one centre's figures for a period (`Tally`), summed
//! over a centre and every centre below it, and the measures of the ladder — where cases were
//! resolved (小事不出村、大事不出乡) and how long they stayed at each level. Pure: the store
//! reads the cases and attributes each figure to a centre; the rules of counting are here.
use super::centre::{Centre, CentreTree};
use super::ladder::Level;
use super::status::Status;
use super::transfer::Stage;
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::{BTreeMap, HashMap};

/// A case is resolved (化解) when its latest outcome is an agreement or an answer at the desk.
pub fn resolves(outcome: Status) -> bool {
    matches!(outcome, Status::Agreement | Status::AnsweredAtDesk)
}

/// Received and resolved cases of one category.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CategoryCount {
    pub received: i64,
    pub resolved: i64,
}

/// One centre's figures for a period (or, summed by `add`, a centre's and those below it).
/// The cases counted are those received in the period (the cohort), with their outcome as
/// recorded when the figures are read; hand-overs are those sent or returned in the period.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    /// Cases received here (受理: the centre that registered them).
    pub received: i64,
    /// Cases resolved here (the centre handling them when the outcome was recorded).
    pub resolved: i64,
    /// Cases handled here with at least one session held.
    pub mediated: i64,
    /// Of the mediated: the outcome is an agreement (达成协议).
    pub agreements: i64,
    /// Cases handled here, still open, past their deadline when the figures were read.
    pub overdue: i64,
    /// Hand-overs this centre sent up (上报), down (交办) and across (转办) in the period.
    pub handed_up: i64,
    pub handed_down: i64,
    pub handed_across: i64,
    /// Hand-overs this centre sent back (退回 / 退单) in the period.
    pub returned: i64,
    /// By category code: received here, resolved here.
    pub by_category: BTreeMap<String, CategoryCount>,
    /// Resolved cases by the level of the centre that resolved them (village, township, county).
    pub resolved_at: [i64; 3],
    /// Stays at each level that ended (the case moved to another level, or got its outcome),
    /// counted at the centre where they ended: how many, and their days in all.
    pub stays: [i64; 3],
    pub stay_days: [f64; 3],
}

pub fn ratio(num: i64, den: i64) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

impl Tally {
    /// Adds another centre's figures (a centre's total is its own and its subtree's).
    pub fn add(&mut self, o: &Tally) {
        self.received += o.received;
        self.resolved += o.resolved;
        self.mediated += o.mediated;
        self.agreements += o.agreements;
        self.overdue += o.overdue;
        self.handed_up += o.handed_up;
        self.handed_down += o.handed_down;
        self.handed_across += o.handed_across;
        self.returned += o.returned;
        for (k, c) in &o.by_category {
            let e = self.by_category.entry(k.clone()).or_default();
            e.received += c.received;
            e.resolved += c.resolved;
        }
        for i in 0..3 {
            self.resolved_at[i] += o.resolved_at[i];
            self.stays[i] += o.stays[i];
            self.stay_days[i] += o.stay_days[i];
        }
    }

    /// Nothing to report (零报告): nothing received, resolved, mediated, handed over, sent
    /// back or overdue.
    pub fn is_zero(&self) -> bool {
        self.received == 0
            && self.resolved == 0
            && self.mediated == 0
            && self.overdue == 0
            && self.handed_up + self.handed_down + self.handed_across + self.returned == 0
            && self.stays.iter().all(|n| *n == 0)
    }

    /// Success rate (调解成功率) = agreements / mediated.
    pub fn success_rate(&self) -> Option<f64> {
        ratio(self.agreements, self.mediated)
    }

    /// The share of the resolved cases that were resolved at `level` (村 / 乡 / 县).
    pub fn level_share(&self, level: Level) -> Option<f64> {
        ratio(
            self.resolved_at[level as usize],
            self.resolved_at.iter().sum(),
        )
    }

    /// Mean days a stay at `level` lasted.
    pub fn mean_stay_days(&self, level: Level) -> Option<f64> {
        let i = level as usize;
        (self.stays[i] > 0).then(|| self.stay_days[i] / self.stays[i] as f64)
    }
}

/// A stay of a case at one level, from its arrival (registered there, or signed for: 签收) to
/// when it left the level or got its outcome.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LevelStay {
    pub level: Level,
    /// The centre it was at when the stay ended.
    pub centre: i64,
    pub days: f64,
}

/// The ended stays of a case at each level: its stages (`transfer::stages`) with their centres'
/// levels, consecutive stages at one level (a hand-over across) one stay. The last stay ends at
/// `ended`, when the case got its outcome; a case still open has no end there and that stay
/// is left out.
pub fn level_stays(
    tree: &CentreTree,
    stages: &[Stage],
    ended: Option<NaiveDateTime>,
) -> Vec<LevelStay> {
    let level = |id: i64| tree.get(id).map(|c| c.level);
    let mut out = Vec::new();
    let mut i = 0;
    while i < stages.len() {
        let Some(lv) = level(stages[i].centre) else {
            i += 1;
            continue;
        };
        let from = stages[i].from;
        let mut j = i;
        while j + 1 < stages.len() && level(stages[j + 1].centre) == Some(lv) {
            j += 1;
        }
        let until = stages[j]
            .until
            .or(if j + 1 == stages.len() { ended } else { None });
        if let Some(until) = until {
            out.push(LevelStay {
                level: lv,
                centre: stages[j].centre,
                days: (until - from).num_minutes().max(0) as f64 / (24.0 * 60.0),
            });
        }
        i = j + 1;
    }
    out
}

/// Every centre's own figures for a period, as one connection sees them: the centres it sees
/// (`visible`) have a tally each, possibly empty; figures of centres it does not see are not
/// there at all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CentreFigures {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// When the figures were read: outcomes recorded and deadlines passed up to then.
    pub at: NaiveDateTime,
    pub tree: CentreTree,
    pub own: HashMap<i64, Tally>,
}

impl CentreFigures {
    pub fn own(&self, id: i64) -> Tally {
        self.own.get(&id).cloned().unwrap_or_default()
    }

    /// A centre's figures with those of every centre below it that is seen.
    pub fn rolled_up(&self, id: i64) -> Tally {
        let mut t = Tally::default();
        for c in self.tree.subtree(id) {
            if let Some(o) = self.own.get(&c) {
                t.add(o);
            }
        }
        t
    }

    /// Everything seen.
    pub fn total(&self) -> Tally {
        let mut t = Tally::default();
        for (_, c) in self.rows(None) {
            t.add(&self.own(c.id));
        }
        t
    }

    /// The centres seen in reading order (each after its parent, by code), at or below `top`
    /// (none: all), each with its depth: how many of the centres listed are above it.
    pub fn rows(&self, top: Option<i64>) -> Vec<(usize, &Centre)> {
        let listed =
            |id: i64| self.own.contains_key(&id) && top.is_none_or(|t| self.tree.is_within(id, t));
        self.tree
            .depth_first()
            .into_iter()
            .map(|(_, c)| c)
            .filter(|c| listed(c.id))
            .map(|c| {
                let above = self.tree.path_up(c.id).into_iter().skip(1);
                (above.filter(|a| listed(*a)).count(), c)
            })
            .collect()
    }

    /// Whether `id` has a centre below it that is seen.
    pub fn has_children(&self, id: i64) -> bool {
        self.tree.children(id).any(|c| self.own.contains_key(&c.id))
    }
}

#[cfg(test)]
mod tests;
