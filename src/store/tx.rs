//! The one write-transaction helper: every change to the database goes through `Store::write`.
use super::{Result, Store};
use rusqlite::TransactionBehavior;

impl Store {
    /// Every write goes through here: IMMEDIATE takes the write lock up front, so a busy
    /// database waits in the busy handler instead of failing a read-then-write half way.
    /// A big file's quick check, skipped while opening, comes first (check_gate.rs).
    pub(super) fn write<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction) -> Result<T>,
    ) -> Result<T> {
        let conn = &self.conn;
        self.gate
            .before_write(self.write_wait, || Store::check_result(conn))?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }
}
