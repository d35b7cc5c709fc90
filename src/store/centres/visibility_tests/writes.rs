//! Only the handling centre works a case; a lead above supervises it (督办: a note, a
//! deadline); staff and rooms of its sessions and team come from its centre (staff: or above).
use super::lists::room_at;
use super::world;
use crate::domain::centre::CentreRule;
use crate::domain::channel::Channel;
use crate::domain::risk::ResponseHours;
use crate::domain::session::SessionStatus;
use crate::domain::slots::WorkTime;
use crate::store::centres::fixture::at;
use crate::store::{NewSession, StoreError};
use chrono::NaiveDate;

fn audited(s: &crate::store::Store, case: i64, action: &str) -> Vec<String> {
    let mut stmt = s
        .lite_conn()
        .prepare("SELECT new FROM audit WHERE case_id = ?1 AND action = ?2 ORDER BY id")
        .unwrap();
    stmt.query_map(rusqlite::params![case, action], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
}

fn not_found<T: std::fmt::Debug>(r: Result<T, StoreError>) {
    assert!(matches!(r, Err(StoreError::NotFound)), "{r:?}");
}

fn forbidden<T: std::fmt::Debug>(r: Result<T, StoreError>) {
    assert!(matches!(r, Err(StoreError::Forbidden)), "{r:?}");
}

#[test]
fn a_village_clerk_cannot_work_another_villages_case_it_does_not_exist_for_them() {
    let mut w = world();
    let (me, v2, vm2) = (w.c.v1_desk, w.v2.id, w.v2_mediator.staff_id);
    let h = ResponseHours::default();
    let s = w.as_(me);
    not_found(s.assign_case(me, v2, vm2, "", at(14, 0)));
    not_found(s.add_case_note(me, v2, "看看", at(14, 0)));
    not_found(s.change_colour(me, v2, crate::domain::risk::Colour::Red, "", &h, at(14, 0)));
    not_found(s.attach_visit(me, v2, Channel::WalkIn, at(14, 0), ""));
    not_found(s.reveal_numbers(me, v2, at(14, 0)));
    not_found(s.supervise_case(me, v2, "督办", None, at(14, 0)));
    // A village lead may close cases, but not another village's.
    let v1_lead = w.v1_lead;
    let s = w.as_(v1_lead);
    not_found(s.close_case(v1_lead, v2, at(14, 0)));
    not_found(s.reopen_case(v1_lead, v2, "再议", &h, at(14, 0)));
    let vm1 = w.c.v1_mediator;
    not_found(w.c.store.record_attempt(vm1, v2, "未果", at(14, 0)));
    // Nothing was written on V2's case but its registration.
    assert_eq!(audited(&w.c.store, v2, "case.note").len(), 0);
    assert_eq!(audited(&w.c.store, v2, "case.assign").len(), 0);
}

#[test]
fn a_township_lead_supervises_a_village_case_with_a_note_and_a_deadline_but_does_not_work_it() {
    let mut w = world();
    let (lead, v1) = (w.c.t1_lead, w.v1.id);
    let due = NaiveDate::from_ymd_opt(2026, 11, 27)
        .unwrap()
        .and_hms_opt(17, 0, 0)
        .unwrap();
    let s = w.as_(lead);
    s.supervise_case(lead, v1, "请于周五前化解", Some(due), at(14, 0))
        .unwrap();
    assert_eq!(s.case_detail(v1).unwrap().row.deadline_at, Some(due));
    assert_eq!(audited(s, v1, "case.supervise"), ["请于周五前化解"]);
    assert_eq!(audited(s, v1, "case.deadline"), ["2026-11-27 17:00:00"]);
    // A note from above is supervision too.
    s.add_case_note(lead, v1, "已电话了解情况", at(14, 5))
        .unwrap();
    assert_eq!(audited(s, v1, "case.supervise").len(), 2);
    assert!(audited(s, v1, "case.note").is_empty());
    // Working it is the village's: closing, assigning, the colour, the term.
    forbidden(s.close_case(lead, v1, at(14, 10)));
    let vm1 = w.c.v1_mediator.staff_id;
    let s = w.as_(lead);
    forbidden(s.assign_case(lead, v1, vm1, "", at(14, 10)));
    forbidden(s.change_colour(
        lead,
        v1,
        crate::domain::risk::Colour::Red,
        "",
        &ResponseHours::default(),
        at(14, 10),
    ));
    // The county lead supervises it as well; the village's own staff work it instead, and the
    // other township's lead does not see it.
    let county = w.c.county_lead;
    w.as_(county)
        .supervise_case(county, v1, "县中心督办", None, at(15, 0))
        .unwrap();
    let v1_desk = w.c.v1_desk;
    forbidden(
        w.as_(v1_desk)
            .supervise_case(v1_desk, v1, "x", None, at(15, 0)),
    );
    let t2 = w.t2_lead;
    not_found(w.as_(t2).supervise_case(t2, v1, "x", None, at(15, 0)));
    w.as_(v1_desk)
        .assign_case(v1_desk, v1, vm1, "", at(15, 1))
        .unwrap();
}

#[test]
fn a_case_is_owned_by_its_centre_and_served_by_its_centre_or_those_above() {
    let mut w = world();
    let v1_room = room_at(&mut w, "一村调解室", 4);
    let v2_room = room_at(&mut w, "二村调解室", 5);
    let (desk, v1) = (w.c.v1_desk, w.v1.id);
    let (cm, vm1, vm2) = (
        w.county_mediator.staff_id,
        w.c.v1_mediator.staff_id,
        w.v2_mediator.staff_id,
    );
    fn elsewhere<T: std::fmt::Debug>(r: Result<T, StoreError>, rule: CentreRule) {
        match r {
            Err(StoreError::Centre(got)) => assert_eq!(got, rule),
            other => panic!("{other:?}"),
        }
    }
    let s = w.as_(desk);
    // The owner is of the handling centre.
    elsewhere(
        s.assign_case(desk, v1, cm, "", at(14, 0)),
        CentreRule::StaffElsewhere,
    );
    s.assign_case(desk, v1, vm1, "", at(14, 0)).unwrap();
    // A session: V1's room, V1's mediator or the county's; never V2's mediator or room.
    let slot = |mediators: Vec<i64>, room| NewSession {
        case_id: v1,
        mediators,
        room_id: Some(room),
        start: at(15, 0),
        end: at(16, 0),
    };
    let work = WorkTime::default();
    elsewhere(
        s.book_session(desk, &slot(vec![vm2], v1_room), &work, at(14, 1)),
        CentreRule::StaffElsewhere,
    );
    elsewhere(
        s.book_session(desk, &slot(vec![cm], v2_room), &work, at(14, 1)),
        CentreRule::RoomElsewhere,
    );
    let session = s
        .book_session(desk, &slot(vec![cm], v1_room), &work, at(14, 1))
        .unwrap();
    // V2's desk cannot book, move or cancel V1's sessions.
    let v2_desk = w.c.v2_desk;
    let s = w.as_(v2_desk);
    not_found(s.cancel_session(v2_desk, session, "改期", at(14, 2)));
    // The county mediator who sat in it records it, though the county does not handle it.
    let county_mediator = w.county_mediator;
    w.c.store
        .record_session(
            county_mediator,
            session,
            SessionStatus::Held,
            "已调解",
            at(16, 5),
        )
        .unwrap();
    // The team: from V1 or above.
    let owner = w.c.v1_mediator;
    let s = w.as_(desk);
    elsewhere(
        s.set_case_team(owner, v1, &[vm1, vm2], "", at(16, 10)),
        CentreRule::StaffElsewhere,
    );
    s.set_case_team(owner, v1, &[vm1, cm], "县、村联合专班", at(16, 10))
        .unwrap();
}

#[test]
fn merges_stay_within_the_handling_centre() {
    let mut w = world();
    let (lead, v1, v2, desk) = (w.v1_lead, w.v1.id, w.v2.id, w.c.v1_desk);
    let s = w.as_(lead);
    not_found(s.merge_cases(lead, v1, v2, at(14, 0)));
    // Two cases of the same village merge; the county lead, who supervises both, does not.
    let again = crate::store::NewCase::walk_in(
        at(14, 0),
        "neighbour",
        "楼上漏水",
        crate::store::NewParty::named("李娜", Some("13800000002")),
    );
    let dup = s
        .create_case(desk, &again, &ResponseHours::default())
        .unwrap()
        .id;
    let county = w.c.county_lead;
    forbidden(w.as_(county).merge_cases(county, v1, dup, at(14, 1)));
    let s = w.as_(lead);
    s.merge_cases(lead, v1, dup, at(14, 2)).unwrap();
    // A person's records at two centres: V1's lead may not merge them.
    let s = w.as_(w.c.t1_lead);
    let mine = s.parties_by_phone("13800000002", 5).unwrap()[0];
    let theirs = s.parties_by_phone("13800000004", 5).unwrap()[0];
    let s = w.as_(lead);
    not_found(s.merge_parties(lead, mine, theirs, at(14, 3)));
}

#[test]
fn follow_ups_and_red_alerts_are_the_handling_centres_and_those_above() {
    let mut w = world();
    w.colour_them();
    let v2 = w.v2.id;
    let (v1_desk, t2_lead, t1_lead) = (w.c.v1_desk, w.t2_lead, w.c.t1_lead);
    let s = w.as_(v1_desk);
    not_found(s.add_followup(
        v1_desk,
        v2,
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        "回访",
        at(14, 0),
    ));
    not_found(w.as_(t2_lead).acknowledge_red(t2_lead, v2, at(14, 0)));
    w.as_(t1_lead)
        .acknowledge_red(t1_lead, v2, at(14, 0))
        .unwrap();
}

#[test]
fn purging_old_personal_data_is_county_wide_and_the_county_leads() {
    let mut w = world();
    let day = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    for lead in [w.c.t1_lead, w.v1_lead] {
        forbidden(w.c.store.purge_closed_before(lead, day, true, at(14, 0)));
    }
    let county = w.c.county_lead;
    w.c.store
        .purge_closed_before(county, day, true, at(14, 0))
        .unwrap();
}
