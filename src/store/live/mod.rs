//! Seeing other desks' work without a key: a change signal cheap enough to poll a few times a
//! second (app/live.rs polls it on a connection of its own).
mod queries;

use super::{Result, Store};

/// What the panes show, summed up: the newest audit entry (every change to a case, a session, a
/// follow-up, a team or staff is audited), the public holidays and the leave entered. Drafts,
/// saved as every desk types, change the database but not this mark.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ChangeMark {
    audit: i64,
    holidays: String,
    leave: i64,
}

impl Store {
    /// SQLite's `PRAGMA data_version`: a number that changes when another connection — another
    /// desk, or another thread of this one — commits, and never for this connection's own
    /// commits or reads. Answered from memory: no page is read.
    pub fn data_version(&self) -> Result<i64> {
        queries::data_version(self.lite()?)
    }

    /// The mark of what the panes show (see `ChangeMark`): read when `data_version` moved, to
    /// tell a change worth a refresh from a draft being saved.
    pub fn change_mark(&self) -> Result<ChangeMark> {
        queries::change_mark(self.lite()?)
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::risk::ResponseHours;
    use crate::domain::role::Role;
    use crate::store::testing::add_staff;
    use crate::store::{NewCase, NewParty, Store};
    use chrono::{NaiveDate, NaiveDateTime};

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 24)
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap()
    }

    fn case(summary: &str) -> NewCase {
        let applicant = NewParty::named("张伟", None);
        NewCase::walk_in(now(), "neighbour", summary, applicant)
    }

    #[test]
    fn data_version_moves_on_another_connections_commit_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("live.db");
        let mut mine = Store::create(&path).unwrap();
        let mut other = Store::open(&path).unwrap();
        let v0 = mine.data_version().unwrap();
        // Reads, ours or theirs, and our own commits leave it.
        mine.case_count().unwrap();
        other.case_count().unwrap();
        assert_eq!(mine.data_version().unwrap(), v0);
        let lead = add_staff(&mut mine, None, "L1", Role::Lead, now());
        mine.create_case(lead, &case("楼上漏水"), &ResponseHours::default())
            .unwrap();
        assert_eq!(mine.data_version().unwrap(), v0, "own commits");
        // Another connection's commit moves it.
        other
            .create_case(lead, &case("楼上漏水"), &ResponseHours::default())
            .unwrap();
        let v1 = mine.data_version().unwrap();
        assert_ne!(v1, v0);
        assert_eq!(
            mine.data_version().unwrap(),
            v1,
            "stable until the next commit"
        );
        // A checkpoint is not a change.
        other.checkpoint().unwrap();
        mine.checkpoint().unwrap();
        assert_eq!(mine.data_version().unwrap(), v1);
    }

    #[test]
    fn a_draft_moves_data_version_but_not_the_mark() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mark.db");
        let mut mine = Store::create(&path).unwrap();
        let lead = add_staff(&mut mine, None, "L1", Role::Lead, now());
        let mut other = Store::open(&path).unwrap();
        let (v0, m0) = (mine.data_version().unwrap(), mine.change_mark().unwrap());
        other
            .save_draft(lead.staff_id, "triage", "王", now())
            .unwrap();
        assert_ne!(mine.data_version().unwrap(), v0);
        assert_eq!(
            mine.change_mark().unwrap(),
            m0,
            "a draft is no change to show"
        );
        other
            .create_case(lead, &case("欠薪"), &ResponseHours::default())
            .unwrap();
        let m1 = mine.change_mark().unwrap();
        assert_ne!(m1, m0, "a case");
        let day = now().date() + chrono::Days::new(30);
        other.add_holiday(lead, day, "元旦").unwrap();
        let m2 = mine.change_mark().unwrap();
        assert_ne!(m2, m1, "a holiday");
        other.add_holiday(lead, day, "元旦（调）").unwrap();
        let m3 = mine.change_mark().unwrap();
        assert_ne!(m3, m2, "a holiday renamed");
        let med = add_staff(&mut other, Some(lead), "M1", Role::Mediator, now());
        let m4 = mine.change_mark().unwrap();
        assert_ne!(m4, m3, "staff");
        let (from, to) = (day + chrono::Days::new(1), day + chrono::Days::new(2));
        other
            .add_leave(lead, med.staff_id, from, to, "", now())
            .unwrap();
        assert_ne!(mine.change_mark().unwrap(), m4, "leave");
    }
}
