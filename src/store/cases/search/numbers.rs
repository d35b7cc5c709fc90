//! The number half of case search (case number or its tail, phone / ID numbers), apart from names.
use super::super::queries;
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
        // Each visible centre's numbers: "2026-1124-007" of the original centre, and
        // "V1-2026-1124-007" of centre V1 for the same typed digits.
        let leads = crate::store::centres::number_leads(self.lite()?)?;
        if q.len() >= 4 {
            for lead in &leads {
                self.case_no_prefix(&format!("{lead}{q}"), limit, c)?;
            }
        }
        // Tails: "1124-007" / "1124007" in the last ten years, "007" in the last two weeks;
        // the whole number without its dashes ("20261124007", as read out) too. A busy day
        // numbers past 999 ("2026-1120-1524"): its tails are 8 digits and longer ("1120-1524"),
        // or 4 ("1524", also a phone's tail).
        let digits: String = q.chars().filter(char::is_ascii_digit).collect();
        let today = now.date();
        let years = |tail: &str| -> Vec<String> {
            leads
                .iter()
                .flat_map(|lead| {
                    (0..10).map(move |y| {
                        format!("{lead}{}-{}-{}", today.year() - y, &tail[..4], &tail[4..])
                    })
                })
                .collect()
        };
        let recent = |seq: &str| -> Vec<String> {
            leads
                .iter()
                .flat_map(|lead| {
                    (0..14).map(move |d| {
                        let day = (today - Duration::days(d)).format("%Y-%m%d");
                        format!("{lead}{day}-{seq}")
                    })
                })
                .collect()
        };
        let wanted: Vec<String> = match digits.len() {
            11..=14 => leads
                .iter()
                .map(|lead| format!("{lead}{}-{}-{}", &digits[..4], &digits[4..8], &digits[8..]))
                .collect(),
            7..=10 => {
                // A tail being typed ("1120-152"): the longer numbers it begins, after the
                // exact one.
                if digits.len() < 10 {
                    for prefix in years(&digits) {
                        for id in queries::case_ids_longer(self.lite()?, &prefix, limit)? {
                            c.add(id, score::CASE_NO_TAIL_BEGUN, MatchKind::CaseNo);
                        }
                    }
                }
                years(&digits)
            }
            // A tail being typed ("1124", "1124-0"): numbers of that day that start so, in the
            // last ten years, newest first; and a four-digit (or longer) number of a recent day.
            4..=6 => {
                for prefix in years(&digits) {
                    for id in queries::case_ids_from(self.lite()?, &prefix, limit)? {
                        c.add(id, score::CASE_NO_PREFIX, MatchKind::CaseNo);
                    }
                }
                recent(&digits)
            }
            3 => recent(&digits),
            _ => Vec::new(),
        };
        for no in wanted {
            if let Some(id) = queries::case_id_by_no(self.lite()?, &no)? {
                c.add(id, score::CASE_NO_TAIL, MatchKind::CaseNo);
            }
        }
        Ok(())
    }

    /// Numbers starting with `prefix` (the whole number: exact).
    pub(super) fn case_no_prefix(
        &self,
        prefix: &str,
        limit: usize,
        c: &mut Candidates,
    ) -> Result<()> {
        for (id, no) in queries::case_nos_from(self.lite()?, prefix, limit)? {
            let s = if no == prefix {
                score::CASE_NO_EXACT
            } else {
                score::CASE_NO_PREFIX
            };
            c.add(id, s, MatchKind::CaseNo);
        }
        Ok(())
    }

    pub(super) fn search_number_tail(
        &self,
        tail: &str,
        limit: usize,
        c: &mut Candidates,
    ) -> Result<()> {
        for id in queries::cases_by_phone_tail(self.lite()?, tail, limit)? {
            c.add(id, score::NUMBER_TAIL, MatchKind::Phone);
        }
        for id in queries::cases_by_id_tail(self.lite()?, tail, limit)? {
            c.add(id, score::NUMBER_TAIL, MatchKind::IdNumber);
        }
        Ok(())
    }

    pub(super) fn search_full_number(
        &self,
        n: &str,
        limit: usize,
        c: &mut Candidates,
    ) -> Result<()> {
        for (id, phone) in queries::cases_by_full_number(self.lite()?, n, limit)? {
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
