//! Triage queries: repeat-visitor lookup, attaching a visit, routing inputs and the intake slip.
//! Every lookup is answered from an index with a LIMIT, so it may run on a keystroke.
use super::convert::code;
use super::time::{self, to_sql};
use super::{Actor, Result, Store, StoreError, audit};
use crate::domain::case_rule::CaseRule;
use crate::domain::channel::Channel;
use crate::domain::risk::Colour;
use crate::domain::role::{Permission, Role};
use crate::domain::routing::{self, Candidate, Hours};
use crate::domain::status::Status;
use chrono::{Duration, NaiveDateTime};
use rusqlite::{OptionalExtension, params, params_from_iter};
use std::collections::HashMap;

/// An earlier case of a party that matches what the clerk is typing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlierCase {
    pub case_id: i64,
    pub case_no: String,
    pub received_at: Option<NaiveDateTime>,
    pub status: Status,
    pub colour: Colour,
    pub summary: String,
    pub owner_id: Option<i64>,
    pub visits: u32,
    pub party_id: i64,
    pub party_name: String,
    pub party_phone: Option<String>,
    pub party_id_number: Option<String>,
}

impl EarlierCase {
    pub fn is_open(&self) -> bool {
        self.status.is_active()
    }
}

/// What the visitor's intake slip says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlipData {
    pub case_no: String,
    pub received_at: Option<NaiveDateTime>,
    pub category: String,
    pub colour: Colour,
    pub deadline_at: Option<NaiveDateTime>,
    pub team: Option<String>,
    pub owner_name: Option<String>,
    pub applicant: Option<String>,
}

/// Upper bound of a text prefix range: every string starting with `p` sorts below it.
fn prefix_end(p: &str) -> String {
    format!("{p}\u{10FFFF}")
}

impl Store {
    /// Parties with exactly this (normalised) phone number.
    pub fn parties_by_phone(&self, phone: &str, limit: u32) -> Result<Vec<i64>> {
        self.ids(
            "SELECT id FROM parties WHERE phone = ?1 ORDER BY id DESC LIMIT ?2",
            phone,
            limit,
        )
    }

    /// Parties with exactly this (normalised) ID number.
    pub fn parties_by_id_number(&self, id: &str, limit: u32) -> Result<Vec<i64>> {
        self.ids(
            "SELECT id FROM parties WHERE id_number = ?1 ORDER BY id DESC LIMIT ?2",
            id,
            limit,
        )
    }

    /// Parties whose name starts with `prefix` (Chinese), or whose first pinyin reading does
    /// (ASCII, e.g. "zhangw"). The fuzzy search over every reading is the name index's job.
    pub fn parties_by_name_prefix(&self, prefix: &str, limit: u32) -> Result<Vec<i64>> {
        let p = prefix.trim();
        if p.is_empty() {
            return Ok(Vec::new());
        }
        let sql = if crate::domain::names::is_ascii_query(p) {
            "SELECT id FROM parties WHERE name_keys >= ?1 AND name_keys < ?2 LIMIT ?3"
        } else {
            "SELECT id FROM parties WHERE name >= ?1 AND name < ?2 LIMIT ?3"
        };
        let p = p.to_lowercase();
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map(params![p, prefix_end(&p), limit], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The newest `limit` parties with exactly this name (the name index finds names; their
    /// parties stay here, one index seek per name).
    pub fn parties_named(&self, name: &str, limit: u32) -> Result<Vec<i64>> {
        self.ids(
            "SELECT id FROM parties WHERE name = ?1 ORDER BY id DESC LIMIT ?2",
            name,
            limit,
        )
    }

    fn ids(&self, sql: &str, key: &str, limit: u32) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map(params![key, limit], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The cases of these parties, newest first, at most `limit` (one row per case).
    pub fn cases_of_parties(&self, party_ids: &[i64], limit: u32) -> Result<Vec<EarlierCase>> {
        if party_ids.is_empty() {
            return Ok(Vec::new());
        }
        let marks = vec!["?"; party_ids.len()].join(",");
        let sql = format!(
            "SELECT c.id, c.case_no, c.received_at, c.status, c.colour, c.summary, c.owner_id,
                    c.visits, p.id, p.name, p.phone, p.id_number
             FROM case_parties cp JOIN cases c ON c.id = cp.case_id
             JOIN parties p ON p.id = cp.party_id
             WHERE cp.party_id IN ({marks})
             GROUP BY c.id ORDER BY c.received_at DESC, c.id DESC LIMIT {limit}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(party_ids), |r| {
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
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records a repeat visit on an open case instead of registering a duplicate: a visit row,
    /// the case's visit count raised, and the audit entry. Returns the new visit count.
    pub fn attach_visit(
        &mut self,
        by: Actor,
        case_id: i64,
        channel: Channel,
        at: NaiveDateTime,
        note: &str,
    ) -> Result<u32> {
        if !by.role.may(Permission::Register) {
            return Err(StoreError::Forbidden);
        }
        let at = to_sql(at);
        self.write(|tx| {
            let status: Option<Status> = tx
                .query_row("SELECT status FROM cases WHERE id = ?1", [case_id], |r| {
                    code(r, 0, "cases")
                })
                .optional()?;
            let status = status.ok_or(StoreError::NotFound)?;
            if !status.is_active() {
                return Err(StoreError::Case(CaseRule::AttachClosed));
            }
            tx.execute(
                "INSERT INTO visits (case_id, at, staff_id, channel, note) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![case_id, at, by.staff_id, channel.code(), note.trim()],
            )?;
            let visits: u32 = tx.query_row(
                "UPDATE cases SET visits = visits + 1, updated_at = ?2 WHERE id = ?1 RETURNING visits",
                params![case_id, at],
                |r| r.get(0),
            )?;
            audit::append(
                tx,
                audit::Entry {
                    at: &at,
                    staff_id: Some(by.staff_id),
                    case_id: Some(case_id),
                    action: "case.visit",
                    field: "visits",
                    old: &(visits - 1).to_string(),
                    new: &visits.to_string(),
                },
            )?;
            Ok(visits)
        })
    }

    /// Active cases per owner: one grouped query over the owner index (cache the result).
    pub fn open_load(&self) -> Result<HashMap<i64, u32>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT owner_id, COUNT(*) FROM cases WHERE active = 1 AND owner_id IS NOT NULL
             GROUP BY owner_id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Active mediators with their load and next free slot, ready for `routing::propose`.
    pub fn routing_candidates(&self, now: NaiveDateTime, hours: &Hours) -> Result<Vec<Candidate>> {
        let load = self.open_load()?;
        let until = to_sql(now + Duration::days(routing::HORIZON_DAYS + 1));
        let from = to_sql(now - Duration::days(1));
        let mut busy_stmt = self.conn.prepare_cached(
            "SELECT starts_at, ends_at FROM sessions
             WHERE mediator_id = ?1 AND starts_at >= ?2 AND starts_at < ?3
               AND status IN ('booked', 'held')",
        )?;
        let mut out = Vec::new();
        for m in self.list_staff()? {
            if m.role != Role::Mediator || !m.active {
                continue;
            }
            let busy = busy_stmt
                .query_map(params![m.id, from, until], |r| {
                    Ok((time::read(r, 0, "sessions")?, time::read(r, 1, "sessions")?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            out.push(Candidate {
                staff_id: m.id,
                next_free: routing::next_free_slot(now, &busy, hours),
                open_cases: load.get(&m.id).copied().unwrap_or(0),
                code: m.code,
                name: m.name,
                languages: m.languages,
                specialties: m.specialties,
                team: m.team,
            });
        }
        Ok(out)
    }

    /// (party id, name, pinyin keys) of a case's parties, to add a new case to the name index.
    pub fn case_party_names(&self, case_id: i64) -> Result<Vec<(i64, String, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.name, p.name_keys FROM case_parties cp JOIN parties p ON p.id = cp.party_id
             WHERE cp.case_id = ?1",
        )?;
        let rows = stmt.query_map([case_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The facts printed on a visitor's intake slip.
    pub fn slip(&self, case_no: &str) -> Result<SlipData> {
        self.conn
            .query_row(
                "SELECT c.case_no, c.received_at, c.category, c.colour, c.deadline_at, c.team,
                        s.name, p.name
                 FROM cases c LEFT JOIN staff s ON s.id = c.owner_id
                 LEFT JOIN parties p ON p.id = c.first_party_id
                 WHERE c.case_no = ?1",
                [case_no.trim()],
                |r| {
                    Ok(SlipData {
                        case_no: r.get(0)?,
                        received_at: Some(time::read(r, 1, "cases")?),
                        category: r.get(2)?,
                        colour: code(r, 3, "cases")?,
                        deadline_at: time::read_opt(r, 4, "cases")?,
                        team: r.get(5)?,
                        owner_name: r.get(6)?,
                        applicant: r.get(7)?,
                    })
                },
            )
            .optional()?
            .ok_or(StoreError::NotFound)
    }
}
