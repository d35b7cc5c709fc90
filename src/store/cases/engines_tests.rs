//! Registering a case on both engines (store/testing.rs `both_engines`): the same number,
//! parties, pinyin keys, search grams, first visit and audit; and on PostgreSQL, desks saving
//! at once on the same day draw unique, gap-free numbers from the day's counter row.
use crate::domain::risk::{Colour, ResponseHours};
use crate::domain::role::Role;
use crate::store::db::testing::TestPg;
use crate::store::db::{Engine, Param};
use crate::store::testing::{add_staff, both_engines};
use crate::store::*;
use chrono::{NaiveDate, NaiveDateTime};

fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, d)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

fn walk_in(when: NaiveDateTime, summary: &str, name: &str) -> NewCase {
    let mut applicant = NewParty::named(name, Some("13800138000"));
    applicant.address = "城关镇东街 3 号".into();
    NewCase::walk_in(when, "neighbour", summary, applicant)
}

/// How many rows of `table` hold the search token `gram`: FTS5 on SQLite, the `grams` text[]
/// column on PostgreSQL.
fn with_gram(s: &Store, table: &str, gram: &str) -> i64 {
    let sql = match (s.engine(), table) {
        (Engine::Sqlite, "cases") => {
            "SELECT COUNT(*) FROM case_grams WHERE case_grams MATCH '\"' || ?1 || '\"'"
        }
        (Engine::Sqlite, _) => {
            "SELECT COUNT(*) FROM party_grams WHERE party_grams MATCH '\"' || ?1 || '\"'"
        }
        (Engine::Postgres, "cases") => {
            "SELECT CAST(COUNT(*) AS BIGINT) FROM cases WHERE grams @> ARRAY[?1]"
        }
        (Engine::Postgres, _) => {
            "SELECT CAST(COUNT(*) AS BIGINT) FROM parties WHERE grams @> ARRAY[?1]"
        }
    };
    s.number(sql, &[&gram])
}

fn count(s: &Store, sql: &str, p: &[&dyn Param]) -> i64 {
    s.number(sql, p)
}

#[test]
fn registering_a_case_on_both_engines() {
    both_engines(|s| {
        let lead = add_staff(s, None, "L1", Role::Lead, at(1, 8, 0));
        let h = ResponseHours::default();
        let first = s
            .create_case(lead, &walk_in(at(3, 9, 0), "拖欠工资三个月", "王秀英"), &h)
            .unwrap();
        let second = s
            .create_case(lead, &walk_in(at(3, 9, 30), "欠薪，3万元", "李强"), &h)
            .unwrap();
        let e = s.engine();
        assert_eq!(first.case_no, format_case_no(at(3, 9, 0), 1), "{e:?}");
        assert_eq!(second.case_no, format_case_no(at(3, 9, 30), 2), "{e:?}");
        assert_eq!(first.colour, Colour::Blue);
        assert!(first.deadline_at.is_some_and(|d| d > at(3, 9, 0)));
        assert_eq!(s.case_count().unwrap(), 2);
        // A number past 999 keeps every digit (PostgreSQL's lpad would cut it to three).
        s.db()
            .execute("UPDATE case_counters SET last = 999", &[])
            .unwrap();
        let third = s
            .create_case(lead, &walk_in(at(3, 10, 0), "工地欠薪", "王秀英"), &h)
            .unwrap();
        assert_eq!(third.case_no, format_case_no(at(3, 10, 0), 1000), "{e:?}");
        assert!(third.case_no.ends_with("-1000"), "{}", third.case_no);
        let one = |sql: &str, id: i64| count(s, sql, &[&id]);
        let id = first.id;
        // Its row, party link, pinyin keys (a trigger on both engines), first visit and audit.
        let q = "SELECT CAST(COUNT(*) AS BIGINT) FROM cases WHERE id = ?1 AND active = 1
                 AND status = 'registered' AND people = 1 AND visits = 1 AND centre_id = 1
                 AND received_centre_id = 1 AND updated_at = received_at";
        assert_eq!(one(q, id), 1, "{e:?}");
        let q = "SELECT CAST(COUNT(*) AS BIGINT) FROM case_parties cp
                 JOIN parties p ON p.id = cp.party_id JOIN cases c ON c.first_party_id = p.id
                 WHERE cp.case_id = ?1 AND c.id = ?1 AND cp.role = 'applicant'
                 AND p.name = '王秀英' AND p.phone = '13800138000' AND p.needs_interpreter = 0";
        assert_eq!(one(q, id), 1, "{e:?}");
        let q = "SELECT CAST(COUNT(*) AS BIGINT) FROM party_keys k
                 JOIN case_parties cp ON cp.party_id = k.party_id
                 WHERE cp.case_id = ?1 AND k.key = 'wangxiuying'";
        assert_eq!(one(q, id), 1, "{e:?}");
        let q = "SELECT CAST(COUNT(*) AS BIGINT) FROM visits WHERE case_id = ?1";
        assert_eq!(one(q, id), 1, "{e:?}");
        let q = "SELECT CAST(COUNT(*) AS BIGINT) FROM audit
                 WHERE case_id = ?1 AND action = 'case.create' AND new = ?2";
        let what = format!("{} blue", first.case_no);
        assert_eq!(count(s, q, &[&id, &what]), 1, "{e:?}");
        // Searchable by the summary's two-character words and the name's.
        assert_eq!(with_gram(s, "cases", "欠薪"), 2, "{e:?}");
        assert_eq!(with_gram(s, "cases", "工资"), 1, "{e:?}");
        assert_eq!(with_gram(s, "cases", "漏水"), 0, "{e:?}");
        assert_eq!(with_gram(s, "parties", "秀英"), 2, "{e:?}");
        assert_eq!(with_gram(s, "parties", "李强"), 1, "{e:?}");
    });
}

/// Eight desks registering cases on the same day at the same moment, each on its own
/// connection: every save goes through (SERIALIZABLE, retried), and the day's numbers are
/// 1..=N with no gap and no repeat (the counter row updated in each save's transaction).
#[test]
fn desks_saving_at_once_draw_unique_gap_free_numbers_on_postgres() {
    const DESKS: usize = 8;
    const EACH: usize = 3;
    let Some(pg) = TestPg::empty() else { return };
    let url = pg.url();
    let mut s = Store::connect(&url).unwrap();
    let lead = add_staff(&mut s, None, "L1", Role::Lead, at(1, 8, 0));
    let h = ResponseHours::default();
    let barrier = std::sync::Barrier::new(DESKS);
    let mut numbers: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..DESKS)
            .map(|desk| {
                let mut own = Store::connect(&url).unwrap();
                let (barrier, h) = (&barrier, &h);
                scope.spawn(move || {
                    barrier.wait();
                    (0..EACH)
                        .map(|i| {
                            let c = walk_in(at(3, 9, desk as u32), "欠薪", &format!("当事人{i}"));
                            own.create_case(lead, &c, h).unwrap().case_no
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    numbers.sort();
    let expected: Vec<String> = (1..=(DESKS * EACH) as i64)
        .map(|n| format_case_no(at(3, 9, 0), n))
        .collect();
    assert_eq!(numbers, expected);
    assert_eq!(s.case_count().unwrap(), (DESKS * EACH) as i64);
    let created = s.number(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM audit WHERE action = 'case.create'",
        &[],
    );
    assert_eq!(created, (DESKS * EACH) as i64);
}
