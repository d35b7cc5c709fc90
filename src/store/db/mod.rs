//! One connection of either engine, as the query modules see it: `Db` runs a statement with
//! typed parameters and hands each row to a closure, on SQLite or on PostgreSQL. The queries
//! stay SQL text; where both engines take the same text (most do: `?N` placeholders,
//! `RETURNING`, `ON CONFLICT`, `COALESCE`, `CAST(… AS BIGINT)`), a query is written once; where
//! they differ (search, dates, list aggregation) it matches on `Db::engine`.
//!
//! Conventions the PostgreSQL schema keeps so that shared SQL means the same on both: times are
//! TEXT in the same 'YYYY-MM-DD HH:MM:SS' form (time.rs), integers are BIGINT (Rust `i64`),
//! flags are BIGINT 0/1 as on SQLite (so `active = 1` and the partial indexes on it read the
//! same; pass `i64::from(flag)`, read an `i64`), sums and counts are cast (`CAST(SUM(x) AS
//! BIGINT)`: PostgreSQL's SUM of a BIGINT is NUMERIC), `IS DISTINCT FROM` for SQLite's `IS NOT`,
//! and `ifnull` exists on PostgreSQL too (migrations/pg).
//!
//! The `postgres` crate's calls take `&mut Client`; a `Db` is shared (`&`) like rusqlite's
//! connection, so the client sits in a `RefCell` borrowed for one call at a time (one thread
//! owns each connection, as today; pg.rs).
mod pg;
mod placeholders;
mod value;

pub(crate) use pg::PgConn;
pub(crate) use value::{Col, Param};

use super::{Result, StoreError};

#[cfg(test)]
pub(crate) mod testing;
#[cfg(test)]
mod tests;

/// Which engine a connection speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A borrowed connection (or open transaction) of either engine.
#[derive(Clone, Copy)]
pub(crate) enum Db<'c> {
    Lite(&'c rusqlite::Connection),
    Pg(&'c PgConn),
}

impl<'c> From<&'c rusqlite::Connection> for Db<'c> {
    fn from(c: &'c rusqlite::Connection) -> Self {
        Db::Lite(c)
    }
}

impl<'c> From<&'c rusqlite::Transaction<'_>> for Db<'c> {
    fn from(t: &'c rusqlite::Transaction<'_>) -> Self {
        Db::Lite(t)
    }
}

/// One row of a result, of either engine.
pub(crate) enum Row<'r> {
    Lite(&'r rusqlite::Row<'r>),
    Pg(&'r postgres::Row),
}

impl Row<'_> {
    /// Column `idx` as `T`; a stored value `T` does not accept (an unknown code) is an
    /// `UnknownCode` naming `table`, the column and the value.
    pub fn get<T: Col>(&self, idx: usize, table: &'static str) -> Result<T> {
        match self {
            Row::Lite(r) => Ok(super::convert::code::<T>(r, idx, table)?),
            Row::Pg(r) => pg::get(r, idx, table),
        }
    }
}

fn lite_params<'a>(p: &'a [&'a dyn Param]) -> Vec<&'a dyn rusqlite::ToSql> {
    p.iter().map(|x| *x as &dyn rusqlite::ToSql).collect()
}

impl<'c> Db<'c> {
    pub fn engine(&self) -> Engine {
        match self {
            Db::Lite(_) => Engine::Sqlite,
            Db::Pg(_) => Engine::Postgres,
        }
    }

    /// The SQLite connection, for code not yet written for both engines: on PostgreSQL that
    /// code answers `StoreError::NotOnThisEngine` instead of running.
    pub fn lite(&self) -> Result<&'c rusqlite::Connection> {
        match self {
            Db::Lite(c) => Ok(c),
            Db::Pg(_) => Err(StoreError::NotOnThisEngine),
        }
    }

    /// Runs a statement; returns the rows changed.
    pub fn execute(&self, sql: &str, p: &[&dyn Param]) -> Result<u64> {
        match self {
            Db::Lite(c) => Ok(c.prepare_cached(sql)?.execute(&*lite_params(p))? as u64),
            Db::Pg(c) => c.execute(sql, p),
        }
    }

    /// Statements without parameters, separated by semicolons (schema, settings).
    pub fn batch(&self, sql: &str) -> Result<()> {
        match self {
            Db::Lite(c) => Ok(c.execute_batch(sql)?),
            Db::Pg(c) => c.batch(sql),
        }
    }

    /// Every row, each through `f`.
    pub fn query_map<T>(
        &self,
        sql: &str,
        p: &[&dyn Param],
        mut f: impl FnMut(&Row) -> Result<T>,
    ) -> Result<Vec<T>> {
        match self {
            Db::Lite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let mut rows = stmt.query(&*lite_params(p))?;
                let mut out = Vec::new();
                while let Some(r) = rows.next()? {
                    out.push(f(&Row::Lite(r))?);
                }
                Ok(out)
            }
            Db::Pg(c) => {
                let rows = c.query(sql, p)?;
                rows.iter().map(|r| f(&Row::Pg(r))).collect()
            }
        }
    }

    /// The first row through `f`, or `None` when there is none.
    pub fn query_opt<T>(
        &self,
        sql: &str,
        p: &[&dyn Param],
        f: impl FnOnce(&Row) -> Result<T>,
    ) -> Result<Option<T>> {
        match self {
            Db::Lite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let mut rows = stmt.query(&*lite_params(p))?;
                rows.next()?.map(|r| f(&Row::Lite(r))).transpose()
            }
            Db::Pg(c) => {
                let row = c.query_opt(sql, p)?;
                row.as_ref().map(|r| f(&Row::Pg(r))).transpose()
            }
        }
    }

    /// The first row through `f`; `StoreError::NotFound` when there is none.
    pub fn query_row<T>(
        &self,
        sql: &str,
        p: &[&dyn Param],
        f: impl FnOnce(&Row) -> Result<T>,
    ) -> Result<T> {
        self.query_opt(sql, p, f)?.ok_or(StoreError::NotFound)
    }

    /// The first column of the first row.
    pub fn one<T: Col>(&self, sql: &str, p: &[&dyn Param]) -> Result<T> {
        self.query_row(sql, p, |r| r.get(0, ""))
    }
}

/// An owned connection of either engine (what a `Store` keeps).
pub(crate) enum Conn {
    Lite(rusqlite::Connection),
    /// Boxed: its client and statement cache are three times a SQLite connection's size.
    Pg(Box<PgConn>),
}

impl Conn {
    /// A PostgreSQL connection (db/pg.rs `PgConn::connect`).
    pub fn pg(params: &str) -> Result<Conn> {
        Ok(Conn::Pg(Box::new(PgConn::connect(params)?)))
    }

    pub fn db(&self) -> Db<'_> {
        match self {
            Conn::Lite(c) => Db::Lite(c),
            Conn::Pg(c) => c.db(),
        }
    }

    /// Runs `f` in one write transaction: on SQLite IMMEDIATE (the write lock first, so a
    /// read-then-write cannot interleave with another desk); on PostgreSQL SERIALIZABLE,
    /// running `f` again from the start when the server refuses the commit as a serialization
    /// failure or deadlock (another desk's transaction raced it), a few times with a short,
    /// growing pause; then `Locked`.
    pub fn write<T>(&mut self, mut f: impl FnMut(Db<'_>) -> Result<T>) -> Result<T> {
        match self {
            Conn::Lite(c) => {
                let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
                let out = f(Db::Lite(&tx))?;
                tx.commit()?;
                Ok(out)
            }
            Conn::Pg(c) => c.serializable(f),
        }
    }
}
