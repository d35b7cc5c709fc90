//! Reading a case and moving it along on both engines (store/testing.rs `both_engines`): its
//! parties (masked) and numbers, its state, the status changes, the mediation term, attempts on
//! the ladder, an outcome, and the timeline that records it all — through the queries and the
//! workflow's shared steps (state.rs, ladder.rs). The Store's actions around them still check
//! the centres (SQLite only for now), so these tests call the steps inside `write_db`.
use super::ladder::{check_manual, start_mediation};
use super::queries;
use super::state::{log, set_status, state};
use crate::domain::ladder::Level;
use crate::domain::mask::mask_phone;
use crate::domain::party::PartyRole;
use crate::domain::risk::{Colour, ResponseHours};
use crate::domain::role::Role;
use crate::domain::status::Status;
use crate::store::testing::{add_staff, both_engines};
use crate::store::time::to_sql;
use crate::store::*;
use chrono::{NaiveDate, NaiveDateTime};

fn at(d: u32, h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, d)
        .unwrap()
        .and_hms_opt(h, 0, 0)
        .unwrap()
}

#[test]
fn reading_and_moving_a_case_on_both_engines() {
    both_engines(|s| {
        let e = s.engine();
        let lead = add_staff(s, None, "L1", Role::Lead, at(2, 8));
        let m1 = add_staff(s, Some(lead), "M1", Role::Mediator, at(2, 8));
        let c = NewCase::walk_in(
            at(16, 9),
            "neighbour",
            "楼上漏水",
            NewParty::named("张伟", Some("13800138000")),
        );
        let created = s.create_case(lead, &c, &ResponseHours::default()).unwrap();
        let id = created.id;
        let parties = queries::parties(s.db(), id).unwrap();
        assert_eq!(parties.len(), 1, "{e:?}");
        let p = &parties[0];
        assert_eq!(
            (p.role, p.name.as_str(), p.needs_interpreter),
            (PartyRole::Applicant, "张伟", false)
        );
        assert_eq!(p.phone, Some(mask_phone("13800138000")), "{e:?}");
        let full = queries::numbers(s.db(), id).unwrap();
        assert_eq!(full[0].phone.as_deref(), Some("13800138000"), "{e:?}");
        assert_eq!(queries::owner(s.db(), id).unwrap(), Some(None));
        assert_eq!(queries::owner(s.db(), id + 100).unwrap(), None);
        let st = state(s.db(), id).unwrap();
        assert_eq!(
            (st.status, st.owner, st.colour, st.centre, st.received),
            (Status::Registered, None, Colour::Blue, 1, at(16, 9)),
            "{e:?}"
        );
        assert_eq!(
            (st.ladder.level, st.ladder.attempts),
            (Level::Village, [0; 3])
        );
        // Assigned, then the first attempt starts mediation: term deadline, an attempt.
        let work = s.work_time().clone();
        s.write_db(|db| {
            let now = to_sql(at(17, 10));
            queries::set_owner(db, id, m1.staff_id, &now)?;
            set_status(db, &now, lead, id, Status::Registered, Status::Assigned)?;
            let st = state(db, id)?;
            check_manual(db, id, Level::Village, at(17, 10))?;
            queries::set_attempts(db, id, Level::Village, 1, &now)?;
            log(
                db,
                &now,
                m1,
                id,
                "case.attempt",
                "village",
                "1/3",
                "电话沟通",
            )?;
            start_mediation(db, &work, m1, id, &st, at(17, 10))
        })
        .unwrap();
        let st = state(s.db(), id).unwrap();
        assert_eq!(
            (st.status, st.owner, st.ladder.attempts),
            (Status::InMediation, Some(m1.staff_id), [1, 0, 0]),
            "{e:?}"
        );
        assert_eq!(st.deadline, Some(s.mediation_term(1, at(16, 9)).unwrap()));
        assert_eq!(queries::attempts(s.db(), id).unwrap(), [1, 0, 0]);
        let day = "2026-11-17";
        assert!(queries::manual_attempt_on(s.db(), id, Level::Village, day).unwrap());
        assert!(!queries::manual_attempt_on(s.db(), id, Level::Township, day).unwrap());
        assert!(!queries::held_session_on(s.db(), id, Level::Village, day, 0).unwrap());
        // An agreement recorded, read back as the latest outcome.
        s.write_db(|db| {
            let now = to_sql(at(20, 15));
            set_status(db, &now, m1, id, Status::InMediation, Status::Agreement)?;
            queries::insert_outcome(
                db,
                &queries::OutcomeInsert {
                    case_id: id,
                    at: &now,
                    staff_id: m1.staff_id,
                    kind: Status::Agreement,
                    terms: "赔偿 2000 元",
                    judicial: true,
                    referred_to: "",
                    reply_due: None,
                },
            )?;
            queries::set_level(db, id, Level::Township, &now)
        })
        .unwrap();
        let o = queries::latest_outcome(s.db(), id).unwrap().unwrap();
        assert_eq!(
            (
                o.kind.as_str(),
                o.terms.as_str(),
                o.judicial,
                o.reply_due.clone()
            ),
            ("agreement", "赔偿 2000 元", true, None),
            "{e:?}"
        );
        assert_eq!(
            queries::status(s.db(), id).unwrap(),
            Some(Status::Agreement)
        );
        assert_eq!(queries::level(s.db(), id).unwrap(), Level::Township);
        let actions: Vec<(String, String, String)> = queries::timeline(s.db(), id, 1000)
            .unwrap()
            .into_iter()
            .map(|a| (a.action, a.old, a.new))
            .collect();
        let deadline = to_sql(s.mediation_term(1, at(16, 9)).unwrap());
        let first = &actions[0];
        assert_eq!(first.0, "case.create", "{e:?}");
        let rest: Vec<(&str, &str, &str)> = actions[1..]
            .iter()
            .map(|(a, o, n)| (a.as_str(), o.as_str(), n.as_str()))
            .collect();
        let old_deadline = created.deadline_at.map(to_sql).unwrap_or_default();
        assert_eq!(
            rest,
            [
                ("case.status", "registered", "assigned"),
                ("case.attempt", "1/3", "电话沟通"),
                ("case.status", "assigned", "in_mediation"),
                ("case.deadline", old_deadline.as_str(), deadline.as_str()),
                ("case.status", "in_mediation", "agreement"),
            ],
            "{e:?}"
        );
        // The latest events only, oldest first.
        let last: Vec<String> = queries::timeline(s.db(), id, 2)
            .unwrap()
            .into_iter()
            .map(|a| a.action)
            .collect();
        assert_eq!(last, ["case.deadline", "case.status"], "{e:?}");
        // The whole detail as the case pane opens it (its list row read through the visible
        // centres), the owner named in the timeline.
        let d = s.case_detail(id).unwrap();
        assert_eq!(
            (
                d.row.case_no.as_str(),
                d.row.status,
                d.row.active,
                d.row.owner_id
            ),
            (
                created.case_no.as_str(),
                Status::Agreement,
                false,
                Some(m1.staff_id)
            ),
            "{e:?}"
        );
        assert_eq!(d.row.owner.as_deref(), Some("员工M1"), "{e:?}");
        assert_eq!(
            (d.summary.as_str(), d.people, d.attempts, d.colour_computed),
            ("楼上漏水", 1, [1, 0, 0], Colour::Blue),
            "{e:?}"
        );
        assert_eq!(d.ladder().level, Level::Township);
        assert_eq!((d.parties, d.outcome), (parties, Some(o)), "{e:?}");
        assert_eq!(d.term_end, s.mediation_term(1, at(16, 9)).unwrap());
        assert_eq!(d.timeline.len(), 6, "{e:?}");
        assert!(s.case_rows(&[id, id + 100]).unwrap().len() == 1);
        // The visitor's slip, by number.
        let slip = s.slip(&format!(" {} ", created.case_no)).unwrap();
        assert_eq!(
            (slip.received_at, slip.colour, slip.deadline_at),
            (Some(at(16, 9)), Colour::Blue, st.deadline),
            "{e:?}"
        );
        assert_eq!(
            (slip.owner_name, slip.applicant, slip.received_centre),
            (Some("员工M1".into()), Some("张伟".into()), None),
            "{e:?}"
        );
        assert!(matches!(s.slip("2026-1116-999"), Err(StoreError::NotFound)));
    });
}
