//! Registering cases: parties, case numbers, colour rules and the audit trail, in one transaction.
use super::time::to_sql;
use super::{Actor, Result, Store, StoreError, audit};
use crate::domain::category;
use crate::domain::channel::Channel;
use crate::domain::party::{PartyRole, Vulnerability, vulnerabilities_to_codes};
use crate::domain::risk::{self, Colour, ComputedFacts, ResponseHours, RiskFlag};
use crate::domain::role::Permission;
use crate::domain::slots::WorkTime;
use crate::domain::status::Status;
use crate::domain::team::Team;
use crate::domain::team_rule;
use chrono::NaiveDateTime;
use rusqlite::{Transaction, params};

#[derive(Debug, Clone, Default)]
pub struct NewParty {
    /// An existing party record (a repeat visitor) instead of a new one.
    pub existing_id: Option<i64>,
    pub name: String,
    pub phone: Option<String>,
    pub id_number: Option<String>,
    pub address: String,
    pub language: String,
    pub needs_interpreter: bool,
    pub vulnerability: Vec<Vulnerability>,
}

#[derive(Debug, Clone)]
pub struct NewCase {
    pub received_at: NaiveDateTime,
    pub channel: Channel,
    pub category: String,
    /// Flags ticked by the clerk; computed flags are derived here from the other fields.
    pub flags: Vec<RiskFlag>,
    /// The colour the clerk chose (None: the computed one).
    pub colour: Option<Colour>,
    pub colour_reason: String,
    /// The clerk acknowledged the immediate-action checklist of a red case.
    pub red_acknowledged: bool,
    pub summary: String,
    pub description: String,
    pub amount_yuan: Option<i64>,
    pub people: u32,
    /// Earlier cases of these parties (feeds the repeat-visitor flag).
    pub earlier_visits: u32,
    /// The window; None: the routing rule's (`domain::team_rule::team_for`).
    pub team: Option<Team>,
    pub owner_id: Option<i64>,
    pub parties: Vec<(PartyRole, NewParty)>,
}

impl NewParty {
    /// A party known by name and, if given, phone; everything else blank.
    pub fn named(name: &str, phone: Option<&str>) -> NewParty {
        NewParty {
            name: name.into(),
            phone: phone.map(String::from),
            ..Default::default()
        }
    }
}

impl NewCase {
    /// A walk-in case with one applicant and everything else at its default (no flags, so blue;
    /// no owner): the base that tests and benches adjust with struct-update syntax.
    pub fn walk_in(
        received_at: NaiveDateTime,
        category: &str,
        summary: &str,
        applicant: NewParty,
    ) -> NewCase {
        NewCase {
            received_at,
            channel: Channel::WalkIn,
            category: category.into(),
            flags: vec![],
            colour: None,
            colour_reason: String::new(),
            red_acknowledged: false,
            summary: summary.into(),
            description: String::new(),
            amount_yuan: None,
            people: 1,
            earlier_visits: 0,
            team: None,
            owner_id: None,
            parties: vec![(PartyRole::Applicant, applicant)],
        }
    }
}

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

/// Normalised, validated personal numbers, or the key of the message saying what is wrong.
fn checked_numbers(
    p: &NewParty,
    today: chrono::NaiveDate,
) -> Result<(Option<String>, Option<String>)> {
    use crate::domain::{idnum, phone};
    let phone = match p.phone.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(
            phone::parse_phone(s)
                .map_err(|e| StoreError::Rule(e.i18n_key()))?
                .as_str()
                .to_string(),
        ),
    };
    let id = match p
        .id_number
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => None,
        Some(s) => Some(
            idnum::parse_id_number(s, today)
                .map_err(|e| StoreError::Rule(e.i18n_key()))?
                .as_str()
                .to_string(),
        ),
    };
    Ok((phone, id))
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

/// A case that passed every rule that needs no database, with what the rules computed.
/// Shared by the desk (`create_case`) and by imports, so both store exactly the same shape.
pub(super) struct Checked<'a> {
    c: &'a NewCase,
    cat: &'static category::Category,
    numbers: Vec<(Option<String>, Option<String>)>,
    colour: Colour,
    computed: Colour,
    flags: String,
    /// The team given, or the one the routing rule gives (`domain::team_rule`).
    team: Team,
}

/// Rules enforced here, whatever the UI did: owner needs routing, category, summary,
/// applicant, personal numbers, colour (computed here; lowering needs a reason), red
/// acknowledgement. The caller checks the role's right to register (or import).
pub(super) fn check(by: Actor, c: &NewCase) -> Result<Checked<'_>> {
    if c.owner_id.is_some() && !by.role.may(Permission::Route) {
        return Err(StoreError::Forbidden);
    }
    let cat = category::find(&c.category).ok_or(StoreError::Rule("err.case.category"))?;
    if c.summary.trim().is_empty() {
        return Err(StoreError::Rule("err.case.summary"));
    }
    if !c.parties.iter().any(|(r, p)| {
        *r == PartyRole::Applicant && (p.existing_id.is_some() || !p.name.trim().is_empty())
    }) {
        return Err(StoreError::Rule("err.case.applicant"));
    }
    let today = c.received_at.date();
    let mut numbers = Vec::with_capacity(c.parties.len());
    for (_, p) in &c.parties {
        numbers.push(checked_numbers(p, today)?);
    }
    let facts = ComputedFacts {
        people: c.people.max(1),
        earlier_visits: c.earlier_visits,
        vulnerable_party: c.parties.iter().any(|(_, p)| !p.vulnerability.is_empty()),
        amount_yuan: c.amount_yuan,
    };
    let assessed = risk::assess(&c.flags, &facts);
    let colour = c.colour.unwrap_or(assessed.colour);
    risk::check_override(assessed.colour, colour, &c.colour_reason)
        .map_err(|e| StoreError::Rule(e.i18n_key()))?;
    if colour == Colour::Red && !c.red_acknowledged {
        return Err(StoreError::Rule("err.case.red_ack"));
    }
    let all_flags = risk::all_flags(&c.flags, &facts);
    let team = c
        .team
        .unwrap_or_else(|| team_rule::team_for(cat, &all_flags, c.received_at).team);
    let flags = all_flags
        .iter()
        .map(|f| f.code())
        .collect::<Vec<_>>()
        .join(",");
    Ok(Checked {
        c,
        cat,
        numbers,
        colour,
        computed: assessed.colour,
        flags,
        team,
    })
}

/// How the audit log names the registration: `case.create` at the desk, `case.import` with
/// the source line for an import.
pub(super) struct Origin<'a> {
    pub action: &'a str,
    pub note: &'a str,
}

/// Inserts a checked case: number, parties, case row, links, first visit and audit entries.
/// Statements are cached, so an import of thousands of cases prepares each once.
pub(super) fn insert(
    tx: &Transaction,
    by: Actor,
    k: Checked,
    work: &WorkTime,
    hours: &ResponseHours,
    origin: Origin,
) -> Result<CaseCreated> {
    let c = k.c;
    let colour = k.colour;
    let status = if c.owner_id.is_some() {
        Status::Assigned
    } else {
        Status::Registered
    };
    let team = k.team;
    let at = to_sql(c.received_at);
    let deadline = super::deadlines::response(tx, work, hours, colour, c.received_at)?;
    let case_no = next_case_no(tx, c.received_at)?;
    let mut first_party = None;
    let mut party_ids = Vec::new();
    for ((role, p), (phone, id)) in c.parties.iter().zip(k.numbers) {
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
        k.cat.code,
        colour.rank(),
        k.computed.rank(),
        k.flags,
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
    if colour != k.computed {
        audit::append(
            tx,
            audit::Entry {
                at: &at,
                staff_id: sid,
                case_id: Some(id),
                action: "case.colour",
                field: "colour",
                old: k.computed.code(),
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
