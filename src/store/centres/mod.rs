//! Centres (issue 14): the county's tree, a county lead's centre commands (add, edit, disable),
//! and what a connection may read — `view_as` fills the connection's list of visible centres
//! (a lead: their centre and every centre below it; anyone else: their own centre) and every
//! read of cases joins it. A single-centre database sees its one centre without a login, as
//! before centres existed; a database with several sees nothing until someone is named.
#[cfg(test)]
pub(crate) mod fixture;
mod queries;
#[cfg(test)]
mod tests;

use super::time::to_sql;
use super::{Actor, Result, Store, StoreError, audit};
use crate::domain::centre::{self, Centre, CentreRule, CentreTree};
use crate::domain::ladder::Level;
use chrono::NaiveDateTime;
use rusqlite::Connection;

/// SQL that limits a centre column to the connection's visible centres:
/// `concat!("… WHERE c.centre_id ", visible!())`.
macro_rules! visible {
    () => {
        "IN (SELECT id FROM temp.visible_centres)"
    };
}
pub(in crate::store) use visible;

/// SQL true when the connection may READ the case aliased `$c`: its visible centres handle it
/// (`visible!()`), received it first, are asked to sign for it (a pending hand-over: they read
/// its whole history before deciding), or once sent it on (read-only: writes check
/// `check_handles`, the handling centre only). `concat!("… WHERE ", readable!("c"))`.
macro_rules! readable {
    ($c:literal) => {
        concat!(
            "(",
            $c,
            ".centre_id IN (SELECT id FROM temp.visible_centres) OR ",
            $c,
            ".received_centre_id IN (SELECT id FROM temp.visible_centres) OR ",
            $c,
            ".pending_to IN (SELECT id FROM temp.visible_centres) OR EXISTS (SELECT 1 FROM \
             transfers xt WHERE xt.case_id = ",
            $c,
            ".id AND xt.from_centre IN (SELECT id FROM temp.visible_centres)))"
        )
    };
}
pub(in crate::store) use readable;

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

impl From<CentreRule> for StoreError {
    fn from(rule: CentreRule) -> Self {
        StoreError::Centre(rule)
    }
}

/// At open: the connection's visible list; everything when there is one centre.
pub(in crate::store) fn init_visible(conn: &Connection) -> Result<()> {
    queries::create_visible(conn)?;
    let all = queries::all(conn)?;
    let ids: Vec<i64> = if all.len() == 1 {
        vec![all[0].id]
    } else {
        Vec::new()
    };
    queries::set_visible(conn, &ids)
}

/// Another connection of this process (a read-only one for a count) reads what `visible` names.
pub(in crate::store) fn same_view(conn: &Connection, visible: &[i64]) -> Result<()> {
    queries::create_visible(conn)?;
    queries::set_visible(conn, visible)
}

/// The tree as it stands inside a transaction.
pub(in crate::store) fn tree(conn: &Connection) -> Result<CentreTree> {
    Ok(CentreTree::new(queries::all(conn)?))
}

/// The centre a member of staff registers cases into.
pub(in crate::store) fn desk_centre(conn: &Connection, staff_id: i64) -> Result<Centre> {
    queries::of_staff(conn, staff_id)?.ok_or(StoreError::NotFound)
}

/// The centre a new member of staff joins: `wanted`, if it is within what the adder sees, else
/// the adder's own.
pub(in crate::store) fn place_staff(
    conn: &Connection,
    by: Actor,
    wanted: Option<i64>,
) -> Result<i64> {
    let own = desk_centre(conn, by.staff_id)?;
    match wanted {
        None => Ok(own.id),
        Some(w) => {
            let tree = CentreTree::new(queries::all(conn)?);
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

/// Refuses a change to a case that another centre handles: only the handling centre works a
/// case (a higher centre supervises it: notes and deadlines go through their own checks).
pub(in crate::store) fn check_handles(conn: &Connection, by: Actor, case_id: i64) -> Result<()> {
    let case = queries::case_centre(conn, case_id)?.ok_or(StoreError::NotFound)?;
    let own = desk_centre(conn, by.staff_id)?;
    if case == own.id {
        Ok(())
    } else {
        Err(StoreError::Forbidden)
    }
}

impl Store {
    pub fn centre_tree(&self) -> Result<CentreTree> {
        Ok(CentreTree::new(queries::all(&self.conn)?))
    }

    /// The centre a member of staff works at.
    pub fn staff_centre(&self, staff_id: i64) -> Result<Centre> {
        desk_centre(&self.conn, staff_id)
    }

    /// From now on this connection reads what `by` may see (their centre, and for a lead every
    /// centre below it); returns those centres' ids.
    pub fn view_as(&mut self, by: Actor) -> Result<Vec<i64>> {
        let tree = self.centre_tree()?;
        let own = desk_centre(&self.conn, by.staff_id)?;
        let ids = tree.visible_to(by.role, own.id);
        queries::set_visible(&self.conn, &ids)?;
        self.viewer = Some(by);
        Ok(ids)
    }

    /// After the tree changed: the same person's view of the new tree, or the default view.
    fn refresh_view(&mut self) -> Result<()> {
        match self.viewer {
            Some(by) => self.view_as(by).map(drop),
            None => init_visible(&self.conn),
        }
    }

    /// The centres this connection reads.
    pub fn visible_centres(&self) -> Result<Vec<i64>> {
        queries::visible(&self.conn)
    }

    /// Runs `f` reading `centre` alone (one this connection sees; `Forbidden` otherwise), then
    /// reads what it read before, whatever `f` answered.
    pub(in crate::store) fn within_centre<T>(
        &self,
        centre: i64,
        f: impl FnOnce(&Store) -> Result<T>,
    ) -> Result<T> {
        let before = queries::visible(&self.conn)?;
        if !before.contains(&centre) {
            return Err(StoreError::Forbidden);
        }
        queries::set_visible(&self.conn, &[centre])?;
        let out = f(self);
        queries::set_visible(&self.conn, &before)?;
        out
    }

    /// The county lead adds a centre under its parent (audited `centre.add`).
    pub fn add_centre(&mut self, by: Actor, c: &NewCentre, now: NaiveDateTime) -> Result<i64> {
        let id = self.write(|tx| {
            check_manager(tx, by)?;
            let tree = CentreTree::new(queries::all(tx)?);
            let parent = match &c.parent {
                None => None,
                Some(code) => Some(tree.by_code(code).ok_or(CentreRule::NoSuchCentre)?.id),
            };
            let code = c.code.trim();
            tree.check_place(None, code, &c.name, c.level, parent)?;
            let at = to_sql(now);
            let id = queries::insert(
                tx,
                &queries::CentreInsert {
                    code,
                    name: c.name.trim(),
                    level: c.level,
                    parent_id: parent,
                    address: c.address.trim(),
                    phone: c.phone.trim(),
                    at: &at,
                },
            )?;
            let what = format!("{code} {} {}", c.level.code(), c.name.trim());
            audit::event(tx, &at, Some(by.staff_id), None, "centre.add", &what)?;
            Ok(id)
        })?;
        self.refresh_view()?;
        Ok(id)
    }

    /// The county lead changes a centre's name, address or phone (audited, old → new).
    pub fn edit_centre(
        &mut self,
        by: Actor,
        code: &str,
        e: &CentreEdit,
        now: NaiveDateTime,
    ) -> Result<()> {
        self.write(|tx| {
            check_manager(tx, by)?;
            let tree = CentreTree::new(queries::all(tx)?);
            let c = tree.by_code(code.trim()).ok_or(CentreRule::NoSuchCentre)?;
            let name = e.name.as_deref().map_or(c.name.as_str(), str::trim);
            if name.is_empty() {
                return Err(CentreRule::NoName.into());
            }
            let address = e.address.as_deref().map_or(c.address.as_str(), str::trim);
            let phone = e.phone.as_deref().map_or(c.phone.as_str(), str::trim);
            queries::update_details(tx, c.id, name, address, phone)?;
            let at = to_sql(now);
            for (field, old, new) in [
                ("name", &c.name, name),
                ("address", &c.address, address),
                ("phone", &c.phone, phone),
            ] {
                if old != new {
                    audit::append(
                        tx,
                        audit::Entry {
                            at: &at,
                            staff_id: Some(by.staff_id),
                            case_id: None,
                            action: "centre.edit",
                            field,
                            old: &format!("{} {old}", c.code),
                            new,
                        },
                    )?;
                }
            }
            Ok(())
        })
    }

    /// Disables or re-enables a centre: never deleted, its cases stay; one with active centres
    /// under it stays active.
    pub fn set_centre_active(
        &mut self,
        by: Actor,
        code: &str,
        active: bool,
        now: NaiveDateTime,
    ) -> Result<()> {
        self.write(|tx| {
            check_manager(tx, by)?;
            let tree = CentreTree::new(queries::all(tx)?);
            let c = tree.by_code(code.trim()).ok_or(CentreRule::NoSuchCentre)?;
            if !active && tree.children(c.id).any(|k| k.active) {
                return Err(CentreRule::HasActiveChildren.into());
            }
            if !active && desk_centre(tx, by.staff_id)?.id == c.id {
                return Err(StoreError::Forbidden);
            }
            queries::set_active(tx, c.id, active)?;
            let action = if active {
                "centre.enable"
            } else {
                "centre.disable"
            };
            audit::event(tx, &to_sql(now), Some(by.staff_id), None, action, &c.code)
        })
    }
}

/// Centre commands are a county lead's.
fn check_manager(conn: &Connection, by: Actor) -> Result<()> {
    let own = desk_centre(conn, by.staff_id)?;
    if centre::may_manage_centres(by.role, own.level) {
        Ok(())
    } else {
        Err(StoreError::Forbidden)
    }
}
