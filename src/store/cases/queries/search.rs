//! The search box's lookups, each an index lookup with a LIMIT: case numbers, phone and ID
//! numbers (whole or their last four), party names (pinyin key prefix or Chinese bigrams) and
//! summary words (bigrams). Ranking is not here: search.rs scores what these find. Every
//! lookup finds only cases the connection may read (`readable!`: its centres handle, received,
//! sent on or are asked to sign for) and parties of such cases, so a LIMIT is never spent on
//! another centre's cases.
use super::super::super::Result;
use super::super::super::centres::{party_seen, readable, readable_case};
use super::{all, json_ids};
use rusqlite::{Connection, Row, params};

fn id(r: &Row) -> rusqlite::Result<i64> {
    r.get(0)
}

/// Cases whose summary matches the FTS5 bigram query `fts`, newest first.
pub(crate) fn summary_matches(c: &Connection, fts: &str, limit: usize) -> Result<Vec<i64>> {
    let sql = concat!(
        "SELECT rowid FROM case_grams WHERE case_grams MATCH ?1 AND ",
        readable_case!("case_grams.rowid"),
        " ORDER BY rowid DESC LIMIT ?2"
    );
    all(c, sql, params![fts, limit as i64], id)
}

/// (case id, party id) of every case link of these parties.
pub(crate) fn links_of_parties(c: &Connection, party_ids: &[i64]) -> Result<Vec<(i64, i64)>> {
    let sql = concat!(
        "SELECT case_id, party_id FROM case_parties cp
         WHERE party_id IN (SELECT value FROM json_each(?1)) AND ",
        readable_case!("cp.case_id")
    );
    all(c, sql, [json_ids(party_ids)], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })
}

/// (name, pinyin keys, case id) of the cases of a name search's parties.
type Named = Vec<(String, String, i64)>;

/// The cases of the newest `parties` parties with a pinyin key starting with `letters`.
pub(crate) fn names_by_key_prefix(c: &Connection, letters: &str, parties: i64) -> Result<Named> {
    let sql = concat!(
        "SELECT p.name, p.name_keys, cp.case_id
             FROM (SELECT party_id AS pid FROM party_keys k WHERE key >= ?1 AND key < ?1 || '{'
                   AND ",
        party_seen!("k.party_id"),
        " ORDER BY key, party_id DESC LIMIT ?2) m
             JOIN parties p ON p.id = m.pid JOIN case_parties cp ON cp.party_id = p.id
             WHERE ",
        readable_case!("cp.case_id")
    );
    all(c, sql, params![letters, parties], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    })
}

/// The same for the newest parties whose name matches the FTS5 bigram query `fts`.
pub(crate) fn names_by_grams(c: &Connection, fts: &str, parties: i64) -> Result<Named> {
    let sql = concat!(
        "SELECT p.name, p.name_keys, cp.case_id
             FROM (SELECT rowid AS pid FROM party_grams WHERE party_grams MATCH ?1 AND ",
        party_seen!("party_grams.rowid"),
        " ORDER BY rowid DESC LIMIT ?2) m
             JOIN parties p ON p.id = m.pid JOIN case_parties cp ON cp.party_id = p.id
             WHERE ",
        readable_case!("cp.case_id")
    );
    all(c, sql, params![fts, parties], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    })
}

/// (id, case number) of the cases whose number starts with `prefix`, highest first.
pub(crate) fn case_nos_from(
    c: &Connection,
    prefix: &str,
    limit: usize,
) -> Result<Vec<(i64, String)>> {
    let sql = concat!(
        "SELECT id, case_no FROM cases WHERE case_no >= ?1 AND case_no < ?1 || '~' AND ",
        readable!("cases"),
        " ORDER BY case_no DESC LIMIT ?2"
    );
    all(c, sql, params![prefix, limit as i64], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })
}

/// Cases whose number starts with `prefix`, highest first.
pub(crate) fn case_ids_from(c: &Connection, prefix: &str, limit: usize) -> Result<Vec<i64>> {
    let sql = concat!(
        "SELECT id FROM cases WHERE case_no >= ?1 AND case_no < ?1 || '~' AND ",
        readable!("cases"),
        " ORDER BY case_no DESC LIMIT ?2"
    );
    all(c, sql, params![prefix, limit as i64], id)
}

/// Cases whose number starts with `prefix` and is longer, highest first.
pub(crate) fn case_ids_longer(c: &Connection, prefix: &str, limit: usize) -> Result<Vec<i64>> {
    let sql = concat!(
        "SELECT id FROM cases WHERE case_no > ?1 AND case_no < ?1 || '~' AND ",
        readable!("cases"),
        " ORDER BY case_no DESC LIMIT ?2"
    );
    all(c, sql, params![prefix, limit as i64], id)
}

/// The case with exactly this number, if any this connection may read.
pub(crate) fn case_id_by_no(c: &Connection, case_no: &str) -> Result<Option<i64>> {
    let mut stmt = c.prepare_cached(concat!(
        "SELECT id FROM cases WHERE case_no = ?1 AND ",
        readable!("cases")
    ))?;
    Ok(stmt.query_map([case_no], id)?.next().transpose()?)
}

/// Cases of the newest parties whose phone ends with `tail`.
pub(crate) fn cases_by_phone_tail(c: &Connection, tail: &str, limit: usize) -> Result<Vec<i64>> {
    let sql = concat!(
        "SELECT cp.case_id FROM parties p JOIN case_parties cp ON cp.party_id = p.id
                 WHERE p.phone IS NOT NULL AND substr(p.phone, -4) = ?1 AND ",
        readable_case!("cp.case_id"),
        " ORDER BY p.id DESC LIMIT ?2"
    );
    all(c, sql, params![tail, limit as i64], id)
}

/// Cases of the newest parties whose ID number ends with `tail`.
pub(crate) fn cases_by_id_tail(c: &Connection, tail: &str, limit: usize) -> Result<Vec<i64>> {
    let sql = concat!(
        "SELECT cp.case_id FROM parties p JOIN case_parties cp ON cp.party_id = p.id
                 WHERE p.id_number IS NOT NULL AND substr(p.id_number, -4) = ?1 AND ",
        readable_case!("cp.case_id"),
        " ORDER BY p.id DESC LIMIT ?2"
    );
    all(c, sql, params![tail, limit as i64], id)
}

/// (case id, whether the phone matched) of parties whose phone or ID number is `n`.
pub(crate) fn cases_by_full_number(
    c: &Connection,
    n: &str,
    limit: usize,
) -> Result<Vec<(i64, bool)>> {
    let sql = concat!(
        "SELECT cp.case_id, p.phone = ?1 FROM parties p JOIN case_parties cp ON cp.party_id = p.id
             WHERE (p.phone = ?1 OR p.id_number = ?1) AND ",
        readable_case!("cp.case_id"),
        " LIMIT ?2"
    );
    all(c, sql, params![n, limit as i64], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })
}
