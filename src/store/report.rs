//! The handover sheet's data (交接班表): one query layer that the pane, the CLI formats and the
//! exports all render from, so every number agrees everywhere. Read-only (the lead's notes: handover_notes.rs).
//! Every list is bounded by an index and a LIMIT; the total is counted separately and shown.
use super::time::{date_to_sql, from_sql, to_sql};
use super::{Result, Store};
use crate::domain::mask::mask_phone;
use crate::domain::risk::Colour;
use crate::domain::shift::Shift;
use crate::domain::status::Status;
use chrono::{Duration, NaiveDate, NaiveDateTime};
use rusqlite::params;

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

fn opt_time(s: Option<String>) -> Option<NaiveDateTime> {
    s.as_deref().and_then(from_sql)
}

impl Store {
    /// Builds the sheet. Each section is one indexed query; see the field docs for definitions.
    pub fn handover_sheet(&self, req: &SheetRequest) -> Result<Sheet> {
        let (start, end) = req.shift.window(req.date);
        let (s, e) = (to_sql(start), to_sql(end));
        Ok(Sheet {
            centre: req.centre.clone(),
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
            followups_overdue: self.conn.query_row(
                "SELECT COUNT(*) FROM followups WHERE status = 'due' AND due_on < ?1",
                [date_to_sql(req.date)],
                |r| r.get(0),
            )?,
            escalations: self.sheet_escalations(&s, &e)?,
            notes: self.handover_note(req.date, req.shift)?,
        })
    }

    /// Cases received in `[s, e)`, by category and colour.
    fn sheet_intakes(&self, s: &str, e: &str) -> Result<Intakes> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT category, colour, COUNT(*) FROM cases
             WHERE received_at >= ?1 AND received_at < ?2 GROUP BY category, colour",
        )?;
        let mut out = Intakes::default();
        let mut found: Vec<(String, [i64; 5])> = Vec::new();
        let rows = stmt.query_map([s, e], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        for row in rows {
            let (cat, colour, n) = row?;
            let i = colour.clamp(0, 4) as usize;
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
        let total = self.urgent_counts()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.case_no, c.colour, c.status, o.name, p.name, p.phone, c.summary, c.deadline_at,
                (SELECT s.starts_at || '|' || m.name FROM sessions s JOIN staff m ON m.id = s.mediator_id
                  WHERE s.case_id = c.id AND s.status = 'booked' AND s.starts_at >= ?1
                  ORDER BY s.starts_at LIMIT 1)
             FROM cases c LEFT JOIN staff o ON o.id = c.owner_id
             LEFT JOIN parties p ON p.id = c.first_party_id
             WHERE c.active = 1 AND c.colour <= 1
             ORDER BY c.colour, c.received_at DESC, c.id DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![to_sql(now), SHEET_LIST_LIMIT as i64], |r| {
            let next: Option<String> = r.get(8)?;
            Ok(UrgentCase {
                case_no: r.get(0)?,
                colour: Colour::from_rank(r.get(1)?).unwrap_or(Colour::Red),
                status: Status::from_code(&r.get::<_, String>(2)?).unwrap_or(Status::Registered),
                owner: r.get(3)?,
                applicant: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                phone_masked: r
                    .get::<_, Option<String>>(5)?
                    .map(|p| mask_phone(&p))
                    .unwrap_or_default(),
                summary: r.get(6)?,
                deadline: opt_time(r.get(7)?),
                next_session: next.and_then(|n| {
                    let (at, who) = n.split_once('|')?;
                    Some(NextSession {
                        at: from_sql(at)?,
                        mediator: who.to_string(),
                    })
                }),
            })
        })?;
        Ok(Listing {
            rows: rows.collect::<rusqlite::Result<_>>()?,
            total: total.red + total.orange,
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
        let total = self.conn.query_row(
            "SELECT COUNT(*) FROM cases WHERE active = 1 AND status IN ('registered', 'assigned')
             AND deadline_at < ?1",
            [&limit],
            |r| r.get(0),
        )?;
        // Overdue: already past at the moment the sheet is made (or at the end of a past day).
        let cut = req.now.min(end);
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.case_no, c.colour, c.status, o.name, c.deadline_at FROM cases c
             LEFT JOIN staff o ON o.id = c.owner_id
             WHERE c.active = 1 AND c.status IN ('registered', 'assigned') AND c.deadline_at < ?1
             ORDER BY c.deadline_at LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![limit, SHEET_LIST_LIMIT as i64], |r| {
            let deadline = opt_time(r.get(4)?).unwrap_or(cut);
            Ok(DeadlineCase {
                case_no: r.get(0)?,
                colour: Colour::from_rank(r.get(1)?).unwrap_or(Colour::Blue),
                status: Status::from_code(&r.get::<_, String>(2)?).unwrap_or(Status::Registered),
                owner: r.get(3)?,
                deadline,
                overdue: deadline < cut,
            })
        })?;
        Ok(Listing {
            rows: rows.collect::<rusqlite::Result<_>>()?,
            total,
        })
    }

    /// Sessions starting in `[s, e)` (any status, with their recorded result), by time.
    fn sheet_sessions(&self, s: &str, e: &str, limit: usize) -> Result<Listing<SessionLine>> {
        let total = self.conn.query_row(
            "SELECT COUNT(*) FROM sessions WHERE starts_at >= ?1 AND starts_at < ?2",
            [s, e],
            |r| r.get(0),
        )?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.starts_at, c.case_no, m.name, COALESCE(r.name, ''), s.status, s.result
             FROM sessions s JOIN cases c ON c.id = s.case_id JOIN staff m ON m.id = s.mediator_id
             LEFT JOIN rooms r ON r.id = s.room_id
             WHERE s.starts_at >= ?1 AND s.starts_at < ?2 ORDER BY s.starts_at, m.name LIMIT ?3",
        )?;
        let rows = stmt.query_map(params![s, e, limit as i64], |r| {
            Ok(SessionLine {
                starts_at: opt_time(r.get(0)?).unwrap_or_default(),
                case_no: r.get(1)?,
                mediator: r.get(2)?,
                room: r.get(3)?,
                status: r.get(4)?,
                result: r.get(5)?,
            })
        })?;
        Ok(Listing {
            rows: rows.collect::<rusqlite::Result<_>>()?,
            total,
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
        let d = date_to_sql(day);
        let total = self.conn.query_row(
            "SELECT COUNT(*) FROM followups WHERE status = 'due' AND due_on <= ?1",
            [&d],
            |r| r.get(0),
        )?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.due_on, c.case_no, o.name FROM followups f JOIN cases c ON c.id = f.case_id
             LEFT JOIN staff o ON o.id = f.owner_id
             WHERE f.status = 'due' AND f.due_on <= ?1 ORDER BY f.due_on, f.id LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![d, SHEET_LIST_LIMIT as i64], |r| {
            let due = NaiveDate::parse_from_str(&r.get::<_, String>(0)?, "%Y-%m-%d").unwrap_or(day);
            Ok(FollowupLine {
                due_on: due,
                case_no: r.get(1)?,
                owner: r.get(2)?,
                overdue: due < day,
            })
        })?;
        Ok(Listing {
            rows: rows.collect::<rusqlite::Result<_>>()?,
            total,
        })
    }

    /// Audit entries of `[s, e)` that escalate a case: action 'case.escalate' or a change of
    /// the 'level' field (the 3-2-1 ladder moving up).
    fn sheet_escalations(&self, s: &str, e: &str) -> Result<Listing<Escalation>> {
        let total = self.conn.query_row(
            "SELECT COUNT(*) FROM audit WHERE (action = 'case.escalate' OR field = 'level')
             AND at >= ?1 AND at < ?2",
            [s, e],
            |r| r.get(0),
        )?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.at, c.case_no, st.name, a.old, a.new FROM audit a
             JOIN cases c ON c.id = a.case_id LEFT JOIN staff st ON st.id = a.staff_id
             WHERE (a.action = 'case.escalate' OR a.field = 'level') AND a.at >= ?1 AND a.at < ?2
             ORDER BY a.at, a.id LIMIT ?3",
        )?;
        let rows = stmt.query_map(params![s, e, SHEET_LIST_LIMIT as i64], |r| {
            Ok(Escalation {
                at: opt_time(r.get(0)?).unwrap_or_default(),
                case_no: r.get(1)?,
                by: r.get(2)?,
                from: r.get(3)?,
                to: r.get(4)?,
            })
        })?;
        Ok(Listing {
            rows: rows.collect::<rusqlite::Result<_>>()?,
            total,
        })
    }
}
