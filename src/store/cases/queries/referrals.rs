//! Referrals still unanswered: the referred-out cases by the status index, each with its
//! latest outcome, soonest reply deadline first.
use super::super::super::Result;
use super::super::super::centres::visible;
use super::super::referrals::OpenReferral;
use super::all;
use crate::domain::status::Status;
use chrono::NaiveDate;
use rusqlite::{Connection, params};

pub(crate) fn unanswered(c: &Connection, limit: i64) -> Result<Vec<OpenReferral>> {
    let sql = concat!(
        "SELECT c.id, c.case_no, ifnull(o.referred_to, ''), o.reply_due
             FROM cases c LEFT JOIN case_outcomes o ON o.id =
                (SELECT max(id) FROM case_outcomes WHERE case_id = c.id)
             WHERE c.status = ?1 AND +c.centre_id ",
        visible!(),
        " ORDER BY ifnull(o.reply_due, '9999-12-31'), c.id LIMIT ?2"
    );
    all(c, sql, params![Status::ReferredOut.code(), limit], |r| {
        let due: Option<String> = r.get(3)?;
        Ok(OpenReferral {
            id: r.get(0)?,
            case_no: r.get(1)?,
            referred_to: r.get(2)?,
            reply_due: due.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
        })
    })
}
