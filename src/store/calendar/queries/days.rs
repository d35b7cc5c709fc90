//! The calendar's days: holidays and closures, extra working days, county-wide or one centre's.
use super::super::super::Result;
use super::super::super::db::{Db, Engine};
use super::super::super::time::date_to_sql;
use crate::domain::centre_hours::DayRule;
use chrono::NaiveDate;

/// The day rows in [from, to] that speak for `centre` (county-wide and its own), or for every
/// centre (None), in day order.
pub(in crate::store) fn day_rules<'c>(
    db: impl Into<Db<'c>>,
    centre: Option<i64>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<DayRule>> {
    let rows = db.into().query_map(
        "SELECT day, centre_id, open, name FROM holidays
         WHERE day >= ?1 AND day <= ?2 AND (CAST(?3 AS BIGINT) IS NULL OR centre_id IS NULL OR centre_id = ?3)
         ORDER BY day, centre_id",
        &[&date_to_sql(from), &date_to_sql(to), &centre],
        |r| {
            Ok((
                r.get::<String>(0, "holidays")?,
                r.get::<Option<i64>>(1, "holidays")?,
                r.get::<i64>(2, "holidays")? == 1,
                r.get::<String>(3, "holidays")?,
            ))
        },
    )?;
    let mut out = Vec::new();
    for (d, centre_id, open, name) in rows {
        if let Ok(day) = NaiveDate::parse_from_str(&d, "%Y-%m-%d") {
            out.push(DayRule {
                day,
                centre_id,
                open,
                name,
            });
        }
    }
    Ok(out)
}

/// Marks a day for a centre or every centre (renaming it, or turning it open or closed, if
/// that day has a row already).
pub(in crate::store::calendar) fn upsert_day(
    db: Db,
    centre: Option<i64>,
    day: NaiveDate,
    open: bool,
    name: &str,
    by: i64,
) -> Result<()> {
    // The conflict target names the unique index's expression as each engine wrote it.
    let sql = match db.engine() {
        Engine::Sqlite => {
            "INSERT INTO holidays (centre_id, day, open, name, created_by) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (ifnull(centre_id, 0), day)
             DO UPDATE SET name = excluded.name, open = excluded.open"
        }
        Engine::Postgres => {
            "INSERT INTO holidays (centre_id, day, open, name, created_by) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (COALESCE(centre_id, 0), day)
             DO UPDATE SET name = excluded.name, open = excluded.open"
        }
    };
    db.execute(
        sql,
        &[&centre, &date_to_sql(day), &i64::from(open), &name, &by],
    )?;
    Ok(())
}

/// Removes a centre's (or the county-wide) row of a day; false if there was none.
pub(in crate::store::calendar) fn delete_day(
    db: Db,
    centre: Option<i64>,
    day: NaiveDate,
) -> Result<bool> {
    let n = db.execute(
        "DELETE FROM holidays WHERE ifnull(centre_id, 0) = ifnull(CAST(?1 AS BIGINT), 0) AND day = ?2",
        &[&centre, &date_to_sql(day)],
    )?;
    Ok(n > 0)
}
