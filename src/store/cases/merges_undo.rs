//! Undoing a merge: every recorded move is put back, each statement checked to touch exactly
//! the row it expects, so the undo is exact or refused (`err.merge.changed`) with nothing changed.
use super::super::centres::check_handles;
use super::merges::{MergeKind, case_bits, check_parties_handled, exactly, lead_only};
use super::state::log;
use super::time::to_sql;
use super::{Actor, Result, Store, StoreError, queries};
use crate::domain::case_rule::CaseRule;
use crate::domain::status::Status;
use chrono::NaiveDateTime;
use rusqlite::Transaction;

impl Store {
    /// Undoes a merge exactly (a lead's action), or refuses with `err.merge.changed` when
    /// something has changed since that makes an exact undo impossible.
    pub fn undo_merge(&mut self, by: Actor, merge: i64, now: NaiveDateTime) -> Result<()> {
        lead_only(by)?;
        self.write(|tx| {
            let m = queries::merge(tx, merge)?.ok_or(StoreError::NotFound)?;
            if m.undone {
                return Err(StoreError::Case(CaseRule::MergeUndone));
            }
            let moves = queries::moves(tx, merge)?;
            // Only the centre that handles every case the merge touched undoes it.
            if m.kind == MergeKind::Case.code() {
                check_handles(tx, by, m.keep)?;
                check_handles(tx, by, m.gone)?;
            } else {
                check_parties_handled(tx, by, [m.keep, m.gone])?;
            }
            let at = to_sql(now);
            if m.kind == MergeKind::Case.code() {
                undo_case_merge(tx, by, &m, &moves, &at)?;
            } else {
                undo_party_merge(tx, by, &m, &moves, &at)?;
            }
            queries::mark_undone(tx, merge, &at, by.staff_id)?;
            Ok(())
        })
    }
}

/// Puts a case merge back: links, moved rows, visits, and the absorbed case as it was.
fn undo_case_merge(
    tx: &Transaction,
    by: Actor,
    m: &queries::MergeRecord,
    moves: &[queries::Move],
    at: &str,
) -> Result<()> {
    let (keep, gone) = (m.keep, m.gone);
    let g = case_bits(tx, gone)?;
    let k = case_bits(tx, keep)?;
    // Reopened or otherwise moved on since: restoring the old status would undo that.
    if g.merged_into != Some(keep) || g.active || g.status != Status::Closed.code() {
        return Err(StoreError::Case(CaseRule::MergeChanged));
    }
    for (what, row, role, added) in moves {
        match what.as_str() {
            "link" => {
                if *added {
                    exactly(queries::unlink(tx, keep, *row, role)?, 1)?;
                }
                exactly(queries::link_party(tx, gone, *row, role)?, 1)?;
            }
            _ => {
                let table =
                    queries::moved_table(what).ok_or(StoreError::Case(CaseRule::MergeChanged))?;
                exactly(queries::move_back(tx, table, *row, keep, gone)?, 1)?;
            }
        }
    }
    let (status, active, deadline, visits) = &m.old;
    queries::add_visits(tx, keep, -visits.unwrap_or(0), at)?;
    let old_status = status
        .clone()
        .unwrap_or_else(|| Status::Closed.code().to_string());
    let active = active.unwrap_or(false);
    // A case the merge closed loses the closing time the merge gave it.
    let closed_at = g
        .closed_at
        .as_deref()
        .filter(|_| old_status == Status::Closed.code());
    let deadline = deadline.as_deref();
    queries::restore_case(tx, gone, &old_status, active, deadline, closed_at, at)?;
    log(tx, at, by, Some(keep), "case.unmerge", "merged", &g.no, "")?;
    log(
        tx,
        at,
        by,
        Some(gone),
        "case.unmerged",
        "merged_into",
        &k.no,
        "",
    )?;
    if old_status != Status::Closed.code() {
        let closed = Status::Closed.code();
        log(
            tx,
            at,
            by,
            Some(gone),
            "case.status",
            "status",
            closed,
            &old_status,
        )?;
    }
    Ok(())
}

/// Puts a party merge back: links and first parties, the numbers copied (if still the ones
/// copied), and the absorbed party no longer merged.
fn undo_party_merge(
    tx: &Transaction,
    by: Actor,
    m: &queries::MergeRecord,
    moves: &[queries::Move],
    at: &str,
) -> Result<()> {
    let (keep, gone) = (m.keep, m.gone);
    if queries::party_merged_into(tx, gone)? != Some(keep) {
        return Err(StoreError::Case(CaseRule::MergeChanged));
    }
    let mut cases: Vec<i64> = Vec::new();
    for (what, row, role, added) in moves {
        match what.as_str() {
            "link" => {
                if *added {
                    exactly(queries::unlink(tx, *row, keep, role)?, 1)?;
                }
                exactly(queries::link_party(tx, *row, gone, role)?, 1)?;
                if !cases.contains(row) {
                    cases.push(*row);
                }
            }
            "first_party" => exactly(queries::swap_first_party(tx, *row, keep, gone, at)?, 1)?,
            _ => return Err(StoreError::Case(CaseRule::MergeChanged)),
        }
    }
    // A number copied over is taken back only if it is still the one copied.
    if m.filled.0 {
        exactly(queries::clear_copied_phone(tx, keep, gone)?, 1)?;
    }
    if m.filled.1 {
        exactly(queries::clear_copied_id_number(tx, keep, gone)?, 1)?;
    }
    queries::set_party_merged_into(tx, gone, None)?;
    let what = format!("#{gone} ← #{keep}");
    if cases.is_empty() {
        log(tx, at, by, None, "party.unmerge", "party", "", &what)?;
    }
    for case in &cases {
        log(tx, at, by, Some(*case), "party.unmerge", "party", "", &what)?;
    }
    Ok(())
}
