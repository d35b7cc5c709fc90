//! The ladder's reads and writes: attempts per level, the level, and what already counted an
//! attempt on a day (a held session, or an attempt entered on the case). One text for both
//! engines (store/db).
use super::super::super::Result;
use super::super::super::db::Db;
use crate::domain::ladder::Level;

/// The column counting a level's attempts (also the audit field a session's count writes).
pub(crate) fn attempts_column(level: Level) -> &'static str {
    match level {
        Level::Village => "attempts_village",
        Level::Township => "attempts_township",
        Level::County => "attempts_county",
    }
}

/// A session of this case at `level`, other than `except`, held on `day` ('YYYY-MM-DD').
pub(crate) fn held_session_on<'c>(
    db: impl Into<Db<'c>>,
    case: i64,
    level: Level,
    day: &str,
    except: i64,
) -> Result<bool> {
    let sql = "SELECT 1 FROM sessions WHERE case_id = ?1 AND level = ?2 AND status = 'held'
             AND substr(starts_at, 1, 10) = ?3 AND id <> ?4 LIMIT 1";
    let p: [&dyn super::super::super::db::Param; 4] = [&case, &level.code(), &day, &except];
    Ok(db.into().query_opt(sql, &p, |_| Ok(()))?.is_some())
}

/// An attempt entered on the case on `day` at `level` (its audit entry: action
/// `case.attempt`, the level's code as field).
pub(crate) fn manual_attempt_on<'c>(
    db: impl Into<Db<'c>>,
    case: i64,
    level: Level,
    day: &str,
) -> Result<bool> {
    let sql = "SELECT 1 FROM audit WHERE case_id = ?1 AND action = 'case.attempt' AND field = ?2
             AND substr(at, 1, 10) = ?3 LIMIT 1";
    let p: [&dyn super::super::super::db::Param; 3] = [&case, &level.code(), &day];
    Ok(db.into().query_opt(sql, &p, |_| Ok(()))?.is_some())
}

/// An attempts counter (the ladder's checks keep it within 0..=3).
fn count(v: i64) -> u32 {
    u32::try_from(v).unwrap_or(0)
}

/// Attempts at village, township and county level.
pub(crate) fn attempts<'c>(db: impl Into<Db<'c>>, case: i64) -> Result<[u32; 3]> {
    let sql =
        "SELECT attempts_village, attempts_township, attempts_county FROM cases WHERE id = ?1";
    db.into().query_row(sql, &[&case], |r| {
        Ok([
            count(r.get(0, "cases")?),
            count(r.get(1, "cases")?),
            count(r.get(2, "cases")?),
        ])
    })
}

/// Sets the attempts at `level` to `n`.
pub(crate) fn set_attempts<'c>(
    db: impl Into<Db<'c>>,
    case: i64,
    level: Level,
    n: u32,
    at: &str,
) -> Result<usize> {
    let column = attempts_column(level);
    let sql = format!("UPDATE cases SET {column} = ?2, updated_at = ?3 WHERE id = ?1");
    Ok(db.into().execute(&sql, &[&case, &i64::from(n), &at])? as usize)
}

pub(crate) fn set_level<'c>(
    db: impl Into<Db<'c>>,
    case: i64,
    level: Level,
    at: &str,
) -> Result<usize> {
    let sql = "UPDATE cases SET level = ?2, updated_at = ?3 WHERE id = ?1";
    Ok(db.into().execute(sql, &[&case, &level, &at])? as usize)
}

pub(crate) fn level<'c>(db: impl Into<Db<'c>>, case: i64) -> Result<Level> {
    let sql = "SELECT level FROM cases WHERE id = ?1";
    db.into().query_row(sql, &[&case], |r| r.get(0, "cases"))
}
