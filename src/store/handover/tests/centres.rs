//! A sheet per centre in the test county (`centres::fixture`: MAIN 1, T1 2, T2 3, V1 4 and V2
//! 5 under T1, V3 6 under T2): a centre's intakes, cases, sessions and escalations only; a
//! lead may ask for a centre below theirs, nobody for one they do not see.
use super::*;
use crate::domain::shift::Shift;
use crate::store::centres::fixture::{at, county, walk_in};
use crate::store::handover::SheetRequest;

const MAIN: i64 = 1;
const T1: i64 = 2;
const V1: i64 = 4;
const V2: i64 = 5;
const V3: i64 = 6;

fn request() -> SheetRequest {
    SheetRequest {
        centre: "东林镇一村调解室".into(),
        date: d(11, 24),
        shift: Shift::Day,
        next_day: d(11, 25),
        lead: String::new(),
        now: t(11, 24, 17, 0),
    }
}

/// A red walk-in at `by`'s centre.
fn red(s: &mut Store, by: Actor, name: &str) -> i64 {
    let mut c = walk_in(at(9, 0), name, "13800000001");
    c.flags = vec![RiskFlag::Violence];
    c.red_acknowledged = true;
    s.create_case(by, &c, &ResponseHours::default()).unwrap().id
}

#[test]
fn a_centres_sheet_holds_that_centre_only() {
    let mut c = county();
    let room = c.store.add_room("县中心调解室").unwrap(); // rooms start at MAIN
    let v1_case = red(&mut c.store, c.v1_desk, "张伟");
    red(&mut c.store, c.v2_desk, "李娜");
    let m = c.v1_mediator.staff_id;
    c.store
        .bulk_load(|w| {
            w.session(&SessionRow {
                case_id: v1_case,
                mediator_id: m,
                room_id: room,
                starts_at: at(15, 0),
                ends_at: at(16, 0),
                level: "village",
                status: "booked",
                result: "",
            })
        })
        .unwrap();
    c.store.view_as(c.v1_desk).unwrap();
    let v1 = c.store.handover_sheet_for(V1, &request()).unwrap();
    assert_eq!(v1.centre_id, Some(V1));
    assert_eq!((v1.intakes.total, v1.urgent.total), (1, 1));
    assert_eq!(v1.urgent.rows[0].applicant, "张伟");
    assert_eq!(v1.sessions_today.total, 1, "V1's mediator");
    // The clerk's view is what it was once the sheet is made.
    assert_eq!(c.store.visible_centres().unwrap(), [V1]);
    assert!(matches!(
        c.store.handover_sheet_for(V2, &request()),
        Err(StoreError::Forbidden)
    ));
    // T1's lead: V1's sheet as V1 sees it, T1's own holds neither village's cases.
    c.store.view_as(c.t1_lead).unwrap();
    assert_eq!(
        c.store
            .handover_sheet_for(V1, &request())
            .unwrap()
            .urgent
            .total,
        1
    );
    let v2 = c.store.handover_sheet_for(V2, &request()).unwrap();
    assert_eq!(v2.urgent.rows[0].applicant, "李娜");
    assert_eq!(v2.sessions_today.total, 0);
    let t1 = c.store.handover_sheet_for(T1, &request()).unwrap();
    assert_eq!((t1.intakes.total, t1.urgent.total), (0, 0));
    assert!(matches!(
        c.store.handover_sheet_for(V3, &request()),
        Err(StoreError::Forbidden)
    ));
    assert_eq!(c.store.visible_centres().unwrap(), [T1, V1, V2]);
    // The county's sheet has the session in its room; the whole view has both cases.
    c.store.view_as(c.county_lead).unwrap();
    let main = c.store.handover_sheet_for(MAIN, &request()).unwrap();
    assert_eq!((main.urgent.total, main.sessions_today.total), (0, 1));
    let all = c.store.handover_sheet(&request()).unwrap();
    assert_eq!((all.centre_id, all.urgent.total), (None, 2));
    // The sheet of a centre of several is under its name.
    let named = c.store.centre_sheet(T1, &request()).unwrap();
    assert_eq!(
        (named.centre.as_str(), named.centre_id),
        ("东林镇综治中心", Some(T1))
    );
}

#[test]
fn a_record_of_one_centre_keeps_its_sheet() {
    let fx = fixture();
    let req = super::sheet::request(Shift::Day);
    let whole = fx.store.handover_sheet(&req).unwrap();
    assert_eq!(fx.store.centre_sheet(MAIN, &req).unwrap(), whole);
    assert_eq!(whole.centre_id, None);
}

#[test]
fn a_case_handed_up_is_on_the_sheets_of_both_centres() {
    let mut c = county();
    let h = ResponseHours::default();
    let id = c
        .store
        .create_case(c.v1_desk, &walk_in(at(9, 0), "张伟", "13800000001"), &h)
        .unwrap()
        .id;
    let m = c.v1_mediator;
    c.store
        .assign_case(c.v1_desk, id, m.staff_id, "", at(9, 10))
        .unwrap();
    for n in 0..3 {
        c.store
            .record_attempt(m, id, "调解未果", at(10, 0) - chrono::Duration::days(3 - n))
            .unwrap();
    }
    c.store.hand_up(c.v1_desk, id, "", at(11, 0)).unwrap();
    c.store.sign(c.t1_desk, id, &h, at(14, 0)).unwrap();
    c.store.view_as(c.t1_lead).unwrap();
    let esc = |s: &Store, centre| {
        let sh = s.handover_sheet_for(centre, &request()).unwrap();
        sh.escalations
            .rows
            .iter()
            .map(|e| e.to.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(esc(&c.store, T1), ["township"]);
    assert_eq!(esc(&c.store, V1), ["township"], "the village that sent it");
    assert!(esc(&c.store, V2).is_empty());
    let v1 = c.store.handover_sheet_for(V1, &request()).unwrap();
    assert_eq!(v1.intakes.total, 1, "received at V1 this morning");
}
