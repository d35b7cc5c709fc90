//! Statistics for a period (统计): the figures centres report upwards. One pass over the cases
//! received in the period (cohort), one over the follow-ups done in it. Every figure is defined
//! on its field; the pane, `onedoor stats` and the exports all render this struct.
use super::super::time::{date_to_sql, from_sql};
use super::super::{Result, Store};
use super::queries::stats as queries;
use crate::domain::followup::Performance;
use crate::domain::status::Status;
use chrono::{Duration, NaiveDate};
use std::collections::HashMap;

/// Counts of one group of a breakdown (a category, colour, channel or mediator).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Group {
    /// Category code, colour code, channel code, or the mediator's name ("" = unassigned).
    pub key: String,
    pub received: i64,
    pub resolved: i64,
    pub closed: i64,
    pub mediated: i64,
    pub agreements: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breakdown {
    Category,
    Colour,
    Channel,
    Mediator,
}

impl Breakdown {
    pub const ALL: [Breakdown; 4] = [
        Breakdown::Category,
        Breakdown::Colour,
        Breakdown::Channel,
        Breakdown::Mediator,
    ];
}

/// Follow-up visits (回访) done in the period.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FollowupStats {
    /// Follow-ups whose due date falls in the period (any status).
    pub due: i64,
    /// Follow-ups marked done with `done_at` in the period.
    pub done: i64,
    /// Of `done`: done on or before their due date.
    pub on_time: i64,
    pub fulfilled: i64,
    pub partly: i64,
    pub breached: i64,
    pub unreachable: i64,
}

impl FollowupStats {
    /// Fulfilment rate = fulfilled / (fulfilled + partly + breached): of the agreements checked,
    /// how many are being carried out in full. Unreachable parties are left out.
    pub fn fulfilment_rate(&self) -> Option<f64> {
        ratio(self.fulfilled, self.fulfilled + self.partly + self.breached)
    }
    /// On-time rate = on_time / done.
    pub fn on_time_rate(&self) -> Option<f64> {
        ratio(self.on_time, self.done)
    }
}

/// Statistics for the cases received from `from` to `to` (both days included).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Cases received (`received_at` within the period).
    pub received: i64,
    /// Of those, resolved (化解): their latest recorded outcome is an agreement or an answer at
    /// the desk. The outcome is the status if it is an outcome, else the newest audited
    /// 'case.status' change to an outcome (a follow-up or closed case keeps its outcome there).
    pub resolved: i64,
    /// Of those, closed (办结): no longer active — an outcome was recorded or the case closed.
    pub closed: i64,
    /// Of those, mediated: at least one session was held.
    pub mediated: i64,
    /// Of the mediated: the outcome is an agreement (达成协议).
    pub agreements: i64,
    /// Of those received: cases whose applicant had come before (visits ≥ 2) — repeat visits.
    pub repeat_cases: i64,
    /// Mediated cases: days from intake to the first held session, mean and median.
    pub first_session_mean_days: Option<f64>,
    pub first_session_median_days: Option<f64>,
    pub by_category: Vec<Group>,
    pub by_colour: Vec<Group>,
    pub by_channel: Vec<Group>,
    pub by_mediator: Vec<Group>,
    /// Intakes per day, every day of the period (zeros included).
    pub per_day: Vec<(NaiveDate, i64)>,
    pub followups: FollowupStats,
    /// Satisfaction (1–5) recorded at follow-ups done in the period: answers per score 1..=5.
    pub satisfaction: [i64; 5],
}

pub fn ratio(num: i64, den: i64) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

impl Stats {
    /// Success rate (调解成功率) = agreements / mediated.
    pub fn success_rate(&self) -> Option<f64> {
        ratio(self.agreements, self.mediated)
    }
    /// Resolution rate (化解率) = resolved / received.
    pub fn resolution_rate(&self) -> Option<f64> {
        ratio(self.resolved, self.received)
    }
    /// Closure rate (办结率) = closed / received.
    pub fn closure_rate(&self) -> Option<f64> {
        ratio(self.closed, self.received)
    }
    /// Repeat-visit rate = repeat_cases / received.
    pub fn repeat_rate(&self) -> Option<f64> {
        ratio(self.repeat_cases, self.received)
    }
    /// Answers to the satisfaction question.
    pub fn satisfaction_answers(&self) -> i64 {
        self.satisfaction.iter().sum()
    }
    /// Mean satisfaction score (1–5) over the answers.
    pub fn satisfaction_mean(&self) -> Option<f64> {
        let n = self.satisfaction_answers();
        let sum: i64 = self.satisfaction.iter().zip(1..).map(|(c, s)| c * s).sum();
        ratio(sum, n)
    }

    pub fn groups(&self, b: Breakdown) -> &[Group] {
        match b {
            Breakdown::Category => &self.by_category,
            Breakdown::Colour => &self.by_colour,
            Breakdown::Channel => &self.by_channel,
            Breakdown::Mediator => &self.by_mediator,
        }
    }
}

fn bump(map: &mut HashMap<String, Group>, key: &str, row: &CaseFacts) {
    if !map.contains_key(key) {
        let g = Group {
            key: key.to_string(),
            ..Group::default()
        };
        map.insert(key.to_string(), g);
    }
    let Some(g) = map.get_mut(key) else { return };
    g.received += 1;
    g.resolved += i64::from(row.resolved);
    g.closed += i64::from(row.closed);
    g.mediated += i64::from(row.mediated);
    g.agreements += i64::from(row.mediated && row.agreement);
}

/// A recorded outcome, without allocating per row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    None,
    Agreement,
    Answered,
    Other,
}

impl Outcome {
    fn of(status: Status) -> Outcome {
        match status {
            Status::Agreement => Outcome::Agreement,
            Status::AnsweredAtDesk => Outcome::Answered,
            Status::NoAgreement | Status::ReferredOut | Status::Withdrawn => Outcome::Other,
            _ => Outcome::None,
        }
    }
}

/// Days from `from` to the date at the start of `at` ('YYYY-MM-DD …'), parsed without chrono's
/// format machinery (called for every case of the period).
fn day_index(at: &str, from: NaiveDate) -> Option<usize> {
    let b = at.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        std::str::from_utf8(b.get(r)?).ok()?.parse().ok()
    };
    let d = NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)?;
    usize::try_from((d - from).num_days()).ok()
}

struct CaseFacts {
    resolved: bool,
    closed: bool,
    mediated: bool,
    agreement: bool,
}

/// Groups in a fixed order: by `order` when given (codes), else by count, largest first.
fn sorted(map: HashMap<String, Group>, order: &[&str]) -> Vec<Group> {
    let mut v: Vec<Group> = map.into_values().collect();
    if order.is_empty() {
        v.sort_by(|a, b| b.received.cmp(&a.received).then(a.key.cmp(&b.key)));
    } else {
        let pos = |k: &str| order.iter().position(|o| *o == k).unwrap_or(usize::MAX);
        v.sort_by(|a, b| pos(&a.key).cmp(&pos(&b.key)).then(a.key.cmp(&b.key)));
    }
    v
}

impl Store {
    pub fn stats(&self, from: NaiveDate, to: NaiveDate) -> Result<Stats> {
        let (from, to) = (from.min(to), from.max(to));
        let s = date_to_sql(from);
        let e = date_to_sql(to + Duration::days(1));
        let mut out = Stats {
            from,
            to,
            ..Stats::default()
        };
        // Cohort ids, then the held sessions and recorded outcomes of that id range in two
        // index range scans: ~300 k random look-ups per year would cost more than the rest.
        let (lo, hi) = queries::cohort_ids(self.lite()?, &s, &e)?;
        let (lo, hi) = (lo.unwrap_or(0), hi.unwrap_or(-1));
        let first_held = queries::first_held(self.lite()?, lo, hi)?;
        // Latest recorded outcome per case (highest audit id wins), in vectors over the cohort's
        // id range: a year holds some 200 k outcomes, and a hash map of them took 20 MB.
        let span = usize::try_from(hi - lo + 1).unwrap_or(0);
        let mut latest_audit: Vec<i64> = vec![0; span];
        let mut outcome_of: Vec<Outcome> = vec![Outcome::None; span];
        queries::outcome_changes(self.lite()?, lo, hi, |case, id, new| {
            let k = usize::try_from(case - lo).unwrap_or(usize::MAX);
            if latest_audit.get(k).is_some_and(|&seen| id > seen) {
                latest_audit[k] = id;
                outcome_of[k] = Outcome::of(new);
            }
        })?;
        drop(latest_audit);
        let names = queries::staff_names(self.lite()?)?;
        let days = (to - from).num_days() as usize + 1;
        let mut per_day = vec![0i64; days];
        let mut maps: [HashMap<String, Group>; 4] = Default::default();
        let mut waits: Vec<f64> = Vec::new();
        queries::cohort(self.lite()?, &s, &e, |c| {
            let outcome = match c.status {
                Status::FollowUp | Status::Closed => usize::try_from(c.id - lo)
                    .ok()
                    .and_then(|k| outcome_of.get(k).copied())
                    .unwrap_or(Outcome::None),
                other => Outcome::of(other),
            };
            let first = first_held.get(&c.id);
            let facts = CaseFacts {
                resolved: matches!(outcome, Outcome::Agreement | Outcome::Answered),
                closed: !c.active,
                mediated: first.is_some(),
                agreement: outcome == Outcome::Agreement,
            };
            out.received += 1;
            out.resolved += i64::from(facts.resolved);
            out.closed += i64::from(facts.closed);
            out.mediated += i64::from(facts.mediated);
            out.agreements += i64::from(facts.mediated && facts.agreement);
            out.repeat_cases += i64::from(c.visits > 1);
            if let (Some(t), Some(rec)) = (first.and_then(|f| from_sql(f)), from_sql(c.received_at))
            {
                waits.push((t - rec).num_minutes() as f64 / (24.0 * 60.0));
            }
            if let Some(n) = day_index(c.received_at, from).and_then(|d| per_day.get_mut(d)) {
                *n += 1;
            }
            let owner = c
                .owner
                .and_then(|o| names.get(&o))
                .map(String::as_str)
                .unwrap_or("");
            bump(&mut maps[0], c.category, &facts);
            bump(&mut maps[1], c.colour.code(), &facts);
            bump(&mut maps[2], c.channel.code(), &facts);
            bump(&mut maps[3], owner, &facts);
        })?;
        let [cat, col, chan, med] = maps;
        let cat_order: Vec<&str> = crate::domain::category::all()
            .iter()
            .map(|c| c.code.as_str())
            .collect();
        let col_order: Vec<&str> = crate::domain::risk::Colour::ALL
            .iter()
            .map(|c| c.code())
            .collect();
        let chan_order: Vec<&str> = crate::domain::channel::Channel::ALL
            .iter()
            .map(|c| c.code())
            .collect();
        out.by_category = sorted(cat, &cat_order);
        out.by_colour = sorted(col, &col_order);
        out.by_channel = sorted(chan, &chan_order);
        out.by_mediator = sorted(med, &[]);
        out.per_day = per_day
            .into_iter()
            .enumerate()
            .map(|(i, n)| (from + Duration::days(i as i64), n))
            .collect();
        if !waits.is_empty() {
            out.first_session_mean_days = Some(waits.iter().sum::<f64>() / waits.len() as f64);
            waits.sort_by(f64::total_cmp);
            let m = waits.len() / 2;
            out.first_session_median_days = Some(if waits.len() % 2 == 1 {
                waits[m]
            } else {
                (waits[m - 1] + waits[m]) / 2.0
            });
        }
        self.followup_stats(&mut out, &s, &e)?;
        Ok(out)
    }

    fn followup_stats(&self, out: &mut Stats, s: &str, e: &str) -> Result<()> {
        let (ds, de) = (&s[..10], &e[..10]);
        out.followups.due = queries::followups_due(self.lite()?, ds, de)?;
        queries::followups_done(self.lite()?, s, e, |d| {
            let f = &mut out.followups;
            f.done += 1;
            f.on_time += i64::from(d.on_time);
            match d.performance {
                Some(Performance::Fulfilled) => f.fulfilled += 1,
                Some(Performance::Partly) => f.partly += 1,
                Some(Performance::Breached) => f.breached += 1,
                Some(Performance::Unreachable) => f.unreachable += 1,
                None => {}
            }
            if let Some(score) = d.satisfaction
                && (1..=5).contains(&score)
            {
                out.satisfaction[score as usize - 1] += 1;
            }
        })
    }
}
