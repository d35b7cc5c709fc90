//! Every figure of the handover sheet and the statistics against a small hand-built store.
//! The expected numbers are worked out by hand in the comments of `fixture`, which this
//! module holds; the tests are in its submodules `sheet` and `stats`.
mod centres;
mod codes;
mod sheet;
mod stats;

use crate::domain::channel::Channel;
use crate::domain::party::PartyRole;
use crate::domain::risk::{Colour, ResponseHours, RiskFlag};
use crate::domain::role::Role;
use crate::store::bulk::{FollowupRow, SessionRow};
use crate::store::*;
use chrono::{NaiveDate, NaiveDateTime};

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}
fn t(m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
    d(m, day).and_hms_opt(h, min, 0).unwrap()
}

fn member(code: &str, role: Role) -> NewStaff {
    NewStaff {
        code: code.into(),
        name: format!("员工{code}"),
        role,
        languages: vec!["zh".into()],
        specialties: vec![],
        team: None,
        pin: "1234".into(),
        centre_id: None,
    }
}

struct Fx {
    store: Store,
    lead: Actor,
    ids: Vec<i64>,
}

#[allow(clippy::too_many_arguments)]
fn case(
    s: &mut Store,
    by: Actor,
    at: NaiveDateTime,
    cat: &str,
    channel: Channel,
    flags: Vec<RiskFlag>,
    colour: Option<Colour>,
    earlier: u32,
) -> i64 {
    let c = NewCase {
        received_at: at,
        channel,
        category: cat.into(),
        flags,
        colour,
        colour_reason: if colour.is_some() {
            "咨询".into()
        } else {
            String::new()
        },
        red_acknowledged: true,
        summary: "楼上漏水，多次协商未果".into(),
        description: String::new(),
        amount_yuan: None,
        people: 1,
        earlier_visits: earlier,
        team: None,
        owner_id: None,
        parties: vec![(
            PartyRole::Applicant,
            NewParty {
                name: "张伟".into(),
                phone: Some("13812345678".into()),
                ..Default::default()
            },
        )],
    };
    s.create_case(by, &c, &ResponseHours::default()).unwrap().id
}

fn set(s: &Store, id: i64, status: &str, owner: Option<i64>) {
    let active = matches!(status, "registered" | "assigned" | "in_mediation");
    s.lite_conn()
        .execute(
            "UPDATE cases SET status = ?1, active = ?2, owner_id = ?3,
                closed_at = CASE WHEN ?1 = 'closed' THEN coalesce(closed_at, updated_at) ELSE closed_at END WHERE id = ?4",
            rusqlite::params![status, active, owner, id],
        )
        .unwrap();
}

/// c1 red 11-24 09:00 neighbour walk-in, M1, assigned; held 11-24 10:00; booked 11-25 10:00.
/// c2 orange 11-24 14:00 family.violence phone, registered (deadline 11-25 14:00).
/// c3 blue 11-10 10:00, M1, closed after an agreement; held 11-12 10:00; follow-up due 11-19
///    done 11-20 fulfilled, satisfaction 5.
/// c4 blue 11-11 09:00, M1, no agreement; held 11-15 09:00; level raised 11-24 11:00.
/// c5 green 11-12 09:00, repeat visitor, answered at the desk; follow-up due 11-15 done 11-14
///    breached, satisfaction 2.
/// c6 blue 10-30 09:00 (before the period), M1, assigned (deadline 11-06); follow-ups due
///    11-20 and 11-24 still open; an escalation 11-23.
fn fixture() -> Fx {
    let mut s = Store::open_in_memory().unwrap();
    let lead_id = s
        .add_staff(None, &member("L1", Role::Lead), t(11, 1, 8, 0))
        .unwrap();
    let lead = Actor {
        staff_id: lead_id,
        role: Role::Lead,
    };
    let m1 = s
        .add_staff(Some(lead), &member("M1", Role::Mediator), t(11, 1, 8, 0))
        .unwrap();
    let room = s.add_room("一号调解室").unwrap();
    use Channel::*;
    let c1 = case(
        &mut s,
        lead,
        t(11, 24, 9, 0),
        "neighbour",
        WalkIn,
        vec![RiskFlag::Violence],
        None,
        0,
    );
    let c2 = case(
        &mut s,
        lead,
        t(11, 24, 14, 0),
        "family.violence",
        Phone,
        vec![RiskFlag::RepeatedViolence],
        None,
        0,
    );
    let c3 = case(
        &mut s,
        lead,
        t(11, 10, 10, 0),
        "neighbour",
        WalkIn,
        vec![],
        None,
        0,
    );
    let c4 = case(
        &mut s,
        lead,
        t(11, 11, 9, 0),
        "neighbour",
        WalkIn,
        vec![],
        None,
        0,
    );
    let c5 = case(
        &mut s,
        lead,
        t(11, 12, 9, 0),
        "consumer",
        WalkIn,
        vec![],
        Some(Colour::Green),
        1,
    );
    let c6 = case(
        &mut s,
        lead,
        t(10, 30, 9, 0),
        "neighbour",
        WalkIn,
        vec![],
        None,
        0,
    );
    set(&s, c1, "assigned", Some(m1));
    set(&s, c3, "closed", Some(m1));
    set(&s, c4, "no_agreement", Some(m1));
    set(&s, c5, "answered", None);
    set(&s, c6, "assigned", Some(m1));
    s.bulk_load(|w| {
        let ses = |case_id, at: NaiveDateTime, status| SessionRow {
            case_id,
            mediator_id: m1,
            room_id: room,
            starts_at: at,
            ends_at: at + chrono::Duration::hours(1),
            level: "village",
            status,
            result: if status == "held" {
                "双方同意再谈"
            } else {
                ""
            },
        };
        w.session(&ses(c1, t(11, 24, 10, 0), "held"))?;
        w.session(&ses(c1, t(11, 25, 10, 0), "booked"))?;
        w.session(&ses(c3, t(11, 12, 10, 0), "held"))?;
        w.session(&ses(c4, t(11, 15, 9, 0), "held"))?;
        let fu = |case_id, due: NaiveDate, perf, sat, done: Option<NaiveDateTime>| FollowupRow {
            case_id,
            owner_id: Some(m1),
            due_on: due,
            status: if done.is_some() { "done" } else { "due" },
            method: done.map(|_| "phone"),
            performance: perf,
            satisfaction: sat,
            done_at: done,
        };
        w.followup(&fu(
            c3,
            d(11, 19),
            Some("fulfilled"),
            Some(5),
            Some(t(11, 20, 10, 0)),
        ))?;
        w.followup(&fu(
            c5,
            d(11, 15),
            Some("breached"),
            Some(2),
            Some(t(11, 14, 10, 0)),
        ))?;
        w.followup(&fu(c6, d(11, 20), None, None, None))?;
        w.followup(&fu(c6, d(11, 24), None, None, None))?;
        w.audit(
            t(11, 20, 9, 0),
            Some(m1),
            c3,
            "case.status",
            "status",
            "in_mediation",
            "agreement",
        )?;
        w.audit(
            t(11, 21, 9, 0),
            Some(m1),
            c3,
            "case.status",
            "status",
            "agreement",
            "closed",
        )?;
        w.audit(
            t(11, 24, 11, 0),
            Some(m1),
            c4,
            "case.level",
            "level",
            "village",
            "township",
        )?;
        w.audit(
            t(11, 23, 11, 0),
            Some(m1),
            c6,
            "case.escalate",
            "",
            "",
            "county",
        )?;
        Ok(())
    })
    .unwrap();
    Fx {
        store: s,
        lead,
        ids: vec![c1, c2, c3, c4, c5, c6],
    }
}
