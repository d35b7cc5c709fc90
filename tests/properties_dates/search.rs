//! The search box (Cases pane, `onedoor find`) and the triage name lookup on a demo store:
//! any query is answered without error or panic, FTS5 syntax in a query is inert, and what a
//! clerk copies from a case (its number, a phone, a name) finds that case.
use super::{config, huge_inputs, typed};
use crate::common::app as common;
use onedoor::search::NameIndex;
use onedoor::store::{MatchKind, Store, grams};
use proptest::prelude::*;
use proptest::test_runner::TestRunner;
use std::time::{Duration, Instant};

struct Demo {
    store: Store,
    names: NameIndex,
    /// (case id, case number, applicant name, applicant phone) of every case.
    cases: Vec<(i64, String, String, Option<String>)>,
    _dir: tempfile::TempDir,
}

fn demo() -> Demo {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("search.db");
    let data = common::Demo {
        now: now(),
        ..common::demo(300)
    };
    let store = data.create(&path);
    let mut names = NameIndex::new();
    store
        .for_each_party_name(|id, name, keys| {
            names.insert(id, name, keys);
        })
        .unwrap();
    names.compact();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT c.id, c.case_no, p.name, p.phone FROM cases c
             JOIN case_parties cp ON cp.case_id = c.id AND cp.role = 'applicant'
             JOIN parties p ON p.id = cp.party_id GROUP BY c.id ORDER BY c.id",
        )
        .unwrap();
    let cases = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    assert!(cases.len() >= 300, "{}", cases.len());
    drop(stmt);
    Demo {
        store,
        names,
        cases,
        _dir: dir,
    }
}

fn now() -> chrono::NaiveDateTime {
    super::today().and_hms_opt(10, 0, 0).unwrap()
}

/// What people type in a search box, FTS5 and LIKE syntax included.
fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        typed(),
        "[张王李伟芳a-zA-Z0-9 \"*()^:+\\-%_]{0,12}",
        "(NEAR|AND|OR|NOT|\\*|\"|\\(|\\)|-|张|伟|wei|1124|13[0-9]{2}| ){1,8}",
    ]
}

#[test]
fn any_query_is_answered_and_fts_syntax_is_inert() {
    let d = demo();
    let mut runner = TestRunner::new(config(96));
    runner
        .run(&query(), |q| {
            for names in [None, Some(&d.names)] {
                let hits = d.store.search_cases_with(&q, 20, now(), names);
                let hits = hits.map_err(|e| TestCaseError::fail(format!("{q:?}: {e}")))?;
                prop_assert!(hits.len() <= 20);
            }
            let prefix = d.store.parties_by_name_prefix(&q, 20);
            prop_assert!(prefix.is_ok(), "{:?}: {:?}", q, prefix.err());
            if let Some(fts) = grams::gram_query(&q) {
                // Only letters, digits and the phrase syntax we add ever reach FTS5.
                let ours = fts.replace(" AND ", " ");
                prop_assert!(
                    ours.chars()
                        .all(|c| c.is_alphanumeric() || " \"*".contains(c)),
                    "{:?} -> {:?}",
                    q,
                    fts
                );
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn what_a_clerk_copies_from_a_case_finds_it() {
    let d = demo();
    let mut runner = TestRunner::new(config(64));
    let pick = (0..d.cases.len(), any::<bool>());
    runner
        .run(&pick, |(i, spaced)| {
            let (id, case_no, name, phone) = &d.cases[i];
            let found = |q: &str, names, kind| -> Result<bool, TestCaseError> {
                let hits = d
                    .store
                    .search_cases_with(q, 200, now(), names)
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
                Ok(hits.iter().any(|h| h.row.id == *id && h.kind == kind))
            };
            // The number as printed on the slip, or read out with spaces.
            let no = if spaced {
                case_no.replace('-', " ")
            } else {
                case_no.clone()
            };
            prop_assert!(found(&no, None, MatchKind::CaseNo)?, "{}", no);
            if let Some(p) = phone {
                prop_assert!(found(p, None, MatchKind::Phone)?, "{}", p);
            }
            for names in [None, Some(&d.names)] {
                prop_assert!(found(name, names, MatchKind::Name)?, "{}", name);
            }
            let prefix: String = name.chars().take(1).collect();
            let ids = d
                .store
                .parties_by_name_prefix(&prefix, 10_000)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(!ids.is_empty(), "{}", prefix);
            Ok(())
        })
        .unwrap();
}

#[test]
fn huge_queries_are_answered_promptly() {
    let d = demo();
    for q in huge_inputs() {
        let start = Instant::now();
        for names in [None, Some(&d.names)] {
            d.store.search_cases_with(&q, 20, now(), names).unwrap();
        }
        d.store.parties_by_name_prefix(&q, 20).unwrap();
        d.names.search(&q, 10);
        let took = start.elapsed();
        assert!(
            took < Duration::from_secs(2),
            "{took:?} for {}…",
            q.chars().take(12).collect::<String>()
        );
    }
}
