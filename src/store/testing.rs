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
        centre_id: None,
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

/// The counts the demo generator's tests check (src/demo/tests.rs): SQL stays in the store.
/// Each takes "now" as ?1.
pub(crate) mod demo_checks {
    pub const OPEN: &str = "SELECT COUNT(*) FROM cases WHERE active = 1 AND ?1 <> ''";
    pub const CASES_AFTER: &str =
        "SELECT COUNT(*) FROM cases WHERE received_at > ?1 OR closed_at > ?1";
    pub const AUDIT_AFTER: &str = "SELECT COUNT(*) FROM audit WHERE at > ?1";
    pub const VISITS_AFTER: &str = "SELECT COUNT(*) FROM visits WHERE at > ?1";
    pub const SESSIONS_DONE_AFTER: &str =
        "SELECT COUNT(*) FROM sessions WHERE (status <> 'booked' OR result <> '') AND ends_at > ?1";
    pub const FOLLOWUPS_DONE_AFTER: &str = "SELECT COUNT(*) FROM followups WHERE done_at > ?1";
    pub const AUDIT_BEFORE_CASE: &str =
        "SELECT COUNT(*) FROM audit a JOIN cases c ON c.id = a.case_id
             WHERE a.at < c.received_at AND ?1 <> ''";
    pub const RECEIVED_TODAY: &str =
        "SELECT COUNT(*) FROM cases WHERE received_at >= substr(?1, 1, 10)";
    pub const RED: &str = "SELECT COUNT(*) FROM cases WHERE colour = 0 AND ?1 <> ''";
    pub const RED_UNSEEN_SAME_DAY: &str =
        "SELECT COUNT(*) FROM cases c WHERE c.colour = 0 AND ?1 <> '' AND NOT EXISTS
           (SELECT 1 FROM audit a WHERE a.case_id = c.id AND a.action <> 'case.create'
            AND a.action <> 'case.reveal' AND date(a.at) = date(c.received_at))";
}
