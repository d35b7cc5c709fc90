//! Appends to the audit log. Called inside the write transaction of the change it records.
use super::Result;
use super::db::Db;

pub struct Entry<'a> {
    pub at: &'a str,
    pub staff_id: Option<i64>,
    pub case_id: Option<i64>,
    pub action: &'a str,
    pub field: &'a str,
    pub old: &'a str,
    pub new: &'a str,
}

/// On either engine: a SQLite transaction (`&Transaction`) or any `Db` in a write.
pub fn append<'c>(db: impl Into<Db<'c>>, e: Entry) -> Result<()> {
    // Prepared once per connection: a transaction may append thousands of entries (an import).
    db.into().execute(
        "INSERT INTO audit (at, staff_id, case_id, action, field, old, new)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        &[
            &e.at,
            &e.staff_id,
            &e.case_id,
            &e.action,
            &e.field,
            &e.old,
            &e.new,
        ],
    )?;
    Ok(())
}

/// A case event with no field change (created, visit attached…).
pub fn event<'c>(
    tx: impl Into<Db<'c>>,
    at: &str,
    staff_id: Option<i64>,
    case_id: Option<i64>,
    action: &str,
    new: &str,
) -> Result<()> {
    append(
        tx,
        Entry {
            at,
            staff_id,
            case_id,
            action,
            field: "",
            old: "",
            new,
        },
    )
}
