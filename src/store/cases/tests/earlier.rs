//! Triage store tests: lookup by phone, ID and name; attaching visits; routing inputs; slips.
use crate::domain::case_rule::CaseRule;
use crate::domain::channel::Channel;
use crate::domain::risk::ResponseHours;
use crate::domain::role::Role;
use crate::domain::routing::Hours;
use crate::store::*;
use chrono::{Duration, NaiveDateTime};
use chrono::{NaiveDate, NaiveTime};

fn at(d: u32, h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, d)
        .unwrap()
        .and_hms_opt(h, 0, 0)
        .unwrap()
}

fn add(s: &mut Store, by: Option<Actor>, code: &str, role: Role, langs: &[&str]) -> Actor {
    let id = s
        .add_staff(
            by,
            &NewStaff {
                code: code.into(),
                name: format!("员工{code}"),
                role,
                languages: langs.iter().map(|l| l.to_string()).collect(),
                specialties: vec!["neighbour".into()],
                team: Some("people".into()),
                pin: "1234".into(),
                centre_id: None,
            },
            at(20, 8),
        )
        .unwrap();
    Actor { staff_id: id, role }
}

fn case(name: &str, phone: Option<&str>, id: Option<&str>, when: NaiveDateTime) -> NewCase {
    NewCase::walk_in(
        when,
        "neighbour",
        "楼上漏水",
        NewParty {
            id_number: id.map(String::from),
            ..NewParty::named(name, phone)
        },
    )
}

fn setup() -> (Store, Actor, Actor) {
    let mut s = Store::open_in_memory().unwrap();
    let lead = add(&mut s, None, "L1", Role::Lead, &["zh"]);
    let desk = add(&mut s, Some(lead), "D1", Role::Desk, &["zh"]);
    (s, lead, desk)
}

#[test]
fn finds_earlier_cases_by_phone_id_and_name_newest_first() {
    let (mut s, _, desk) = setup();
    let h = ResponseHours::default();
    let id = "11010519491231002X";
    s.create_case(
        desk,
        &case("张伟", Some("138 1234 5678"), None, at(1, 9)),
        &h,
    )
    .unwrap();
    s.create_case(desk, &case("张伟明", None, Some(id), at(2, 9)), &h)
        .unwrap();
    s.create_case(desk, &case("李娜", Some("13900000000"), None, at(3, 9)), &h)
        .unwrap();

    let by_phone = s.parties_by_phone("13812345678", 10).unwrap();
    assert_eq!(by_phone.len(), 1);
    assert_eq!(s.parties_by_id_number(id, 10).unwrap().len(), 1);
    assert!(s.parties_by_phone("13812345679", 10).unwrap().is_empty());

    let by_name = s.parties_by_name_prefix("张伟", 10).unwrap();
    assert_eq!(by_name.len(), 2);
    let cases = s.cases_of_parties(&by_name, 10).unwrap();
    let names: Vec<_> = cases.iter().map(|c| c.party_name.as_str()).collect();
    assert_eq!(names, ["张伟明", "张伟"], "newest first");
    assert!(cases[0].is_open());
    assert_eq!(s.parties_by_name_prefix("zhangw", 10).unwrap().len(), 2);
    assert_eq!(s.parties_by_name_prefix("  ", 10).unwrap().len(), 0);
    assert_eq!(
        s.parties_by_name_prefix("张", 1).unwrap().len(),
        1,
        "limited"
    );
}

#[test]
fn attaching_a_visit_counts_it_and_is_audited() {
    let (mut s, _, desk) = setup();
    let c = s
        .create_case(
            desk,
            &case("张伟", None, None, at(1, 9)),
            &ResponseHours::default(),
        )
        .unwrap();
    let n = s
        .attach_visit(desk, c.id, Channel::Phone, at(5, 10), "又来问进度")
        .unwrap();
    assert_eq!(n, 2);
    let (visits, audit): (u32, String) = s
        .lite_conn()
        .query_row(
            "SELECT (SELECT COUNT(*) FROM visits WHERE case_id = ?1),
                    (SELECT old || '>' || new FROM audit WHERE case_id = ?1 AND action = 'case.visit')",
            [c.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((visits, audit.as_str()), (2, "1>2"));
    assert_eq!(
        s.attach_visit(desk, 999, Channel::Phone, at(5, 10), "")
            .unwrap_err()
            .i18n_key(),
        StoreError::NotFound.i18n_key()
    );
    s.lite_conn()
        .execute(
            "UPDATE cases SET status = 'closed', active = 0, closed_at = updated_at",
            [],
        )
        .unwrap();
    assert!(matches!(
        s.attach_visit(desk, c.id, Channel::Phone, at(5, 11), ""),
        Err(StoreError::Case(CaseRule::AttachClosed))
    ));
}

#[test]
fn routing_candidates_carry_load_languages_and_free_slot() {
    let (mut s, lead, desk) = setup();
    let m1 = add(&mut s, Some(lead), "M1", Role::Mediator, &["zh"]);
    let m2 = add(&mut s, Some(lead), "M2", Role::Mediator, &["zh", "hmn"]);
    let mut c = case("张伟", None, None, at(24, 9));
    c.owner_id = Some(m1.staff_id);
    s.create_case(desk, &c, &ResponseHours::default()).unwrap();
    s.lite_conn()
        .execute(
            "INSERT INTO sessions (case_id, mediator_id, starts_at, ends_at) VALUES
             (1, ?1, '2026-11-24 09:30:00', '2026-11-24 10:30:00')",
            [m2.staff_id],
        )
        .unwrap();
    let hours = Hours {
        start: NaiveTime::from_hms_opt(8, 30, 0).unwrap(),
        end: NaiveTime::from_hms_opt(17, 30, 0).unwrap(),
        days: vec![1, 2, 3, 4, 5],
    };
    let now = at(24, 9) + Duration::minutes(30);
    let cands = s.routing_candidates(now, &hours).unwrap();
    assert_eq!(cands.len(), 2, "only mediators");
    assert_eq!((cands[0].code.as_str(), cands[0].open_cases), ("M1", 1));
    assert_eq!(cands[0].next_free, Some(now));
    assert_eq!(cands[1].languages, ["zh", "hmn"]);
    assert_eq!(cands[1].next_free, Some(now + Duration::hours(1)));
}

#[test]
fn slip_reads_case_owner_and_applicant() {
    let (mut s, _, desk) = setup();
    let c = s
        .create_case(
            desk,
            &case("张伟", None, None, at(24, 9)),
            &ResponseHours::default(),
        )
        .unwrap();
    let slip = s.slip(&c.case_no).unwrap();
    assert_eq!(slip.applicant.as_deref(), Some("张伟"));
    assert_eq!(slip.deadline_at, c.deadline_at);
    assert_eq!(slip.owner_name, None);
    assert!(matches!(s.slip("2000-0101-001"), Err(StoreError::NotFound)));
}

/// The per-keystroke queries must be answered from indexes (a scan misses the budget 50×).
#[test]
fn lookup_queries_use_indexes() {
    let (s, _, _) = setup();
    let plan = |sql: &str| -> String {
        let mut stmt = s
            .lite_conn()
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap();
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap();
        rows.join(" | ")
    };
    let p = plan("SELECT id FROM parties WHERE name >= '张' AND name < '张\u{10FFFF}' LIMIT 60");
    assert!(p.contains("parties_name"), "{p}");
    let p = plan(
        "SELECT id FROM parties WHERE name_keys >= 'zw' AND name_keys < 'zw\u{10FFFF}' LIMIT 60",
    );
    assert!(p.contains("parties_name_keys"), "{p}");
    let p = plan("SELECT id FROM parties WHERE phone = '13812345678' LIMIT 60");
    assert!(p.contains("parties_phone"), "{p}");
    let p = plan("SELECT id FROM parties WHERE id_number = 'x' LIMIT 60");
    assert!(p.contains("parties_id_number"), "{p}");
    let p = plan(
        "SELECT c.id FROM case_parties cp JOIN cases c ON c.id = cp.case_id
         WHERE cp.party_id IN (1, 2, 3) GROUP BY c.id ORDER BY c.received_at DESC LIMIT 12",
    );
    assert!(
        p.contains("case_parties_party") || p.contains("PRIMARY KEY"),
        "{p}"
    );
    assert!(!p.contains("SCAN c"), "{p}");
}

/// A case saved with no team gets the routing rule's (domain::team_rule): the walk-in,
/// elder support with a threat, at the family desk; without one, at people's mediation; ten
/// workers' wages three weeks before Spring Festival, filed under "other", at labour.
#[test]
fn a_case_saved_without_a_team_goes_where_the_routing_rule_sends_it() {
    use crate::domain::risk::RiskFlag;
    let (mut s, _, desk) = setup();
    let elder = |name: &str| {
        NewCase::walk_in(
            at(24, 9),
            "family.elder",
            "儿子拒付赡养费",
            NewParty::named(name, None),
        )
    };
    let threat = NewCase {
        flags: vec![RiskFlag::Violence],
        red_acknowledged: true,
        ..elder("王秀英")
    };
    let january = NaiveDate::from_ymd_opt(2027, 1, 15)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    let wages = NewCase {
        flags: vec![RiskFlag::WagesBeforeFestival],
        people: 10,
        ..NewCase::walk_in(
            january,
            "other",
            "包工头拖欠十人工资",
            NewParty::named("刘强", None),
        )
    };
    for (c, team) in [
        (threat, "women"),
        (elder("李桂兰"), "people"),
        (wages, "labour"),
    ] {
        let r = s.create_case(desk, &c, &ResponseHours::default()).unwrap();
        let saved: String = s
            .lite_conn()
            .query_row("SELECT team FROM cases WHERE id = ?1", [r.id], |row| {
                row.get(0)
            })
            .unwrap();
        assert_eq!(saved, team, "{}", c.summary);
    }
}
