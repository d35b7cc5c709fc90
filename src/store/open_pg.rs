//! Opening a PostgreSQL record: `--db postgres://user@host/dbname` (or a libpq key=value
//! string). Credentials come from libpq's conventions (peer login on the server's socket, the
//! environment, `PGPASSFILE`), never from onedoor's config. The schema is brought up to date
//! under an advisory lock (migrations/pg.rs).
//!
//! The engine is being built subject by subject (ARCHITECTURE.md): what is not yet written for
//! PostgreSQL answers `NotOnThisEngine` rather than run SQLite's SQL there.
use super::db::{Conn, Engine};
use super::{CheckGate, Result, Store, migrations};
use std::time::Duration;

impl Store {
    /// Whether `db` names a PostgreSQL server rather than a SQLite file.
    pub fn is_server(db: &str) -> bool {
        let db = db.trim_start();
        db.starts_with("postgres://") || db.starts_with("postgresql://")
    }

    /// Connects to a PostgreSQL record and brings its schema up to date; a schema of another
    /// program or of a newer onedoor is refused untouched.
    pub fn connect(params: &str) -> Result<Store> {
        let mut conn = Conn::pg(params)?;
        migrations::pg::migrate(&mut conn, &shown(params))?;
        // Every connection reads through its visible centres (centres/mod.rs), as on SQLite.
        let scope = super::centres::init_visible(conn.db())?;
        Ok(Store {
            conn,
            path: None,
            work: crate::domain::slots::WorkTime::default(),
            gate: CheckGate::passed(),
            write_wait: Duration::ZERO,
            viewer: None,
            scope,
        })
    }

    pub fn engine(&self) -> Engine {
        self.db().engine()
    }
}

/// The record as it may be shown and logged: user, host and database, never a password.
pub(crate) fn shown(params: &str) -> String {
    match params.parse::<postgres::Config>() {
        Ok(c) => {
            let host = c
                .get_hosts()
                .first()
                .map(|h| match h {
                    postgres::config::Host::Tcp(s) => s.clone(),
                    postgres::config::Host::Unix(p) => p.display().to_string(),
                })
                .unwrap_or_default();
            format!(
                "postgres://{}@{}/{}",
                c.get_user().unwrap_or(""),
                host,
                c.get_dbname().unwrap_or("")
            )
        }
        Err(_) => "postgres".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_is_never_shown() {
        let s = shown("postgres://clerk:secret@db.county.gov/onedoor");
        assert_eq!(s, "postgres://clerk@db.county.gov/onedoor");
        assert!(
            !shown("host=/run/postgresql user=clerk password=secret dbname=od").contains("secret")
        );
        assert!(Store::is_server("postgresql://x/y"));
        assert!(!Store::is_server("/home/clerk/onedoor.db"));
    }
}
