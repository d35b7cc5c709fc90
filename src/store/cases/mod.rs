//! Cases: registering them, reading (list, search, detail, counts), the workflow (actions,
//! ladder, waiting, term, outcome and closing, referrals), merges, dedicated teams, and what
//! the triage desk looks up (earlier cases, routing inputs, the slip, party names).
mod closing;
mod counts;
mod create;
mod deadlines;
mod detail;
mod earlier;
pub mod grams;
mod ladder;
mod list;
mod merges;
mod merges_undo;
mod names;
mod queries;
mod referrals;
mod search;
mod state;
mod supervise;
mod team;
mod term;
mod waiting;
mod workflow;

pub use crate::domain::intake::{NewCase, NewParty};
pub use closing::Outcome;
pub use counts::{CountJob, UrgentCounts};
pub use create::{CaseCreated, format_case_no};
pub use detail::{
    AuditLine, CaseDetail, FollowupLine, MEDIATION_TERM_DAYS, OutcomeRecord, PartyLine, Revealed,
    SessionLine,
};
pub use earlier::{EarlierCase, SlipData};
pub use ladder::AttemptRecorded;
#[cfg(test)]
pub(super) use list::queries_for_tests;
pub use list::{CaseRow, Cursor};
pub use merges::{MergeKind, MergeLine, MergeView};
pub use names::{PartiesAfter, index_party};
pub use referrals::OpenReferral;
pub use search::{MatchKind, SearchHit};
pub use team::CaseTeam;
pub use term::MAX_EXTENSION_DAYS;

// For the other subjects of the store (imports, the calendar's held sessions).
pub(super) use create::{Origin, check, insert};
pub(super) use deadlines::response as response_deadline;
pub(super) use ladder::count_held_session;

use super::{Actor, Result, Store, StoreError, audit, time};

#[cfg(test)]
mod engines_reading_tests;
#[cfg(test)]
mod engines_tests;
#[cfg(test)]
mod tests;
