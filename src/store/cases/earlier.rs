//! Triage queries: repeat-visitor lookup, attaching a visit, routing inputs and the intake slip.
//! Every lookup is answered from an index with a LIMIT, so it may run on a keystroke.
use super::super::centres::check_handles;
use super::time::to_sql;
use super::{Actor, Result, Store, StoreError, audit, queries};
use crate::domain::case_rule::CaseRule;
use crate::domain::channel::Channel;
use crate::domain::risk::Colour;
use crate::domain::role::{Permission, Role};
use crate::domain::routing::{self, Candidate, Hours};
use crate::domain::status::Status;
use chrono::{Duration, NaiveDateTime};
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
    /// The centre that received the visitor, where the record holds several (none: one centre,
    /// named by the settings or the config as before).
    pub received_centre: Option<String>,
}

impl Store {
    /// Parties with exactly this (normalised) phone number.
    pub fn parties_by_phone(&self, phone: &str, limit: u32) -> Result<Vec<i64>> {
        queries::by_phone(self.lite()?, phone, limit)
    }

    /// Parties with exactly this (normalised) ID number.
    pub fn parties_by_id_number(&self, id: &str, limit: u32) -> Result<Vec<i64>> {
        queries::by_id_number(self.lite()?, id, limit)
    }

    /// Parties whose name starts with `prefix` (Chinese), or whose first pinyin reading does
    /// (ASCII, e.g. "zhangw"). The fuzzy search over every reading is the name index's job.
    pub fn parties_by_name_prefix(&self, prefix: &str, limit: u32) -> Result<Vec<i64>> {
        let p = prefix.trim();
        if p.is_empty() {
            return Ok(Vec::new());
        }
        let ascii = crate::domain::names::is_ascii_query(p);
        let p = p.to_lowercase();
        if ascii {
            queries::by_key_prefix(self.lite()?, &p, limit)
        } else {
            queries::by_name_prefix(self.lite()?, &p, limit)
        }
    }

    /// The newest `limit` parties with exactly this name (the name index finds names; their
    /// parties stay here, one index seek per name).
    pub fn parties_named(&self, name: &str, limit: u32) -> Result<Vec<i64>> {
        queries::by_name(self.lite()?, name, limit)
    }

    /// The cases of these parties, newest first, at most `limit` (one row per case).
    pub fn cases_of_parties(&self, party_ids: &[i64], limit: u32) -> Result<Vec<EarlierCase>> {
        if party_ids.is_empty() {
            return Ok(Vec::new());
        }
        queries::cases_of(self.lite()?, party_ids, limit)
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
            check_handles(tx, by, case_id)?;
            let status = queries::status(tx, case_id)?.ok_or(StoreError::NotFound)?;
            if !status.is_active() {
                return Err(StoreError::Case(CaseRule::AttachClosed));
            }
            let visits =
                queries::add_visit(tx, case_id, &at, by.staff_id, channel.code(), note.trim())?;
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
        queries::open_load(self.lite()?)
    }

    /// Active mediators of the desk's centre (a case is registered there and worked there)
    /// with their load and next free slot, ready for `routing::propose`.
    pub fn routing_candidates(&self, now: NaiveDateTime, hours: &Hours) -> Result<Vec<Candidate>> {
        let load = self.open_load()?;
        let until = to_sql(now + Duration::days(routing::HORIZON_DAYS + 1));
        let from = to_sql(now - Duration::days(1));
        let home = self.home_centres()?;
        let mut out = Vec::new();
        for m in self.list_staff()? {
            if m.role != Role::Mediator || !m.active || !home.contains(&m.centre_id) {
                continue;
            }
            let busy = queries::busy(self.lite()?, m.id, &from, &until)?;
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
        queries::names_of_case(self.lite()?, case_id)
    }

    /// The facts printed on a visitor's intake slip.
    pub fn slip(&self, case_no: &str) -> Result<SlipData> {
        queries::slip(self.db(), case_no.trim())?.ok_or(StoreError::NotFound)
    }
}
