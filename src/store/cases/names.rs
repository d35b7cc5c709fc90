//! Streaming every party's name for the in-memory name index (built off the render loop).
use super::{Result, Store};

impl Store {
    /// Calls `f(party_id, name, name_keys)` for every party, in id order, without collecting.
    pub fn for_each_party_name(&self, mut f: impl FnMut(i64, &str, &str)) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, name_keys FROM parties ORDER BY id")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let name = r.get_ref(1)?.as_str().unwrap_or("");
            let keys = r.get_ref(2)?.as_str().unwrap_or("");
            f(r.get(0)?, name, keys);
        }
        Ok(())
    }

    /// Parties added after `after` (by any desk or an import), oldest first, at most `limit`:
    /// how a desk's name index catches up with the others. One rowid range scan.
    pub fn parties_after(&self, after: i64, limit: u32) -> Result<Vec<(i64, String, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, name_keys FROM parties WHERE id > ?1 ORDER BY id LIMIT ?2",
        )?;
        let rows = stmt.query_map(rusqlite::params![after, limit], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every distinct party name in byte order, with the pinyin keys of its newest party, that
    /// party's id and how many parties bear the name: one pass over the `parties_name` index.
    pub fn for_each_distinct_name(&self, mut f: impl FnMut(&str, &str, i64, usize)) -> Result<()> {
        // The bare `name_keys` comes from the row holding max(id) (SQLite's min/max rule).
        let mut stmt = self.conn.prepare(
            "SELECT name, name_keys, max(id), count(*) FROM parties GROUP BY name ORDER BY name",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let name = r.get_ref(0)?.as_str().unwrap_or("");
            let keys = r.get_ref(1)?.as_str().unwrap_or("");
            f(name, keys, r.get(2)?, r.get::<_, i64>(3)? as usize);
        }
        Ok(())
    }
}
