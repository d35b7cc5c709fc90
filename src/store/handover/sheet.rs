//! The handover sheet's data (交接班表): one query layer that the pane, the CLI formats and the
//! exports all render from, so every number agrees everywhere. Read-only (the lead's notes:
//! notes.rs). Every list is bounded by an index and a LIMIT; the total is counted separately
//! and shown.
use super::super::time::to_sql;
use super::super::{Result, Store};
use super::queries::sheet as queries;
use crate::domain::risk::Colour;
use crate::domain::shift::Shift;
use crate::domain::status::Status;
use chrono::{Duration, NaiveDate, NaiveDateTime};

/// Longest list printed per section; the section's total is always given.
pub const SHEET_LIST_LIMIT: usize = 200;
/// A response deadline this close (hours after the end of the sheet's day) counts as near.
pub const NEAR_DEADLINE_HOURS: i64 = 24;
/// Longest notes a lead may save for one shift.
pub const NOTES_MAX_CHARS: usize = 4000;

/// A section's rows (at most `SHEET_LIST_LIMIT`) and how many there are in all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Listing<T> {
    pub rows: Vec<T>,
    pub total: i64,
}

impl<T> Listing<T> {
    /// Rows counted but not printed.
    pub fn more(&self) -> i64 {
        self.total - self.rows.len() as i64
    }
}

/// New intakes of the shift: count per category (code) and colour, plus the colour totals.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Intakes {
    /// (category code, counts indexed by `Colour::rank`), in taxonomy order.
    pub rows: Vec<(String, [i64; 5])>,
    pub by_colour: [i64; 5],
    pub total: i64,
}

/// The next booked session of a case.
#[derive(Debug, Clone, PartialEq)]
pub struct NextSession {
    pub at: NaiveDateTime,
    pub mediator: String,
}

/// An open red or orange case.
#[derive(Debug, Clone, PartialEq)]
pub struct UrgentCase {
    pub case_no: String,
    pub colour: Colour,
    pub status: Status,
    pub owner: Option<String>,
    pub applicant: String,
    /// Always masked (`138****5678`): the sheet is printed and left on desks.
    pub phone_masked: String,
    pub summary: String,
    pub deadline: Option<NaiveDateTime>,
    pub next_session: Option<NextSession>,
}

/// An open case still waiting for its first response, past or near its deadline.
#[derive(Debug, Clone, PartialEq)]
pub struct DeadlineCase {
    pub case_no: String,
    pub colour: Colour,
    pub status: Status,
    pub owner: Option<String>,
    pub deadline: NaiveDateTime,
    /// Deadline before the start of the sheet's day... or before `now` when the sheet is today's.
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SessionLine {
    pub starts_at: NaiveDateTime,
    pub case_no: String,
    pub mediator: String,
    pub room: String,
    /// booked / held / no_show / postponed / cancelled
    pub status: String,
    pub result: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FollowupLine {
    pub due_on: NaiveDate,
    pub case_no: String,
    pub owner: Option<String>,
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Escalation {
    pub at: NaiveDateTime,
    pub case_no: String,
    pub by: Option<String>,
    /// Level before and after ('village' → 'township'); empty when the audit entry gives none.
    pub from: String,
    pub to: String,
}

/// Everything on one handover sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub centre: String,
    /// The one centre the sheet is for (`Store::handover_sheet_for`, a record of several
    /// centres): its title names it. None: everything the connection reads.
    pub centre_id: Option<i64>,
    pub date: NaiveDate,
    pub shift: Shift,
    /// The next working day, whose sessions are listed.
    pub next_day: NaiveDate,
    pub lead: String,
    pub intakes: Intakes,
    pub urgent: Listing<UrgentCase>,
    pub deadlines: Listing<DeadlineCase>,
    pub sessions_today: Listing<SessionLine>,
    /// Sessions of the next working day grouped by mediator, mediators by name.
    pub sessions_next: Vec<(String, Vec<SessionLine>)>,
    pub followups: Listing<FollowupLine>,
    pub followups_overdue: i64,
    pub escalations: Listing<Escalation>,
    pub notes: String,
}

/// What a sheet is for; `now` decides what is already overdue on today's sheet.
#[derive(Debug, Clone)]
pub struct SheetRequest {
    pub centre: String,
    pub date: NaiveDate,
    pub shift: Shift,
    pub next_day: NaiveDate,
    pub lead: String,
    pub now: NaiveDateTime,
}

impl Store {
    /// The handover sheet of `centre`: a record of one centre has the sheet it always had; in
    /// a record of several it is that centre's alone (`handover_sheet_for`), under its name.
    pub fn centre_sheet(&self, centre: i64, req: &SheetRequest) -> Result<Sheet> {
        let tree = self.centre_tree()?;
        if crate::domain::centre::open_to_all(tree.len()) {
            return self.handover_sheet(req);
        }
        let mut sheet = self.handover_sheet_for(centre, req)?;
        if let Some(c) = tree.get(centre).filter(|c| !c.name.trim().is_empty()) {
            sheet.centre = c.name.clone();
        }
        Ok(sheet)
    }

    /// The sheet of one centre, which this connection must see (a lead's own or one below
    /// it; `Forbidden` otherwise): its intakes, the cases it handles, the sessions of its
    /// mediators and rooms, the escalations of the cases it reads.
    pub fn handover_sheet_for(&self, centre: i64, req: &SheetRequest) -> Result<Sheet> {
        let mut sheet = self.within_centre(centre, |s| s.handover_sheet(req))?;
        sheet.centre_id = Some(centre);
        Ok(sheet)
    }

    /// Builds the sheet of everything this connection reads (a database of one centre: all of
    /// it). Each section is one indexed query; see the field docs for definitions.
    pub fn handover_sheet(&self, req: &SheetRequest) -> Result<Sheet> {
        let (start, end) = req.shift.window(req.date);
        let (s, e) = (to_sql(start), to_sql(end));
        Ok(Sheet {
            centre: req.centre.clone(),
            centre_id: None,
            date: req.date,
            shift: req.shift,
            next_day: req.next_day,
            lead: req.lead.clone(),
            intakes: self.sheet_intakes(&s, &e)?,
            urgent: self.sheet_urgent(req.now)?,
            deadlines: self.sheet_deadlines(req, end)?,
            sessions_today: self.sheet_sessions(&s, &e, SHEET_LIST_LIMIT)?,
            sessions_next: self.sheet_sessions_next(req.next_day)?,
            followups: self.sheet_followups(req.date)?,
            followups_overdue: queries::followups_overdue(self.lite()?, req.date)?,
            escalations: Listing {
                rows: queries::escalations(self.lite()?, &s, &e, SHEET_LIST_LIMIT)?,
                total: queries::escalations_total(self.lite()?, &s, &e)?,
            },
            notes: self.handover_note(req.date, req.shift)?,
        })
    }

    /// Cases received in `[s, e)` by the visible centres, by category (in taxonomy order) and colour.
    fn sheet_intakes(&self, s: &str, e: &str) -> Result<Intakes> {
        let mut out = Intakes::default();
        let mut found: Vec<(String, [i64; 5])> = Vec::new();
        for (cat, colour, n) in queries::intakes(self.lite()?, s, e)? {
            let i = colour.rank() as usize;
            match found.iter_mut().find(|(c, _)| *c == cat) {
                Some((_, counts)) => counts[i] += n,
                None => {
                    let mut counts = [0; 5];
                    counts[i] = n;
                    found.push((cat, counts));
                }
            }
            out.by_colour[i] += n;
            out.total += n;
        }
        let order = |code: &str| {
            crate::domain::category::all()
                .iter()
                .position(|c| c.code == code)
                .unwrap_or(usize::MAX)
        };
        found.sort_by_key(|(c, _)| order(c));
        out.rows = found;
        Ok(out)
    }

    /// Every open (active) red and orange case, most urgent first, with its next booked session.
    fn sheet_urgent(&self, now: NaiveDateTime) -> Result<Listing<UrgentCase>> {
        Ok(Listing {
            rows: queries::urgent(self.lite()?, now, SHEET_LIST_LIMIT)?,
            total: queries::urgent_total(self.lite()?)?,
        })
    }

    /// Open cases not yet responded to (registered or assigned) whose response deadline has
    /// passed or falls within `NEAR_DEADLINE_HOURS` after the end of the shift; most overdue first.
    fn sheet_deadlines(
        &self,
        req: &SheetRequest,
        end: NaiveDateTime,
    ) -> Result<Listing<DeadlineCase>> {
        let limit = to_sql(end + Duration::hours(NEAR_DEADLINE_HOURS));
        let total = queries::deadlines_total(self.lite()?, &limit)?;
        // Overdue: already past at the moment the sheet is made (or at the end of a past day).
        let cut = req.now.min(end);
        let rows = queries::deadlines(self.lite()?, &limit, SHEET_LIST_LIMIT)?
            .into_iter()
            .map(|(case_no, colour, status, owner, deadline)| {
                let deadline = deadline.unwrap_or(cut);
                DeadlineCase {
                    case_no,
                    colour,
                    status,
                    owner,
                    deadline,
                    overdue: deadline < cut,
                }
            })
            .collect();
        Ok(Listing { rows, total })
    }

    /// Sessions starting in `[s, e)` (any status, with their recorded result), by time.
    fn sheet_sessions(&self, s: &str, e: &str, limit: usize) -> Result<Listing<SessionLine>> {
        Ok(Listing {
            total: queries::sessions_total(self.lite()?, s, e)?,
            rows: queries::sessions(self.lite()?, s, e, limit)?,
        })
    }

    /// Booked sessions of `day`, grouped by mediator.
    fn sheet_sessions_next(&self, day: NaiveDate) -> Result<Vec<(String, Vec<SessionLine>)>> {
        let (s, e) = Shift::Day.window(day);
        let all = self.sheet_sessions(&to_sql(s), &to_sql(e), SHEET_LIST_LIMIT)?;
        let mut out: Vec<(String, Vec<SessionLine>)> = Vec::new();
        for line in all.rows.into_iter().filter(|l| l.status == "booked") {
            match out.iter_mut().find(|(m, _)| *m == line.mediator) {
                Some((_, v)) => v.push(line),
                None => out.push((line.mediator.clone(), vec![line])),
            }
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(out)
    }

    /// Follow-up visits still due on or before `day`, oldest first.
    fn sheet_followups(&self, day: NaiveDate) -> Result<Listing<FollowupLine>> {
        let rows = queries::followups(self.lite()?, day, SHEET_LIST_LIMIT)?
            .into_iter()
            .map(|(due_on, case_no, owner)| FollowupLine {
                due_on,
                case_no,
                owner,
                overdue: due_on < day,
            })
            .collect();
        Ok(Listing {
            rows,
            total: queries::followups_total(self.lite()?, day)?,
        })
    }
}
