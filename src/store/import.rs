//! Writing an import: every case goes through the desk's own checks and insert (`cases.rs`),
//! all in one transaction, numbered in the order the cases were received.
use super::cases::{self, Origin};
use super::time::to_sql;
use super::{Actor, CaseCreated, NewCase, Result, Store, StoreError, audit};
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
    /// Written, in line order.
    Imported(Vec<Imported>),
    /// A dry run: this many cases would be written.
    Checked(usize),
    /// Nothing written: every refused row, in line order.
    Refused(Vec<RowRefused>),
}

impl Store {
    /// Brings cases in, all or nothing: a shift lead's job. Each case gets the desk's case
    /// number for its day (the same counter, so numbers never collide), its derived search
    /// keys (the same inserts and triggers) and a `case.import` audit entry naming the source
    /// line; one more entry records the import itself.
    pub fn import_cases(
        &mut self,
        by: Actor,
        rows: &[ImportRow],
        hours: &ResponseHours,
        source: &str,
        dry_run: bool,
        now: NaiveDateTime,
    ) -> Result<ImportOutcome> {
        if !by.role.may(Permission::Import) {
            return Err(StoreError::Forbidden);
        }
        // Numbers of a day follow the time received, whatever the order of the file.
        let mut order: Vec<&ImportRow> = rows.iter().collect();
        order.sort_by_key(|r| (r.case.received_at, r.line));
        let mut checked = Vec::with_capacity(order.len());
        let mut refused = Vec::new();
        for r in order {
            match cases::check(by, &r.case) {
                Ok(k) => checked.push((r.line, k)),
                Err(StoreError::Rule(key)) => refused.push(RowRefused { line: r.line, key }),
                Err(e) => return Err(e),
            }
        }
        if !refused.is_empty() {
            refused.sort_by_key(|r| r.line);
            return Ok(ImportOutcome::Refused(refused));
        }
        if dry_run {
            return Ok(ImportOutcome::Checked(checked.len()));
        }
        let work = self.work.clone();
        let count = checked.len();
        self.write(|tx| {
            let mut out = Vec::with_capacity(count);
            for (line, k) in checked {
                let note = format!("{source}:{line}");
                let origin = Origin {
                    action: "case.import",
                    note: &note,
                };
                let created = cases::insert(tx, by, k, &work, hours, origin)?;
                out.push(Imported { line, created });
            }
            let what = format!("{source} {count}");
            audit::event(
                tx,
                &to_sql(now),
                Some(by.staff_id),
                None,
                "import.file",
                &what,
            )?;
            out.sort_by_key(|i| i.line);
            Ok(ImportOutcome::Imported(out))
        })
    }
}
