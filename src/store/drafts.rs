//! Unsaved forms. Saved as the user types (a background writer coalesces keystrokes), offered
//! back after a crash, deleted when the form is saved or discarded.
use super::time::{self, to_sql};
use super::{Result, Store};
use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, params};

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
        self.write(|tx| {
            tx.execute(
                "INSERT INTO drafts (staff_id, kind, body, updated_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (staff_id, kind) DO UPDATE SET body = excluded.body,
                 updated_at = excluded.updated_at",
                params![staff_id, kind, body, to_sql(now)],
            )?;
            Ok(())
        })
    }

    pub fn load_draft(&self, staff_id: i64, kind: &str) -> Result<Option<Draft>> {
        Ok(self
            .conn
            .query_row(
                "SELECT body, updated_at FROM drafts WHERE staff_id = ?1 AND kind = ?2",
                params![staff_id, kind],
                |r| {
                    Ok(Draft {
                        body: r.get(0)?,
                        updated_at: Some(time::read(r, 1, "drafts")?),
                    })
                },
            )
            .optional()?)
    }

    pub fn delete_draft(&mut self, staff_id: i64, kind: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM drafts WHERE staff_id = ?1 AND kind = ?2",
                params![staff_id, kind],
            )?;
            Ok(())
        })
    }
}
