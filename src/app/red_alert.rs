//! A lead's red alerts (domain/red_alert.rs): asked of the background worker at login and
//! whenever another desk changed something (live.rs), shown on every screen until acknowledged
//! with F12, which writes the audit row ('red.ack').
use super::background::Pending;
use super::{App, Flash};
use crate::domain::red_alert;
use crate::i18n::trf;
use crate::store::RedAlert;
use chrono::NaiveDateTime;

#[derive(Default)]
pub struct RedAlerts {
    /// Not yet acknowledged, in the order they became red; the first is shown.
    queue: Vec<RedAlert>,
    /// Acknowledged at this desk (case, when it became red): an answer read before the
    /// acknowledgement was written must not bring one back.
    seen: Vec<(i64, NaiveDateTime)>,
    pending: Option<Pending<Vec<RedAlert>>>,
}

impl RedAlerts {
    /// The alert on screen.
    pub fn current(&self) -> Option<&RedAlert> {
        self.queue.first()
    }

    /// Alerts waiting, the one shown included.
    pub fn len(&self) -> usize {
        self.queue.len()
    }

    pub fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }

    /// Adds what is new in `found`; nothing already shown or acknowledged here is repeated.
    fn merge(&mut self, found: Vec<RedAlert>) {
        for a in found {
            let key = (a.case_id, a.since);
            let known =
                self.seen.contains(&key) || self.queue.iter().any(|q| (q.case_id, q.since) == key);
            if !known {
                self.queue.push(a);
            }
        }
        self.queue.sort_by_key(|a| (a.since, a.case_id));
    }
}

impl App {
    /// Asks the worker for red cases this lead has still to see (nothing for other roles).
    pub fn check_red_alerts(&mut self) {
        let Some(me) = self.session.as_ref().map(|s| s.actor) else {
            return;
        };
        if !red_alert::alerted(me.role) {
            return;
        }
        let now = self.now;
        self.alerts.pending = Some(
            self.background
                .query(&mut self.store, move |s| s.red_alerts(me, now)),
        );
        self.poll_red_alerts();
    }

    pub(super) fn poll_red_alerts(&mut self) {
        let Some(answer) = self.alerts.pending.as_mut().and_then(|p| p.poll()) else {
            return;
        };
        self.alerts.pending = None;
        match answer {
            Ok(found) => self.alerts.merge(found),
            Err(e) => {
                let text = e.message(self.lang);
                self.flash = Some(Flash { text, error: true });
            }
        }
    }

    /// F12: the lead has seen the alert shown. Written at once (one audit row); the next one,
    /// if any, shows.
    pub fn acknowledge_red(&mut self) {
        let (Some(me), Some(a)) = (
            self.session.as_ref().map(|s| s.actor),
            self.alerts.current().cloned(),
        ) else {
            return;
        };
        match self.store.acknowledge_red(me, a.case_id, self.now) {
            Ok(()) => {
                self.alerts.queue.remove(0);
                self.alerts.seen.push((a.case_id, a.since));
                let text = trf(self.lang, "ui.red_alert.acked", &[("case", &a.case_no)]);
                self.flash_info(text);
            }
            Err(e) => {
                e.log();
                let text = e.message(self.lang);
                self.flash = Some(Flash { text, error: true });
            }
        }
    }
}

#[cfg(test)]
mod tests;
