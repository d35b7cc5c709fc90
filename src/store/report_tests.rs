//! Every figure of the handover sheet and the statistics against a small hand-built store.
//! The expected numbers are worked out by hand in the comments of `fixture`.
use super::bulk::{FollowupRow, SessionRow};
use super::report::SheetRequest;
use super::*;
use crate::domain::channel::Channel;
use crate::domain::party::PartyRole;
use crate::domain::risk::{Colour, ResponseHours, RiskFlag};
use crate::domain::role::Role;
use crate::domain::shift::Shift;
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
    s.conn
        .execute(
            "UPDATE cases SET status = ?1, active = ?2, owner_id = ?3 WHERE id = ?4",
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

fn request(shift: Shift) -> SheetRequest {
    SheetRequest {
        centre: "城关镇矛盾纠纷调处化解中心".into(),
        date: d(11, 24),
        shift,
        next_day: d(11, 25),
        lead: "员工L1".into(),
        now: t(11, 24, 17, 0),
    }
}

#[test]
fn sheet_sections() {
    let fx = fixture();
    let sh = fx.store.handover_sheet(&request(Shift::Day)).unwrap();
    let ids = &fx.ids;
    assert_eq!(ids.len(), 6);
    assert_eq!(sh.intakes.total, 2);
    assert_eq!(sh.intakes.by_colour, [1, 1, 0, 0, 0]);
    // Taxonomy order: family.violence comes before neighbour.
    assert_eq!(
        sh.intakes.rows,
        vec![
            ("family.violence".to_string(), [0, 1, 0, 0, 0]),
            ("neighbour".to_string(), [1, 0, 0, 0, 0])
        ]
    );
    assert_eq!(sh.urgent.total, 2);
    let nos: Vec<&str> = sh.urgent.rows.iter().map(|u| u.case_no.as_str()).collect();
    assert_eq!(nos, ["2026-1124-001", "2026-1124-002"]);
    let c1 = &sh.urgent.rows[0];
    assert_eq!(c1.colour, Colour::Red);
    assert_eq!(c1.owner.as_deref(), Some("员工M1"));
    assert_eq!(c1.phone_masked, "138****5678");
    let next = c1.next_session.as_ref().unwrap();
    assert_eq!(
        (next.at, next.mediator.as_str()),
        (t(11, 25, 10, 0), "员工M1")
    );
    assert!(sh.urgent.rows[1].next_session.is_none());
    // c6 (11-06) and c1 (11-24 13:00) overdue, c2 (11-25 14:00) near.
    assert_eq!(sh.deadlines.total, 3);
    let dl: Vec<(&str, bool)> = sh
        .deadlines
        .rows
        .iter()
        .map(|r| (r.case_no.as_str(), r.overdue))
        .collect();
    assert_eq!(
        dl,
        [
            ("2026-1030-001", true),
            ("2026-1124-001", true),
            ("2026-1124-002", false)
        ]
    );
    assert_eq!(sh.sessions_today.total, 1);
    assert_eq!(sh.sessions_today.rows[0].result, "双方同意再谈");
    assert_eq!(sh.sessions_today.rows[0].room, "一号调解室");
    assert_eq!(sh.sessions_next.len(), 1);
    assert_eq!(sh.sessions_next[0].0, "员工M1");
    assert_eq!(sh.sessions_next[0].1.len(), 1);
    assert_eq!(sh.followups.total, 2);
    assert_eq!(sh.followups_overdue, 1);
    assert!(sh.followups.rows[0].overdue && !sh.followups.rows[1].overdue);
    assert_eq!(sh.escalations.total, 1);
    let e = &sh.escalations.rows[0];
    assert_eq!(
        (e.case_no.as_str(), e.from.as_str(), e.to.as_str()),
        ("2026-1111-001", "village", "township")
    );
}

#[test]
fn shifts_split_the_day() {
    let fx = fixture();
    let am = fx.store.handover_sheet(&request(Shift::Am)).unwrap();
    let pm = fx.store.handover_sheet(&request(Shift::Pm)).unwrap();
    assert_eq!((am.intakes.total, pm.intakes.total), (1, 1));
    assert_eq!((am.escalations.total, pm.escalations.total), (1, 0));
    assert_eq!((am.sessions_today.total, pm.sessions_today.total), (1, 0));
}

#[test]
fn notes_are_saved_per_shift_by_leads_only() {
    let mut fx = fixture();
    let now = t(11, 24, 17, 0);
    fx.store
        .save_handover_note(
            fx.lead,
            d(11, 24),
            Shift::Pm,
            "王家纠纷明早回访\n注意安全",
            now,
        )
        .unwrap();
    assert_eq!(
        fx.store.handover_note(d(11, 24), Shift::Pm).unwrap(),
        "王家纠纷明早回访\n注意安全"
    );
    assert_eq!(fx.store.handover_note(d(11, 24), Shift::Am).unwrap(), "");
    let desk = Actor {
        staff_id: fx.lead.staff_id,
        role: Role::Desk,
    };
    let err = fx
        .store
        .save_handover_note(desk, d(11, 24), Shift::Pm, "x", now)
        .unwrap_err();
    assert!(matches!(err, StoreError::Forbidden));
    let sheet = fx.store.handover_sheet(&request(Shift::Pm)).unwrap();
    assert_eq!(sheet.notes, "王家纠纷明早回访\n注意安全");
}

#[test]
fn statistics_of_a_month() {
    let fx = fixture();
    let st = fx.store.stats(d(11, 30), d(11, 1)).unwrap(); // reversed bounds are swapped
    assert_eq!((st.from, st.to), (d(11, 1), d(11, 30)));
    assert_eq!(st.received, 5);
    assert_eq!(st.closed, 3);
    assert_eq!(st.resolved, 2);
    assert_eq!(st.mediated, 3);
    assert_eq!(st.agreements, 1);
    assert_eq!(st.success_rate(), Some(1.0 / 3.0));
    assert_eq!(st.resolution_rate(), Some(0.4));
    assert_eq!(st.closure_rate(), Some(0.6));
    assert_eq!(st.repeat_cases, 1);
    assert_eq!(st.repeat_rate(), Some(0.2));
    let mean = st.first_session_mean_days.unwrap();
    assert!(
        (mean - (1.0 / 24.0 + 2.0 + 4.0) / 3.0).abs() < 1e-9,
        "{mean}"
    );
    assert_eq!(st.first_session_median_days, Some(2.0));
    let colours: Vec<(&str, i64)> = st
        .by_colour
        .iter()
        .map(|g| (g.key.as_str(), g.received))
        .collect();
    assert_eq!(
        colours,
        [("red", 1), ("orange", 1), ("blue", 2), ("green", 1)]
    );
    let channels: Vec<(&str, i64)> = st
        .by_channel
        .iter()
        .map(|g| (g.key.as_str(), g.received))
        .collect();
    assert_eq!(channels, [("walk_in", 4), ("phone", 1)]);
    let cats: Vec<(&str, i64)> = st
        .by_category
        .iter()
        .map(|g| (g.key.as_str(), g.received))
        .collect();
    assert_eq!(
        cats,
        [("family.violence", 1), ("neighbour", 3), ("consumer", 1)]
    );
    let m1 = &st.by_mediator[0];
    assert_eq!(
        (
            m1.key.as_str(),
            m1.received,
            m1.mediated,
            m1.agreements,
            m1.closed,
            m1.resolved
        ),
        ("员工M1", 3, 3, 1, 2, 1)
    );
    assert_eq!(
        (st.by_mediator[1].key.as_str(), st.by_mediator[1].received),
        ("", 2)
    );
    assert_eq!(st.per_day.len(), 30);
    let busy: Vec<(u32, i64)> = st
        .per_day
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(d, n)| (chrono::Datelike::day(d), *n))
        .collect();
    assert_eq!(busy, [(10, 1), (11, 1), (12, 1), (24, 2)]);
    let f = &st.followups;
    assert_eq!(
        (
            f.due,
            f.done,
            f.on_time,
            f.fulfilled,
            f.partly,
            f.breached,
            f.unreachable
        ),
        (4, 2, 1, 1, 0, 1, 0)
    );
    assert_eq!(f.fulfilment_rate(), Some(0.5));
    assert_eq!(f.on_time_rate(), Some(0.5));
    assert_eq!(st.satisfaction, [0, 1, 0, 0, 1]);
    assert_eq!(st.satisfaction_mean(), Some(3.5));
}

#[test]
fn empty_period_has_no_rates() {
    let fx = fixture();
    let st = fx.store.stats(d(1, 1), d(1, 31)).unwrap();
    assert_eq!(st.received, 0);
    assert_eq!(st.success_rate(), None);
    assert_eq!(st.satisfaction_mean(), None);
    assert_eq!(st.first_session_median_days, None);
    assert_eq!(st.per_day.len(), 31);
}
