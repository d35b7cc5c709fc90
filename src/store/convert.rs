//! SQL ↔ domain codes, in one place (as Slumber's `database/convert.rs`). Codes are stored as
//! their text (`Status::code`), colours as their rank (`Colour::rank`, which keys the urgency
//! index). A stored value that no code matches is an error naming the table, the column and the
//! value (`StoreError::UnknownCode`), never a silent default: bad data shows, it is not hidden.
//!
//! Read a code with [`code`] (`code::<Option<Level>>` for a nullable column), write one by passing the
//! value itself as a parameter (`params![status, colour]`).
use crate::domain::case_filter::Waiting;
use crate::domain::channel::Channel;
use crate::domain::followup::{Kind, Method, Performance};
use crate::domain::ladder::Level;
use crate::domain::party::{PartyRole, Vulnerability};
use crate::domain::risk::{Colour, RiskFlag};
use crate::domain::role::Role;
use crate::domain::session::SessionStatus;
use crate::domain::status::Status;
use crate::domain::team::Team;
use crate::domain::transfer::{ReturnCode, TransferKind, TransferState};
use rusqlite::Row;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

/// A stored value that no domain code matches. `table` and `column` are filled in by [`code`];
/// a bare `row.get` leaves them empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCode {
    pub kind: &'static str,
    pub table: &'static str,
    pub column: String,
    pub value: String,
}

impl std::fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "unknown {} {:?} in {}.{}",
            self.kind, self.value, self.table, self.column
        )
    }
}

impl std::error::Error for UnknownCode {}

fn unknown(kind: &'static str, value: String) -> FromSqlError {
    FromSqlError::Other(Box::new(UnknownCode {
        kind,
        table: "",
        column: String::new(),
        value,
    }))
}

/// Text codes: `ToSql` writes `code()`, `FromSql` reads it back or names what it found.
macro_rules! text_codes {
    ($($t:ty),+ $(,)?) => {$(
        impl ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::Borrowed(ValueRef::Text(self.code().as_bytes())))
            }
        }

        impl FromSql for $t {
            fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
                let s = v.as_str()?;
                <$t>::from_code(s).ok_or_else(|| unknown(stringify!($t), s.to_string()))
            }
        }
    )+};
}

text_codes!(
    Status,
    Level,
    Channel,
    Role,
    PartyRole,
    Vulnerability,
    RiskFlag,
    Team,
    SessionStatus,
    Method,
    Performance,
    Kind,
    Waiting,
    TransferKind,
    TransferState,
    ReturnCode,
);

/// A stored time ('YYYY-MM-DD HH:MM:SS', time.rs): text that is not one is an `UnknownCode` of
/// kind "time", named like any other (read it with `time::read`).
pub(crate) struct Stamp(pub chrono::NaiveDateTime);

impl FromSql for Stamp {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        let s = v.as_str()?;
        super::time::from_sql(s)
            .map(Stamp)
            .ok_or_else(|| unknown("time", s.to_string()))
    }
}

/// A comma-separated list of flags (`cases.colour_flags`); an unknown one names the list.
pub(crate) struct Flags(pub Vec<RiskFlag>);

impl FromSql for Flags {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        let s = v.as_str()?;
        parse_flags(s)
            .map(Flags)
            .ok_or_else(|| unknown("RiskFlag", s.to_string()))
    }
}

/// The flags of a stored list; `None` when one is unknown.
pub(crate) fn parse_flags(s: &str) -> Option<Vec<RiskFlag>> {
    s.split(',')
        .filter(|f| !f.is_empty())
        .map(RiskFlag::from_code)
        .collect()
}

impl ToSql for Colour {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.rank()))
    }
}

impl FromSql for Colour {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        let rank = v.as_i64()?;
        Colour::from_rank(rank).ok_or_else(|| unknown("Colour", rank.to_string()))
    }
}

/// Column `idx` of `row` as the code `T`; a value no code matches is an error naming `table`,
/// the column and the value.
pub(crate) fn code<T: FromSql>(row: &Row, idx: usize, table: &'static str) -> rusqlite::Result<T> {
    row.get(idx).map_err(|e| with_place(e, row, idx, table))
}

/// Names the table and column in an `UnknownCode` error; other errors pass unchanged.
fn with_place(e: rusqlite::Error, row: &Row, idx: usize, table: &'static str) -> rusqlite::Error {
    match e {
        rusqlite::Error::FromSqlConversionFailure(i, ty, err) => {
            match err.downcast::<UnknownCode>() {
                Ok(mut u) => {
                    u.table = table;
                    u.column = row
                        .as_ref()
                        .column_name(idx)
                        .map_or_else(|_| idx.to_string(), str::to_string);
                    rusqlite::Error::FromSqlConversionFailure(i, ty, u)
                }
                Err(other) => rusqlite::Error::FromSqlConversionFailure(i, ty, other),
            }
        }
        e => e,
    }
}

/// The `UnknownCode` inside a rusqlite error, if that is what it is.
pub(crate) fn unknown_code(e: &rusqlite::Error) -> Option<&UnknownCode> {
    match e {
        rusqlite::Error::FromSqlConversionFailure(_, _, err) => err.downcast_ref::<UnknownCode>(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::StoreError;
    use rusqlite::Connection;

    fn db() -> Connection {
        let c = Connection::open_in_memory().unwrap();
        c.execute_batch(
            "CREATE TABLE t (status TEXT, colour INTEGER, level TEXT);
             INSERT INTO t VALUES ('registered', 0, NULL), ('bogus', 9, 'county');",
        )
        .unwrap();
        c
    }

    #[test]
    fn known_codes_round_trip() {
        let c = Connection::open_in_memory().unwrap();
        for s in Status::ALL {
            let back: Status = c.query_row("SELECT ?1", [s], |r| code(r, 0, "t")).unwrap();
            assert_eq!(back, *s);
        }
        for col in Colour::ALL {
            let back: Colour = c
                .query_row("SELECT ?1", [col], |r| code(r, 0, "t"))
                .unwrap();
            assert_eq!(back, *col);
        }
        let none: Option<Level> = db()
            .query_row("SELECT level FROM t WHERE rowid = 1", [], |r| {
                code(r, 0, "t")
            })
            .unwrap();
        assert_eq!(none, None);
    }

    #[test]
    fn an_unknown_code_names_table_column_and_value() {
        let e = db()
            .query_row("SELECT status FROM t WHERE rowid = 2", [], |r| {
                code::<Status>(r, 0, "cases")
            })
            .unwrap_err();
        match StoreError::from(e) {
            StoreError::UnknownCode(u) => {
                assert_eq!((u.table, u.column.as_str()), ("cases", "status"));
                assert_eq!((u.kind, u.value.as_str()), ("Status", "bogus"));
            }
            other => panic!("{other:?}"),
        }
        let e = db()
            .query_row("SELECT colour FROM t WHERE rowid = 2", [], |r| {
                code::<Colour>(r, 0, "cases")
            })
            .unwrap_err();
        let u = unknown_code(&e).expect("an UnknownCode");
        assert_eq!((u.column.as_str(), u.value.as_str()), ("colour", "9"));
    }
}
