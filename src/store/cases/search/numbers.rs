//! The number half of case search (case number or its tail, phone / ID numbers), apart from names.
use super::{Candidates, MatchKind, score};
use crate::store::{Result, Store};
use chrono::{Datelike, Duration, NaiveDateTime};

impl Store {
    pub(super) fn search_case_no(
        &self,
        q: &str,
        limit: usize,
        now: NaiveDateTime,
        c: &mut Candidates,
    ) -> Result<()> {
        if q.len() >= 4 {
            let mut stmt = self.conn.prepare_cached(
                "SELECT id, case_no FROM cases WHERE case_no >= ?1 AND case_no < ?1 || '~'
                 ORDER BY case_no DESC LIMIT ?2",
            )?;
            let rows = stmt.query_map(rusqlite::params![q, limit as i64], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?;
            for r in rows {
                let (id, no) = r?;
                let s = if no == q {
                    score::CASE_NO_EXACT
                } else {
                    score::CASE_NO_PREFIX
                };
                c.add(id, s, MatchKind::CaseNo);
            }
        }
        // Tails: "1124-007" / "1124007" in the last ten years, "007" in the last two weeks;
        // the whole number without its dashes ("20261124007", as read out) too. A busy day
        // numbers past 999 ("2026-1120-1524"): its tails are 8 digits and longer ("1120-1524"),
        // or 4 ("1524", also a phone's tail).
        let digits: String = q.chars().filter(char::is_ascii_digit).collect();
        let today = now.date();
        let years = |tail: &str| -> Vec<String> {
            (0..10)
                .map(|y| format!("{}-{}-{}", today.year() - y, &tail[..4], &tail[4..]))
                .collect()
        };
        let recent = |seq: &str| -> Vec<String> {
            (0..14)
                .map(|d| format!("{}-{seq}", (today - Duration::days(d)).format("%Y-%m%d")))
                .collect()
        };
        let wanted: Vec<String> = match digits.len() {
            11..=14 => vec![format!(
                "{}-{}-{}",
                &digits[..4],
                &digits[4..8],
                &digits[8..]
            )],
            7..=10 => {
                // A tail being typed ("1120-152"): the longer numbers it begins, after the
                // exact one.
                if digits.len() < 10 {
                    let mut stmt = self.conn.prepare_cached(
                        "SELECT id FROM cases WHERE case_no > ?1 AND case_no < ?1 || '~'
                         ORDER BY case_no DESC LIMIT ?2",
                    )?;
                    for prefix in years(&digits) {
                        let ids = stmt.query_map(rusqlite::params![prefix, limit as i64], |r| {
                            r.get::<_, i64>(0)
                        })?;
                        for id in ids {
                            c.add(id?, score::CASE_NO_TAIL_BEGUN, MatchKind::CaseNo);
                        }
                    }
                }
                years(&digits)
            }
            // A tail being typed ("1124", "1124-0"): numbers of that day that start so, in the
            // last ten years, newest first; and a four-digit (or longer) number of a recent day.
            4..=6 => {
                let mut stmt = self.conn.prepare_cached(
                    "SELECT id FROM cases WHERE case_no >= ?1 AND case_no < ?1 || '~'
                     ORDER BY case_no DESC LIMIT ?2",
                )?;
                for prefix in years(&digits) {
                    let ids = stmt.query_map(rusqlite::params![prefix, limit as i64], |r| {
                        r.get::<_, i64>(0)
                    })?;
                    for id in ids {
                        c.add(id?, score::CASE_NO_PREFIX, MatchKind::CaseNo);
                    }
                }
                recent(&digits)
            }
            3 => recent(&digits),
            _ => Vec::new(),
        };
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM cases WHERE case_no = ?1")?;
        for no in wanted {
            if let Some(id) = stmt
                .query_map([&no], |r| r.get::<_, i64>(0))?
                .next()
                .transpose()?
            {
                c.add(id, score::CASE_NO_TAIL, MatchKind::CaseNo);
            }
        }
        Ok(())
    }

    pub(super) fn search_number_tail(
        &self,
        tail: &str,
        limit: usize,
        c: &mut Candidates,
    ) -> Result<()> {
        for (sql, kind) in [
            (
                "SELECT cp.case_id FROM parties p JOIN case_parties cp ON cp.party_id = p.id
                 WHERE p.phone IS NOT NULL AND substr(p.phone, -4) = ?1 ORDER BY p.id DESC LIMIT ?2",
                MatchKind::Phone,
            ),
            (
                "SELECT cp.case_id FROM parties p JOIN case_parties cp ON cp.party_id = p.id
                 WHERE p.id_number IS NOT NULL AND substr(p.id_number, -4) = ?1 ORDER BY p.id DESC LIMIT ?2",
                MatchKind::IdNumber,
            ),
        ] {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let ids = stmt.query_map(rusqlite::params![tail, limit as i64], |r| r.get::<_, i64>(0))?;
            for id in ids {
                c.add(id?, score::NUMBER_TAIL, kind);
            }
        }
        Ok(())
    }

    pub(super) fn search_full_number(
        &self,
        n: &str,
        limit: usize,
        c: &mut Candidates,
    ) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT cp.case_id, p.phone = ?1 FROM parties p JOIN case_parties cp ON cp.party_id = p.id
             WHERE p.phone = ?1 OR p.id_number = ?1 LIMIT ?2",
        )?;
        let rows = stmt.query_map(rusqlite::params![n, limit as i64], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, bool>(1)?))
        })?;
        for r in rows {
            let (id, phone) = r?;
            let kind = if phone {
                MatchKind::Phone
            } else {
                MatchKind::IdNumber
            };
            c.add(id, score::NUMBER_FULL, kind);
        }
        Ok(())
    }
}
