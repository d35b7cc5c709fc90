//! Every SQL statement of red alerts: the open red cases a lead has still to see, and the case
//! number an acknowledgement names.
use super::super::Result;
use super::super::centres::visible;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

/// Open red cases of the visible centres that became red since ?1, not made red by ?2 nor
/// acknowledged by ?2 since; ?3 at most. Read through the partial index of open red cases by when they became red: a
/// day's few rows, however many red cases the centre has. Who made a case red is whoever wrote
/// its first audit entry since then (the registration, the colour change or the reopening).
pub(super) const ALERTS: &str = concat!(
    "
    SELECT x.id, x.case_no, x.summary, x.colour_flags, x.colour_reason, x.red_since,
           s.code, s.name
    FROM (SELECT c.id, c.case_no, c.summary, c.colour_flags, c.colour_reason, c.red_since,
                 coalesce((SELECT a.staff_id FROM audit a
                           WHERE a.case_id = c.id AND a.at >= c.red_since
                           ORDER BY a.id LIMIT 1), c.received_by) AS raised_by
          FROM cases c INDEXED BY cases_red_since
          WHERE c.active = 1 AND c.colour = 0 AND c.red_since >= ?1 AND +c.centre_id ",
    visible!(),
    "
            AND NOT EXISTS (SELECT 1 FROM audit k
                            WHERE k.case_id = c.id AND k.staff_id = ?2
                              AND k.action = 'red.ack' AND k.at >= c.red_since)) x
    LEFT JOIN staff s ON s.id = x.raised_by
    WHERE x.raised_by IS NOT ?2
    ORDER BY x.red_since, x.id
    LIMIT ?3"
);

/// One alert as stored: the case, its flag codes, the reason typed, when it became red (as
/// stored) and who made it red (code, name).
pub(super) struct Row {
    pub case_id: i64,
    pub case_no: String,
    pub summary: String,
    pub flags: String,
    pub colour_reason: String,
    pub since: String,
    pub by: Option<(String, String)>,
}

pub(super) fn alerts(conn: &Connection, since: &str, me: i64, limit: usize) -> Result<Vec<Row>> {
    let mut stmt = conn.prepare_cached(ALERTS)?;
    let rows = stmt.query_map(params![since, me, limit as i64], |r| {
        let code: Option<String> = r.get(6)?;
        let name: Option<String> = r.get(7)?;
        Ok(Row {
            case_id: r.get(0)?,
            case_no: r.get(1)?,
            summary: r.get(2)?,
            flags: r.get(3)?,
            colour_reason: r.get(4)?,
            since: r.get(5)?,
            by: code.zip(name),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn case_no(tx: &Transaction, case_id: i64) -> Result<Option<String>> {
    Ok(tx
        .query_row("SELECT case_no FROM cases WHERE id = ?1", [case_id], |r| {
            r.get(0)
        })
        .optional()?)
}
