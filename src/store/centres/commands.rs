//! A county lead's centre commands: add, edit, disable and enable (audited).
use super::super::time::to_sql;
use super::super::{Actor, Result, Store, StoreError, audit};
use super::{CentreEdit, NewCentre, desk_centre, queries};
use crate::domain::centre::{self, CentreRule, CentreTree};
use crate::domain::centre_hours::{self, hours_text};
use crate::domain::slots::WorkTime;
use chrono::NaiveDateTime;
use rusqlite::Connection;

impl Store {
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

    /// The county lead sets a centre's own working hours and days, or with None gives it the
    /// record's default again (the config's `[hours]`); checked by the one rule, audited
    /// `centre.hours` old → new. Deadlines already set stay; new ones count in these.
    pub fn set_centre_hours(
        &mut self,
        by: Actor,
        code: &str,
        hours: Option<&WorkTime>,
        now: NaiveDateTime,
    ) -> Result<()> {
        if let Some(w) = hours {
            centre_hours::check(w.start, w.end, &w.days)?;
        }
        self.write(|tx| {
            check_manager(tx, by)?;
            let tree = CentreTree::new(queries::all(tx)?);
            let c = tree.by_code(code.trim()).ok_or(CentreRule::NoSuchCentre)?;
            if c.hours.as_ref() == hours {
                return Ok(());
            }
            queries::set_hours(tx, c.id, hours)?;
            let text = |w: Option<&WorkTime>| w.map_or_else(|| "default".into(), hours_text);
            audit::append(
                tx,
                audit::Entry {
                    at: &to_sql(now),
                    staff_id: Some(by.staff_id),
                    case_id: None,
                    action: "centre.hours",
                    field: "hours",
                    old: &format!("{} {}", c.code, text(c.hours.as_ref())),
                    new: &text(hours),
                },
            )
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
