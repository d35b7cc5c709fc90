//! Parties as the triage desk looks them up (by number, by name), the cases of parties, and
//! the names the in-memory name index is built from. A desk finds only parties of its visible
//! centres' cases (`party_seen`), and only those cases: parties are shared by the county, what
//! they brought to another centre is that centre's.
use super::super::super::Result;
use super::super::super::centres::{party_seen, readable, readable_case, visible};
use super::super::super::convert::code;
use super::super::super::time;
use super::super::earlier::EarlierCase;
use super::all;
use rusqlite::{Connection, Row, params, params_from_iter};

/// The newest parties with exactly this phone number.
pub(crate) fn by_phone(c: &Connection, phone: &str, limit: u32) -> Result<Vec<i64>> {
    let sql = concat!(
        "SELECT id FROM parties WHERE phone = ?1 AND ",
        party_seen!("parties.id"),
        " ORDER BY id DESC LIMIT ?2"
    );
    all(c, sql, params![phone, limit], |r| r.get(0))
}

/// The newest parties with exactly this ID number.
pub(crate) fn by_id_number(c: &Connection, id: &str, limit: u32) -> Result<Vec<i64>> {
    let sql = concat!(
        "SELECT id FROM parties WHERE id_number = ?1 AND ",
        party_seen!("parties.id"),
        " ORDER BY id DESC LIMIT ?2"
    );
    all(c, sql, params![id, limit], |r| r.get(0))
}

/// The newest parties with exactly this name.
pub(crate) fn by_name(c: &Connection, name: &str, limit: u32) -> Result<Vec<i64>> {
    let sql = concat!(
        "SELECT id FROM parties WHERE name = ?1 AND ",
        party_seen!("parties.id"),
        " ORDER BY id DESC LIMIT ?2"
    );
    all(c, sql, params![name, limit], |r| r.get(0))
}

/// Upper bound of a text prefix range: every string starting with `p` sorts below it.
fn prefix_end(p: &str) -> String {
    format!("{p}\u{10FFFF}")
}

/// Parties whose first pinyin reading starts with `p` (lowercase ASCII).
pub(crate) fn by_key_prefix(c: &Connection, p: &str, limit: u32) -> Result<Vec<i64>> {
    let sql = concat!(
        "SELECT id FROM parties WHERE name_keys >= ?1 AND name_keys < ?2 AND ",
        party_seen!("parties.id"),
        " LIMIT ?3"
    );
    all(c, sql, params![p, prefix_end(p), limit], |r| r.get(0))
}

/// Parties whose name starts with `p`.
pub(crate) fn by_name_prefix(c: &Connection, p: &str, limit: u32) -> Result<Vec<i64>> {
    let sql = concat!(
        "SELECT id FROM parties WHERE name >= ?1 AND name < ?2 AND ",
        party_seen!("parties.id"),
        " LIMIT ?3"
    );
    all(c, sql, params![p, prefix_end(p), limit], |r| r.get(0))
}

fn earlier(r: &Row) -> rusqlite::Result<EarlierCase> {
    Ok(EarlierCase {
        case_id: r.get(0)?,
        case_no: r.get(1)?,
        received_at: Some(time::read(r, 2, "cases")?),
        status: code(r, 3, "cases")?,
        colour: code(r, 4, "cases")?,
        summary: r.get(5)?,
        owner_id: r.get(6)?,
        visits: r.get(7)?,
        party_id: r.get(8)?,
        party_name: r.get(9)?,
        party_phone: r.get(10)?,
        party_id_number: r.get(11)?,
    })
}

/// The cases of these parties this connection may read, newest first, at most `limit` (one
/// row per case). An earlier case at another centre is not shown, nor counted: a desk does not
/// learn that another village's case exists (one it sent on, it still reads).
pub(crate) fn cases_of(c: &Connection, party_ids: &[i64], limit: u32) -> Result<Vec<EarlierCase>> {
    let marks = vec!["?"; party_ids.len()].join(",");
    let sql = format!(
        "SELECT c.id, c.case_no, c.received_at, c.status, c.colour, c.summary, c.owner_id,
                    c.visits, p.id, p.name, p.phone, p.id_number
             FROM case_parties cp JOIN cases c ON c.id = cp.case_id
             JOIN parties p ON p.id = cp.party_id
             WHERE cp.party_id IN ({marks}) AND {}
             GROUP BY c.id ORDER BY c.received_at DESC, c.id DESC LIMIT {limit}",
        readable!("c")
    );
    all(c, &sql, params_from_iter(party_ids), earlier)
}

/// (party id, name, pinyin keys) of a case's parties.
pub(crate) fn names_of_case(c: &Connection, case_id: i64) -> Result<Vec<(i64, String, String)>> {
    let sql = concat!(
        "SELECT p.id, p.name, p.name_keys FROM case_parties cp JOIN parties p ON p.id = cp.party_id
             WHERE cp.case_id = ?1 AND ",
        readable_case!("cp.case_id")
    );
    all(c, sql, [case_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
}

/// A party's name and pinyin keys.
type NameKeys = (String, String);

/// Parties added after `after`, oldest first, at most `limit` read: one rowid range scan.
/// Each with whether it is a party of a visible case (others are passed over, unnamed).
pub(crate) fn added_after(
    c: &Connection,
    after: i64,
    limit: u32,
) -> Result<Vec<(i64, Option<NameKeys>)>> {
    let sql = concat!(
        "SELECT id, name, name_keys, ",
        party_seen!("parties.id"),
        " FROM parties WHERE id > ?1 ORDER BY id LIMIT ?2"
    );
    all(c, sql, params![after, limit], |r| {
        let seen: bool = r.get(3)?;
        let named = if seen {
            Some((r.get(1)?, r.get(2)?))
        } else {
            None
        };
        Ok((r.get(0)?, named))
    })
}

/// Text column `i`, borrowed from the row; "" when it is not text.
fn text<'r>(r: &'r Row, i: usize) -> rusqlite::Result<&'r str> {
    Ok(r.get_ref(i)?.as_str().unwrap_or(""))
}

/// Calls `f(party_id, name, name_keys)` for every party (`all`), or every party of a visible
/// case, in id order, without collecting.
pub(crate) fn each_name(
    c: &Connection,
    all: bool,
    mut f: impl FnMut(i64, &str, &str),
) -> Result<()> {
    let mut stmt = if all {
        c.prepare("SELECT id, name, name_keys FROM parties ORDER BY id")?
    } else {
        c.prepare(concat!(
            "SELECT id, name, name_keys FROM parties WHERE ",
            party_seen!("parties.id"),
            " ORDER BY id"
        ))?
    };
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        f(r.get(0)?, text(r, 1)?, text(r, 2)?);
    }
    Ok(())
}

/// Calls `f(name, keys, newest id, count)` for every distinct name in byte order: one pass
/// over the `parties_name` index (`all`); or, for the parties of the cases this connection may
/// read, from those cases (a village's tenth of the county, sorted once).
pub(crate) fn each_distinct_name(
    c: &Connection,
    all: bool,
    mut f: impl FnMut(&str, &str, i64, usize),
) -> Result<()> {
    // The bare `name_keys` comes from the row holding max(id) (SQLite's min/max rule).
    let mut stmt = if all {
        c.prepare(
            "SELECT name, name_keys, max(id), count(*) FROM parties GROUP BY name ORDER BY name",
        )?
    } else {
        // The readable cases (`readable!`) by index: handled here (cases_centre_received),
        // awaiting sign-off here (cases_pending_to), sent on from here (transfers_sent; a case
        // received here and handled elsewhere was sent on from here).
        c.prepare(concat!(
            "SELECT p.name, p.name_keys, max(p.id), count(DISTINCT p.id)
             FROM case_parties cp JOIN parties p ON p.id = cp.party_id
             WHERE cp.case_id IN (
                 SELECT id FROM cases WHERE centre_id ",
            visible!(),
            " UNION SELECT id FROM cases WHERE pending_to ",
            visible!(),
            " UNION SELECT case_id FROM transfers WHERE from_centre ",
            visible!(),
            ") GROUP BY p.name ORDER BY p.name"
        ))?
    };
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        f(
            text(r, 0)?,
            text(r, 1)?,
            r.get(2)?,
            r.get::<_, i64>(3)? as usize,
        );
    }
    Ok(())
}
