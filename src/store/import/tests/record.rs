//! The record of each imported file: a repeat is refused naming the first import unless asked
//! again (audited), and every import's "line → case number" list can be read back.
use super::{footprint, now, rows, store};
use crate::domain::import_rule::ImportRule;
use crate::domain::risk::ResponseHours;
use crate::store::*;

const SHA: &str = "5d41402abc4b2a76b9719d911017c592aaaa5d41402abc4b2a76b9719d911017";

fn source(sha: &str, again: bool) -> ImportSource<'_> {
    ImportSource {
        file_name: "台账.csv",
        sha256: sha,
        again,
    }
}

fn run(s: &mut Store, by: Actor, src: &ImportSource, dry: bool) -> ImportOutcome {
    s.import_cases(by, &rows(3), &ResponseHours::default(), src, dry, now())
        .unwrap()
}

#[test]
fn the_same_file_twice_is_refused_naming_the_first_import_unless_again() {
    let (mut s, lead, _, _) = store();
    let ImportOutcome::Imported {
        record: first,
        cases,
    } = run(&mut s, lead, &source(SHA, false), false)
    else {
        panic!()
    };
    assert_eq!(first.file_name, "台账.csv");
    assert_eq!(first.sha256, SHA);
    assert_eq!((first.rows, first.imported_at), (3, now()));
    assert_eq!(first.staff_code, "L1");
    assert_eq!(first.again_of, None);
    // rows(3) were received on the 1st, 2nd and 3rd: the range runs from the first number.
    let mut numbers: Vec<&str> = cases.iter().map(|c| c.created.case_no.as_str()).collect();
    numbers.sort();
    assert_eq!(
        (first.first_case_no.as_str(), first.last_case_no.as_str()),
        (numbers[0], numbers[2])
    );
    let before = footprint(&s);

    // Again, and as a dry run: refused, naming the first import; nothing written.
    for dry in [false, true] {
        assert_eq!(
            run(&mut s, lead, &source(SHA, false), dry),
            ImportOutcome::AlreadyImported(first.clone())
        );
    }
    assert_eq!(footprint(&s), before);
    // A dry run with --again says it was imported before.
    assert_eq!(
        run(&mut s, lead, &source(SHA, true), true),
        ImportOutcome::Checked {
            rows: 3,
            earlier: Some(first.clone())
        }
    );
    assert_eq!(footprint(&s), before);

    // --again imports once more, and the audit says so.
    let ImportOutcome::Imported { record: second, .. } =
        run(&mut s, lead, &source(SHA, true), false)
    else {
        panic!()
    };
    assert_eq!(second.again_of, Some(first.id));
    assert_ne!(second.id, first.id);
    assert_eq!(s.case_count().unwrap(), 6);
    let again: String = s
        .lite_conn()
        .query_row(
            "SELECT new FROM audit WHERE action = 'import.again'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        again,
        format!("台账.csv #{} again of #{}", second.id, first.id)
    );
    // The latest import of the file is the one named next time.
    assert_eq!(
        run(&mut s, lead, &source(SHA, false), false),
        ImportOutcome::AlreadyImported(second)
    );
    // Another file is another file.
    let other = SHA.replace('5', "6");
    assert!(matches!(
        run(&mut s, lead, &source(&other, false), false),
        ImportOutcome::Imported { .. }
    ));
}

#[test]
fn the_list_of_an_import_is_read_back_from_the_database() {
    let (mut s, lead, _, _) = store();
    let ImportOutcome::Imported { record, cases } = run(&mut s, lead, &source(SHA, false), false)
    else {
        panic!()
    };
    let expected: Vec<(u64, String)> = cases
        .iter()
        .map(|c| (c.line, c.created.case_no.clone()))
        .collect();
    assert_eq!(s.import_lines(record.id).unwrap(), expected);
    assert_eq!(s.import_record(record.id).unwrap(), Some(record));
    assert_eq!(s.import_record(99).unwrap(), None);
    assert!(s.import_lines(99).unwrap().is_empty());
}

#[test]
fn a_file_without_cases_is_refused_and_records_nothing() {
    let (mut s, lead, _, _) = store();
    let before = footprint(&s);
    let r = s.import_cases(
        lead,
        &[],
        &ResponseHours::default(),
        &source(SHA, false),
        false,
        now(),
    );
    assert!(
        matches!(r, Err(StoreError::Import(ImportRule::NoRows))),
        "{r:?}"
    );
    assert_eq!(footprint(&s), before);
}
