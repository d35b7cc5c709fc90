//! Counts for the status bar. Cheap (partial index), but callers cache them: never per frame.
use super::{Result, Store};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UrgentCounts {
    pub red: i64,
    pub orange: i64,
    /// Open cases past their deadline (deadlines.rs `overdue_count`).
    pub overdue: i64,
    /// Open red cases with no action yet today (deadlines.rs `red_idle_count`).
    pub red_idle: i64,
}

impl Store {
    /// Open (active) red and orange cases.
    pub fn urgent_counts(&self) -> Result<UrgentCounts> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT colour, COUNT(*) FROM cases WHERE active = 1 AND colour <= 1 GROUP BY colour",
        )?;
        let mut out = UrgentCounts::default();
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
        for row in rows {
            match row? {
                (0, n) => out.red = n,
                (1, n) => out.orange = n,
                _ => {}
            }
        }
        Ok(out)
    }
}
