//! Writing an import: every case goes through the desk's own checks and insert (`cases.rs`),
//! all in one transaction, numbered in the order the cases were received; the file is recorded
//! (record.rs) so it is not imported twice by mistake. Every SQL statement is in queries.rs.
mod queries;
mod record;
#[cfg(test)]
mod tests;

pub use record::{ImportRecord, ImportSource};

use super::cases::{self, Origin};
use super::time::to_sql;
use super::{Actor, CaseCreated, NewCase, Result, Store, StoreError, audit};
use crate::domain::import_rule::ImportRule;
use crate::domain::risk::ResponseHours;
use crate::domain::role::Permission;
use chrono::NaiveDateTime;

/// A checked case from a file and the line it came from.
#[derive(Debug, Clone)]
pub struct ImportRow {
    pub line: u64,
    pub case: NewCase,
}

/// A case brought in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub line: u64,
    pub created: CaseCreated,
}

/// A row the store's rules refused (the file checks in `import` should have caught it first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowRefused {
    pub line: u64,
    pub key: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportOutcome {
    /// Written, in line order, and recorded.
    Imported {
        record: ImportRecord,
        cases: Vec<Imported>,
    },
    /// A dry run: this many cases would be written; `earlier` when the file was imported
    /// before (only with `again`: otherwise the dry run is refused as the import would be).
    Checked {
        rows: usize,
        earlier: Option<ImportRecord>,
    },
    /// Nothing written: every refused row, in line order.
    Refused(Vec<RowRefused>),
    /// Nothing written: this very file was imported before (its latest import), and importing
    /// it again was not asked for.
    AlreadyImported(ImportRecord),
}

impl Store {
    /// Brings cases in, all or nothing: a shift lead's job. Each case gets the desk's case
    /// number for its day (the same counter, so numbers never collide), its derived search
    /// keys (the same inserts and triggers) and a `case.import` audit entry naming the source
    /// line; one more entry records the import itself, and `imports` records the file (its
    /// hash) and the case of each line. A file imported before is refused, naming that
    /// import, unless `source.again` (then audited as `import.again`).
    pub fn import_cases(
        &mut self,
        by: Actor,
        rows: &[ImportRow],
        hours: &ResponseHours,
        source: &ImportSource,
        dry_run: bool,
        now: NaiveDateTime,
    ) -> Result<ImportOutcome> {
        if !by.role.may(Permission::Import) {
            return Err(StoreError::Forbidden);
        }
        let earlier = queries::latest_of(self.lite()?, source.sha256)?;
        if let Some(e) = earlier.clone().filter(|_| !source.again) {
            return Ok(ImportOutcome::AlreadyImported(e));
        }
        // Numbers of a day follow the time received, whatever the order of the file.
        let mut order: Vec<&ImportRow> = rows.iter().collect();
        order.sort_by_key(|r| (r.case.received_at, r.line));
        let mut checked = Vec::with_capacity(order.len());
        let mut refused = Vec::new();
        for r in order {
            match cases::check(by, &r.case) {
                Ok(k) => checked.push((r.line, k)),
                Err(StoreError::Case(rule)) => refused.push(RowRefused {
                    line: r.line,
                    key: rule.i18n_key(),
                }),
                Err(e) => return Err(e),
            }
        }
        if !refused.is_empty() {
            refused.sort_by_key(|r| r.line);
            return Ok(ImportOutcome::Refused(refused));
        }
        if dry_run {
            return Ok(ImportOutcome::Checked {
                rows: checked.len(),
                earlier,
            });
        }
        let work = self.work.clone();
        let count = checked.len();
        let name = source.file_name;
        self.write(|tx| {
            // Again inside the write lock: two desks importing one file at the same moment.
            let earlier = queries::latest_of(tx, source.sha256)?;
            if let Some(e) = earlier.clone().filter(|_| !source.again) {
                return Ok(ImportOutcome::AlreadyImported(e));
            }
            let mut out = Vec::with_capacity(count);
            for (line, k) in checked {
                let note = format!("{name}:{line}");
                let origin = Origin {
                    action: "case.import",
                    note: &note,
                };
                let created = cases::insert(tx, by, k, &work, hours, origin)?;
                out.push(Imported { line, created });
            }
            let again_of = earlier.map(|e| e.id);
            let id = record::record(tx, source, by.staff_id, &out, again_of, now)?;
            let at = to_sql(now);
            let what = format!("{name} {count}");
            audit::event(tx, &at, Some(by.staff_id), None, "import.file", &what)?;
            if let Some(e) = again_of {
                let what = format!("{name} #{id} again of #{e}");
                audit::event(tx, &at, Some(by.staff_id), None, "import.again", &what)?;
            }
            let record = queries::by_id(tx, id)?.ok_or(StoreError::NotFound)?;
            out.sort_by_key(|i| i.line);
            Ok(ImportOutcome::Imported { record, cases: out })
        })
    }
}

impl From<ImportRule> for StoreError {
    fn from(rule: ImportRule) -> Self {
        StoreError::Import(rule)
    }
}
