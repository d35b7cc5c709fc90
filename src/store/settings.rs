//! Centre-wide settings kept in the database (the centre's name, its phone). One SQL text for
//! both engines (db/mod.rs).
use super::{Result, Store};

impl Store {
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        self.db()
            .query_opt("SELECT value FROM settings WHERE key = ?1", &[&key], |r| {
                r.get(0, "settings")
            })
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.write_db(|db| {
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                &[&key, &value],
            )?;
            Ok(())
        })
    }
}
