//! Lists of things hanging off cases — the case list, follow-ups, the calendar, the handover
//! sheet, statistics, red alerts, unanswered referrals — hold the visible centres' only.
use super::{World, world};
use crate::domain::case_filter::{CaseFilter, Chip, Sort};
use crate::domain::shift::Shift;
use crate::domain::slots::WorkTime;
use crate::store::centres::fixture::at;
use crate::store::handover::SheetRequest;
use crate::store::{Actor, FollowupFilter, FollowupScope, NewSession};
use chrono::{NaiveDate, NaiveDateTime};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn t(d: u32, h: u32) -> NaiveDateTime {
    day(d).and_hms_opt(h, 0, 0).unwrap()
}

/// A follow-up due on the 20th (overdue on the 24th) of each of the four cases.
fn followups(w: &mut World) {
    for id in [w.v1.id, w.v2.id, w.v3.id, w.t1.id] {
        w.c.store
            .lite_conn()
            .execute(
                "INSERT INTO followups (case_id, due_on, kind, attempt, created_at)
                 VALUES (?1, '2026-11-20', 'agreement', 1, '2026-11-19 09:00:00')",
                [id],
            )
            .unwrap();
    }
}

/// A room of centre `centre` (rooms are added by the demo and bulk loader, at the first centre).
pub(super) fn room_at(w: &mut World, name: &str, centre: i64) -> i64 {
    let id = w.c.store.add_room(name).unwrap();
    w.c.store
        .lite_conn()
        .execute(
            "UPDATE rooms SET centre_id = ?2 WHERE id = ?1",
            [id, centre],
        )
        .unwrap();
    id
}

#[test]
fn the_case_list_pages_only_the_visible_centres_cases() {
    let mut w = world();
    let open = CaseFilter {
        chips: vec![Chip::Open],
    };
    let page = |who: Actor, w: &mut World| -> Vec<String> {
        let s = w.as_(who);
        let mut nos: Vec<String> = s
            .case_page(&open, Sort::default(), None, false, 50, t(24, 17))
            .unwrap()
            .into_iter()
            .map(|r| r.case_no)
            .collect();
        nos.sort();
        nos
    };
    assert_eq!(page(w.c.v1_desk, &mut w), ["V1-2026-1124-001"]);
    assert_eq!(page(w.c.t1_lead, &mut w).len(), 3);
    assert_eq!(page(w.c.county_lead, &mut w).len(), 4);
}

#[test]
fn follow_ups_are_listed_and_counted_for_the_visible_centres() {
    let mut w = world();
    followups(&mut w);
    let f = FollowupFilter {
        scope: FollowupScope::All,
        ..FollowupFilter::default()
    };
    let list = |who: Actor, w: &mut World| {
        let s = w.as_(who);
        let rows = s.followup_page(who, &f, day(24), None, 50).unwrap();
        let counts = s.followup_counts(day(24)).unwrap();
        (rows.len(), counts.overdue)
    };
    assert_eq!(list(w.c.v1_desk, &mut w), (1, 1));
    assert_eq!(list(w.c.t1_lead, &mut w), (3, 3));
    assert_eq!(list(w.t2_lead, &mut w), (1, 1));
    assert_eq!(list(w.c.county_lead, &mut w), (4, 4));
}

#[test]
fn the_calendar_shows_the_visible_centres_sessions_rooms_and_staff() {
    let mut w = world();
    let v2_room = room_at(&mut w, "二村调解室", 5);
    let v1_room = room_at(&mut w, "一村调解室", 4);
    let t1_room = room_at(&mut w, "东林镇调解室", 2);
    let booking = NewSession {
        case_id: w.v2.id,
        mediators: vec![w.v2_mediator.staff_id],
        room_id: Some(v2_room),
        start: t(25, 10),
        end: t(25, 11),
    };
    let v2_desk = w.c.v2_desk;
    let s = w.as_(v2_desk);
    let session = s
        .book_session(v2_desk, &booking, &WorkTime::default(), at(14, 0))
        .unwrap();
    assert_eq!(s.sessions_between(t(25, 0), t(26, 0)).unwrap().len(), 1);
    let s = w.as_(w.c.v1_desk);
    assert!(s.sessions_between(t(25, 0), t(26, 0)).unwrap().is_empty());
    assert!(matches!(
        s.session(session),
        Err(crate::store::StoreError::NotFound)
    ));
    let rooms: Vec<i64> = s.rooms().unwrap().iter().map(|r| r.id).collect();
    assert_eq!(rooms, [v1_room]);
    // V1's calendar: its own people and the centres above it (who may sit in its sessions).
    let mut codes: Vec<String> = s
        .calendar_staff()
        .unwrap()
        .into_iter()
        .map(|m| m.code)
        .collect();
    codes.sort();
    assert_eq!(codes, ["CM1", "L1", "TD1", "TL1", "VD1", "VL1", "VM1"]);
    // The township lead sees the session, and the rooms of T1 and its villages.
    let s = w.as_(w.c.t1_lead);
    assert_eq!(s.sessions_between(t(25, 0), t(26, 0)).unwrap().len(), 1);
    let rooms: Vec<i64> = s.rooms().unwrap().iter().map(|r| r.id).collect();
    assert_eq!(rooms, [v2_room, v1_room, t1_room]);
}

#[test]
fn the_handover_sheet_and_statistics_cover_the_visible_centres() {
    let mut w = world();
    w.colour_them();
    followups(&mut w);
    let req = SheetRequest {
        centre: String::new(),
        date: day(24),
        shift: Shift::Day,
        next_day: day(25),
        lead: String::new(),
        now: t(24, 17),
    };
    let sheet = |who: Actor, w: &mut World| {
        let s = w.as_(who);
        let sh = s.handover_sheet(&req).unwrap();
        let st = s.stats(day(24), day(24)).unwrap();
        (
            sh.intakes.total,
            sh.urgent.total,
            sh.followups.total,
            st.received,
        )
    };
    assert_eq!(sheet(w.c.v1_desk, &mut w), (1, 1, 1, 1));
    assert_eq!(sheet(w.c.v2_desk, &mut w), (1, 1, 1, 1));
    assert_eq!(sheet(w.c.t1_lead, &mut w), (3, 2, 3, 3));
    assert_eq!(sheet(w.c.county_lead, &mut w), (4, 2, 4, 4));
    let s = w.as_(w.c.v1_desk);
    let sh = s.handover_sheet(&req).unwrap();
    assert!(sh.urgent.rows.iter().all(|r| r.case_no.starts_with("V1-")));
    assert!(
        sh.followups
            .rows
            .iter()
            .all(|r| r.case_no.starts_with("V1-"))
    );
}

#[test]
fn a_leads_red_alerts_and_referrals_are_of_the_cases_they_see() {
    let mut w = world();
    w.colour_them();
    // V3's case was referred out (to the court) and is waiting for the reply.
    let v3 = w.v3.id;
    w.c.store
        .force_status_for_tests(v3, crate::domain::status::Status::ReferredOut);
    let alerts = |who: Actor, w: &mut World| {
        let s = w.as_(who);
        let nos: Vec<String> = s
            .red_alerts(who, t(24, 14))
            .unwrap()
            .into_iter()
            .map(|a| a.case_no)
            .collect();
        (nos, s.unanswered_referrals(who, 50).unwrap().len())
    };
    let v2_no = w.v2.case_no.clone();
    assert_eq!(alerts(w.c.t1_lead, &mut w), (vec![v2_no.clone()], 0));
    assert_eq!(alerts(w.c.county_lead, &mut w), (vec![v2_no], 1));
    assert_eq!(alerts(w.t2_lead, &mut w), (vec![], 1));
    assert_eq!(alerts(w.v1_lead, &mut w), (vec![], 0));
}
