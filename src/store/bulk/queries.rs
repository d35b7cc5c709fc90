//! Every SQL statement of bulk loading: the prepared inserts of `BulkWriter`, the derived
//! tables' fills, and the schema's indexes and insert triggers suspended meanwhile.
use super::super::Result;
use super::super::time::{date_to_sql, to_sql};
use super::{CaseRow, FollowupRow, PartyRow, SessionRow};
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, Statement, Transaction, params};

/// What the suspended insert triggers would have written, filled in one statement each (the
/// same statements the migrations use to backfill; pinyin keys sorted so the clustered table
/// is appended to, not split page by page). A test compares the result with row-by-row
/// inserts through the triggers.
const DERIVED: &[&str] = &[
    "INSERT INTO case_grams (rowid, grams) SELECT id, od_grams(summary) FROM cases",
    "INSERT INTO party_grams (rowid, grams) SELECT id, od_grams(name) FROM parties",
    "INSERT OR IGNORE INTO party_keys (key, party_id)
        SELECT k.value, p.id FROM parties p, json_each('[\"' || replace(p.name_keys, ' ', '\",\"') || '\"]') k
        WHERE p.name_keys <> '' ORDER BY 1, 2 DESC",
    "UPDATE followups SET
        case_colour = (SELECT colour FROM cases WHERE cases.id = followups.case_id),
        case_category = (SELECT category FROM cases WHERE cases.id = followups.case_id)",
];

pub struct BulkWriter<'t> {
    party: Statement<'t>,
    case: Statement<'t>,
    link: Statement<'t>,
    visit: Statement<'t>,
    session: Statement<'t>,
    followup: Statement<'t>,
    audit: Statement<'t>,
    counter: Statement<'t>,
}

impl<'t> BulkWriter<'t> {
    pub(super) fn new(tx: &'t Transaction) -> Result<Self> {
        Ok(BulkWriter {
            party: tx.prepare(
                "INSERT INTO parties (name, name_keys, phone, id_number, address, language, vulnerability)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?,
            case: tx.prepare(
                "INSERT INTO cases (case_no, received_at, channel, category, colour, colour_computed,
                    colour_flags, status, active, summary, amount_yuan, people, team, owner_id,
                    received_by, first_party_id, level, attempts_village, attempts_township,
                    attempts_county, visits, deadline_at, closed_at, updated_at, centre_id,
                    received_centre_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                    ?17, ?18, ?19, ?20, ?21, ?22, ?2, ?23, ?23)",
            )?,
            link: tx.prepare("INSERT OR IGNORE INTO case_parties (case_id, party_id, role) VALUES (?1, ?2, ?3)")?,
            visit: tx.prepare("INSERT INTO visits (case_id, at, staff_id, channel) VALUES (?1, ?2, ?3, ?4)")?,
            session: tx.prepare(
                "INSERT INTO sessions (case_id, mediator_id, room_id, starts_at, ends_at, level, status, result)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?,
            followup: tx.prepare(
                "INSERT INTO followups (case_id, owner_id, due_on, status, method, performance, satisfaction, done_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?,
            audit: tx.prepare(
                "INSERT INTO audit (at, staff_id, case_id, action, field, old, new) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?,
            counter: tx.prepare(
                "INSERT INTO case_counters (day, last) VALUES (?1, ?2)
                 ON CONFLICT (day) DO UPDATE SET last = max(last, excluded.last)",
            )?,
        })
    }

    pub fn party(&mut self, p: &PartyRow) -> Result<i64> {
        Ok(self.party.insert(params![
            p.name,
            p.name_keys,
            p.phone,
            p.id_number,
            p.address,
            p.language,
            p.vulnerability
        ])?)
    }

    pub fn case(&mut self, c: &CaseRow) -> Result<i64> {
        Ok(self.case.insert(params![
            c.case_no,
            to_sql(c.received_at),
            c.channel,
            c.category,
            c.colour,
            c.colour_flags,
            c.status,
            c.active,
            c.summary,
            c.amount_yuan,
            c.people,
            c.team,
            c.owner_id,
            c.received_by,
            c.first_party_id,
            c.level,
            c.attempts[0],
            c.attempts[1],
            c.attempts[2],
            c.visits,
            c.deadline_at.map(to_sql),
            c.closed_at.map(to_sql),
            c.centre_id,
        ])?)
    }

    pub fn link(&mut self, case_id: i64, party_id: i64, role: &str) -> Result<()> {
        self.link.execute(params![case_id, party_id, role])?;
        Ok(())
    }

    pub fn visit(
        &mut self,
        case_id: i64,
        at: NaiveDateTime,
        staff_id: i64,
        channel: &str,
    ) -> Result<()> {
        self.visit
            .execute(params![case_id, to_sql(at), staff_id, channel])?;
        Ok(())
    }

    pub fn session(&mut self, s: &SessionRow) -> Result<i64> {
        Ok(self.session.insert(params![
            s.case_id,
            s.mediator_id,
            s.room_id,
            to_sql(s.starts_at),
            to_sql(s.ends_at),
            s.level,
            s.status,
            s.result
        ])?)
    }

    pub fn followup(&mut self, f: &FollowupRow) -> Result<()> {
        self.followup.execute(params![
            f.case_id,
            f.owner_id,
            date_to_sql(f.due_on),
            f.status,
            f.method,
            f.performance,
            f.satisfaction,
            f.done_at.map(to_sql)
        ])?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn audit(
        &mut self,
        at: NaiveDateTime,
        staff_id: Option<i64>,
        case_id: i64,
        action: &str,
        field: &str,
        old: &str,
        new: &str,
    ) -> Result<()> {
        self.audit.execute(params![
            to_sql(at),
            staff_id,
            case_id,
            action,
            field,
            old,
            new
        ])?;
        Ok(())
    }

    /// Records the highest case number used on a day so later registrations continue after it.
    pub fn counter(&mut self, day: NaiveDate, last: i64) -> Result<()> {
        self.counter_at(&date_to_sql(day), last)
    }

    /// The same for a counter by its key (`domain::centre::counter_key`: a centre's day).
    pub fn counter_at(&mut self, key: &str, last: i64) -> Result<()> {
        self.counter.execute(params![key, last])?;
        Ok(())
    }
}

/// Whether the database holds any case.
pub(super) fn has_cases(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM cases)", [], |r| r.get(0))?)
}

/// An index or insert trigger taken out for the load: its kind, name and SQL.
pub(super) type Suspended = (String, String, String);

/// Drops every index and every insert trigger, returning them to be recreated.
pub(super) fn suspend_indexes_and_triggers(tx: &Transaction) -> Result<Vec<Suspended>> {
    let saved: Vec<Suspended> = tx
        .prepare(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL
             AND (type = 'index' OR (type = 'trigger' AND sql LIKE '%AFTER INSERT%'))",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (kind, name, _) in &saved {
        tx.execute_batch(&format!("DROP {kind} \"{name}\""))?;
    }
    Ok(saved)
}

/// Fills the derived tables from all rows, then recreates what was suspended, from its own SQL.
pub(super) fn fill_and_restore(tx: &Transaction, saved: &[Suspended]) -> Result<()> {
    for sql in DERIVED {
        tx.execute_batch(sql)?;
    }
    for (_, _, sql) in saved {
        tx.execute_batch(sql)?;
    }
    Ok(())
}

pub(super) fn insert_room(conn: &Connection, name: &str, centre_id: i64) -> Result<i64> {
    conn.execute(
        "INSERT INTO rooms (name, centre_id) VALUES (?1, ?2)",
        params![name, centre_id],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Updates the planner's statistics.
pub(super) fn analyze(conn: &Connection) -> Result<()> {
    conn.execute_batch("ANALYZE")?;
    Ok(())
}
