//! Adding, listing, disabling and enabling staff accounts: a lead's tasks, audited.
use super::super::time::to_sql;
use super::super::{Actor, Result, Store, StoreError, audit};
use super::{NewStaff, StaffMember, hash_pin, queries};
use crate::domain::role::Permission;
use crate::domain::staff::{self, StaffRule};
use chrono::NaiveDateTime;

impl Store {
    /// Adds a member of staff. `by` is None only for the very first lead (`onedoor init`).
    pub fn add_staff(
        &mut self,
        by: Option<Actor>,
        s: &NewStaff,
        now: NaiveDateTime,
    ) -> Result<i64> {
        let hash = hash_pin(&s.pin)?;
        self.add_staff_hashed(by, s, &hash, now)
    }

    /// As `add_staff` with a ready hash (demo data hashes one PIN once for everybody).
    pub fn add_staff_hashed(
        &mut self,
        by: Option<Actor>,
        s: &NewStaff,
        pin_hash: &str,
        now: NaiveDateTime,
    ) -> Result<i64> {
        let code = staff::check_code(&s.code)?;
        let name = staff::check_name(&s.name)?;
        if !crate::domain::pin::is_valid_pin(&s.pin) {
            return Err(StaffRule::PinFormat.into());
        }
        self.write_db(|tx| {
            match by {
                Some(a) if !a.role.may(Permission::ManageStaff) => {
                    return Err(StoreError::Forbidden);
                }
                // Only the very first account is added by nobody.
                None if queries::count(tx)? > 0 => return Err(StoreError::Forbidden),
                _ => {}
            }
            if queries::code_taken(tx, code)? {
                return Err(StaffRule::CodeTaken.into());
            }
            let centre = match by {
                Some(a) => super::super::centres::place_staff(tx, a, s.centre_id)?,
                None => s.centre_id.unwrap_or(1),
            };
            let at = to_sql(now);
            let id = queries::insert(tx, s, code, name, pin_hash, &at, centre)?;
            let who = format!("{code} {name} {}", s.role.code());
            audit::event(
                tx,
                &at,
                by.map(|a| a.staff_id).or(Some(id)),
                None,
                "staff.add",
                &who,
            )?;
            Ok(id)
        })
    }

    pub fn list_staff(&self) -> Result<Vec<StaffMember>> {
        queries::list(self.db())
    }

    pub fn staff_by_code(&self, code: &str) -> Result<Option<StaffMember>> {
        queries::by_code(self.db(), code)
    }

    /// Disables or re-enables an account (a lead's action, audited). A lead cannot disable
    /// themself, so a centre is never left without the lead who could undo it.
    pub fn set_staff_active(
        &mut self,
        by: Actor,
        code: &str,
        active: bool,
        now: NaiveDateTime,
    ) -> Result<()> {
        if !by.role.may(Permission::ManageStaff) {
            return Err(StoreError::Forbidden);
        }
        self.write_db(|tx| {
            let id = queries::id_by_code(tx, code.trim())?.ok_or(StoreError::NotFound)?;
            if id == by.staff_id && !active {
                return Err(StaffRule::SelfDisable.into());
            }
            queries::set_active(tx, id, active)?;
            let action = if active {
                "staff.enable"
            } else {
                "staff.disable"
            };
            audit::event(
                tx,
                &to_sql(now),
                Some(by.staff_id),
                None,
                action,
                code.trim(),
            )
        })
    }
}
