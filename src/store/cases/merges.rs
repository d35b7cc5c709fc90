//! Merging duplicates: two cases that are one dispute, two party records that are one person.
//! A lead's action, in one IMMEDIATE transaction, audited on every case it touches. Nothing is
//! deleted: the absorbed row stays and points to the survivor, and every moved link is recorded
//! in `merge_moves`, so a lead's undo puts back exactly what was there — or, if something has
//! changed since that undo cannot restore exactly, refuses and changes nothing.
use super::time::to_sql;
use super::{Actor, Result, Store, StoreError, audit};
use crate::domain::case_rule::CaseRule;
use crate::domain::role::Role;
use crate::domain::status::Status;
use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, Transaction, params};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeKind {
    Case,
    Party,
}

impl MergeKind {
    pub(super) fn code(self) -> &'static str {
        match self {
            MergeKind::Case => "case",
            MergeKind::Party => "party",
        }
    }
}

/// What the case detail shows about merges: where this case went, and what came into it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeView {
    pub merged_into: Option<String>,
    pub merges: Vec<MergeLine>,
}

/// A merge still in force, as the case detail lists it (for a lead's undo).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeLine {
    pub id: i64,
    pub kind: MergeKind,
    pub at: String,
    /// The absorbed case's number, or the absorbed party's name.
    pub gone: String,
    /// The surviving case's number, or the surviving party's name.
    pub keep: String,
}

pub(super) fn lead_only(by: Actor) -> Result<()> {
    if by.role == Role::Lead {
        Ok(())
    } else {
        Err(StoreError::Forbidden)
    }
}

/// Merging is a lead's decision, of two different records.
fn may_merge(by: Actor, keep: i64, gone: i64) -> Result<()> {
    lead_only(by)?;
    if keep == gone {
        return Err(StoreError::Case(CaseRule::MergeSame));
    }
    Ok(())
}

/// A case merged into another is worked on through the survivor; reopening it would split
/// the dispute again behind the merge's back (a lead undoes the merge instead).
pub(super) fn not_merged(tx: &Transaction, case: i64) -> Result<()> {
    let m: Option<i64> =
        tx.query_row("SELECT merged_into FROM cases WHERE id = ?1", [case], |r| {
            r.get(0)
        })?;
    match m {
        Some(_) => Err(StoreError::Case(CaseRule::IsMerged)),
        None => Ok(()),
    }
}

/// A restoring statement must touch exactly the rows it expects; anything else means the data
/// changed since the merge and an exact undo is impossible (the transaction rolls back).
pub(super) fn exactly(n: usize, want: usize) -> Result<()> {
    if n == want {
        Ok(())
    } else {
        Err(StoreError::Case(CaseRule::MergeChanged))
    }
}

fn ids(tx: &Transaction, sql: &str, id: i64) -> Result<Vec<i64>> {
    let mut stmt = tx.prepare_cached(sql)?;
    let v = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

fn record(
    tx: &Transaction,
    merge: i64,
    what: &str,
    row: i64,
    role: &str,
    added: bool,
) -> Result<()> {
    tx.execute(
        "INSERT INTO merge_moves (merge_id, what, row_id, role, added) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![merge, what, row, role, added],
    )?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
pub(super) fn log(
    tx: &Transaction,
    at: &str,
    by: Actor,
    case: Option<i64>,
    action: &str,
    field: &str,
    old: &str,
    new: &str,
) -> Result<()> {
    audit::append(
        tx,
        audit::Entry {
            at,
            staff_id: Some(by.staff_id),
            case_id: case,
            action,
            field,
            old,
            new,
        },
    )
}

pub(super) struct CaseBits {
    pub(super) no: String,
    pub(super) status: String,
    pub(super) active: bool,
    pub(super) deadline: Option<String>,
    pub(super) visits: i64,
    pub(super) merged_into: Option<i64>,
}

pub(super) fn case_bits(tx: &Transaction, id: i64) -> Result<CaseBits> {
    tx.query_row(
        "SELECT case_no, status, active, deadline_at, visits, merged_into FROM cases WHERE id = ?1",
        [id],
        |r| {
            Ok(CaseBits {
                no: r.get(0)?,
                status: r.get(1)?,
                active: r.get(2)?,
                deadline: r.get(3)?,
                visits: r.get(4)?,
                merged_into: r.get(5)?,
            })
        },
    )
    .optional()?
    .ok_or(StoreError::NotFound)
}

/// The rows of a case that follow it into the survivor.
pub(super) const MOVED: [(&str, &str); 3] = [
    ("visit", "visits"),
    ("session", "sessions"),
    ("followup", "followups"),
];

impl Store {
    /// Merges case `gone` into case `keep` (one dispute registered twice). `gone`'s parties,
    /// visits, sessions and follow-ups move to `keep`; its audit history shows in `keep`'s
    /// timeline; `gone` is closed, leaves the open lists and points to `keep`. Returns the
    /// merge's id (for undo).
    pub fn merge_cases(
        &mut self,
        by: Actor,
        keep: i64,
        gone: i64,
        now: NaiveDateTime,
    ) -> Result<i64> {
        may_merge(by, keep, gone)?;
        self.write(|tx| {
            let k = case_bits(tx, keep)?;
            let g = case_bits(tx, gone)?;
            if k.merged_into.is_some() || g.merged_into.is_some() {
                return Err(StoreError::Case(CaseRule::MergeAlready));
            }
            let at = to_sql(now);
            tx.execute(
                "INSERT INTO merges (kind, keep_id, gone_id, at, staff_id, old_status, old_active,
                    old_deadline, old_visits) VALUES ('case', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![keep, gone, at, by.staff_id, g.status, g.active, g.deadline, g.visits],
            )?;
            let m = tx.last_insert_rowid();
            let links: Vec<(i64, String)> = {
                let mut stmt = tx.prepare_cached(
                    "SELECT party_id, role FROM case_parties WHERE case_id = ?1 ORDER BY party_id, role",
                )?;
                stmt.query_map([gone], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<rusqlite::Result<_>>()?
            };
            for (party, role) in &links {
                let added = tx.execute(
                    "INSERT OR IGNORE INTO case_parties (case_id, party_id, role) VALUES (?1, ?2, ?3)",
                    params![keep, party, role],
                )? == 1;
                record(tx, m, "link", *party, role, added)?;
            }
            tx.execute("DELETE FROM case_parties WHERE case_id = ?1", [gone])?;
            for (what, table) in MOVED {
                for row in ids(tx, &format!("SELECT id FROM {table} WHERE case_id = ?1"), gone)? {
                    record(tx, m, what, row, "", true)?;
                }
                tx.execute(&format!("UPDATE {table} SET case_id = ?1 WHERE case_id = ?2"), params![keep, gone])?;
            }
            tx.execute(
                "UPDATE cases SET visits = visits + ?2, updated_at = ?3 WHERE id = ?1",
                params![keep, g.visits, at],
            )?;
            // Closed now, unless it already was (then it keeps its own closing time).
            tx.execute(
                "UPDATE cases SET merged_into = ?2, status = ?3, active = 0, deadline_at = NULL,
                    closed_at = coalesce(closed_at, ?4), updated_at = ?4 WHERE id = ?1",
                params![gone, keep, Status::Closed.code(), at],
            )?;
            log(tx, &at, by, Some(keep), "case.merge", "merged", "", &g.no)?;
            log(tx, &at, by, Some(gone), "case.merged", "merged_into", "", &k.no)?;
            if g.status != Status::Closed.code() {
                log(tx, &at, by, Some(gone), "case.status", "status", &g.status, Status::Closed.code())?;
            }
            Ok(m)
        })
    }

    /// Merges party `gone` into party `keep` (one person entered twice): every case link of
    /// `gone` moves to `keep`, and a number `keep` lacks is taken from `gone`.
    pub fn merge_parties(
        &mut self,
        by: Actor,
        keep: i64,
        gone: i64,
        now: NaiveDateTime,
    ) -> Result<i64> {
        may_merge(by, keep, gone)?;
        self.write(|tx| {
            type P = (String, Option<String>, Option<String>, Option<i64>);
            let party = |id: i64| -> Result<P> {
                tx.query_row(
                    "SELECT name, phone, id_number, merged_into FROM parties WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .optional()?
                .ok_or(StoreError::NotFound)
            };
            let (kname, kphone, kid, kmerged) = party(keep)?;
            let (gname, gphone, gid, gmerged) = party(gone)?;
            if kmerged.is_some() || gmerged.is_some() {
                return Err(StoreError::Case(CaseRule::MergeAlready));
            }
            let phone_filled = kphone.is_none() && gphone.is_some();
            let id_filled = kid.is_none() && gid.is_some();
            let at = to_sql(now);
            tx.execute(
                "INSERT INTO merges (kind, keep_id, gone_id, at, staff_id, phone_filled, id_filled)
                 VALUES ('party', ?1, ?2, ?3, ?4, ?5, ?6)",
                params![keep, gone, at, by.staff_id, phone_filled, id_filled],
            )?;
            let m = tx.last_insert_rowid();
            let links: Vec<(i64, String)> = {
                let mut stmt = tx.prepare_cached(
                    "SELECT case_id, role FROM case_parties WHERE party_id = ?1 ORDER BY case_id, role",
                )?;
                stmt.query_map([gone], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<rusqlite::Result<_>>()?
            };
            let mut cases: Vec<i64> = Vec::new();
            for (case, role) in &links {
                let added = tx.execute(
                    "INSERT OR IGNORE INTO case_parties (case_id, party_id, role) VALUES (?1, ?2, ?3)",
                    params![case, keep, role],
                )? == 1;
                record(tx, m, "link", *case, role, added)?;
                if !cases.contains(case) {
                    cases.push(*case);
                }
            }
            tx.execute("DELETE FROM case_parties WHERE party_id = ?1", [gone])?;
            for case in &cases {
                // Only cases linked to `gone` can have it as first party (no index on first_party_id).
                if tx.execute(
                    "UPDATE cases SET first_party_id = ?2, updated_at = ?4 WHERE id = ?1 AND first_party_id = ?3",
                    params![case, keep, gone, at],
                )? == 1
                {
                    record(tx, m, "first_party", *case, "", true)?;
                }
            }
            if phone_filled {
                tx.execute("UPDATE parties SET phone = ?2 WHERE id = ?1", params![keep, gphone])?;
            }
            if id_filled {
                tx.execute("UPDATE parties SET id_number = ?2 WHERE id = ?1", params![keep, gid])?;
            }
            tx.execute("UPDATE parties SET merged_into = ?2 WHERE id = ?1", params![gone, keep])?;
            let what = format!("{gname} #{gone} → {kname} #{keep}");
            if cases.is_empty() {
                log(tx, &at, by, None, "party.merge", "party", "", &what)?;
            }
            for case in &cases {
                log(tx, &at, by, Some(*case), "party.merge", "party", "", &what)?;
            }
            Ok(m)
        })
    }

    pub fn merge_view(&self, case: i64) -> Result<MergeView> {
        Ok(MergeView {
            merged_into: self.merged_into(case)?,
            merges: self.case_merges(case)?,
        })
    }

    /// The case with this number (typed in full), if any.
    pub fn case_id_by_no(&self, case_no: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM cases WHERE case_no = ?1",
                [case_no.trim()],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The number of the case this one was merged into, if it was.
    pub fn merged_into(&self, case: i64) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT k.case_no FROM cases c JOIN cases k ON k.id = c.merged_into WHERE c.id = ?1",
                [case],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Merges in force that touch this case: cases merged into it (or it into another), and party merges on its
    /// parties — newest first, for the detail and a lead's undo.
    pub fn case_merges(&self, case: i64) -> Result<Vec<MergeLine>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.id, m.kind, m.at, g.case_no, k.case_no FROM merges m
                JOIN cases g ON g.id = m.gone_id JOIN cases k ON k.id = m.keep_id
             WHERE m.kind = 'case' AND ?1 IN (m.keep_id, m.gone_id) AND m.undone_at IS NULL
             UNION ALL
             SELECT m.id, m.kind, m.at, g.name, k.name FROM merges m
                JOIN parties g ON g.id = m.gone_id JOIN parties k ON k.id = m.keep_id
             WHERE m.kind = 'party' AND m.undone_at IS NULL
                AND m.keep_id IN (SELECT party_id FROM case_parties WHERE case_id = ?1)
             ORDER BY 1 DESC",
        )?;
        let v = stmt
            .query_map([case], |r| {
                let kind: String = r.get(1)?;
                Ok(MergeLine {
                    id: r.get(0)?,
                    kind: if kind == "case" {
                        MergeKind::Case
                    } else {
                        MergeKind::Party
                    },
                    at: r.get(2)?,
                    gone: r.get(3)?,
                    keep: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(v)
    }
}
