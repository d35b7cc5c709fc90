//! Every SQL statement of follow-ups: the case a follow-up belongs to, the follow-ups
//! themselves, the changes a result brings to the case, and the work list's page and counts.
use super::super::Result;
use super::super::centres::{readable, visible, visible_case};
use super::super::convert::code;
use super::super::time::date_to_sql;
use super::{FollowupCase, FollowupCounts, FollowupRow};
use crate::domain::followup::Kind;
use crate::domain::risk::Colour;
use crate::domain::status::Status;
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params};

fn case_row(r: &rusqlite::Row) -> rusqlite::Result<FollowupCase> {
    Ok(FollowupCase {
        id: r.get(0)?,
        case_no: r.get(1)?,
        status: code(r, 2, "cases")?,
        owner_id: r.get(3)?,
        owner_name: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
        category: r.get(5)?,
        colour: code(r, 6, "cases")?,
        summary: r.get(7)?,
    })
}

const CASE_SQL: &str =
    "SELECT c.id, c.case_no, c.status, c.owner_id, s.name, c.category, c.colour, c.summary
     FROM cases c LEFT JOIN staff s ON s.id = c.owner_id";

pub(super) fn case_by_id(conn: &Connection, case_id: i64) -> Result<FollowupCase> {
    Ok(conn.query_row(&format!("{CASE_SQL} WHERE c.id = ?1"), [case_id], case_row)?)
}

pub(super) fn case_by_no(conn: &Connection, case_no: &str) -> Result<Option<FollowupCase>> {
    Ok(conn
        .query_row(
            &format!("{CASE_SQL} WHERE c.case_no = ?1 AND {}", readable!("c")),
            [case_no],
            case_row,
        )
        .optional()?)
}

/// Moves a case to `to`; `closed_at` is the time when `to` closes it, else none.
pub(super) fn set_case_status(
    conn: &Connection,
    case_id: i64,
    to: Status,
    at: &str,
    closed_at: Option<&str>,
) -> Result<()> {
    conn.execute(
        "UPDATE cases SET status = ?1, active = ?2, updated_at = ?3, closed_at = ?4 WHERE id = ?5",
        params![to, to.is_active(), at, closed_at, case_id],
    )?;
    Ok(())
}

/// The latest agreement terms of a case, if an agreement was recorded.
pub(super) fn agreement_terms(conn: &Connection, case_id: i64) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT terms FROM case_outcomes WHERE case_id = ?1 AND kind = 'agreement'
             ORDER BY id DESC LIMIT 1",
        )?
        .query_row([case_id], |r| r.get(0))
        .optional()?)
}

/// A new follow-up, due on `due`.
pub(super) struct NewFollowup<'a> {
    pub case_id: i64,
    pub owner: Option<i64>,
    pub due: NaiveDate,
    pub kind: Kind,
    pub attempt: i64,
    pub reason: &'a str,
}

pub(super) fn insert(conn: &Connection, f: &NewFollowup, at: &str, by: i64) -> Result<i64> {
    conn.execute(
        "INSERT INTO followups (case_id, owner_id, due_on, kind, attempt, reason, created_at, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![f.case_id, f.owner, date_to_sql(f.due), f.kind, f.attempt, f.reason, at, by],
    )?;
    Ok(conn.last_insert_rowid())
}

/// A follow-up as a change to it checks it: case, owner, due date as stored ('YYYY-MM-DD',
/// the audit quotes it), status (due / done / cancelled), attempt.
pub(super) type Stored = (i64, Option<i64>, String, String, i64);

pub(super) fn followup(conn: &Connection, id: i64) -> Result<Stored> {
    Ok(conn.query_row(
        "SELECT case_id, owner_id, due_on, status, attempt FROM followups WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
    )?)
}

pub(super) fn move_to(conn: &Connection, id: i64, due: NaiveDate, reason: &str) -> Result<()> {
    conn.execute(
        "UPDATE followups SET due_on = ?1, reason = ?2 WHERE id = ?3",
        params![date_to_sql(due), reason, id],
    )?;
    Ok(())
}

pub(super) fn cancel(conn: &Connection, id: i64, reason: &str, at: &str, by: i64) -> Result<()> {
    conn.execute(
        "UPDATE followups SET status = 'cancelled', reason = ?1, done_at = ?2, done_by = ?3
         WHERE id = ?4",
        params![reason, at, by, id],
    )?;
    Ok(())
}

/// A result, cleaned, as it is stored.
pub(super) struct Done<'a> {
    pub method: crate::domain::followup::Method,
    pub reached: &'a str,
    pub performance: crate::domain::followup::Performance,
    pub satisfaction: Option<u8>,
    pub note: &'a str,
}

pub(super) fn mark_done(conn: &Connection, id: i64, d: &Done, at: &str, by: i64) -> Result<()> {
    conn.execute(
        "UPDATE followups SET status = 'done', method = ?1, reached = ?2, performance = ?3,
            satisfaction = ?4, note = ?5, done_at = ?6, done_by = ?7 WHERE id = ?8",
        params![
            d.method,
            d.reached,
            d.performance,
            d.satisfaction,
            d.note,
            at,
            by,
            id
        ],
    )?;
    Ok(())
}

/// Whether a case still has a follow-up due.
pub(super) fn any_due(conn: &Connection, case_id: i64) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM followups WHERE case_id = ?1 AND status = 'due')",
        [case_id],
        |row| row.get(0),
    )?)
}

/// Follow-ups of a case that found its agreement breached.
pub(super) fn breaches(conn: &Connection, case_id: i64) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM followups WHERE case_id = ?1 AND performance = 'breached'",
        [case_id],
        |r| r.get(0),
    )?)
}

/// Cancels the follow-ups still due of a case reopened on a breach.
pub(super) fn cancel_due_on_breach(
    conn: &Connection,
    case_id: i64,
    at: &str,
    by: i64,
) -> Result<()> {
    conn.execute(
        "UPDATE followups SET status = 'cancelled', reason = 'breach', done_at = ?1, done_by = ?2
         WHERE case_id = ?3 AND status = 'due'",
        params![at, by, case_id],
    )?;
    Ok(())
}

/// A reopened case's colour (its computed colour no less urgent) and new response deadline.
pub(super) fn reassess(
    conn: &Connection,
    case_id: i64,
    colour: Colour,
    deadline: Option<&str>,
    at: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE cases SET colour = ?1, colour_computed = MIN(colour_computed, ?1), deadline_at = ?2,
            closed_at = NULL, updated_at = ?3 WHERE id = ?4",
        params![colour, deadline, at, case_id],
    )?;
    Ok(())
}

/// What a page of the work list asks for: the due dates [from, to] after the keyset (`after`
/// is the id to pass on `from` itself), and the filters.
pub(super) struct PageQuery<'a> {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub after: i64,
    pub owner: Option<i64>,
    pub colour: Option<Colour>,
    /// Category codes; never empty (an empty filter matches nothing, without a query).
    pub categories: Option<&'a [String]>,
    pub limit: usize,
    /// The date shown for a due date that does not read.
    pub fallback: NaiveDate,
}

/// One page of open follow-ups in due-date order, phones as stored.
pub(super) fn page(conn: &Connection, q: &PageQuery) -> Result<Vec<FollowupRow>> {
    let mut sql = String::from(
        "SELECT f.id, f.due_on, f.kind, f.attempt, f.owner_id, s.code, s.name, c.id, c.case_no,
            c.owner_id, c.colour, c.category, c.status, c.summary, p.name, p.phone
         FROM followups f
         JOIN cases c ON c.id = f.case_id
         LEFT JOIN staff s ON s.id = f.owner_id
         LEFT JOIN parties p ON p.id = c.first_party_id
         WHERE f.status = 'due' AND f.due_on >= ?1 AND f.due_on <= ?2
           AND (f.due_on > ?1 OR f.id > ?3) AND +c.centre_id ",
    );
    sql.push_str(visible!());
    let mut args: Vec<Value> = vec![
        Value::Text(date_to_sql(q.from)),
        Value::Text(date_to_sql(q.to)),
        Value::Integer(q.after),
    ];
    if let Some(o) = q.owner {
        args.push(Value::Integer(o));
        sql.push_str(&format!(" AND f.owner_id = ?{}", args.len()));
    }
    if let Some(c) = q.colour {
        args.push(Value::Integer(c.rank()));
        sql.push_str(&format!(" AND f.case_colour = ?{}", args.len()));
    }
    if let Some(cats) = q.categories {
        let mut marks = Vec::new();
        for c in cats {
            args.push(Value::Text(c.clone()));
            marks.push(format!("?{}", args.len()));
        }
        sql.push_str(&format!(" AND f.case_category IN ({})", marks.join(",")));
    }
    args.push(Value::Integer(i64::try_from(q.limit).unwrap_or(i64::MAX)));
    sql.push_str(&format!(" ORDER BY f.due_on, f.id LIMIT ?{}", args.len()));
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| {
        let due: String = r.get(1)?;
        Ok(FollowupRow {
            id: r.get(0)?,
            due_on: NaiveDate::parse_from_str(&due, "%Y-%m-%d").unwrap_or(q.fallback),
            kind: code(r, 2, "followups")?,
            attempt: r.get(3)?,
            owner_id: r.get(4)?,
            owner_code: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
            owner_name: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
            case_id: r.get(7)?,
            case_no: r.get(8)?,
            case_owner: r.get(9)?,
            colour: code(r, 10, "cases")?,
            category: r.get(11)?,
            status: code(r, 12, "cases")?,
            summary: r.get(13)?,
            party: r.get::<_, Option<String>>(14)?.unwrap_or_default(),
            phone: r.get::<_, Option<String>>(15)?.unwrap_or_default(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Due on `today` and overdue, of the visible centres' cases (`owner` None) or of one owner.
pub(super) fn counts(
    conn: &Connection,
    today: NaiveDate,
    owner: Option<i64>,
) -> Result<FollowupCounts> {
    let sql = match owner {
        None => {
            concat!(
                "SELECT COALESCE(SUM(due_on = ?1), 0), COALESCE(SUM(due_on < ?1), 0) FROM followups
             WHERE status = 'due' AND due_on <= ?1 AND ?2 IS NULL AND ",
                visible_case!("followups.case_id")
            )
        }
        Some(_) => {
            concat!(
                "SELECT COALESCE(SUM(due_on = ?1), 0), COALESCE(SUM(due_on < ?1), 0) FROM followups
             WHERE status = 'due' AND owner_id = ?2 AND due_on <= ?1 AND ",
                visible_case!("followups.case_id")
            )
        }
    };
    let mut stmt = conn.prepare_cached(sql)?;
    Ok(stmt.query_row(params![date_to_sql(today), owner], |r| {
        Ok(FollowupCounts {
            due_today: r.get(0)?,
            overdue: r.get(1)?,
        })
    })?)
}

#[cfg(test)]
impl super::super::Store {
    /// Moves a case to any status, bypassing the rules (tests set the scene with it).
    pub(crate) fn force_status_for_tests(&mut self, case_id: i64, status: Status) {
        self.lite_conn()
            .execute(
                "UPDATE cases SET status = ?1, active = ?2,
                    closed_at = CASE WHEN ?1 = 'closed' THEN coalesce(closed_at, updated_at) ELSE closed_at END WHERE id = ?3",
                params![status.code(), status.is_active(), case_id],
            )
            .expect("test setup");
    }

    pub(crate) fn case_status_for_tests(
        &self,
        case_id: i64,
    ) -> (Status, bool, Option<i64>, Colour) {
        self.lite_conn()
            .query_row(
                "SELECT status, active, owner_id, colour FROM cases WHERE id = ?1",
                [case_id],
                |r| {
                    Ok((
                        code(r, 0, "cases")?,
                        r.get(1)?,
                        r.get(2)?,
                        code(r, 3, "cases")?,
                    ))
                },
            )
            .expect("test case")
    }
}
