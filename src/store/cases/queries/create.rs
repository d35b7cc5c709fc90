//! Registering a case: the day's counter, the parties, the case row, its links and first visit.
//! Every statement is cached: an import of thousands of cases prepares each once.
use super::super::super::Result;
use super::run_cached;
use crate::domain::intake::NewParty;
use crate::domain::party::vulnerabilities_to_codes;
use rusqlite::{Connection, params};

/// The next number of the day `day` ('YYYY-MM-DD'): a counter that never goes back.
pub(crate) fn next_day_number(c: &Connection, day: &str) -> Result<i64> {
    let sql = "INSERT INTO case_counters (day, last) VALUES (?1, 1)
             ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last";
    Ok(c.prepare_cached(sql)?.query_row([day], |r| r.get(0))?)
}

/// A new party record with its (normalised) numbers; returns its id.
pub(crate) fn insert_party(
    c: &Connection,
    p: &NewParty,
    phone: Option<String>,
    id: Option<String>,
) -> Result<i64> {
    let sql = "INSERT INTO parties (name, name_keys, phone, id_number, address, language, needs_interpreter, vulnerability)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
    let name = p.name.trim();
    let p = params![
        name,
        crate::domain::names::name_keys(name),
        phone,
        id,
        p.address.trim(),
        p.language,
        p.needs_interpreter,
        vulnerabilities_to_codes(&p.vulnerability)
    ];
    run_cached(c, sql, p)?;
    Ok(c.last_insert_rowid())
}

/// The case row as registration decided it (every value computed by the caller).
pub(crate) struct CaseInsert<'a> {
    pub case_no: &'a str,
    pub received_at: &'a str,
    pub channel: &'a str,
    pub category: &'a str,
    pub colour: i64,
    pub colour_computed: i64,
    pub colour_flags: &'a str,
    pub colour_reason: &'a str,
    pub status: &'a str,
    pub summary: &'a str,
    pub description: &'a str,
    pub amount_yuan: Option<i64>,
    pub people: u32,
    pub team: &'a str,
    pub owner_id: Option<i64>,
    pub received_by: i64,
    pub first_party_id: Option<i64>,
    pub visits: u32,
    pub deadline_at: Option<String>,
    /// The desk's centre: it received the case and handles it first.
    pub centre_id: i64,
    /// The rung the case starts on (`domain::centre::intake_level`).
    pub level: &'a str,
}

/// Inserts the case row; returns its id.
pub(crate) fn insert_case(c: &Connection, k: &CaseInsert) -> Result<i64> {
    let sql = "INSERT INTO cases (case_no, received_at, channel, category, colour, colour_computed,
            colour_flags, colour_reason, status, active, summary, description, amount_yuan,
            people, team, owner_id, received_by, first_party_id, visits, deadline_at, updated_at,
            centre_id, received_centre_id, level)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
            ?18, ?19, ?2, ?20, ?20, ?21)";
    let p = params![
        k.case_no,
        k.received_at,
        k.channel,
        k.category,
        k.colour,
        k.colour_computed,
        k.colour_flags,
        k.colour_reason,
        k.status,
        k.summary,
        k.description,
        k.amount_yuan,
        k.people,
        k.team,
        k.owner_id,
        k.received_by,
        k.first_party_id,
        k.visits,
        k.deadline_at,
        k.centre_id,
        k.level,
    ];
    run_cached(c, sql, p)?;
    Ok(c.last_insert_rowid())
}

/// Links a party to a case in a role, unless that link exists; how many rows it added (0 or 1).
pub(crate) fn link_party(c: &Connection, case_id: i64, party_id: i64, role: &str) -> Result<usize> {
    let sql = "INSERT OR IGNORE INTO case_parties (case_id, party_id, role) VALUES (?1, ?2, ?3)";
    run_cached(c, sql, params![case_id, party_id, role])
}

/// The visit that registered the case, on `channel`.
pub(crate) fn first_visit(
    c: &Connection,
    case: i64,
    at: &str,
    by: i64,
    channel: &str,
) -> Result<usize> {
    let sql = "INSERT INTO visits (case_id, at, staff_id, channel) VALUES (?1, ?2, ?3, ?4)";
    run_cached(c, sql, params![case, at, by, channel])
}

/// Number of cases in the database.
pub(crate) fn case_count(c: &Connection) -> Result<i64> {
    Ok(c.query_row("SELECT COUNT(*) FROM cases", [], |r| r.get(0))?)
}
