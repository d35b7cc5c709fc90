//! The one write-transaction helper: every change to the database goes through `Store::write`
//! (code still written for SQLite only) or `Store::write_db` (code on both engines).
use super::db::{Conn, Db};
use super::{Result, Store, StoreError};
use rusqlite::TransactionBehavior;

impl Store {
    /// Every write goes through here: IMMEDIATE takes the write lock up front, so a busy
    /// database waits in the busy handler instead of failing a read-then-write half way.
    /// A big file's quick check, skipped while opening, comes first (check_gate.rs).
    /// SQLite only: on PostgreSQL `NotOnThisEngine` (its subjects move to `write_db`).
    pub(super) fn write<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction) -> Result<T>,
    ) -> Result<T> {
        let Conn::Lite(conn) = &mut self.conn else {
            return Err(StoreError::NotOnThisEngine);
        };
        self.gate
            .before_write(self.write_wait, || Store::check_result(conn))?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// A write on either engine (db/mod.rs `Conn::write`): SQLite IMMEDIATE, PostgreSQL
    /// SERIALIZABLE, where `f` may run again after a conflict with another desk, so it must
    /// not change anything outside the transaction.
    pub(super) fn write_db<T>(&mut self, f: impl FnMut(Db<'_>) -> Result<T>) -> Result<T> {
        if let Conn::Lite(conn) = &self.conn {
            self.gate
                .before_write(self.write_wait, || Store::check_result(conn))?;
        }
        self.conn.write(f)
    }

    /// This connection, whichever the engine.
    pub(super) fn db(&self) -> Db<'_> {
        self.conn.db()
    }

    /// The SQLite connection, for code not yet written for both engines: on PostgreSQL it
    /// answers `NotOnThisEngine` instead of running.
    pub(super) fn lite(&self) -> Result<&rusqlite::Connection> {
        self.conn.db().lite()
    }

    /// Tests that reach into SQLite directly.
    #[cfg(test)]
    pub(crate) fn lite_conn(&self) -> &rusqlite::Connection {
        self.lite().expect("a SQLite store")
    }
}
