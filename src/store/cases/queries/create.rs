//! Registering a case: the day's counter, the parties, the case row, its links and first visit.
//! One text for both engines but for the search grams: SQLite's FTS5 tables are kept by
//! triggers calling `od_grams`; PostgreSQL's `grams` text[] columns are written here, in the
//! same INSERT, from the same `grams::gram_text`. Statements are cached on both engines: an
//! import of thousands of cases prepares each once.
use super::super::super::Result;
use super::super::super::db::{Db, Engine};
use super::super::grams::gram_text;
use crate::domain::intake::NewParty;
use crate::domain::party::vulnerabilities_to_codes;

/// Makes this save the only one registering until it commits, before the transaction reads
/// anything. On PostgreSQL (SERIALIZABLE) desks saving at once all update the day's counter row
/// and, with their snapshots taken before the first commit, all but one fail and retry: eight
/// desks at once ran out of retries (`Locked`, measured). `LOCK TABLE` takes no snapshot, so
/// taken first it queues the saves instead, each seeing the one before; readers are not
/// blocked. On SQLite the IMMEDIATE transaction already holds the database's write lock.
pub(crate) fn lock_counters(db: Db) -> Result<()> {
    match db.engine() {
        Engine::Sqlite => Ok(()),
        Engine::Postgres => db.batch("LOCK TABLE case_counters IN SHARE ROW EXCLUSIVE MODE"),
    }
}

/// The next number of the day `day` ('YYYY-MM-DD'): a counter that never goes back, updated
/// in the save's transaction (on PostgreSQL two desks' saves serialise on its row).
pub(crate) fn next_day_number(db: Db, day: &str) -> Result<i64> {
    db.one(
        "INSERT INTO case_counters (day, last) VALUES (?1, 1)
             ON CONFLICT (day) DO UPDATE SET last = case_counters.last + 1 RETURNING last",
        &[&day],
    )
}

/// A new party record with its (normalised) numbers; returns its id.
pub(crate) fn insert_party(
    db: Db,
    p: &NewParty,
    phone: Option<String>,
    id: Option<String>,
) -> Result<i64> {
    let name = p.name.trim();
    let keys = crate::domain::names::name_keys(name);
    let interpreter = i64::from(p.needs_interpreter);
    let vulnerability = vulnerabilities_to_codes(&p.vulnerability);
    let address = p.address.trim();
    match db.engine() {
        Engine::Sqlite => db.one(
            "INSERT INTO parties (name, name_keys, phone, id_number, address, language,
                                  needs_interpreter, vulnerability)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
            &[
                &name,
                &keys,
                &phone,
                &id,
                &address,
                &p.language,
                &interpreter,
                &vulnerability,
            ],
        ),
        Engine::Postgres => db.one(
            "INSERT INTO parties (name, name_keys, phone, id_number, address, language,
                                  needs_interpreter, vulnerability, grams)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, string_to_array(?9, ' ')) RETURNING id",
            &[
                &name,
                &keys,
                &phone,
                &id,
                &address,
                &p.language,
                &interpreter,
                &vulnerability,
                &gram_text(name),
            ],
        ),
    }
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

const CASE_COLUMNS: &str = "case_no, received_at, channel, category, colour, colour_computed,
            colour_flags, colour_reason, status, active, summary, description, amount_yuan,
            people, team, owner_id, received_by, first_party_id, visits, deadline_at, updated_at,
            centre_id, received_centre_id, level";
const CASE_VALUES: &str = "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1, ?10, ?11, ?12, ?13, ?14, ?15,
            ?16, ?17, ?18, ?19, ?2, ?20, ?20, ?21";

/// Inserts the case row; returns its id.
pub(crate) fn insert_case(db: Db, k: &CaseInsert) -> Result<i64> {
    let people = i64::from(k.people);
    let visits = i64::from(k.visits);
    let grams = gram_text(k.summary);
    let sql = match db.engine() {
        Engine::Sqlite => {
            format!("INSERT INTO cases ({CASE_COLUMNS}) VALUES ({CASE_VALUES}) RETURNING id")
        }
        Engine::Postgres => format!(
            "INSERT INTO cases ({CASE_COLUMNS}, grams)
             VALUES ({CASE_VALUES}, string_to_array(?22, ' ')) RETURNING id"
        ),
    };
    let mut p: Vec<&dyn super::super::super::db::Param> = vec![
        &k.case_no,
        &k.received_at,
        &k.channel,
        &k.category,
        &k.colour,
        &k.colour_computed,
        &k.colour_flags,
        &k.colour_reason,
        &k.status,
        &k.summary,
        &k.description,
        &k.amount_yuan,
        &people,
        &k.team,
        &k.owner_id,
        &k.received_by,
        &k.first_party_id,
        &visits,
        &k.deadline_at,
        &k.centre_id,
        &k.level,
    ];
    if db.engine() == Engine::Postgres {
        p.push(&grams);
    }
    db.one(&sql, &p)
}

/// Links a party to a case in a role, unless that link exists; how many rows it added (0 or 1).
pub(crate) fn link_party<'c>(
    db: impl Into<Db<'c>>,
    case_id: i64,
    party_id: i64,
    role: &str,
) -> Result<usize> {
    let db = db.into();
    let sql = match db.engine() {
        Engine::Sqlite => {
            "INSERT OR IGNORE INTO case_parties (case_id, party_id, role) VALUES (?1, ?2, ?3)"
        }
        Engine::Postgres => {
            "INSERT INTO case_parties (case_id, party_id, role) VALUES (?1, ?2, ?3)
             ON CONFLICT DO NOTHING"
        }
    };
    Ok(db.execute(sql, &[&case_id, &party_id, &role])? as usize)
}

/// The visit that registered the case, on `channel`.
pub(crate) fn first_visit(db: Db, case: i64, at: &str, by: i64, channel: &str) -> Result<usize> {
    let sql = "INSERT INTO visits (case_id, at, staff_id, channel) VALUES (?1, ?2, ?3, ?4)";
    Ok(db.execute(sql, &[&case, &at, &by, &channel])? as usize)
}

/// Number of cases in the database.
pub(crate) fn case_count(db: Db) -> Result<i64> {
    db.one("SELECT CAST(COUNT(*) AS BIGINT) FROM cases", &[])
}
