//! Merging duplicates: two cases that are one dispute, two party records that are one person.
//! A lead's action, in one IMMEDIATE transaction, audited on every case it touches. Nothing is
//! deleted: the absorbed row stays and points to the survivor, and every moved link is recorded
//! in `merge_moves`, so a lead's undo puts back exactly what was there — or, if something has
//! changed since that undo cannot restore exactly, refuses and changes nothing.
use super::super::centres::{check_handles, check_visible};
use super::state::log;
use super::time::to_sql;
use super::{Actor, Result, Store, StoreError, queries};
use crate::domain::case_rule::CaseRule;
use crate::domain::role::Role;
use crate::domain::status::Status;
use chrono::NaiveDateTime;
use rusqlite::Transaction;

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
    match queries::merged_into_id(tx, case)? {
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

pub(super) struct CaseBits {
    pub(super) no: String,
    pub(super) status: String,
    pub(super) active: bool,
    pub(super) deadline: Option<String>,
    pub(super) visits: i64,
    pub(super) merged_into: Option<i64>,
    pub(super) closed_at: Option<String>,
}

/// Every case a party merge touches (the cases of either party) must be one the lead's own
/// centre handles: a person's records at other centres are theirs to merge.
pub(super) fn check_parties_handled(tx: &Transaction, by: Actor, parties: [i64; 2]) -> Result<()> {
    for party in parties {
        for (case, _) in queries::links_of_party(tx, party)? {
            check_handles(tx, by, case)?;
        }
    }
    Ok(())
}

pub(super) fn case_bits(tx: &Transaction, id: i64) -> Result<CaseBits> {
    queries::case_bits(tx, id)?.ok_or(StoreError::NotFound)
}

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
            // Both cases of the handling centre: merging works both.
            check_handles(tx, by, keep)?;
            check_handles(tx, by, gone)?;
            let k = case_bits(tx, keep)?;
            let g = case_bits(tx, gone)?;
            if k.merged_into.is_some() || g.merged_into.is_some() {
                return Err(StoreError::Case(CaseRule::MergeAlready));
            }
            let at = to_sql(now);
            let m = queries::insert_case_merge(tx, keep, gone, &at, by.staff_id, &g)?;
            for (party, role) in queries::links_of_case(tx, gone)? {
                let added = queries::link_party(tx, keep, party, &role)? == 1;
                queries::record_move(tx, m, "link", party, &role, added)?;
            }
            queries::unlink_case(tx, gone)?;
            for (what, table) in queries::MOVED {
                for row in queries::rows_of_case(tx, table, gone)? {
                    queries::record_move(tx, m, what, row, "", true)?;
                }
                queries::move_rows(tx, table, gone, keep)?;
            }
            queries::add_visits(tx, keep, g.visits, &at)?;
            // Closed now, unless it already was (then it keeps its own closing time).
            let closed_at = g.closed_at.as_deref().unwrap_or(&at);
            queries::close_merged(tx, gone, keep, closed_at, &at)?;
            log(tx, &at, by, Some(keep), "case.merge", "merged", "", &g.no)?;
            log(
                tx,
                &at,
                by,
                Some(gone),
                "case.merged",
                "merged_into",
                "",
                &k.no,
            )?;
            if g.status != Status::Closed.code() {
                log(
                    tx,
                    &at,
                    by,
                    Some(gone),
                    "case.status",
                    "status",
                    &g.status,
                    Status::Closed.code(),
                )?;
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
            let party = |id| queries::party_bits(tx, id)?.ok_or(StoreError::NotFound);
            let (kname, kphone, kid, kmerged) = party(keep)?;
            let (gname, gphone, gid, gmerged) = party(gone)?;
            if kmerged.is_some() || gmerged.is_some() {
                return Err(StoreError::Case(CaseRule::MergeAlready));
            }
            check_parties_handled(tx, by, [keep, gone])?;
            let phone_filled = kphone.is_none() && gphone.is_some();
            let id_filled = kid.is_none() && gid.is_some();
            let at = to_sql(now);
            let filled = (phone_filled, id_filled);
            let m = queries::insert_party_merge(tx, keep, gone, &at, by.staff_id, filled)?;
            let mut cases: Vec<i64> = Vec::new();
            for (case, role) in queries::links_of_party(tx, gone)? {
                let added = queries::link_party(tx, case, keep, &role)? == 1;
                queries::record_move(tx, m, "link", case, &role, added)?;
                if !cases.contains(&case) {
                    cases.push(case);
                }
            }
            queries::unlink_party(tx, gone)?;
            for case in &cases {
                // Only cases linked to `gone` can have it as first party (no index on first_party_id).
                if queries::swap_first_party(tx, *case, gone, keep, &at)? == 1 {
                    queries::record_move(tx, m, "first_party", *case, "", true)?;
                }
            }
            if phone_filled {
                queries::set_party_phone(tx, keep, gphone.as_deref())?;
            }
            if id_filled {
                queries::set_party_id_number(tx, keep, gid.as_deref())?;
            }
            queries::set_party_merged_into(tx, gone, Some(keep))?;
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

    /// Where the case went and what came into it (NotFound: a case this connection does not
    /// see).
    pub fn merge_view(&self, case: i64) -> Result<MergeView> {
        check_visible(self.db(), case)?;
        Ok(MergeView {
            merged_into: self.merged_into(case)?,
            merges: self.case_merges(case)?,
        })
    }

    /// The case with this number (typed in full), if any this connection sees.
    pub fn case_id_by_no(&self, case_no: &str) -> Result<Option<i64>> {
        queries::case_id_by_no(self.lite()?, case_no.trim())
    }

    /// The number of the case this one was merged into, if it was.
    pub fn merged_into(&self, case: i64) -> Result<Option<String>> {
        check_visible(self.db(), case)?;
        queries::merged_into_no(self.lite()?, case)
    }

    /// Merges in force that touch this case: cases merged into it (or it into another), and party merges on its
    /// parties — newest first, for the detail and a lead's undo.
    pub fn case_merges(&self, case: i64) -> Result<Vec<MergeLine>> {
        check_visible(self.db(), case)?;
        queries::merges_of_case(self.lite()?, case)
    }
}
