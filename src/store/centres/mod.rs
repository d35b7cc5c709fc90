//! Centres (issue 14): the county's tree, a county lead's centre commands (add, edit, disable),
//! and what a connection may read — `view_as` fills the connection's list of visible centres
//! (a lead: their centre and every centre below it; anyone else: their own centre) and every
//! read of cases joins it. A single-centre database sees its one centre without a login, as
//! before centres existed; a database with several sees nothing until someone is named.
mod access;
mod commands;
#[cfg(test)]
mod engines_tests;
#[cfg(test)]
pub(crate) mod fixture;
mod queries;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod visibility_tests;

pub(in crate::store) use access::{
    check_handles, check_room, check_room_at, check_serves, check_visible, check_works_here, reach,
    refusal, sees, session_host,
};

use super::db::Db;
use super::{Actor, Result, Store, StoreError};
use crate::domain::centre::{self, Centre, CentreRule, CentreTree};
use crate::domain::ladder::Level;
use rusqlite::Connection;

/// SQL that limits a centre column to the connection's visible centres:
/// `concat!("… WHERE c.centre_id ", visible!())`.
macro_rules! visible {
    () => {
        "IN (SELECT id FROM visible_centres)"
    };
}
pub(in crate::store) use visible;

/// SQL that is true when the case with id `$case` (an SQL expression) is handled by a visible
/// centre, by one primary-key probe: for a centre's work driven by another table's index
/// (follow-ups, sessions, the audit log), which must stay in the driver's order.
macro_rules! visible_case {
    ($case:literal) => {
        concat!(
            "(SELECT centre_id FROM cases WHERE id = ",
            $case,
            ") IN (SELECT id FROM visible_centres)"
        )
    };
}
pub(in crate::store) use visible_case;

/// SQL true when the connection sees every centre (a county lead, a single-centre database):
/// two counts of a few rows, each run once per statement. Put first in an OR, it spares a
/// county-wide reader the visibility probes — and the read of each case's row they need —
/// on every row a search or a list looks at.
macro_rules! sees_all {
    () => {
        "(SELECT count(*) FROM visible_centres) = (SELECT count(*) FROM centres)"
    };
}
pub(in crate::store) use sees_all;

/// SQL true when the connection may READ the case aliased `$c`: it sees every centre
/// (`sees_all!`), or its visible centres handle it (`visible!()`), received it first, are
/// asked to sign for it (a pending hand-over: they read its whole history before deciding),
/// or once sent it on (read-only: writes check `check_handles`, the handling centre only).
/// `concat!("… WHERE ", readable!("c"))`.
macro_rules! readable {
    ($c:literal) => {
        concat!(
            "(",
            $crate::store::centres::sees_all!(),
            " OR ",
            $c,
            ".centre_id IN (SELECT id FROM visible_centres) OR ",
            $c,
            ".received_centre_id IN (SELECT id FROM visible_centres) OR ",
            $c,
            ".pending_to IN (SELECT id FROM visible_centres) OR EXISTS (SELECT 1 FROM \
             transfers xt WHERE xt.case_id = ",
            $c,
            ".id AND xt.from_centre IN (SELECT id FROM visible_centres)))"
        )
    };
}
pub(in crate::store) use readable;

/// SQL that is true when the connection may read (`readable!`) the case with id `$case` (an
/// SQL expression: a case's id from another table, which holds only ids of cases — cases are
/// never deleted), by one primary-key probe, none when it sees every centre: for search paths
/// driven by another table's index (parties, the summary index), which must stay in the
/// driver's order.
macro_rules! readable_case {
    ($case:literal) => {
        concat!(
            "(",
            $crate::store::centres::sees_all!(),
            " OR EXISTS (SELECT 1 FROM cases rc WHERE rc.id = ",
            $case,
            " AND ",
            $crate::store::centres::readable!("rc"),
            "))"
        )
    };
}
pub(in crate::store) use readable_case;

/// SQL that is true when the party with id `$party` (an SQL expression) is a party of a case
/// the connection may read: parties are shared by the county (一次录入), what a desk finds of
/// them is what its readable cases hold. One `case_parties_party` probe, then one per case
/// (none when the connection sees every centre: any case of theirs will do).
macro_rules! party_seen {
    ($party:literal) => {
        concat!(
            "(",
            $crate::store::centres::sees_all!(),
            " AND EXISTS (SELECT 1 FROM case_parties sa WHERE sa.party_id = ",
            $party,
            ") OR EXISTS (SELECT 1 FROM case_parties sx JOIN cases sy ON sy.id = sx.case_id
                     WHERE sx.party_id = ",
            $party,
            " AND ",
            $crate::store::centres::readable!("sy"),
            "))"
        )
    };
}
pub(in crate::store) use party_seen;

/// A new centre as a county lead describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCentre {
    pub code: String,
    pub name: String,
    pub level: Level,
    /// The parent's code (none for the county centre).
    pub parent: Option<String>,
    pub address: String,
    pub phone: String,
}

/// What `edit_centre` may change: the code, level and parent stay (case numbers carry the code).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CentreEdit {
    pub name: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
}

/// What `onedoor centre list` shows beside a centre.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CentreCounts {
    /// Active staff working there.
    pub staff: i64,
    /// Open cases it handles; None for a centre outside the connection's view.
    pub open_cases: Option<i64>,
}

impl From<CentreRule> for StoreError {
    fn from(rule: CentreRule) -> Self {
        StoreError::Centre(rule)
    }
}

/// At open: the connection's visible list; everything when there is one centre.
pub(in crate::store) fn init_visible(conn: Db) -> Result<Scope> {
    queries::create_visible(conn)?;
    let all = queries::all(conn)?;
    let ids: Vec<i64> = if centre::open_to_all(all.len()) {
        vec![all[0].id]
    } else {
        Vec::new()
    };
    queries::set_visible(conn, &ids)?;
    Ok(Scope::Visible)
}

/// How a connection's reads name its centres in SQL: through the visible list, or — when it
/// sees one centre of several — by that centre's id, so a list can seek the centre-led indexes
/// (`cases_centre_urgency`, `cases_centre_received`) instead of testing every row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(in crate::store) enum Scope {
    /// `IN (SELECT id FROM visible_centres)`: everything of a single-centre database, a
    /// lead's subtree, or nothing.
    #[default]
    Visible,
    /// One centre of a tree of several.
    One(i64),
}

fn scope_of(tree: &CentreTree, ids: &[i64]) -> Scope {
    match ids {
        [one] if tree.len() > 1 => Scope::One(*one),
        _ => Scope::Visible,
    }
}

/// Another connection of this process (a read-only one for a count) reads what `visible` names.
pub(in crate::store) fn same_view(conn: &Connection, visible: &[i64]) -> Result<()> {
    queries::create_visible(conn)?;
    queries::set_visible(conn, visible)
}

/// What the visible centres' case numbers start with ("" for the original centre's, else the
/// code and a dash): a typed tail ("1124-007") is looked for under each.
pub(in crate::store) fn number_leads(conn: &Connection) -> Result<Vec<String>> {
    Ok(queries::visible_prefixes(conn)?
        .into_iter()
        .map(|p| if p.is_empty() { p } else { format!("{p}-") })
        .collect())
}

/// The centre handling a case now.
pub(in crate::store) fn handling_centre<'c>(conn: impl Into<Db<'c>>, case_id: i64) -> Result<i64> {
    queries::case_centre(conn, case_id)?.ok_or(StoreError::NotFound)
}

/// The own working hours of a centre (none: the record's default).
pub(in crate::store) fn hours_of<'c>(
    conn: impl Into<Db<'c>>,
    centre: i64,
) -> Result<Option<crate::domain::slots::WorkTime>> {
    queries::hours_of(conn, centre)
}

/// The tree as it stands inside a transaction.
pub(in crate::store) fn tree<'c>(conn: impl Into<Db<'c>>) -> Result<CentreTree> {
    Ok(CentreTree::new(queries::all(conn)?))
}

/// The centre a member of staff registers cases into.
pub(in crate::store) fn desk_centre<'c>(conn: impl Into<Db<'c>>, staff_id: i64) -> Result<Centre> {
    queries::of_staff(conn, staff_id)?.ok_or(StoreError::NotFound)
}

/// The centre a new member of staff joins: `wanted`, if it is within what the adder sees, else
/// the adder's own.
pub(in crate::store) fn place_staff(db: Db, by: Actor, wanted: Option<i64>) -> Result<i64> {
    let own = desk_centre(db, by.staff_id)?;
    match wanted {
        None => Ok(own.id),
        Some(w) => {
            let tree = CentreTree::new(queries::all(db)?);
            if tree.get(w).is_none() {
                return Err(CentreRule::NoSuchCentre.into());
            }
            if by.role.may(crate::domain::role::Permission::ManageStaff)
                && tree.is_within(w, own.id)
            {
                Ok(w)
            } else {
                Err(StoreError::Forbidden)
            }
        }
    }
}

impl Store {
    pub fn centre_tree(&self) -> Result<CentreTree> {
        Ok(CentreTree::new(queries::all(self.db())?))
    }

    /// The centre a member of staff works at.
    pub fn staff_centre(&self, staff_id: i64) -> Result<Centre> {
        desk_centre(self.db(), staff_id)
    }

    /// From now on this connection reads what `by` may see (their centre, and for a lead every
    /// centre below it); returns those centres' ids.
    pub fn view_as(&mut self, by: Actor) -> Result<Vec<i64>> {
        let tree = self.centre_tree()?;
        let own = desk_centre(self.db(), by.staff_id)?;
        let ids = tree.visible_to(by.role, own.id);
        queries::set_visible(self.db(), &ids)?;
        self.viewer = Some(by);
        self.scope = scope_of(&tree, &ids);
        Ok(ids)
    }

    /// Whose view this connection reads (None: the default view, before anyone logged in).
    pub fn viewer(&self) -> Option<Actor> {
        self.viewer
    }

    /// Reads as `viewer` (`view_as`), or with None the default view again (nobody logged in:
    /// the one centre of a single-centre database, nothing of several). Nothing happens when
    /// the connection already reads so: the app's other connections call it before each job.
    pub fn set_viewer(&mut self, viewer: Option<Actor>) -> Result<()> {
        if viewer == self.viewer {
            return Ok(());
        }
        match viewer {
            Some(by) => self.view_as(by).map(drop),
            None => {
                self.viewer = None;
                self.scope = init_visible(self.db())?;
                Ok(())
            }
        }
    }

    /// After the tree changed: the same person's view of the new tree, or the default view.
    fn refresh_view(&mut self) -> Result<()> {
        match self.viewer {
            Some(by) => self.view_as(by).map(drop),
            None => {
                self.scope = init_visible(self.db())?;
                Ok(())
            }
        }
    }

    /// The centres this connection works from: the viewer's own centre, or (nobody named) the
    /// visible ones — whose mediators triage proposes, whose rooms and staff the calendar lists.
    pub(in crate::store) fn home_centres(&self) -> Result<Vec<i64>> {
        match self.viewer {
            Some(by) => Ok(vec![desk_centre(self.db(), by.staff_id)?.id]),
            None => self.visible_centres(),
        }
    }

    /// Whether this connection sees every centre (then a read of everything needs no filter).
    pub(in crate::store) fn sees_all(&self) -> Result<bool> {
        queries::sees_all(self.db())
    }

    /// Per centre id: its active staff, and its open cases where the connection sees them.
    pub fn centre_counts(&self) -> Result<std::collections::HashMap<i64, CentreCounts>> {
        let mut out: std::collections::HashMap<i64, CentreCounts> = queries::all(self.db())?
            .into_iter()
            .map(|c| (c.id, CentreCounts::default()))
            .collect();
        for (id, n) in queries::staff_per_centre(self.lite()?)? {
            out.entry(id).or_default().staff = n;
        }
        for id in queries::visible(self.db())? {
            out.entry(id).or_default().open_cases = Some(0);
        }
        for (id, n) in queries::open_cases_per_visible_centre(self.lite()?)? {
            out.entry(id).or_default().open_cases = Some(n);
        }
        Ok(out)
    }

    /// The centres this connection reads.
    pub fn visible_centres(&self) -> Result<Vec<i64>> {
        queries::visible(self.db())
    }

    /// Runs `f` reading `centre` alone (one this connection sees; `Forbidden` otherwise), then
    /// reads what it read before, whatever `f` answered.
    pub(in crate::store) fn within_centre<T>(
        &self,
        centre: i64,
        f: impl FnOnce(&Store) -> Result<T>,
    ) -> Result<T> {
        let before = queries::visible(self.db())?;
        if !before.contains(&centre) {
            return Err(StoreError::Forbidden);
        }
        queries::set_visible(self.db(), &[centre])?;
        let out = f(self);
        queries::set_visible(self.db(), &before)?;
        out
    }
}

/// A county-wide action (the purge): a lead of the county centre's.
pub(in crate::store) fn check_county_wide<'c>(conn: impl Into<Db<'c>>, by: Actor) -> Result<()> {
    let own = desk_centre(conn, by.staff_id)?;
    if centre::county_wide(by.role, own.level) {
        Ok(())
    } else {
        Err(StoreError::Forbidden)
    }
}
