//! Who may touch a case, checked before any change: the handling centre works it, a lead
//! above supervises it, nobody else learns it exists (`domain::centre::CentreTree::reach`);
//! staff and rooms of a session or a team come from the case's own centre (or, for staff, a
//! centre above it). Reads of one case by id check the connection's view (`check_visible`).
use super::super::{Actor, Result, StoreError};
use super::{CentreTree, desk_centre, queries};
use crate::domain::centre::{CentreRule, Reach};
use rusqlite::Connection;

/// What `by` may do with the case `case_id` (NotFound when there is no such case).
pub(in crate::store) fn reach(conn: &Connection, by: Actor, case_id: i64) -> Result<Reach> {
    let case = queries::case_centre(conn, case_id)?.ok_or(StoreError::NotFound)?;
    let own = desk_centre(conn, by.staff_id)?;
    let tree = CentreTree::new(queries::all(conn)?);
    Ok(tree.reach(by.role, own.id, case))
}

/// Refuses a change to a case that another centre handles: only the handling centre works a
/// case. A lead above it sees it (Forbidden); to anyone else it does not exist (NotFound).
pub(in crate::store) fn check_handles(conn: &Connection, by: Actor, case_id: i64) -> Result<()> {
    match reach(conn, by, case_id)? {
        Reach::Handles => Ok(()),
        Reach::Supervises => Err(StoreError::Forbidden),
        Reach::Hidden => Err(StoreError::NotFound),
    }
}

/// A read of one case by id: NotFound unless this connection sees the case's centre.
pub(in crate::store) fn check_visible(conn: &Connection, case_id: i64) -> Result<()> {
    if queries::case_visible(conn, case_id)? {
        Ok(())
    } else {
        Err(StoreError::NotFound)
    }
}

/// A member of staff booked for a session of the case, or put on its team: from the handling
/// centre or a centre above it (a county mediator in a township's session).
pub(in crate::store) fn check_serves(conn: &Connection, staff_id: i64, case_id: i64) -> Result<()> {
    let case = queries::case_centre(conn, case_id)?.ok_or(StoreError::NotFound)?;
    let Some(staff) = queries::staff_centre(conn, staff_id)? else {
        // Nobody by that id: the caller's own check names that (no such mediator).
        return Ok(());
    };
    if CentreTree::new(queries::all(conn)?).may_serve(staff, case) {
        Ok(())
    } else {
        Err(CentreRule::StaffElsewhere.into())
    }
}

/// The owner of a case: a member of staff of the handling centre (who works it).
pub(in crate::store) fn check_works_here(
    conn: &Connection,
    staff_id: i64,
    case_id: i64,
) -> Result<()> {
    let case = queries::case_centre(conn, case_id)?.ok_or(StoreError::NotFound)?;
    match queries::staff_centre(conn, staff_id)? {
        Some(staff) if staff == case => Ok(()),
        Some(_) => Err(CentreRule::StaffElsewhere.into()),
        None => Err(StoreError::NotFound),
    }
}

/// A room for a session of the case: the handling centre's own.
pub(in crate::store) fn check_room(conn: &Connection, room_id: i64, case_id: i64) -> Result<()> {
    let case = queries::case_centre(conn, case_id)?.ok_or(StoreError::NotFound)?;
    match queries::room_centre(conn, room_id)? {
        Some(room) if room == case => Ok(()),
        Some(_) => Err(CentreRule::RoomElsewhere.into()),
        None => Err(StoreError::NotFound),
    }
}
