//! Bulk loading for demo data: one transaction, prepared statements, no per-row checks beyond
//! the schema's. Only `demo` uses it; everything else goes through the checked methods.
mod queries;
#[cfg(test)]
mod tests;

pub use queries::BulkWriter;

use super::{Result, Store};
use chrono::{NaiveDate, NaiveDateTime};

/// A case row exactly as stored (codes already chosen by the generator).
pub struct CaseRow<'a> {
    pub case_no: &'a str,
    pub received_at: NaiveDateTime,
    pub channel: &'a str,
    pub category: &'a str,
    pub colour: i64,
    pub colour_flags: &'a str,
    pub status: &'a str,
    pub active: bool,
    pub summary: &'a str,
    pub amount_yuan: Option<i64>,
    pub people: u32,
    pub team: &'a str,
    pub owner_id: Option<i64>,
    pub received_by: i64,
    pub first_party_id: i64,
    pub level: &'a str,
    pub attempts: [u32; 3],
    pub visits: u32,
    pub deadline_at: Option<NaiveDateTime>,
    pub closed_at: Option<NaiveDateTime>,
    /// The centre that received it and handles it.
    pub centre_id: i64,
}

pub struct PartyRow<'a> {
    pub name: &'a str,
    pub name_keys: &'a str,
    pub phone: Option<&'a str>,
    pub id_number: Option<&'a str>,
    pub address: &'a str,
    pub language: &'a str,
    pub vulnerability: &'a str,
}

pub struct SessionRow<'a> {
    pub case_id: i64,
    pub mediator_id: i64,
    pub room_id: i64,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub level: &'a str,
    pub status: &'a str,
    pub result: &'a str,
}

pub struct FollowupRow<'a> {
    pub case_id: i64,
    pub owner_id: Option<i64>,
    pub due_on: NaiveDate,
    pub status: &'a str,
    pub method: Option<&'a str>,
    pub performance: Option<&'a str>,
    pub satisfaction: Option<i64>,
    pub done_at: Option<NaiveDateTime>,
}

impl Store {
    /// Runs `f` with a bulk writer inside one IMMEDIATE transaction; all or nothing. Into a
    /// database without cases (demo data), secondary indexes and the insert triggers that keep
    /// derived tables (search grams, pinyin keys, follow-up copies) are dropped first, and the
    /// derived tables are filled and everything recreated at the end from sqlite_master's own
    /// SQL — sorting once is several times cheaper than maintaining them row by row. Into a
    /// database that has cases, rows go in one by one with triggers and indexes live.
    pub fn bulk_load<T>(&mut self, f: impl FnOnce(&mut BulkWriter) -> Result<T>) -> Result<T> {
        self.write(|tx| {
            // The fast path rebuilds derived tables from all rows: only right when starting empty.
            if queries::has_cases(tx)? {
                let mut w = BulkWriter::new(tx)?;
                return f(&mut w);
            }
            let saved = queries::suspend_indexes_and_triggers(tx)?;
            let out = {
                let mut w = BulkWriter::new(tx)?;
                f(&mut w)?
            };
            queries::fill_and_restore(tx, &saved)?;
            Ok(out)
        })
    }

    pub fn add_room(&mut self, name: &str) -> Result<i64> {
        self.write(|tx| queries::insert_room(tx, name, 1))
    }

    /// A room of the centre `centre_id`.
    pub fn add_room_at(&mut self, centre_id: i64, name: &str) -> Result<i64> {
        self.write(|tx| queries::insert_room(tx, name, centre_id))
    }

    /// Updates planner statistics after a big load so queries pick the right indexes.
    pub fn analyze(&mut self) -> Result<()> {
        queries::analyze(self.lite()?)
    }
}
