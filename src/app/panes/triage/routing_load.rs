//! The routing proposal of the triage pane: the mediators' candidates read once on a
//! background connection, and the proposal recomputed from them as the form changes.
use super::TriageState;
use crate::app::panes::Ctx;
use crate::config::Config;
use crate::domain::category;
use crate::domain::risk;
use crate::domain::routing::{self, Hours, Need};
use crate::domain::team_rule::team_for;
use chrono::{NaiveDateTime, NaiveTime};
use std::sync::mpsc::{TryRecvError, channel};

pub fn hours_of(config: &Config) -> Hours {
    let t = |s: &str, d: u32| {
        NaiveTime::parse_from_str(s, "%H:%M")
            .unwrap_or_else(|_| NaiveTime::from_hms_opt(d, 0, 0).unwrap_or(NaiveTime::MIN))
    };
    Hours {
        start: t(&config.hours.start, 8),
        end: t(&config.hours.end, 17),
        days: config.hours.days.clone(),
    }
}

impl TriageState {
    /// Recomputes the routing proposal from the cached candidates (cheap: a dozen mediators).
    pub(super) fn repropose(&mut self, now: NaiveDateTime) {
        self.route = self
            .form
            .category
            .as_deref()
            .and_then(category::find)
            .map(|cat| team_for(cat, &risk::all_flags(&self.form.flags, &self.facts()), now));
        let (Some(cands), Some(cat), Some(route)) = (
            &self.candidates,
            self.form.category.as_deref().and_then(category::find),
            &self.route,
        ) else {
            self.proposal = None;
            return;
        };
        let langs = routing::needed_languages(self.form.parties.iter().map(|p| p.language()));
        let need = Need {
            category: &cat.code,
            team: route.team,
            colour: self.colour(),
            languages: langs,
        };
        let p = routing::propose(&need, cands);
        self.route_row = match self.form.owner {
            Some(id) => p
                .ranked
                .iter()
                .position(|r| r.candidate.staff_id == id)
                .unwrap_or(0),
            None => 0,
        };
        self.proposal = Some(p);
    }

    pub(super) fn load_candidates(&mut self, ctx: &mut Ctx) {
        if self.candidates.is_none() && self.candidates_rx.is_none() {
            let hours = hours_of(ctx.config);
            let now = ctx.now;
            match ctx.store.path() {
                Some(path) => {
                    let (tx, rx) = channel();
                    let path = path.to_path_buf();
                    let gate = ctx.store.check_gate();
                    let viewer = ctx.store.viewer();
                    let spawned =
                        std::thread::Builder::new()
                            .name("routing".into())
                            .spawn(move || {
                                let r = crate::store::Store::open_again(&path, &gate)
                                    .and_then(|mut s| {
                                        s.set_viewer(viewer)?;
                                        s.routing_candidates(now, &hours)
                                    })
                                    .inspect_err(crate::store::StoreError::log);
                                let _ = tx.send(r);
                            });
                    if spawned.is_ok() {
                        self.candidates_rx = Some(rx);
                    }
                }
                None => match ctx.store.routing_candidates(now, &hours) {
                    Ok(c) => self.candidates = Some(c),
                    Err(e) => ctx.store_error(&e),
                },
            }
        }
        self.repropose(ctx.now);
    }

    pub fn candidates_loading(&self) -> bool {
        self.candidates_rx.is_some()
    }

    /// Takes the routing candidates when the background read is done.
    pub(super) fn poll_candidates(&mut self, ctx: &mut Ctx) {
        let Some(rx) = &self.candidates_rx else {
            return;
        };
        match rx.try_recv() {
            Ok(Ok(c)) => {
                self.candidates = Some(c);
                self.candidates_rx = None;
                self.repropose(ctx.now);
            }
            Ok(Err(e)) => {
                self.candidates_rx = None;
                ctx.answer_error(&e);
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => self.candidates_rx = None,
        }
    }
}
