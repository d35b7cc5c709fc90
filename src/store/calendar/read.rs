//! Calendar reads: sessions of a day or week, case briefs for the booking form, rooms,
//! holidays, leave, and the busy time the next-free-slot search avoids.
use super::super::{Result, Store};
use super::queries::{self, Hit};
use super::{CaseBrief, Leave, Room, SessionView};
use crate::domain::booking::window;
use crate::domain::slots::Span;
use chrono::{NaiveDate, NaiveDateTime};

impl Store {
    /// Sessions of the visible centres' cases overlapping [from, to), for a day or week view:
    /// those starting in it and those started up to `MAX_SESSION` before it still running, not
    /// cancelled, in time order.
    pub fn sessions_between(
        &self,
        from: NaiveDateTime,
        to: NaiveDateTime,
    ) -> Result<Vec<SessionView>> {
        queries::sessions_in(self.db(), window(from, to))
    }

    pub fn session(&self, id: i64) -> Result<SessionView> {
        queries::session_by_id(self.db(), id)
    }

    /// A visible case by its number (`2026-1124-007`), for the booking form.
    pub fn case_brief_by_no(&self, case_no: &str) -> Result<Option<CaseBrief>> {
        queries::brief_by_no(self.db(), case_no.trim())
    }

    pub fn case_brief(&self, id: i64) -> Result<CaseBrief> {
        queries::brief_by_id(self.db(), id)
    }

    /// Staff who may appear in this connection's calendar: of the visible centres, and of the
    /// centres above them (who may serve their cases: `CentreTree::may_serve`).
    pub fn calendar_staff(&self) -> Result<Vec<crate::store::StaffMember>> {
        let tree = self.centre_tree()?;
        let mut centres: Vec<i64> = Vec::new();
        for v in self.visible_centres()? {
            centres.extend(tree.path_up(v));
        }
        let mut staff = self.list_staff()?;
        staff.retain(|m| centres.contains(&m.centre_id));
        Ok(staff)
    }

    /// The rooms in use of the visible centres (a lead's: their centre's and those below).
    pub fn rooms(&self) -> Result<Vec<Room>> {
        queries::rooms(self.db())
    }

    /// Leave of anybody overlapping [from, to].
    pub fn leave_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Leave>> {
        queries::leave_in(self.db(), None, from, to)
    }

    /// Busy time for the next-free-slot search over [from, to): sessions of the mediators, of
    /// the room and of the case's parties, and the mediators' leave. Holidays are separate.
    pub fn busy_spans(
        &self,
        mediators: &[i64],
        room: Option<i64>,
        case_id: Option<i64>,
        from: NaiveDateTime,
        to: NaiveDateTime,
    ) -> Result<Vec<Span>> {
        let w = window(from, to);
        let mut out: Vec<Span> = Vec::new();
        for m in mediators {
            out.extend(
                queries::clashes_mediator(self.db(), *m, w, None)?
                    .iter()
                    .map(Hit::span),
            );
            out.extend(
                queries::leave_in(self.db(), Some(*m), from.date(), to.date())?
                    .iter()
                    .map(Leave::span),
            );
        }
        if let Some(r) = room {
            out.extend(
                queries::clashes_room(self.db(), r, w, None)?
                    .iter()
                    .map(Hit::span),
            );
        }
        if let Some(c) = case_id {
            out.extend(
                queries::clashes_party(self.db(), c, w, None)?
                    .iter()
                    .map(Hit::span),
            );
        }
        Ok(out)
    }
}
