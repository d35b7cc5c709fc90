//! PostgreSQL for the store's tests: the server named by `ONEDOOR_TEST_PG` (a libpq string;
//! `.ci/pg` starts a throwaway one and `.ci/run` sets it). Each test gets its own database,
//! dropped when it ends. Without the variable the PostgreSQL half of a test is skipped (CI
//! always sets it, so there it always runs).
use super::{Conn, PgConn};
use std::sync::atomic::{AtomicU32, Ordering};

static NEXT: AtomicU32 = AtomicU32::new(0);

/// The test server's connection string, if one is named.
pub(crate) fn server() -> Option<String> {
    std::env::var("ONEDOOR_TEST_PG")
        .ok()
        .filter(|s| !s.trim().is_empty())
}

/// `base` with `dbname` replaced (a libpq key=value string or a URL).
pub(crate) fn with_dbname(base: &str, name: &str) -> String {
    if base.starts_with("postgres://") || base.starts_with("postgresql://") {
        let (head, query) = base.split_once('?').unwrap_or((base, ""));
        let rest = head.split_once("://").map_or("", |(_, r)| r);
        let host_end = rest
            .find('/')
            .map_or(head.len(), |i| head.len() - rest.len() + i);
        let q = if query.is_empty() {
            String::new()
        } else {
            format!("?{query}")
        };
        format!("{}/{name}{q}", &head[..host_end])
    } else {
        let kept: Vec<&str> = base
            .split_whitespace()
            .filter(|kv| !kv.starts_with("dbname="))
            .collect();
        format!("{} dbname={name}", kept.join(" "))
    }
}

/// A database of its own on the test server, dropped with this value.
pub(crate) struct TestPg {
    pub conn: Conn,
    name: String,
    admin: String,
}

impl TestPg {
    /// A new, empty database; `None` when no test server is named.
    pub fn empty() -> Option<TestPg> {
        let admin = server()?;
        let name = format!(
            "od_t_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let mut c = postgres::Client::connect(&admin, postgres::NoTls)
            .expect("ONEDOOR_TEST_PG names a server that answers");
        c.batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))
            .and_then(|()| c.batch_execute(&format!("CREATE DATABASE {name}")))
            .expect("create a test database");
        let conn = PgConn::connect(&with_dbname(&admin, &name)).expect("connect to it");
        Some(TestPg {
            conn: Conn::Pg(Box::new(conn)),
            name,
            admin,
        })
    }

    /// The connection string of this database (for more connections to it).
    pub fn url(&self) -> String {
        with_dbname(&self.admin, &self.name)
    }
}

impl Drop for TestPg {
    fn drop(&mut self) {
        if let Ok(mut c) = postgres::Client::connect(&self.admin, postgres::NoTls) {
            let _ = c.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::with_dbname;

    #[test]
    fn the_database_name_is_replaced_in_either_form() {
        assert_eq!(
            with_dbname("host=/tmp/x port=5 user=postgres dbname=postgres", "t1"),
            "host=/tmp/x port=5 user=postgres dbname=t1"
        );
        assert_eq!(
            with_dbname("postgres://u@h:5/postgres?sslmode=disable", "t1"),
            "postgres://u@h:5/t1?sslmode=disable"
        );
        assert_eq!(with_dbname("postgres://u@h", "t1"), "postgres://u@h/t1");
    }
}
