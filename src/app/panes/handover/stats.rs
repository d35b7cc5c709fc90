//! The statistics view: the period chosen (1–4) and the figures for it, asked of the reports
//! worker off the render loop and shown when they come.
use super::{Ctx, HandoverState};
use chrono::{Datelike, Duration, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Period {
    #[default]
    ThisMonth,
    LastMonth,
    ThisYear,
    Last30,
}

impl Period {
    pub fn range(self, today: NaiveDate) -> (NaiveDate, NaiveDate) {
        let first = today.with_day(1).unwrap_or(today);
        match self {
            Period::ThisMonth => (first, today),
            Period::LastMonth => {
                let end = first - Duration::days(1);
                (end.with_day(1).unwrap_or(end), end)
            }
            Period::ThisYear => (today.with_ordinal(1).unwrap_or(today), today),
            Period::Last30 => (today - Duration::days(29), today),
        }
    }
}

impl HandoverState {
    /// Statistics off the render loop: a year at 1 M cases takes half a second, so they run
    /// on the reports worker (its own thread and connection, reused: a thread per request left
    /// its allocator's memory behind each time), never behind a save.
    pub(super) fn refresh_stats(&mut self, ctx: &mut Ctx) {
        let (from, to) = self.period.range(ctx.now.date());
        self.stats_pending = Some(ctx.reports.query(ctx.store, move |s| s.stats(from, to)));
        self.poll_stats(ctx);
    }

    /// Statistics asked for and not yet come.
    pub fn stats_loading(&self) -> bool {
        self.stats_pending.is_some()
    }

    pub(super) fn poll_stats(&mut self, ctx: &mut Ctx) {
        let Some(answer) = self.stats_pending.as_mut().and_then(|p| p.poll()) else {
            return;
        };
        self.stats_pending = None;
        match answer {
            Ok(s) => self.stats = Some(s),
            Err(e) => ctx.answer_error(&e),
        }
    }
}
