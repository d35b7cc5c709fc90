//! The calendar in a record of several centres: one centre at a time — its mediators and
//! rooms have the columns, its sessions are shown (those in its rooms or with its mediators).
//! The person's own centre first; a lead whose view holds several centres switches with `s`.
use super::CalendarState;
use crate::app::panes::Ctx;
use crate::domain::centre::county_wide;

impl CalendarState {
    /// After the visible centres and their rooms were read: the centre shown (kept while still
    /// visible, else the person's own; none with one centre) and its rooms.
    pub(super) fn place_centre(&mut self, ctx: &Ctx) {
        self.centre = if ctx.place.several() {
            self.centre
                .filter(|c| self.centres.contains(c))
                .or(ctx.place.own_id())
        } else {
            None
        };
        self.rooms = match self.centre {
            Some(c) => self
                .all_rooms
                .iter()
                .filter(|r| r.centre_id == c)
                .cloned()
                .collect(),
            None => self.all_rooms.clone(),
        };
    }

    /// The centre whose hours and days the view shows and bookings count in: the one shown,
    /// else (one centre) the person's own, else the first visible.
    pub(super) fn shown_centre(&self, ctx: &Ctx) -> i64 {
        self.centre
            .or(ctx.place.own_id())
            .or(self.centres.first().copied())
            .unwrap_or(1)
    }

    /// Whose days off a lead's holiday entry marks: every centre's when their view is the whole
    /// record (a county lead; the lead of the one centre), else the shown centre's own.
    pub(super) fn days_off_centre(&self, ctx: &Ctx) -> Option<(i64, String)> {
        let own = ctx.place.own.as_ref()?;
        if !ctx.place.several() || county_wide(ctx.user.role(), own.level) {
            return None;
        }
        let c = self.shown_centre(ctx);
        Some((c, ctx.place.name(c)))
    }

    /// Whether `s` switches centre: a lead whose view holds several centres.
    pub fn switches_centre(&self) -> bool {
        self.centre.is_some() && self.centres.len() > 1
    }

    /// `s`: the next visible centre (after the last, the first again).
    pub(super) fn next_centre(&mut self, ctx: &mut Ctx) {
        if !self.switches_centre() {
            return;
        }
        let at = self
            .centre
            .and_then(|c| self.centres.iter().position(|x| *x == c))
            .unwrap_or(0);
        self.centre = self.centres.get((at + 1) % self.centres.len()).copied();
        self.column = 0;
        self.selected = None;
        self.place_centre(ctx);
        self.reload(ctx);
    }

    /// Keeps the sessions of the centre shown: in one of its rooms, or with one of its
    /// mediators in it.
    pub(super) fn keep_centres_sessions(&mut self) {
        let Some(c) = self.centre else {
            return;
        };
        let rooms: Vec<i64> = self.rooms.iter().map(|r| r.id).collect();
        let staff: Vec<i64> = self
            .mediators
            .iter()
            .filter(|m| m.centre_id == c)
            .map(|m| m.id)
            .collect();
        self.sessions.retain(|s| {
            s.room_id.is_some_and(|r| rooms.contains(&r))
                || s.mediators.iter().any(|m| staff.contains(m))
        });
    }
}
