//! Who may touch a case, checked before any change: the handling centre works it, a lead
//! above supervises it, nobody else learns it exists (`domain::centre::CentreTree::reach`);
//! staff and rooms of a session or a team come from the case's own centre (or, for staff, a
//! centre above it). Reads of one case by id check the connection's view (`check_visible`).
use super::super::{Actor, Result, StoreError};
use super::{CentreTree, desk_centre, queries};
use crate::domain::centre::{CentreRule, Reach};
use crate::store::db::Db;

/// What `by` may do with the case `case_id` (NotFound when there is no such case).
pub(in crate::store) fn reach<'c>(
    conn: impl Into<Db<'c>>,
    by: Actor,
    case_id: i64,
) -> Result<Reach> {
    let conn: Db = conn.into();
    let case = queries::case_centre(conn, case_id)?.ok_or(StoreError::NotFound)?;
    let own = desk_centre(conn, by.staff_id)?;
    let tree = CentreTree::new(queries::all(conn)?);
    Ok(tree.reach(by.role, own.id, case))
}

/// Refuses a change to a case that another centre handles: only the handling centre works a
/// case. Who reads it — a lead above, the centre that received it or sent it on, the centre
/// asked to sign for it — is refused (Forbidden); to anyone else it does not exist (NotFound).
pub(in crate::store) fn check_handles<'c>(
    conn: impl Into<Db<'c>>,
    by: Actor,
    case_id: i64,
) -> Result<()> {
    let conn: Db = conn.into();
    match reach(conn, by, case_id)? {
        Reach::Handles => Ok(()),
        _ => Err(refusal(conn, by, case_id)?),
    }
}

/// Whether `by` may read the case: their view (`visible_to`) holds its handling centre, or a
/// centre that received it, sent it on or is asked to sign for it (`readable!` for a person).
pub(in crate::store) fn sees<'c>(conn: impl Into<Db<'c>>, by: Actor, case_id: i64) -> Result<bool> {
    let conn: Db = conn.into();
    let case = queries::case_centre(conn, case_id)?.ok_or(StoreError::NotFound)?;
    let own = desk_centre(conn, by.staff_id)?;
    let seen = CentreTree::new(queries::all(conn)?).visible_to(by.role, own.id);
    Ok(seen.contains(&case)
        || queries::centres_of_case(conn, case_id)?
            .iter()
            .any(|c| seen.contains(c)))
}

/// Why `by` may not change the case: Forbidden if they read it, else NotFound.
pub(in crate::store) fn refusal<'c>(
    conn: impl Into<Db<'c>>,
    by: Actor,
    case_id: i64,
) -> Result<StoreError> {
    let conn: Db = conn.into();
    Ok(if sees(conn, by, case_id)? {
        StoreError::Forbidden
    } else {
        StoreError::NotFound
    })
}

/// A read of one case by id: NotFound unless this connection sees the case's centre.
pub(in crate::store) fn check_visible<'c>(conn: impl Into<Db<'c>>, case_id: i64) -> Result<()> {
    let conn: Db = conn.into();
    if queries::case_visible(conn, case_id)? {
        Ok(())
    } else {
        Err(StoreError::NotFound)
    }
}

/// A member of staff booked for a session of the case, or put on its team: from the handling
/// centre or a centre above it (a county mediator in a township's session).
pub(in crate::store) fn check_serves<'c>(
    conn: impl Into<Db<'c>>,
    staff_id: i64,
    case_id: i64,
) -> Result<()> {
    let conn: Db = conn.into();
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
pub(in crate::store) fn check_works_here<'c>(
    conn: impl Into<Db<'c>>,
    staff_id: i64,
    case_id: i64,
) -> Result<()> {
    let conn: Db = conn.into();
    let case = queries::case_centre(conn, case_id)?.ok_or(StoreError::NotFound)?;
    at_centre(
        queries::staff_centre(conn, staff_id)?,
        case,
        CentreRule::StaffElsewhere,
    )
}

/// Whether something found at centre `found` (none: no such thing) is at `centre`.
fn at_centre(found: Option<i64>, centre: i64, elsewhere: CentreRule) -> Result<()> {
    match found {
        Some(c) if c == centre => Ok(()),
        Some(_) => Err(elsewhere.into()),
        None => Err(StoreError::NotFound),
    }
}

/// A room for a session of the case: the handling centre's own.
pub(in crate::store) fn check_room<'c>(
    conn: impl Into<Db<'c>>,
    room_id: i64,
    case_id: i64,
) -> Result<()> {
    let conn: Db = conn.into();
    let case = queries::case_centre(conn, case_id)?.ok_or(StoreError::NotFound)?;
    check_room_at(conn, room_id, case)
}

/// A room of centre `centre`.
pub(in crate::store) fn check_room_at<'c>(
    conn: impl Into<Db<'c>>,
    room_id: i64,
    centre: i64,
) -> Result<()> {
    let conn: Db = conn.into();
    at_centre(
        queries::room_centre(conn, room_id)?,
        centre,
        CentreRule::RoomElsewhere,
    )
}

/// The centre a change to a booked session (in `room`) acts for: the case's handling centre
/// when `by` works there; else `by`'s own centre if the session is in one of its rooms — a
/// session booked before the case was handed on stays with the centre that booked it. Refused
/// as `check_handles` refuses otherwise.
pub(in crate::store) fn session_host<'c>(
    conn: impl Into<Db<'c>>,
    by: Actor,
    case_id: i64,
    room: Option<i64>,
) -> Result<i64> {
    let conn: Db = conn.into();
    let refused = match check_handles(conn, by, case_id) {
        Ok(()) => return queries::case_centre(conn, case_id)?.ok_or(StoreError::NotFound),
        Err(e) => e,
    };
    let own = desk_centre(conn, by.staff_id)?.id;
    match room {
        Some(r) if queries::room_centre(conn, r)? == Some(own) => Ok(own),
        _ => Err(refused),
    }
}
