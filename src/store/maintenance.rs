//! Backups and retention: consistent copies while desks work, and anonymising old cases.
use super::time::{date_to_sql, to_sql};
use super::{Actor, Result, Store, StoreError, audit, files};
use crate::domain::role::Permission;
use chrono::{NaiveDate, NaiveDateTime};
use std::path::Path;

/// Text that replaces personal data in purged records.
pub const ANONYMISED: &str = "（已匿名）";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PurgeCount {
    pub cases: i64,
    pub parties: i64,
}

/// Parties whose every case was closed before the date: only those may lose their data. A case
/// without a closing time was never closed before anything (written out, not `NOT (… < ?1)`,
/// which is NULL for such a case and let its parties through).
const PURGEABLE_PARTIES: &str = "
    SELECT p.id FROM parties p
    WHERE p.name != ?2
      AND EXISTS (SELECT 1 FROM case_parties cp WHERE cp.party_id = p.id)
      AND NOT EXISTS (
        SELECT 1 FROM case_parties cp JOIN cases c ON c.id = cp.case_id
        WHERE cp.party_id = p.id
          AND (c.status != 'closed' OR c.closed_at IS NULL OR c.closed_at >= ?1))";

const PURGEABLE_CASES: &str = "
    SELECT id FROM cases WHERE status = 'closed' AND closed_at < ?1 AND summary != ?2";

impl Store {
    /// A consistent copy through SQLite's online backup, made while others keep writing. It is
    /// written under a temporary name beside `dest` (`.NAME.partial-…`, readable by its owner
    /// only), integrity-checked, and gets the name `dest` only once the check passed: a backup
    /// killed or failing half-way leaves no file that looks like a backup.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        self.backup_verified(dest, |copy| {
            let mut stmt = copy.prepare("PRAGMA integrity_check")?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
            let check = rows.collect::<rusqlite::Result<Vec<_>>>()?;
            match check == ["ok"] {
                true => Ok(()),
                false => Err(StoreError::Corrupt(check.join("; "))),
            }
        })
    }

    /// `backup_to` with the check on the finished copy given (tests make it fail).
    fn backup_verified(
        &self,
        dest: &Path,
        verify: impl FnOnce(&rusqlite::Connection) -> Result<()>,
    ) -> Result<()> {
        if std::fs::symlink_metadata(dest).is_ok() {
            return Err(StoreError::Exists(dest.to_path_buf()));
        }
        files::check_no_leftovers(dest)?;
        let temp = files::private_temp_beside(dest, "partial")?;
        let copied = || -> Result<()> {
            let mut to = rusqlite::Connection::open_with_flags(&temp, super::writable())?;
            let b = rusqlite::backup::Backup::new(self.lite()?, &mut to)?;
            // All pages in one step: the copy reads one WAL snapshot, which desks writing
            // meanwhile neither block nor change. Copied a few pages at a time, every write from
            // another connection restarted it, and at a busy centre it never finished.
            b.run_to_completion(i32::MAX, std::time::Duration::from_millis(5), None)?;
            drop(b);
            verify(&to)?;
            to.close().map_err(|(_, e)| e)?;
            files::publish(&temp, dest).map_err(|e| super::exists_or(e, dest))
        };
        let done = copied();
        files::remove_with_sidecars(&temp);
        done
    }

    /// Anonymises the personal data of cases closed before `before` (names, numbers,
    /// addresses, free text), keeping case numbers, categories, dates and outcomes so statistics
    /// stay true. A county lead's action, county-wide; `dry_run` only counts. The purge itself
    /// is audited.
    pub fn purge_closed_before(
        &mut self,
        by: Actor,
        before: NaiveDate,
        dry_run: bool,
        now: NaiveDateTime,
    ) -> Result<PurgeCount> {
        if !by.role.may(Permission::Purge) {
            return Err(StoreError::Forbidden);
        }
        let cutoff = date_to_sql(before);
        self.write(|tx| {
            super::centres::check_county_wide(tx, by)?;
            if dry_run {
                let count = |sql: &str| -> Result<i64> {
                    Ok(tx.query_row(&format!("SELECT COUNT(*) FROM ({sql})"), [&cutoff, ANONYMISED], |r| r.get(0))?)
                };
                return Ok(PurgeCount { cases: count(PURGEABLE_CASES)?, parties: count(PURGEABLE_PARTIES)? });
            }
            // Parties first: which are purgeable depends on the cases' status and time only,
            // never on the summaries changed next. A test holds these counts to the dry run's.
            let parties = tx.execute(
                &format!(
                    "UPDATE parties SET name = ?2, name_keys = '', phone = NULL, id_number = NULL,
                     address = '', language = '', vulnerability = '' WHERE id IN ({PURGEABLE_PARTIES})"
                ),
                [&cutoff, ANONYMISED],
            )?;
            let cases = tx.execute(
                &format!("UPDATE cases SET summary = ?2, description = '' WHERE id IN ({PURGEABLE_CASES})"),
                [&cutoff, ANONYMISED],
            )?;
            let n = PurgeCount {
                cases: cases as i64,
                parties: parties as i64,
            };
            let what = format!("closed before {cutoff}: {} cases, {} parties", n.cases, n.parties);
            audit::event(tx, &to_sql(now), Some(by.staff_id), None, "purge", &what)?;
            Ok(n)
        })
    }
}

#[cfg(test)]
mod purge_tests;

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::risk::ResponseHours;
    use crate::domain::role::Role;
    use crate::store::{NewCase, NewParty};

    fn t(d: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, d)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
    }

    fn case(store: &mut Store, by: Actor, name: &str, existing: Option<i64>) -> i64 {
        let c = NewCase {
            description: "详细情况".into(),
            ..NewCase::walk_in(
                t(2),
                "neighbour",
                &format!("{name}家楼上漏水"),
                NewParty {
                    existing_id: existing,
                    ..NewParty::named(name, Some("13912345678"))
                },
            )
        };
        store
            .create_case(by, &c, &ResponseHours::default())
            .unwrap()
            .id
    }

    #[test]
    fn purge_anonymises_only_parties_whose_cases_all_closed_before_the_date() {
        let mut s = Store::open_in_memory().unwrap();
        let lead = crate::store::testing::add_staff(&mut s, None, "L1", Role::Lead, t(1));
        let old = case(&mut s, lead, "张三", None);
        let shared = case(&mut s, lead, "李四", None);
        let p_shared: i64 = s
            .lite_conn()
            .query_row(
                "SELECT first_party_id FROM cases WHERE id = ?1",
                [shared],
                |r| r.get(0),
            )
            .unwrap();
        let open = case(&mut s, lead, "李四", Some(p_shared)); // 李四 also has an open case
        s.lite_conn().execute("UPDATE cases SET status = 'closed', active = 0, closed_at = '2026-11-03 10:00:00' WHERE id IN (?1, ?2)", [old, shared]).unwrap();

        let desk = Actor {
            staff_id: lead.staff_id,
            role: Role::Desk,
        };
        assert!(matches!(
            s.purge_closed_before(desk, t(10).date(), true, t(10)),
            Err(StoreError::Forbidden)
        ));
        let dry = s
            .purge_closed_before(lead, t(10).date(), true, t(10))
            .unwrap();
        assert_eq!(
            dry,
            PurgeCount {
                cases: 2,
                parties: 1
            }
        );
        let name: String = s.lite_conn().query_row("SELECT name FROM parties WHERE id = (SELECT first_party_id FROM cases WHERE id = ?1)", [old], |r| r.get(0)).unwrap();
        assert_eq!(name, "张三", "a dry run changes nothing");

        assert_eq!(
            s.purge_closed_before(lead, t(10).date(), false, t(10))
                .unwrap(),
            dry
        );
        let (name, phone, summary, case_no): (String, Option<String>, String, String) = s
            .lite_conn()
            .query_row(
                "SELECT p.name, p.phone, c.summary, c.case_no FROM cases c JOIN parties p ON p.id = c.first_party_id WHERE c.id = ?1",
                [old],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap();
        assert_eq!(
            (name.as_str(), phone, summary.as_str()),
            (ANONYMISED, None, ANONYMISED)
        );
        assert!(case_no.starts_with("2026-1102-"), "case numbers stay");
        let kept: String = s
            .lite_conn()
            .query_row("SELECT name FROM parties WHERE id = ?1", [p_shared], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(kept, "李四", "a party with an open case keeps its data");
        let open_summary: String = s
            .lite_conn()
            .query_row("SELECT summary FROM cases WHERE id = ?1", [open], |r| {
                r.get(0)
            })
            .unwrap();
        assert!(open_summary.contains("漏水"));
        let audited: i64 = s
            .lite_conn()
            .query_row(
                "SELECT COUNT(*) FROM audit WHERE action = 'purge'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(audited, 1);
        // Purging again finds nothing new.
        assert_eq!(
            s.purge_closed_before(lead, t(10).date(), true, t(10))
                .unwrap(),
            PurgeCount::default()
        );
    }

    #[test]
    fn backup_is_a_private_consistent_copy() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::create(&dir.path().join("a.db")).unwrap();
        let lead = crate::store::testing::add_staff(&mut s, None, "L1", Role::Lead, t(1));
        case(&mut s, lead, "张三", None);
        let dest = dir.path().join("b.db");
        s.backup_to(&dest).unwrap();
        assert!(matches!(s.backup_to(&dest), Err(StoreError::Exists(_))));
        let app_id: i32 = rusqlite::Connection::open(&dest)
            .unwrap()
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .unwrap();
        assert_eq!(
            app_id,
            crate::store::APPLICATION_ID,
            "the copy is onedoor's"
        );
        let copy = Store::open(&dest).unwrap();
        assert_eq!(copy.case_count().unwrap(), 1);
        assert_eq!(copy.integrity_check().unwrap(), ["ok"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(&dest).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
    }

    fn names_in(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    /// Until the copy passed its check only a temporary file exists; a copy that fails it
    /// leaves nothing behind.
    #[test]
    fn backup_gets_its_name_only_after_the_check_passed() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::create(&dir.path().join("a.db")).unwrap();
        let lead = crate::store::testing::add_staff(&mut s, None, "L1", Role::Lead, t(1));
        case(&mut s, lead, "张三", None);
        let backups = dir.path().join("backups");
        std::fs::create_dir(&backups).unwrap();
        let dest = backups.join("b.db");
        let err = s
            .backup_verified(&dest, |copy| {
                let cases: i64 = copy
                    .query_row("SELECT COUNT(*) FROM cases", [], |r| r.get(0))
                    .unwrap();
                assert_eq!(cases, 1, "the copy is complete when checked");
                let names = names_in(&backups);
                assert!(!dest.exists(), "{names:?}");
                // The temporary file (and, while open, its -wal and -shm): nothing else.
                assert!(
                    names.iter().all(|n| n.starts_with(&names[0]))
                        && names[0].starts_with(".b.db.partial-"),
                    "{names:?}"
                );
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    let temp = backups.join(&names[0]);
                    let mode = std::fs::metadata(temp).unwrap().permissions().mode();
                    assert_eq!(mode & 0o777, 0o600);
                }
                Err(StoreError::Corrupt("injected".into()))
            })
            .unwrap_err();
        assert!(matches!(err, StoreError::Corrupt(m) if m == "injected"));
        assert!(names_in(&backups).is_empty(), "{:?}", names_in(&backups));
        // A symlink at the name is not followed, and the file it points to is not written.
        #[cfg(unix)]
        {
            let target = dir.path().join("elsewhere.db");
            std::os::unix::fs::symlink(&target, &dest).unwrap();
            assert!(matches!(s.backup_to(&dest), Err(StoreError::Exists(_))));
            assert!(!target.exists());
            std::fs::remove_file(&dest).unwrap();
        }
        s.backup_to(&dest).unwrap();
        assert_eq!(names_in(&backups), ["b.db"]);
    }
}
