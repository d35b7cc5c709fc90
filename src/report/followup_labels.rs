//! Short texts of the list shared with the printed call list: when a follow-up is due, its kind.
use crate::domain::followup;
use crate::i18n::{Lang, tr, trf};
use crate::store::FollowupRow;
use chrono::NaiveDate;

/// "3 days late", "today", "in 2 days", for the list and the printed call list.
pub fn when_label(lang: Lang, due: NaiveDate, today: NaiveDate) -> String {
    use followup::When;
    match followup::when(due, today) {
        When::Overdue(n) => trf(lang, "ui.followups.overdue_days", &[("n", &n)]),
        When::Today => tr(lang, "ui.followups.today").to_string(),
        When::Upcoming(n) => trf(lang, "ui.followups.in_days", &[("n", &n)]),
    }
}

/// "Retry, try 2" for retries, the kind's name otherwise.
pub fn kind_label(lang: Lang, row: &FollowupRow) -> String {
    if row.kind == followup::Kind::Retry {
        trf(lang, "ui.followups.attempt", &[("n", &row.attempt)])
    } else {
        tr(lang, row.kind.i18n_key()).to_string()
    }
}
