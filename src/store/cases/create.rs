//! Registering cases: parties, case numbers, colour rules and the audit trail, in one transaction.
use super::time::to_sql;
use super::{Actor, Result, Store, StoreError, audit};
use crate::domain::intake::{NewCase, NewParty, Valid};
use crate::domain::party::{PartyRole, vulnerabilities_to_codes};
use crate::domain::risk::{Colour, ResponseHours};
use crate::domain::role::Permission;
use crate::domain::slots::WorkTime;
use crate::domain::status::Status;
use chrono::NaiveDateTime;
use rusqlite::{Transaction, params};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseCreated {
    pub id: i64,
    pub case_no: String,
    pub colour: Colour,
    pub deadline_at: Option<NaiveDateTime>,
}

/// `2026-1124-007`: the day it was received and a counter that never goes back.
pub fn format_case_no(received: NaiveDateTime, n: i64) -> String {
    format!("{}-{n:03}", received.format("%Y-%m%d"))
}

pub(super) fn next_case_no(tx: &Transaction, received: NaiveDateTime) -> Result<String> {
    let day = received.format("%Y-%m-%d").to_string();
    let n: i64 = tx
        .prepare_cached(
            "INSERT INTO case_counters (day, last) VALUES (?1, 1)
             ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last",
        )?
        .query_row([&day], |r| r.get(0))?;
    Ok(format_case_no(received, n))
}

fn insert_party(
    tx: &Transaction,
    p: &NewParty,
    phone: Option<String>,
    id: Option<String>,
) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO parties (name, name_keys, phone, id_number, address, language, needs_interpreter, vulnerability)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
            p.name.trim(),
            crate::domain::names::name_keys(p.name.trim()),
            phone,
            id,
            p.address.trim(),
            p.language,
            p.needs_interpreter,
            vulnerabilities_to_codes(&p.vulnerability)
        ])?;
    Ok(tx.last_insert_rowid())
}

/// A case that passed every rule that needs no database (`NewCase::check`), with what the
/// rules computed. Shared by the desk (`create_case`) and by imports, so both store exactly
/// the same shape.
pub(in crate::store) struct Checked<'a> {
    c: &'a NewCase,
    v: Valid,
}

/// The case's own rules (`NewCase::check`, the ones the triage form applies before saving),
/// and, whatever the UI did, that only a role that routes may name an owner. The caller checks
/// the role's right to register (or import).
pub(in crate::store) fn check(by: Actor, c: &NewCase) -> Result<Checked<'_>> {
    if c.owner_id.is_some() && !by.role.may(Permission::Route) {
        return Err(StoreError::Forbidden);
    }
    let v = c.check().map_err(|p| StoreError::Case(p.rule))?;
    Ok(Checked { c, v })
}

/// How the audit log names the registration: `case.create` at the desk, `case.import` with
/// the source line for an import.
pub(in crate::store) struct Origin<'a> {
    pub action: &'a str,
    pub note: &'a str,
}

/// Inserts a checked case: number, parties, case row, links, first visit and audit entries.
/// Statements are cached, so an import of thousands of cases prepares each once.
pub(in crate::store) fn insert(
    tx: &Transaction,
    by: Actor,
    k: Checked,
    work: &WorkTime,
    hours: &ResponseHours,
    origin: Origin,
) -> Result<CaseCreated> {
    let c = k.c;
    let colour = k.v.colour;
    let status = if c.owner_id.is_some() {
        Status::Assigned
    } else {
        Status::Registered
    };
    let team = c.team_or_route(k.v.category);
    let at = to_sql(c.received_at);
    let flags =
        k.v.flags
            .iter()
            .map(|f| f.code())
            .collect::<Vec<_>>()
            .join(",");
    let deadline = super::deadlines::response(tx, work, hours, colour, c.received_at)?;
    let case_no = next_case_no(tx, c.received_at)?;
    let mut first_party = None;
    let mut party_ids = Vec::new();
    for ((role, p), (phone, id)) in c.parties.iter().zip(k.v.numbers) {
        let pid = match p.existing_id {
            Some(pid) => pid,
            None if p.name.trim().is_empty() => continue,
            None => insert_party(tx, p, phone, id)?,
        };
        if *role == PartyRole::Applicant && first_party.is_none() {
            first_party = Some(pid);
        }
        party_ids.push((pid, *role));
    }
    tx.prepare_cached(
        "INSERT INTO cases (case_no, received_at, channel, category, colour, colour_computed,
            colour_flags, colour_reason, status, active, summary, description, amount_yuan,
            people, team, owner_id, received_by, first_party_id, visits, deadline_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
            ?18, ?19, ?2)",
    )?
    .execute(params![
        case_no,
        at,
        c.channel.code(),
        k.v.category.code,
        colour.rank(),
        k.v.computed.rank(),
        flags,
        c.colour_reason.trim(),
        status.code(),
        c.summary.trim(),
        c.description.trim(),
        c.amount_yuan,
        c.people.max(1),
        team.code(),
        c.owner_id,
        by.staff_id,
        first_party,
        c.earlier_visits + 1,
        deadline.map(to_sql),
    ])?;
    let id = tx.last_insert_rowid();
    for (pid, role) in party_ids {
        tx.prepare_cached(
            "INSERT OR IGNORE INTO case_parties (case_id, party_id, role) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![id, pid, role.code()])?;
    }
    tx.prepare_cached(
        "INSERT INTO visits (case_id, at, staff_id, channel) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![id, at, by.staff_id, c.channel.code()])?;
    let sid = Some(by.staff_id);
    let mut what = format!("{case_no} {}", colour.code());
    if !origin.note.is_empty() {
        what = format!("{what} {}", origin.note);
    }
    audit::event(tx, &at, sid, Some(id), origin.action, &what)?;
    if colour != k.v.computed {
        audit::append(
            tx,
            audit::Entry {
                at: &at,
                staff_id: sid,
                case_id: Some(id),
                action: "case.colour",
                field: "colour",
                old: k.v.computed.code(),
                new: &format!("{} ({})", colour.code(), c.colour_reason.trim()),
            },
        )?;
    }
    if let Some(owner) = c.owner_id {
        audit::append(
            tx,
            audit::Entry {
                at: &at,
                staff_id: sid,
                case_id: Some(id),
                action: "case.assign",
                field: "owner_id",
                old: "",
                new: &owner.to_string(),
            },
        )?;
    }
    Ok(CaseCreated {
        id,
        case_no,
        colour,
        deadline_at: deadline,
    })
}

impl Store {
    /// Registers a case (有来必受). The role must allow registering; `check` has the rest.
    pub fn create_case(
        &mut self,
        by: Actor,
        c: &NewCase,
        hours: &ResponseHours,
    ) -> Result<CaseCreated> {
        if !by.role.may(Permission::Register) {
            return Err(StoreError::Forbidden);
        }
        let checked = check(by, c)?;
        let work = self.work.clone();
        let origin = Origin {
            action: "case.create",
            note: "",
        };
        self.write(|tx| insert(tx, by, checked, &work, hours, origin))
    }

    /// Number of cases in the database (for `onedoor check` and the demo report).
    pub fn case_count(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT COUNT(*) FROM cases", [], |r| r.get(0))?)
    }
}
