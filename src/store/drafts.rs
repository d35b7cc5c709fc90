//! Unsaved forms. Saved as the user types (a background writer coalesces keystrokes), offered
//! back after a crash, deleted when the form is saved or discarded.
//! One SQL text for both engines (db/mod.rs).
use super::time::to_sql;
use super::{Result, Store};
use chrono::NaiveDateTime;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub body: String,
    pub updated_at: Option<NaiveDateTime>,
}

impl Store {
    pub fn save_draft(
        &mut self,
        staff_id: i64,
        kind: &str,
        body: &str,
        now: NaiveDateTime,
    ) -> Result<()> {
        self.write_db(|db| {
            db.execute(
                "INSERT INTO drafts (staff_id, kind, body, updated_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (staff_id, kind) DO UPDATE SET body = excluded.body,
                 updated_at = excluded.updated_at",
                &[&staff_id, &kind, &body, &to_sql(now)],
            )?;
            Ok(())
        })
    }

    pub fn load_draft(&self, staff_id: i64, kind: &str) -> Result<Option<Draft>> {
        self.db().query_opt(
            "SELECT body, updated_at FROM drafts WHERE staff_id = ?1 AND kind = ?2",
            &[&staff_id, &kind],
            |r| {
                Ok(Draft {
                    body: r.get(0, "drafts")?,
                    updated_at: Some(r.get::<super::convert::Stamp>(1, "drafts")?.0),
                })
            },
        )
    }

    pub fn delete_draft(&mut self, staff_id: i64, kind: &str) -> Result<()> {
        self.write_db(|db| {
            db.execute(
                "DELETE FROM drafts WHERE staff_id = ?1 AND kind = ?2",
                &[&staff_id, &kind],
            )?;
            Ok(())
        })
    }
}
