//! `--as` on the commands that read cases, through the real binary on the county demo: who asks
//! is logged in and the answer is within what they may see — a village clerk gets their
//! village's cases only, the county lead everyone's. Without `--as`, a record of several
//! centres is refused (it would answer with nothing); one of one centre reads as before.
mod common;
use common::cli::{ok, refused, stderr};
use std::collections::BTreeSet;
use std::process::Output;

/// The desk clerk of village DL01 and the county lead; every demo PIN is 1234.
const CLERK: &str = "DL01D";
const LEAD: &str = "L001";

fn run(db: &str, args: &[&str]) -> Output {
    common::cli::onedoor()
        .args(["--db", db, "--lang", "en"])
        .args(args)
        .env("ONEDOOR_PIN", "1234")
        .output()
        .unwrap()
}

/// The county demo (`onedoor demo`): ten centres.
fn county(dir: &tempfile::TempDir, cases: u32) -> String {
    let db = dir.path().join("county.db").to_str().unwrap().to_string();
    ok(&run(&db, &["demo", "--cases", &cases.to_string()]));
    db
}

fn sql_strings(db: &str, sql: &str) -> Vec<String> {
    let c = rusqlite::Connection::open(db).unwrap();
    let mut stmt = c.prepare(sql).unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// Every case number in `text`: `2026-1124-007` or `DL01-2026-1124-007`.
fn case_numbers(text: &str) -> BTreeSet<String> {
    let is_no = |t: &str| {
        let parts: Vec<&str> = t.split('-').collect();
        let tail = &parts[parts.len().saturating_sub(3)..];
        let digits = |s: &str, n: usize| s.len() >= n && s.bytes().all(|b| b.is_ascii_digit());
        (parts.len() == 3 || parts.len() == 4)
            && digits(tail[0], 4)
            && tail[0].len() == 4
            && tail[1].len() == 4
            && digits(tail[1], 4)
            && digits(tail[2], 3)
    };
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|t| is_no(t))
        .map(String::from)
        .collect()
}

fn of_village(nos: &BTreeSet<String>) -> BTreeSet<String> {
    nos.iter()
        .filter(|n| n.starts_with("DL01-"))
        .cloned()
        .collect()
}

/// What the clerk is shown is the lead's answer cut to the clerk's village, and there is some.
fn only_the_village(what: &str, clerk: &str, lead: &str) {
    let (mine, all) = (case_numbers(clerk), case_numbers(lead));
    let others = all.len() - of_village(&all).len();
    assert!(
        others > 0,
        "{what}: the lead sees other centres' cases: {all:?}"
    );
    assert!(
        !mine.is_empty(),
        "{what}: the clerk's village has some: {all:?}"
    );
    assert_eq!(
        mine,
        of_village(&all),
        "{what}: the clerk sees their village only"
    );
}

#[test]
fn a_county_record_needs_as_and_one_centre_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let db = county(&dir, 60);
    let one = common::cli::demo_db(dir.path(), "one.db", 60);
    let no = sql_strings(&one, "SELECT case_no FROM cases LIMIT 1").remove(0);
    let commands: [&[&str]; 6] = [
        &["find", "张"],
        &["followups"],
        &["handover"],
        &["stats"],
        &["agenda"],
        &["slip", &no],
    ];
    for args in commands {
        refused(
            &run(&db, args),
            "This record holds 10 centres: say who you are with --as CODE",
        );
        let out = run(&one, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    // A wrong PIN is refused as anywhere else.
    let wrong = common::cli::onedoor()
        .args(["--db", &db, "--lang", "en", "find", "张", "--as", CLERK])
        .env("ONEDOOR_PIN", "9999")
        .output()
        .unwrap();
    refused(&wrong, "Login failed");
}

#[test]
fn find_as_a_village_clerk_lists_only_their_village() {
    let dir = tempfile::tempdir().unwrap();
    let db = county(&dir, 400);
    // A surname found at the village and elsewhere.
    let surname = "张";
    let find = |who: &str| {
        ok(&run(
            &db,
            &["find", surname, "--limit", "1000", "--as", who],
        ))
    };
    only_the_village("find", &find(CLERK), &find(LEAD));
}

#[test]
fn followups_as_a_village_clerk_list_only_their_village() {
    let dir = tempfile::tempdir().unwrap();
    let db = county(&dir, 600);
    let list = |who: &str| {
        let week = ok(&run(
            &db,
            &["followups", "--week", "--format", "csv", "--as", who],
        ));
        let now = ok(&run(&db, &["followups", "--format", "csv", "--as", who]));
        format!("{week}\n{now}")
    };
    only_the_village("followups", &list(CLERK), &list(LEAD));
}

#[test]
fn followups_print_a_prefixed_case_number_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = county(&dir, 400);
    let text = ok(&run(&db, &["followups", "--week", "--as", LEAD]));
    let prefixed = case_numbers(&text)
        .into_iter()
        .filter(|n| n.len() > 13)
        .count();
    assert!(prefixed > 0, "{text}");
    assert!(!text.contains('…'), "a case number cut short: {text}");
}

#[test]
fn stats_as_a_village_clerk_count_only_their_village() {
    let dir = tempfile::tempdir().unwrap();
    let db = county(&dir, 400);
    let received = |who: &str| -> i64 {
        let csv = ok(&run(
            &db,
            &[
                "stats",
                "--from",
                "2000-01-01",
                "--format",
                "csv",
                "--as",
                who,
            ],
        ));
        let line = csv.lines().find(|l| l.starts_with("Received,")).unwrap();
        line["Received,".len()..].trim().parse().unwrap()
    };
    let at = |sql: &str| -> i64 { sql_strings(&db, sql)[0].parse().unwrap() };
    let village = "SELECT CAST(COUNT(*) AS TEXT) FROM cases c JOIN centres k
                   ON k.id = c.centre_id WHERE k.code = 'DL01'";
    assert_eq!(received(LEAD), 400);
    assert_eq!(received(CLERK), at(village));
}

#[test]
fn handover_and_agenda_as_a_village_clerk_show_only_their_village() {
    let dir = tempfile::tempdir().unwrap();
    let db = county(&dir, 600);
    // The handover sheet is one centre's: the clerk's own village; the lead names it.
    let sheet = |who: &str, centre: &[&str]| {
        let mut args = vec!["handover", "--as", who];
        args.extend_from_slice(centre);
        let today = ok(&run(&db, &args));
        let agenda = ok(&run(&db, &["agenda", "--date", "+1", "--as", who]));
        format!("{today}\n{agenda}")
    };
    let (clerk, lead) = (sheet(CLERK, &[]), sheet(LEAD, &["--centre", "DL01"]));
    // Titled with the asker's own centre.
    assert!(clerk.contains("东林镇东林村调解室"), "{clerk}");
    only_the_village("handover and agenda", &clerk, &lead);
}

#[test]
fn slip_of_another_villages_case_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = county(&dir, 200);
    let first = |code: &str| {
        sql_strings(
            &db,
            &format!("SELECT case_no FROM cases WHERE case_no LIKE '{code}-%' LIMIT 1"),
        )
        .remove(0)
    };
    let (mine, theirs) = (first("DL01"), first("XS01"));
    let slip = ok(&run(&db, &["slip", &mine, "--as", CLERK]));
    assert!(slip.contains(&mine), "{slip}");
    // The slip names the village that received the visitor, not the county.
    assert!(slip.contains("东林镇东林村调解室"), "{slip}");
    let out = run(&db, &["slip", &theirs, "--as", CLERK]);
    assert!(!out.status.success(), "another village's slip was printed");
    assert!(!String::from_utf8_lossy(&out.stdout).contains(&theirs));
}
