//! Helpers for the store's own tests.
use super::{Actor, NewStaff, Store};
use crate::domain::role::Role;
use chrono::NaiveDateTime;

/// Adds `code` (named 员工<code>, PIN 1234) and returns the actor; `by` is None for the first lead.
pub(crate) fn add_staff(
    s: &mut Store,
    by: Option<Actor>,
    code: &str,
    role: Role,
    at: NaiveDateTime,
) -> Actor {
    let n = NewStaff {
        code: code.into(),
        name: format!("员工{code}"),
        role,
        languages: vec![],
        specialties: vec![],
        team: None,
        pin: "1234".into(),
    };
    Actor {
        staff_id: s.add_staff(by, &n, at).unwrap(),
        role,
    }
}

/// Asserts that `r` failed on a stored code no domain code matches, naming this table, column
/// and value (convert.rs).
#[track_caller]
pub(crate) fn assert_unknown_code<T: std::fmt::Debug>(
    r: super::Result<T>,
    table: &str,
    column: &str,
    value: &str,
) {
    match r {
        Err(super::StoreError::UnknownCode(u)) => assert_eq!(
            (u.table, u.column.as_str(), u.value.as_str()),
            (table, column, value)
        ),
        other => panic!("expected an unknown code in {table}.{column}, got {other:?}"),
    }
}

impl Store {
    /// One number from `sql` with `?1` bound to `now` (as stored): for tests outside the
    /// store that check what was written (the demo generator's).
    pub(crate) fn count_at(&self, sql: &str, now: NaiveDateTime) -> i64 {
        self.conn
            .query_row(sql, [super::time::to_sql(now)], |r| r.get(0))
            .unwrap()
    }
}
