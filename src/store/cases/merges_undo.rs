//! Undoing a merge: every recorded move is put back, each statement checked to touch exactly
//! the row it expects, so the undo is exact or refused (`err.merge.changed`) with nothing changed.
use super::merges::{MOVED, MergeKind, case_bits, exactly, lead_only, log};
use super::time::to_sql;
use super::{Actor, Result, Store, StoreError};
use crate::domain::case_rule::CaseRule;
use crate::domain::status::Status;
use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, params};

impl Store {
    /// Undoes a merge exactly (a lead's action), or refuses with `err.merge.changed` when
    /// something has changed since that makes an exact undo impossible.
    pub fn undo_merge(&mut self, by: Actor, merge: i64, now: NaiveDateTime) -> Result<()> {
        lead_only(by)?;
        self.write(|tx| {
            type M = (String, i64, i64, Option<String>, Option<bool>, Option<String>, Option<i64>, bool, bool, Option<String>);
            let (kind, keep, gone, status, active, deadline, visits, phone_filled, id_filled, undone): M = tx
                .query_row(
                    "SELECT kind, keep_id, gone_id, old_status, old_active, old_deadline, old_visits,
                        phone_filled, id_filled, undone_at FROM merges WHERE id = ?1",
                    [merge],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?, r.get(9)?)),
                )
                .optional()?
                .ok_or(StoreError::NotFound)?;
            if undone.is_some() {
                return Err(StoreError::Case(CaseRule::MergeUndone));
            }
            let moves: Vec<(String, i64, String, bool)> = {
                let mut stmt = tx.prepare_cached(
                    "SELECT what, row_id, role, added FROM merge_moves WHERE merge_id = ?1 ORDER BY rowid",
                )?;
                stmt.query_map([merge], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                    .collect::<rusqlite::Result<_>>()?
            };
            let at = to_sql(now);
            if kind == MergeKind::Case.code() {
                let g = case_bits(tx, gone)?;
                let k = case_bits(tx, keep)?;
                // Reopened or otherwise moved on since: restoring the old status would undo that.
                if g.merged_into != Some(keep) || g.active || g.status != Status::Closed.code() {
                    return Err(StoreError::Case(CaseRule::MergeChanged));
                }
                for (what, row, role, added) in &moves {
                    match what.as_str() {
                        "link" => {
                            if *added {
                                exactly(tx.execute(
                                    "DELETE FROM case_parties WHERE case_id = ?1 AND party_id = ?2 AND role = ?3",
                                    params![keep, row, role],
                                )?, 1)?;
                            }
                            exactly(tx.execute(
                                "INSERT OR IGNORE INTO case_parties (case_id, party_id, role) VALUES (?1, ?2, ?3)",
                                params![gone, row, role],
                            )?, 1)?;
                        }
                        _ => {
                            let table = MOVED.iter().find(|(w, _)| w == what).map(|(_, t)| *t)
                                .ok_or(StoreError::Case(CaseRule::MergeChanged))?;
                            exactly(tx.execute(
                                &format!("UPDATE {table} SET case_id = ?1 WHERE id = ?2 AND case_id = ?3"),
                                params![gone, row, keep],
                            )?, 1)?;
                        }
                    }
                }
                tx.execute(
                    "UPDATE cases SET visits = visits - ?2, updated_at = ?3 WHERE id = ?1",
                    params![keep, visits.unwrap_or(0), at],
                )?;
                let old_status = status.unwrap_or_else(|| Status::Closed.code().to_string());
                // A case the merge closed loses the closing time the merge gave it.
                tx.execute(
                    "UPDATE cases SET merged_into = NULL, status = ?2, active = ?3, deadline_at = ?4,
                        closed_at = CASE WHEN ?2 = 'closed' THEN closed_at END, updated_at = ?5
                     WHERE id = ?1",
                    params![gone, old_status, active.unwrap_or(false), deadline, at],
                )?;
                log(tx, &at, by, Some(keep), "case.unmerge", "merged", &g.no, "")?;
                log(tx, &at, by, Some(gone), "case.unmerged", "merged_into", &k.no, "")?;
                if old_status != Status::Closed.code() {
                    log(tx, &at, by, Some(gone), "case.status", "status", Status::Closed.code(), &old_status)?;
                }
            } else {
                let gmerged: Option<i64> =
                    tx.query_row("SELECT merged_into FROM parties WHERE id = ?1", [gone], |r| r.get(0))?;
                if gmerged != Some(keep) {
                    return Err(StoreError::Case(CaseRule::MergeChanged));
                }
                let mut cases: Vec<i64> = Vec::new();
                for (what, row, role, added) in &moves {
                    match what.as_str() {
                        "link" => {
                            if *added {
                                exactly(tx.execute(
                                    "DELETE FROM case_parties WHERE case_id = ?1 AND party_id = ?2 AND role = ?3",
                                    params![row, keep, role],
                                )?, 1)?;
                            }
                            exactly(tx.execute(
                                "INSERT OR IGNORE INTO case_parties (case_id, party_id, role) VALUES (?1, ?2, ?3)",
                                params![row, gone, role],
                            )?, 1)?;
                            if !cases.contains(row) {
                                cases.push(*row);
                            }
                        }
                        "first_party" => exactly(tx.execute(
                            "UPDATE cases SET first_party_id = ?3, updated_at = ?4 WHERE id = ?1 AND first_party_id = ?2",
                            params![row, keep, gone, at],
                        )?, 1)?,
                        _ => return Err(StoreError::Case(CaseRule::MergeChanged)),
                    }
                }
                // A number copied over is taken back only if it is still the one copied.
                if phone_filled {
                    exactly(tx.execute(
                        "UPDATE parties SET phone = NULL WHERE id = ?1
                         AND phone IS (SELECT phone FROM parties WHERE id = ?2)",
                        params![keep, gone],
                    )?, 1)?;
                }
                if id_filled {
                    exactly(tx.execute(
                        "UPDATE parties SET id_number = NULL WHERE id = ?1
                         AND id_number IS (SELECT id_number FROM parties WHERE id = ?2)",
                        params![keep, gone],
                    )?, 1)?;
                }
                tx.execute("UPDATE parties SET merged_into = NULL WHERE id = ?1", [gone])?;
                let what = format!("#{gone} ← #{keep}");
                if cases.is_empty() {
                    log(tx, &at, by, None, "party.unmerge", "party", "", &what)?;
                }
                for case in &cases {
                    log(tx, &at, by, Some(*case), "party.unmerge", "party", "", &what)?;
                }
            }
            tx.execute(
                "UPDATE merges SET undone_at = ?2, undone_by = ?3 WHERE id = ?1",
                params![merge, at, by.staff_id],
            )?;
            Ok(())
        })
    }
}
