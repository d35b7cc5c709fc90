//! Every SQL statement of imports: the record of each imported file (`imports`) and the case
//! of each of its lines (`import_rows`).
use super::super::centres::{readable, visible};
use super::super::time::{from_sql, to_sql};
use super::super::{Imported, Result};
use super::{ImportRecord, ImportSource};
use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, Row, params};

const SELECT: &str = "SELECT i.id, i.sha256, i.file_name, i.imported_at, s.code, s.name,
        i.row_count, i.first_case_no, i.last_case_no, i.again_of
    FROM imports i JOIN staff s ON s.id = i.staff_id";

fn record(r: &Row) -> rusqlite::Result<ImportRecord> {
    Ok(ImportRecord {
        id: r.get(0)?,
        sha256: r.get(1)?,
        file_name: r.get(2)?,
        imported_at: from_sql(&r.get::<_, String>(3)?).unwrap_or_default(),
        staff_code: r.get(4)?,
        staff_name: r.get(5)?,
        rows: r.get::<_, i64>(6)?.try_into().unwrap_or_default(),
        first_case_no: r.get(7)?,
        last_case_no: r.get(8)?,
        again_of: r.get(9)?,
    })
}

/// The latest import of the file with this hash.
pub(super) fn latest_of(conn: &Connection, sha256: &str) -> Result<Option<ImportRecord>> {
    let sql = format!("{SELECT} WHERE i.sha256 = ?1 ORDER BY i.id DESC LIMIT 1");
    Ok(conn.query_row(&sql, [sha256], record).optional()?)
}

/// An import by someone of a visible centre (their cases went into their centre).
pub(super) fn by_id(conn: &Connection, id: i64) -> Result<Option<ImportRecord>> {
    let sql = format!("{SELECT} WHERE i.id = ?1 AND s.centre_id {}", visible!());
    Ok(conn.query_row(&sql, [id], record).optional()?)
}

/// Records an import and the case of each line. `first` and `last` are the first and last
/// of `cases` as they were numbered.
#[allow(clippy::too_many_arguments)]
pub(super) fn insert(
    conn: &Connection,
    source: &ImportSource,
    staff_id: i64,
    cases: &[Imported],
    first: &Imported,
    last: &Imported,
    again_of: Option<i64>,
    now: NaiveDateTime,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO imports (sha256, file_name, imported_at, staff_id, row_count,
            first_case_no, last_case_no, again_of)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            source.sha256,
            source.file_name,
            to_sql(now),
            staff_id,
            cases.len() as i64,
            first.created.case_no,
            last.created.case_no,
            again_of,
        ],
    )?;
    let id = conn.last_insert_rowid();
    let mut stmt = conn
        .prepare_cached("INSERT INTO import_rows (import_id, line, case_id) VALUES (?1, ?2, ?3)")?;
    for c in cases {
        stmt.execute(params![id, c.line as i64, c.created.id])?;
    }
    Ok(id)
}

/// An import's "line → case number" list, in line order.
pub(super) fn lines(conn: &Connection, id: i64) -> Result<Vec<(u64, String)>> {
    let mut stmt = conn.prepare(concat!(
        "SELECT r.line, c.case_no FROM import_rows r JOIN cases c ON c.id = r.case_id
         WHERE r.import_id = ?1 AND ",
        readable!("c"),
        " ORDER BY r.line"
    ))?;
    let rows = stmt.query_map([id], |r| {
        Ok((
            r.get::<_, i64>(0)?.try_into().unwrap_or_default(),
            r.get(1)?,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
