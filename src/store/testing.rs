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
        self.lite_conn()
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
    /// The county demo: cases whose level is not their centre's, or with attempts at another
    /// level or past the level's three, two or one.
    pub const OFF_THE_LADDER: &str =
        "SELECT COUNT(*) FROM cases c JOIN centres k ON k.id = c.centre_id WHERE ?1 <> '' AND (
            c.level <> k.level
            OR attempts_village > 3 OR attempts_township > 2 OR attempts_county > 1
            OR (c.level = 'village' AND attempts_township + attempts_county > 0)
            OR (c.level = 'township' AND attempts_county > 0)
            OR (c.centre_id = c.received_centre_id AND (
                (c.level = 'township' AND attempts_village > 0)
                OR (c.level = 'county' AND attempts_village + attempts_township > 0))))";
    /// Cases elsewhere than where they were received but for a signed (or overruled)
    /// hand-over to there, registered by someone of another centre, or numbered without their
    /// receiving centre's prefix.
    pub const NOT_WHERE_RECEIVED: &str =
        "SELECT COUNT(*) FROM cases c JOIN centres k ON k.id = c.received_centre_id
             JOIN staff s ON s.id = c.received_by WHERE ?1 <> '' AND (
            (c.received_centre_id <> c.centre_id AND NOT EXISTS (SELECT 1 FROM transfers t
                WHERE t.case_id = c.id AND t.to_centre = c.centre_id
                AND t.state IN ('signed', 'overruled')))
            OR s.centre_id <> c.received_centre_id
            OR (k.number_prefix = '' AND c.case_no GLOB '[A-Z]*')
            OR (k.number_prefix <> '' AND c.case_no NOT LIKE k.number_prefix || '-%'))";
    /// Sessions in a room or with a mediator of a centre the case never was at.
    pub const SESSIONS_ELSEWHERE: &str =
        "SELECT COUNT(*) FROM sessions x JOIN cases c ON c.id = x.case_id
             JOIN rooms r ON r.id = x.room_id JOIN staff m ON m.id = x.mediator_id
             WHERE ?1 <> '' AND (r.centre_id <> m.centre_id OR (m.centre_id <> c.centre_id
                AND m.centre_id <> c.received_centre_id AND NOT EXISTS (SELECT 1 FROM transfers t
                    WHERE t.case_id = c.id AND t.from_centre = m.centre_id)))";
    /// Centres missing a lead, a desk clerk, a mediator or a room.
    pub const CENTRES_UNSTAFFED: &str = "SELECT COUNT(*) FROM centres k WHERE ?1 <> '' AND (
            NOT EXISTS (SELECT 1 FROM staff WHERE centre_id = k.id AND role = 'lead')
            OR NOT EXISTS (SELECT 1 FROM staff WHERE centre_id = k.id AND role = 'desk')
            OR NOT EXISTS (SELECT 1 FROM staff WHERE centre_id = k.id AND role = 'mediator')
            OR NOT EXISTS (SELECT 1 FROM rooms WHERE centre_id = k.id))";
}

/// Runs `check` on a new in-memory SQLite store and, when `ONEDOOR_TEST_PG` names a server
/// (always in CI), on a new PostgreSQL record of its own: the subjects written for both
/// engines are tested on both.
pub(crate) fn both_engines(check: impl Fn(&mut Store)) {
    check(&mut Store::open_in_memory().unwrap());
    if let Some(pg) = super::db::testing::TestPg::empty() {
        check(&mut Store::connect(&pg.url()).unwrap());
    }
}

impl Store {
    /// One number from `sql` on either engine (tests that check what was written).
    pub(crate) fn number(&self, sql: &str, p: &[&dyn super::db::Param]) -> i64 {
        self.db().one(sql, p).unwrap()
    }
}
