//! Every SQL statement of the live refresh: SQLite's change counter and the mark of what the
//! panes show.
use super::super::Result;
use super::ChangeMark;
use rusqlite::Connection;

pub(super) fn data_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
}

pub(super) fn change_mark(conn: &Connection) -> Result<ChangeMark> {
    Ok(conn
        .prepare_cached(
            "SELECT (SELECT ifnull(max(id), 0) FROM audit),
                    (SELECT ifnull(group_concat(day || ' ' || ifnull(centre_id, '*') || ' ' || open
                                   || ' ' || name, '|'), '') FROM holidays),
                    (SELECT ifnull(max(id), 0) FROM staff_leave)",
        )?
        .query_row([], |r| {
            Ok(ChangeMark {
                audit: r.get(0)?,
                holidays: r.get(1)?,
                leave: r.get(2)?,
            })
        })?)
}
