//! PostgreSQL's side of `Db`: one client per connection (one thread each), its statements
//! prepared once and kept, SERIALIZABLE write transactions run again on a serialization
//! failure, and the server's errors as `StoreError`s the user is told apart.
use super::placeholders::to_pg;
use super::{Db, Param};
use crate::store::convert::UnknownCode;
use crate::store::{Result, StoreError};
use postgres::{Client, NoTls, Row, Statement};
use std::cell::RefCell;
use std::collections::HashMap;
use std::time::Duration;

/// How many times a write transaction runs before a conflict is told as `Locked`.
const WRITE_ATTEMPTS: u32 = 8;

pub(crate) struct PgConn {
    client: RefCell<Client>,
    /// Statements by their SQLite text (before `to_pg`).
    prepared: RefCell<HashMap<String, Statement>>,
}

impl PgConn {
    /// Connects with a libpq-style string: `postgres://user@host/db` or `host=/run/postgresql
    /// dbname=onedoor` (a password, when needed, from the environment or `PGPASSFILE`, never
    /// from onedoor's config).
    pub fn connect(params: &str) -> Result<PgConn> {
        let client = Client::connect(params, NoTls).map_err(error)?;
        Ok(PgConn {
            client: RefCell::new(client),
            prepared: RefCell::new(HashMap::new()),
        })
    }

    pub(super) fn db(&self) -> Db<'_> {
        Db::Pg(self)
    }

    fn statement(&self, sql: &str) -> Result<Statement> {
        if let Some(s) = self.prepared.borrow().get(sql) {
            return Ok(s.clone());
        }
        let s = self
            .client
            .borrow_mut()
            .prepare(&to_pg(sql))
            .map_err(error)?;
        self.prepared
            .borrow_mut()
            .insert(sql.to_string(), s.clone());
        Ok(s)
    }

    pub(super) fn execute(&self, sql: &str, p: &[&dyn Param]) -> Result<u64> {
        let s = self.statement(sql)?;
        self.client
            .borrow_mut()
            .execute(&s, &pg_params(p))
            .map_err(error)
    }

    pub(super) fn query(&self, sql: &str, p: &[&dyn Param]) -> Result<Vec<Row>> {
        let s = self.statement(sql)?;
        self.client
            .borrow_mut()
            .query(&s, &pg_params(p))
            .map_err(error)
    }

    /// The first row only: the rest of the result is never read into memory (not
    /// `Client::query_opt`, which refuses a result of more than one row).
    pub(super) fn query_opt(&self, sql: &str, p: &[&dyn Param]) -> Result<Option<Row>> {
        use postgres::fallible_iterator::FallibleIterator;
        let s = self.statement(sql)?;
        let mut client = self.client.borrow_mut();
        let mut rows = client.query_raw(&s, pg_params(p)).map_err(error)?;
        rows.next().map_err(error)
    }

    pub(super) fn batch(&self, sql: &str) -> Result<()> {
        self.client.borrow_mut().batch_execute(sql).map_err(error)
    }

    /// `f` in a SERIALIZABLE transaction, again from the start after a serialization failure
    /// or a deadlock (SQLSTATE 40001, 40P01), up to `WRITE_ATTEMPTS` times.
    pub(super) fn serializable<T>(&self, mut f: impl FnMut(Db<'_>) -> Result<T>) -> Result<T> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            self.batch("BEGIN ISOLATION LEVEL SERIALIZABLE")?;
            let out = f(self.db()).and_then(|v| self.batch("COMMIT").map(|()| v));
            match out {
                Ok(v) => return Ok(v),
                Err(e) => {
                    // After a failed COMMIT the transaction is over; ROLLBACK then only warns.
                    let _ = self.batch("ROLLBACK");
                    if !matches!(e, StoreError::Conflict) {
                        return Err(e);
                    }
                    if attempt >= WRITE_ATTEMPTS {
                        return Err(StoreError::Locked);
                    }
                    std::thread::sleep(Duration::from_millis(u64::from(attempt) * 3));
                }
            }
        }
    }
}

fn pg_params<'a>(p: &'a [&'a dyn Param]) -> Vec<&'a (dyn postgres::types::ToSql + Sync)> {
    p.iter()
        .map(|x| *x as &(dyn postgres::types::ToSql + Sync))
        .collect()
}

/// Column `idx` as `T`; an unknown code names `table` and the column.
pub(super) fn get<T: super::Col>(row: &Row, idx: usize, table: &'static str) -> Result<T> {
    row.try_get::<usize, T>(idx).map_err(|e| {
        match std::error::Error::source(&e).and_then(|s| s.downcast_ref::<UnknownCode>()) {
            Some(u) => StoreError::UnknownCode(UnknownCode {
                table,
                column: row
                    .columns()
                    .get(idx)
                    .map_or_else(|| idx.to_string(), |c| c.name().to_string()),
                ..u.clone()
            }),
            None => error(e),
        }
    })
}

/// The server's error as what the user must be told: a race to run again (`Conflict`), a lock
/// (`Locked`), a lost connection (`Disconnected`), or the rest with its SQLSTATE.
pub(crate) fn error(e: postgres::Error) -> StoreError {
    if e.is_closed() {
        return StoreError::Disconnected;
    }
    let Some(db) = e.as_db_error() else {
        // No answer from the server at all: the socket, TLS or the protocol failed.
        return match std::error::Error::source(&e) {
            Some(s) if s.is::<std::io::Error>() => StoreError::Disconnected,
            _ => StoreError::Server {
                state: String::new(),
                message: e.to_string(),
            },
        };
    };
    let state = db.code().code();
    match state {
        "40001" | "40P01" => StoreError::Conflict,
        "55P03" => StoreError::Locked,
        s if s.starts_with("08") || s.starts_with("57P") => StoreError::Disconnected,
        _ => StoreError::Server {
            state: state.to_string(),
            message: db.message().to_string(),
        },
    }
}
