//! Statistics for a period (统计): the figures centres report upwards. One pass over the cases
//! received in the period (cohort), one over the follow-ups done in it. Every figure is defined
//! on its field; the pane, `onedoor stats` and the exports all render this struct.
use super::time::{date_to_sql, from_sql};
use super::{Result, Store};
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

/// A borrowed text column (no allocation per row: the year's pass reads ~300 k rows).
fn txt<'a>(r: &'a rusqlite::Row, i: usize) -> rusqlite::Result<Option<&'a str>> {
    r.get_ref(i)?.as_str_or_null().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
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
    let g = map.entry(key.to_string()).or_insert_with(|| Group {
        key: key.to_string(),
        ..Group::default()
    });
    g.received += 1;
    g.resolved += i64::from(row.resolved);
    g.closed += i64::from(row.closed);
    g.mediated += i64::from(row.mediated);
    g.agreements += i64::from(row.mediated && row.agreement);
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
        // The outcome subquery runs only for follow-up/closed cases, through audit_case_status.
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.received_at, c.category, c.colour, c.channel, c.status, c.active,
                COALESCE(o.name, ''), c.visits,
                (SELECT MIN(s.starts_at) FROM sessions s WHERE s.case_id = c.id AND s.status = 'held'),
                CASE WHEN c.status IN ('follow_up', 'closed') THEN
                  (SELECT a.new FROM audit a WHERE a.case_id = c.id AND a.action = 'case.status'
                     AND a.new IN ('agreement', 'no_agreement', 'referred_out', 'withdrawn', 'answered')
                   ORDER BY a.id DESC LIMIT 1)
                ELSE c.status END
             FROM cases c LEFT JOIN staff o ON o.id = c.owner_id
             WHERE c.received_at >= ?1 AND c.received_at < ?2",
        )?;
        let days = (to - from).num_days() as usize + 1;
        let mut per_day = vec![0i64; days];
        let mut maps: [HashMap<String, Group>; 4] = Default::default();
        let mut waits: Vec<f64> = Vec::new();
        let mut rows = stmt.query([&s, &e])?;
        while let Some(r) = rows.next()? {
            let received = from_sql(txt(r, 0)?.unwrap_or_default()).unwrap_or_default();
            let outcome = txt(r, 9)?.unwrap_or("");
            let first: Option<&str> = txt(r, 8)?;
            let facts = CaseFacts {
                resolved: matches!(outcome, "agreement" | "answered"),
                closed: r.get::<_, i64>(5)? == 0,
                mediated: first.is_some(),
                agreement: outcome == "agreement",
            };
            out.received += 1;
            out.resolved += i64::from(facts.resolved);
            out.closed += i64::from(facts.closed);
            out.mediated += i64::from(facts.mediated);
            out.agreements += i64::from(facts.mediated && facts.agreement);
            out.repeat_cases += i64::from(r.get::<_, i64>(7)? > 1);
            if let Some(t) = first.and_then(from_sql) {
                waits.push((t - received).num_minutes() as f64 / (24.0 * 60.0));
            }
            let day = (received.date() - from).num_days();
            if let Some(n) = usize::try_from(day).ok().and_then(|d| per_day.get_mut(d)) {
                *n += 1;
            }
            let colour = crate::domain::risk::Colour::from_rank(r.get::<_, i64>(2)?)
                .map(|c| c.code())
                .unwrap_or("");
            bump(&mut maps[0], txt(r, 1)?.unwrap_or_default(), &facts);
            bump(&mut maps[1], colour, &facts);
            bump(&mut maps[2], txt(r, 3)?.unwrap_or_default(), &facts);
            bump(&mut maps[3], txt(r, 6)?.unwrap_or_default(), &facts);
        }
        drop(rows);
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
        out.followups.due = self.conn.query_row(
            "SELECT COUNT(*) FROM followups WHERE due_on >= ?1 AND due_on < ?2",
            [ds, de],
            |r| r.get(0),
        )?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT COALESCE(performance, ''), satisfaction, substr(done_at, 1, 10) <= due_on
             FROM followups WHERE status = 'done' AND done_at >= ?1 AND done_at < ?2",
        )?;
        let mut rows = stmt.query([s, e])?;
        while let Some(r) = rows.next()? {
            let f = &mut out.followups;
            f.done += 1;
            f.on_time += i64::from(r.get::<_, bool>(2)?);
            match txt(r, 0)?.unwrap_or_default() {
                "fulfilled" => f.fulfilled += 1,
                "partly" => f.partly += 1,
                "breached" => f.breached += 1,
                "unreachable" => f.unreachable += 1,
                _ => {}
            }
            if let Some(score) = r.get::<_, Option<i64>>(1)?
                && (1..=5).contains(&score)
            {
                out.satisfaction[score as usize - 1] += 1;
            }
        }
        Ok(())
    }
}
