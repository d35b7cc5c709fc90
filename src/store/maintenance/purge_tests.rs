//! Retention: a purge anonymises exactly the cases closed before the date and the parties that
//! belong only to such cases, and leaves every other row of every table byte for byte as it was.
use super::*;
use crate::domain::role::Role;
use rusqlite::types::Value;
use std::collections::BTreeMap;

fn t(d: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, d)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

/// Every row of every table, ordered by all its columns. FTS5 tables and their shadow tables
/// are left out (their pages are rewritten wholesale); the search checks cover them.
fn dump(s: &Store) -> BTreeMap<String, Vec<Vec<Value>>> {
    let tables: Vec<String> = s
        .lite_conn()
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table'
             AND name NOT LIKE 'case_grams%' AND name NOT LIKE 'party_grams%' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|n| n.unwrap())
        .collect();
    tables
        .into_iter()
        .map(|table| {
            let st = s
                .lite_conn()
                .prepare(&format!("SELECT * FROM \"{table}\""))
                .unwrap();
            let n = st.column_count();
            let order = (1..=n)
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(", ");
            drop(st);
            let mut st = s
                .lite_conn()
                .prepare(&format!("SELECT * FROM \"{table}\" ORDER BY {order}"))
                .unwrap();
            let rows = st
                .query_map([], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect())
                .unwrap()
                .map(|r| r.unwrap())
                .collect();
            (table, rows)
        })
        .collect()
}

fn text(v: &str) -> Value {
    Value::Text(v.into())
}

/// The version just before closing times were filled in and enforced: the fixture's rows are
/// written as older onedoors (and the demo generator) left them.
fn legacy_version() -> i64 {
    super::super::migrations::before_closed_at()
}

struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
    lead: Actor,
}

/// Cases 1 closed 11-03, 2 closed 11-20, 3 closed with no time (audited closed 11-15), 4 closed
/// with no time nor audit entry (last updated 11-04), 5 open, 6 merged into 5 on 11-05.
/// Parties: 1 only on case 1; 2 on 1 and 2; 3 on 1 and 3; 4 only on 4; 5 on 1 and 5; 6 only on
/// 3; 7 on 6 (moves to 5 with the merge); 8 only on 2.
fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("purge.db");
    let mut c = rusqlite::Connection::open(&path).unwrap();
    super::super::migrations::migrate_to(&mut c, legacy_version()).unwrap();
    c.execute_batch(
        "INSERT INTO staff (code, name, role, pin_hash, created_at)
            VALUES ('L1', '王建国', 'lead', 'x', '2026-10-01 09:00:00');",
    )
    .unwrap();
    for (i, name) in [
        "甲一", "乙二", "丙三", "丁四", "戊五", "己六", "庚七", "辛八",
    ]
    .iter()
    .enumerate()
    {
        c.execute(
            "INSERT INTO parties (id, name, name_keys, phone, id_number, address, language, vulnerability)
             VALUES (?1, ?2, 'k' || ?1, '1391234567' || ?1, NULL, '城关镇' || ?1 || '号', 'zh', '')",
            rusqlite::params![i as i64 + 1, name],
        )
        .unwrap();
    }
    // id, status, active, closed_at, updated_at, first party
    type Row<'a> = (i64, &'a str, bool, Option<&'a str>, &'a str, i64);
    let cases: [Row; 6] = [
        (
            1,
            "closed",
            false,
            Some("2026-11-03 10:00:00"),
            "2026-11-03 10:00:00",
            1,
        ),
        (
            2,
            "closed",
            false,
            Some("2026-11-20 10:00:00"),
            "2026-11-20 10:00:00",
            2,
        ),
        (3, "closed", false, None, "2026-11-15 10:00:00", 6),
        (4, "closed", false, None, "2026-11-04 10:00:00", 4),
        (5, "assigned", true, None, "2026-11-02 09:00:00", 5),
        (6, "registered", true, None, "2026-11-02 09:30:00", 7),
    ];
    for (id, status, active, closed, updated, first) in cases {
        c.execute(
            "INSERT INTO cases (id, case_no, received_at, channel, category, colour, colour_computed,
                status, active, summary, description, updated_at, first_party_id, closed_at, owner_id)
             VALUES (?1, '2026-1102-00' || ?1, '2026-11-02 09:00:00', 'walk_in', 'neighbour', 3, 3,
                ?2, ?3, '楼上漏水' || ?1, '详细情况' || ?1, ?4, ?5, ?6, 1)",
            rusqlite::params![id, status, active, updated, first, closed],
        )
        .unwrap();
    }
    for (case, party) in [
        (1, 1),
        (1, 2),
        (2, 2),
        (1, 3),
        (3, 3),
        (4, 4),
        (1, 5),
        (5, 5),
        (3, 6),
        (6, 7),
        (2, 8),
    ] {
        c.execute(
            "INSERT INTO case_parties (case_id, party_id, role) VALUES (?1, ?2, 'applicant')",
            [case, party],
        )
        .unwrap();
    }
    c.execute_batch(
        "INSERT INTO audit (at, staff_id, case_id, action, field, old, new)
            VALUES ('2026-11-15 10:00:00', 1, 3, 'case.status', 'status', 'agreement', 'closed');",
    )
    .unwrap();
    drop(c);
    let mut store = Store::open(&path).unwrap();
    let lead = Actor {
        staff_id: 1,
        role: Role::Lead,
    };
    store.merge_cases(lead, 5, 6, t(5)).unwrap();
    Fixture {
        _dir: dir,
        store,
        lead,
    }
}

#[test]
fn purge_changes_exactly_the_rows_closed_before_the_date() {
    let Fixture {
        _dir,
        store: mut s,
        lead,
    } = fixture();
    let before = dump(&s);

    let dry = s
        .purge_closed_before(lead, t(10).date(), true, t(24))
        .unwrap();
    assert_eq!(
        dry,
        PurgeCount {
            cases: 3,
            parties: 2
        },
        "cases 1, 4 and 6; parties 1 and 4"
    );
    assert_eq!(dump(&s), before, "a dry run changes nothing");

    let done = s
        .purge_closed_before(lead, t(10).date(), false, t(24))
        .unwrap();
    assert_eq!(done, dry, "the real run counts what the dry run counted");
    let after = dump(&s);

    let (purged_cases, purged_parties) = ([1, 4, 6], [1, 4]);
    for (table, rows) in &before {
        let got = &after[table];
        match table.as_str() {
            "cases" => {
                assert_eq!(got.len(), rows.len());
                let (summary, description) =
                    (col(&s, "cases", "summary"), col(&s, "cases", "description"));
                for (b, a) in rows.iter().zip(got) {
                    let mut want = b.clone();
                    if purged_cases.contains(&id(b)) {
                        want[summary] = text(ANONYMISED);
                        want[description] = text("");
                    }
                    assert_eq!(a, &want, "case {}", id(b));
                }
            }
            "parties" => {
                assert_eq!(got.len(), rows.len());
                for (b, a) in rows.iter().zip(got) {
                    let mut want = b.clone();
                    if purged_parties.contains(&id(b)) {
                        for (c, v) in [
                            ("name", text(ANONYMISED)),
                            ("name_keys", text("")),
                            ("phone", Value::Null),
                            ("id_number", Value::Null),
                            ("address", text("")),
                            ("language", text("")),
                            ("vulnerability", text("")),
                        ] {
                            want[col(&s, "parties", c)] = v;
                        }
                    }
                    assert_eq!(a, &want, "party {}", id(b));
                }
            }
            "party_keys" => {
                // party_keys is (key, party_id): the purged parties' keys go with their names.
                let want: Vec<_> = rows
                    .iter()
                    .filter(|r| {
                        !purged_parties.contains(&match r[1] {
                            Value::Integer(i) => i,
                            _ => panic!("party id"),
                        })
                    })
                    .cloned()
                    .collect();
                assert_eq!(got, &want);
            }
            "audit" => {
                assert_eq!(&got[..rows.len()], &rows[..]);
                assert_eq!(got.len(), rows.len() + 1);
                assert_eq!(got[rows.len()][4], text("purge"));
            }
            _ => assert_eq!(got, rows, "{table}"),
        }
    }
    // The name and summary indexes follow: a purged name or summary is found no more.
    let found = |q: &str| -> Vec<i64> {
        let mut v: Vec<i64> = s
            .search_cases(q, 20, t(24))
            .unwrap()
            .into_iter()
            .map(|h| h.row.id)
            .collect();
        v.sort();
        v
    };
    assert!(found("甲一").is_empty());
    assert_eq!(
        found("乙二"),
        [1, 2],
        "a party of a later-closed case keeps its name"
    );
    assert_eq!(found("丙三"), [1, 3]);
    assert_eq!(
        found("庚七"),
        [5],
        "moved to the open survivor with the merge"
    );
    assert_eq!(
        found("楼上漏水"),
        [2, 3, 5],
        "purged summaries are found no more"
    );

    // Purging again finds nothing new.
    assert_eq!(
        s.purge_closed_before(lead, t(10).date(), true, t(24))
            .unwrap(),
        PurgeCount::default()
    );
}

fn id(row: &[Value]) -> i64 {
    match row[0] {
        Value::Integer(i) => i,
        _ => panic!("id"),
    }
}

fn col(s: &Store, table: &str, name: &str) -> usize {
    let st = s
        .lite_conn()
        .prepare(&format!("SELECT * FROM {table}"))
        .unwrap();
    st.column_index(name).unwrap()
}

/// The closing time filled in for rows older onedoors left without one: the audit entry that
/// closed the case, else the merge that closed it, else its last update.
#[test]
fn closing_times_are_filled_in_and_required() {
    let Fixture { _dir, store: s, .. } = fixture();
    let closed: Vec<(i64, Option<String>)> = s
        .lite_conn()
        .prepare("SELECT id, closed_at FROM cases WHERE status = 'closed' ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let at = |s: &str| Some(s.to_string());
    assert_eq!(
        closed,
        [
            (1, at("2026-11-03 10:00:00")),
            (2, at("2026-11-20 10:00:00")),
            (3, at("2026-11-15 10:00:00")),
            (4, at("2026-11-04 10:00:00")),
            (6, at("2026-11-05 09:00:00")),
        ]
    );
    // The schema refuses a closed case without its time, whichever way it comes.
    assert!(
        s.lite_conn()
            .execute("UPDATE cases SET closed_at = NULL WHERE id = 1", [])
            .is_err()
    );
    assert!(
        s.lite_conn()
            .execute(
                "UPDATE cases SET status = 'closed', active = 0 WHERE id = 5",
                []
            )
            .is_err()
    );
    assert!(
        s.lite_conn()
            .execute(
                "INSERT INTO cases (case_no, received_at, channel, category, colour, colour_computed,
                    status, active, summary, updated_at)
                 VALUES ('2026-1102-099', '2026-11-02 09:00:00', 'walk_in', 'neighbour', 3, 3,
                    'closed', 0, 'x', '2026-11-02 09:00:00')",
                [],
            )
            .is_err()
    );
}
