//! Every SQL statement of follow-ups: the case a follow-up belongs to, the follow-ups
//! themselves, the changes a result brings to the case, and the work list's page and counts.
use super::super::Result;
use super::super::centres::{readable, visible, visible_case};
use super::super::db::{Db, Engine, Param, Row};
use super::super::time::date_to_sql;
use super::{FollowupCase, FollowupCounts, FollowupRow};
use crate::domain::followup::Kind;
use crate::domain::risk::Colour;
use crate::domain::status::Status;
use chrono::NaiveDate;

fn case_row(r: &Row) -> Result<FollowupCase> {
    Ok(FollowupCase {
        id: r.get(0, "cases")?,
        case_no: r.get(1, "cases")?,
        status: r.get(2, "cases")?,
        owner_id: r.get(3, "cases")?,
        owner_name: r.get::<Option<String>>(4, "staff")?.unwrap_or_default(),
        category: r.get(5, "cases")?,
        colour: r.get(6, "cases")?,
        summary: r.get(7, "cases")?,
    })
}

const CASE_SQL: &str =
    "SELECT c.id, c.case_no, c.status, c.owner_id, s.name, c.category, c.colour, c.summary
     FROM cases c LEFT JOIN staff s ON s.id = c.owner_id";

pub(super) fn case_by_id(db: Db, case_id: i64) -> Result<FollowupCase> {
    db.query_row(
        &format!("{CASE_SQL} WHERE c.id = ?1"),
        &[&case_id],
        case_row,
    )
}

pub(super) fn case_by_no(db: Db, case_no: &str) -> Result<Option<FollowupCase>> {
    db.query_opt(
        &format!("{CASE_SQL} WHERE c.case_no = ?1 AND {}", readable!("c")),
        &[&case_no],
        case_row,
    )
}

/// Moves a case to `to`; `closed_at` is the time when `to` closes it, else none.
pub(super) fn set_case_status(
    db: Db,
    case_id: i64,
    to: Status,
    at: &str,
    closed_at: Option<&str>,
) -> Result<()> {
    db.execute(
        "UPDATE cases SET status = ?1, active = ?2, updated_at = ?3, closed_at = ?4 WHERE id = ?5",
        &[&to, &i64::from(to.is_active()), &at, &closed_at, &case_id],
    )?;
    Ok(())
}

/// The latest agreement terms of a case, if an agreement was recorded.
pub(super) fn agreement_terms(db: Db, case_id: i64) -> Result<Option<String>> {
    db.query_opt(
        "SELECT terms FROM case_outcomes WHERE case_id = ?1 AND kind = 'agreement'
         ORDER BY id DESC LIMIT 1",
        &[&case_id],
        |r| r.get(0, "case_outcomes"),
    )
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

pub(super) fn insert(db: Db, f: &NewFollowup, at: &str, by: i64) -> Result<i64> {
    db.one(
        "INSERT INTO followups (case_id, owner_id, due_on, kind, attempt, reason, created_at, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
        &[
            &f.case_id,
            &f.owner,
            &date_to_sql(f.due),
            &f.kind,
            &f.attempt,
            &f.reason,
            &at,
            &by,
        ],
    )
}

/// A follow-up as a change to it checks it: case, owner, due date as stored ('YYYY-MM-DD',
/// the audit quotes it), status (due / done / cancelled), attempt.
pub(super) type Stored = (i64, Option<i64>, String, String, i64);

pub(super) fn followup(db: Db, id: i64) -> Result<Stored> {
    db.query_row(
        "SELECT case_id, owner_id, due_on, status, attempt FROM followups WHERE id = ?1",
        &[&id],
        |r| {
            Ok((
                r.get(0, "followups")?,
                r.get(1, "followups")?,
                r.get(2, "followups")?,
                r.get(3, "followups")?,
                r.get(4, "followups")?,
            ))
        },
    )
}

pub(super) fn move_to(db: Db, id: i64, due: NaiveDate, reason: &str) -> Result<()> {
    db.execute(
        "UPDATE followups SET due_on = ?1, reason = ?2 WHERE id = ?3",
        &[&date_to_sql(due), &reason, &id],
    )?;
    Ok(())
}

pub(super) fn cancel(db: Db, id: i64, reason: &str, at: &str, by: i64) -> Result<()> {
    db.execute(
        "UPDATE followups SET status = 'cancelled', reason = ?1, done_at = ?2, done_by = ?3
         WHERE id = ?4",
        &[&reason, &at, &by, &id],
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

pub(super) fn mark_done(db: Db, id: i64, d: &Done, at: &str, by: i64) -> Result<()> {
    db.execute(
        "UPDATE followups SET status = 'done', method = ?1, reached = ?2, performance = ?3,
            satisfaction = ?4, note = ?5, done_at = ?6, done_by = ?7 WHERE id = ?8",
        &[
            &d.method,
            &d.reached,
            &d.performance,
            &d.satisfaction.map(i64::from),
            &d.note,
            &at,
            &by,
            &id,
        ],
    )?;
    Ok(())
}

/// Whether a case still has a follow-up due.
pub(super) fn any_due(db: Db, case_id: i64) -> Result<bool> {
    let found: i64 = db.one(
        "SELECT CAST(CASE WHEN EXISTS
             (SELECT 1 FROM followups WHERE case_id = ?1 AND status = 'due') THEN 1 ELSE 0 END
         AS BIGINT)",
        &[&case_id],
    )?;
    Ok(found == 1)
}

/// Follow-ups of a case that found its agreement breached.
pub(super) fn breaches(db: Db, case_id: i64) -> Result<u32> {
    let n: i64 = db.one(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM followups
         WHERE case_id = ?1 AND performance = 'breached'",
        &[&case_id],
    )?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// Cancels the follow-ups still due of a case reopened on a breach.
pub(super) fn cancel_due_on_breach(db: Db, case_id: i64, at: &str, by: i64) -> Result<()> {
    db.execute(
        "UPDATE followups SET status = 'cancelled', reason = 'breach', done_at = ?1, done_by = ?2
         WHERE case_id = ?3 AND status = 'due'",
        &[&at, &by, &case_id],
    )?;
    Ok(())
}

/// A reopened case's colour (its computed colour no less urgent) and new response deadline.
pub(super) fn reassess(
    db: Db,
    case_id: i64,
    colour: Colour,
    deadline: Option<&str>,
    at: &str,
) -> Result<()> {
    // The lesser of two values: SQLite's two-argument MIN, PostgreSQL's LEAST.
    let sql = match db.engine() {
        Engine::Sqlite => {
            "UPDATE cases SET colour = ?1, colour_computed = MIN(colour_computed, ?1),
                deadline_at = ?2, closed_at = NULL, updated_at = ?3 WHERE id = ?4"
        }
        Engine::Postgres => {
            "UPDATE cases SET colour = ?1, colour_computed = LEAST(colour_computed, ?1),
                deadline_at = ?2, closed_at = NULL, updated_at = ?3 WHERE id = ?4"
        }
    };
    db.execute(sql, &[&colour, &deadline, &at, &case_id])?;
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
pub(super) fn page(db: Db, q: &PageQuery) -> Result<Vec<FollowupRow>> {
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
    let mut args: Vec<Box<dyn Param>> = vec![
        Box::new(date_to_sql(q.from)),
        Box::new(date_to_sql(q.to)),
        Box::new(q.after),
    ];
    if let Some(o) = q.owner {
        args.push(Box::new(o));
        sql.push_str(&format!(" AND f.owner_id = ?{}", args.len()));
    }
    if let Some(c) = q.colour {
        args.push(Box::new(c.rank()));
        sql.push_str(&format!(" AND f.case_colour = ?{}", args.len()));
    }
    if let Some(cats) = q.categories {
        let mut marks = Vec::new();
        for c in cats {
            args.push(Box::new(c.clone()));
            marks.push(format!("?{}", args.len()));
        }
        sql.push_str(&format!(" AND f.case_category IN ({})", marks.join(",")));
    }
    args.push(Box::new(i64::try_from(q.limit).unwrap_or(i64::MAX)));
    sql.push_str(&format!(" ORDER BY f.due_on, f.id LIMIT ?{}", args.len()));
    let params: Vec<&dyn Param> = args.iter().map(|a| &**a).collect();
    db.query_map(&sql, &params, |r| {
        let due: String = r.get(1, "followups")?;
        Ok(FollowupRow {
            id: r.get(0, "followups")?,
            due_on: NaiveDate::parse_from_str(&due, "%Y-%m-%d").unwrap_or(q.fallback),
            kind: r.get(2, "followups")?,
            attempt: r.get(3, "followups")?,
            owner_id: r.get(4, "followups")?,
            owner_code: r.get::<Option<String>>(5, "staff")?.unwrap_or_default(),
            owner_name: r.get::<Option<String>>(6, "staff")?.unwrap_or_default(),
            case_id: r.get(7, "cases")?,
            case_no: r.get(8, "cases")?,
            case_owner: r.get(9, "cases")?,
            colour: r.get(10, "cases")?,
            category: r.get(11, "cases")?,
            status: r.get(12, "cases")?,
            summary: r.get(13, "cases")?,
            party: r.get::<Option<String>>(14, "parties")?.unwrap_or_default(),
            phone: r.get::<Option<String>>(15, "parties")?.unwrap_or_default(),
        })
    })
}

/// Due on `today` and overdue, of the visible centres' cases (`owner` None) or of one owner.
pub(super) fn counts(db: Db, today: NaiveDate, owner: Option<i64>) -> Result<FollowupCounts> {
    // Sums of 0/1 cast to BIGINT (PostgreSQL's SUM of a BIGINT is NUMERIC); the owner's
    // parameter typed where nothing else names its type.
    let sql = match owner {
        None => {
            concat!(
                "SELECT CAST(COALESCE(SUM(CASE WHEN due_on = ?1 THEN 1 ELSE 0 END), 0) AS BIGINT),
                    CAST(COALESCE(SUM(CASE WHEN due_on < ?1 THEN 1 ELSE 0 END), 0) AS BIGINT)
                 FROM followups
             WHERE status = 'due' AND due_on <= ?1 AND CAST(?2 AS BIGINT) IS NULL AND ",
                visible_case!("followups.case_id")
            )
        }
        Some(_) => {
            concat!(
                "SELECT CAST(COALESCE(SUM(CASE WHEN due_on = ?1 THEN 1 ELSE 0 END), 0) AS BIGINT),
                    CAST(COALESCE(SUM(CASE WHEN due_on < ?1 THEN 1 ELSE 0 END), 0) AS BIGINT)
                 FROM followups
             WHERE status = 'due' AND owner_id = ?2 AND due_on <= ?1 AND ",
                visible_case!("followups.case_id")
            )
        }
    };
    db.query_row(sql, &[&date_to_sql(today), &owner], |r| {
        Ok(FollowupCounts {
            due_today: r.get(0, "followups")?,
            overdue: r.get(1, "followups")?,
        })
    })
}

#[cfg(test)]
use super::super::convert::code;
#[cfg(test)]
use rusqlite::params;

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
