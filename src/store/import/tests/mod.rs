//! Store side of imports: one transaction, the desk's numbering, audit and search keys, roles.
mod record;

use crate::domain::risk::{Colour, ResponseHours};
use crate::domain::role::Role;
use crate::store::testing::add_staff;
use crate::store::*;
use chrono::{NaiveDate, NaiveDateTime};

fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, d)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

pub(super) fn now() -> NaiveDateTime {
    at(24, 17, 0)
}

/// A store with a lead, a desk clerk and a mediator.
pub(super) fn store() -> (Store, Actor, Actor, Actor) {
    let mut s = Store::open_in_memory().unwrap();
    let lead = add_staff(&mut s, None, "L1", Role::Lead, at(1, 8, 0));
    let desk = add_staff(&mut s, Some(lead), "D1", Role::Desk, at(1, 8, 0));
    let med = add_staff(&mut s, Some(lead), "M1", Role::Mediator, at(1, 8, 0));
    (s, lead, desk, med)
}

fn case(received: NaiveDateTime, name: &str, summary: &str) -> NewCase {
    let mut c = NewCase::walk_in(
        received,
        "neighbour",
        summary,
        NewParty::named(name, Some("13812345678")),
    );
    c.parties[0].1.language = "zh".into();
    c
}

pub(super) fn rows(n: usize) -> Vec<ImportRow> {
    (0..n)
        .map(|i| ImportRow {
            line: i as u64 + 2,
            case: case(
                at(1 + (i % 20) as u32, 9, (i % 60) as u32),
                "王建国",
                "楼上漏水多次协商未果",
            ),
        })
        .collect()
}

/// Everything an import may touch, counted.
pub(super) fn footprint(s: &Store) -> Vec<i64> {
    [
        "cases",
        "parties",
        "case_parties",
        "visits",
        "audit",
        "party_keys",
        "case_counters",
    ]
    .iter()
    .map(|t| {
        s.lite_conn()
            .query_row(&format!("SELECT COUNT(*) FROM {t}"), [], |r| r.get(0))
            .unwrap()
    })
    .chain([s
        .lite_conn()
        .query_row("SELECT ifnull(sum(last), 0) FROM case_counters", [], |r| {
            r.get(0)
        })
        .unwrap()])
    .collect()
}

fn import(s: &mut Store, by: Actor, rows: &[ImportRow], dry: bool) -> Result<ImportOutcome> {
    let source = ImportSource {
        file_name: "register.csv",
        sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        again: false,
    };
    s.import_cases(by, rows, &ResponseHours::default(), &source, dry, now())
}

#[test]
fn a_bad_row_500_or_a_failure_mid_write_leaves_the_database_unchanged() {
    let (mut s, lead, desk, _) = store();
    s.create_case(
        desk,
        &case(at(3, 9, 0), "李四", "噪音"),
        &ResponseHours::default(),
    )
    .unwrap();
    let before = footprint(&s);
    let mut rs = rows(600);
    rs[498].case.parties[0].1.phone = Some("12345".into());
    rs[520].case.summary = " ".into();
    let out = import(&mut s, lead, &rs, false).unwrap();
    assert_eq!(
        out,
        ImportOutcome::Refused(vec![
            RowRefused {
                line: 500,
                key: "err.phone.length"
            },
            RowRefused {
                line: 522,
                key: "err.case.summary"
            },
        ])
    );
    assert_eq!(footprint(&s), before);

    // A failure the checks cannot foresee, at the 500th insert: the whole transaction goes.
    let mut rs = rows(600);
    rs[499].case.summary = "boom".into();
    s.lite_conn()
        .execute_batch(
            "CREATE TEMP TRIGGER boom BEFORE INSERT ON cases WHEN new.summary = 'boom'
             BEGIN SELECT RAISE(ABORT, 'boom'); END;",
        )
        .unwrap();
    assert!(matches!(
        import(&mut s, lead, &rs, false),
        Err(StoreError::Sql(_))
    ));
    assert_eq!(footprint(&s), before);
}

#[test]
fn numbers_follow_the_time_received_and_share_the_desk_counter() {
    let (mut s, lead, desk, _) = store();
    let h = ResponseHours::default();
    let first = s
        .create_case(desk, &case(at(20, 8, 0), "李四", "噪音"), &h)
        .unwrap();
    assert_eq!(first.case_no, "2026-1120-001");
    let rs: Vec<ImportRow> = [
        (2, at(20, 15, 0)),
        (3, at(21, 10, 0)),
        (4, at(20, 9, 0)),
        (5, at(20, 11, 0)),
    ]
    .into_iter()
    .map(|(line, t)| ImportRow {
        line,
        case: case(t, "王建国", "工地欠薪"),
    })
    .collect();
    let ImportOutcome::Imported { cases: done, .. } = import(&mut s, lead, &rs, false).unwrap()
    else {
        panic!()
    };
    let got: Vec<(u64, &str)> = done
        .iter()
        .map(|i| (i.line, i.created.case_no.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (2, "2026-1120-004"),
            (3, "2026-1121-001"),
            (4, "2026-1120-002"),
            (5, "2026-1120-003")
        ]
    );
    let next = s
        .create_case(desk, &case(at(20, 16, 0), "赵六", "噪音"), &h)
        .unwrap();
    assert_eq!(
        next.case_no, "2026-1120-005",
        "the desk carries on after the import"
    );
}

#[test]
fn imported_cases_are_stored_and_audited_like_desk_cases() {
    let (mut s, lead, _, _) = store();
    let h = ResponseHours::default();
    let desk_made = s
        .create_case(lead, &case(at(20, 9, 0), "覃小燕", "邻居占道堆物"), &h)
        .unwrap();
    let mut c = case(at(20, 9, 0), "覃小燕", "邻居占道堆物");
    c.colour = Some(Colour::Red);
    c.red_acknowledged = true;
    let rs = [ImportRow { line: 7, case: c }];
    let ImportOutcome::Imported { cases: done, .. } = import(&mut s, lead, &rs, false).unwrap()
    else {
        panic!()
    };
    let imported = &done[0].created;
    assert_eq!(imported.colour, Colour::Red);
    assert_eq!(
        imported.deadline_at,
        Some(at(20, 13, 0)),
        "red: four clock hours"
    );

    // The same row shape: everything but number, id, party and colour is equal.
    let row = |id: i64| -> Vec<String> {
        s.lite_conn()
            .query_row(
                "SELECT received_at, channel, category, status, active, summary, team, received_by,
                        visits, colour_computed, p.name, p.name_keys, p.phone, p.language
                 FROM cases c JOIN parties p ON p.id = c.first_party_id WHERE c.id = ?1",
                [id],
                |r| {
                    (0..14)
                        .map(|i| {
                            r.get::<_, rusqlite::types::Value>(i)
                                .map(|v| format!("{v:?}"))
                        })
                        .collect()
                },
            )
            .unwrap()
    };
    assert_eq!(row(desk_made.id), row(imported.id));
    // Found by search exactly as the desk-made one: pinyin key, bigrams of name and summary.
    for q in ["qinxiaoyan", "qxy", "小燕", "堆物", "5678"] {
        let hits: Vec<i64> = s
            .search_cases(q, 10, now())
            .unwrap()
            .iter()
            .map(|h| h.row.id)
            .collect();
        assert!(
            hits.contains(&imported.id) && hits.contains(&desk_made.id),
            "{q}: {hits:?}"
        );
    }
    let audit: Vec<(Option<i64>, String, String, i64)> = s
        .lite_conn()
        .prepare("SELECT case_id, action, new, staff_id FROM audit WHERE id > (SELECT max(id) FROM audit WHERE action = 'case.create') ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let sid = lead.staff_id;
    assert_eq!(
        audit,
        [
            (
                Some(imported.id),
                "case.import".into(),
                format!("{} red register.csv:7", imported.case_no),
                sid
            ),
            (
                Some(imported.id),
                "case.colour".into(),
                "red ()".into(),
                sid
            ),
            (None, "import.file".into(), "register.csv 1".into(), sid),
        ]
    );
}

#[test]
fn only_a_shift_lead_imports_and_a_dry_run_writes_nothing() {
    let (mut s, lead, desk, med) = store();
    let rs = rows(3);
    let before = footprint(&s);
    for clerk in [desk, med] {
        assert!(matches!(
            import(&mut s, clerk, &rs, false),
            Err(StoreError::Forbidden)
        ));
        assert!(matches!(
            import(&mut s, clerk, &rs, true),
            Err(StoreError::Forbidden)
        ));
    }
    assert_eq!(
        import(&mut s, lead, &rs, true).unwrap(),
        ImportOutcome::Checked {
            rows: 3,
            earlier: None
        }
    );
    assert_eq!(footprint(&s), before);
    let ImportOutcome::Imported { cases: done, .. } = import(&mut s, lead, &rs, false).unwrap()
    else {
        panic!()
    };
    assert_eq!(done.len(), 3);
    assert_eq!(s.case_count().unwrap(), 3);
}
