//! `onedoor centre …` through the real binary: a county lead builds the tree, staff are placed
//! at its centres, the list reads the tree; anyone else is refused in words that say why, and a
//! bad code is refused before any PIN is asked.
mod common;
use common::cli::{ok, refused};
use std::process::Output;

const LEAD_PIN: &str = "246810";

fn run(db: &str, args: &[&str], pin: &str) -> Output {
    common::cli::onedoor()
        .args(["--db", db, "--lang", "en"])
        .args(args)
        .env("ONEDOOR_PIN", pin)
        .output()
        .unwrap()
}

fn audit_count(db: &str, like: &str) -> i64 {
    let c = rusqlite::Connection::open(db).unwrap();
    c.query_row(
        "SELECT COUNT(*) FROM audit WHERE action LIKE ?1",
        [like],
        |r| r.get(0),
    )
    .unwrap()
}

/// A county: MAIN (the first centre, named at init), township DL, villages DL01 and DL02.
fn county(dir: &tempfile::TempDir) -> String {
    let db = dir.path().join("c.db").to_str().unwrap().to_string();
    let init = [
        "init",
        "--code",
        "L001",
        "--name",
        "王建国",
        "--centre",
        "示范县矛调中心",
    ];
    ok(&run(&db, &init, LEAD_PIN));
    // One centre: the list needs nobody named.
    let one = ok(&run(&db, &["centre", "list"], ""));
    assert!(
        one.contains("MAIN") && one.contains("示范县矛调中心"),
        "{one}"
    );
    for (code, name, level, parent) in [
        ("DL", "东林镇综治中心", "township", "MAIN"),
        ("dl01", "东林村调解室", "village", "DL"),
        ("DL02", "桃源村调解室", "village", "dl"),
    ] {
        let add = [
            "centre", "add", code, "--name", name, "--level", level, "--parent", parent, "--as",
            "L001",
        ];
        let said = ok(&run(&db, &add, LEAD_PIN));
        assert!(said.contains(&code.to_uppercase()), "{said}");
    }
    db
}

#[test]
fn a_county_lead_builds_the_tree_and_the_list_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = county(&dir);
    for (code, role, centre) in [("DLL", "lead", "DL"), ("DL01D", "desk", "DL01")] {
        let add = [
            "staff",
            "add",
            "--code",
            code,
            "--name",
            "林秀珍",
            "--role",
            role,
            "--centre",
            centre,
            "--as",
            "L001",
        ];
        ok(&run(&db, &add, LEAD_PIN));
    }
    // Several centres: each person's centre shows.
    let staff = ok(&run(&db, &["staff", "list"], ""));
    assert!(staff.contains("L001\t王建国\tlead\tMAIN\t"), "{staff}");
    assert!(staff.contains("DL01D\t林秀珍\tdesk\tDL01\t"), "{staff}");
    // Several centres: the list needs to know who asks (it counts their open cases).
    refused(
        &run(&db, &["centre", "list"], ""),
        "This record holds 4 centres: say who you are with --as",
    );
    let list = ok(&run(&db, &["centre", "list", "--as", "L001"], LEAD_PIN));
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines.len(), 5, "{list}");
    assert!(lines[0].starts_with("Code") && lines[0].ends_with("Open cases"));
    let starts = ["MAIN ", "  DL ", "    DL01 ", "    DL02 "];
    for (line, start) in lines[1..].iter().zip(starts) {
        assert!(line.starts_with(start), "{line:?} should start {start:?}");
        assert!(line.contains("active"), "{line}");
    }
    // Staff: one lead at MAIN, one at DL, one clerk at DL01, nobody at DL02; no open case yet.
    for (line, staff) in lines[1..].iter().zip(["1", "1", "1", "0"]) {
        let cells: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(cells[cells.len() - 2..], [staff, "0"], "{line}");
    }
    // A village clerk sees the tree, and counts only their own centre's cases.
    let theirs = ok(&run(&db, &["centre", "list", "--as", "DL01D"], LEAD_PIN));
    let open: Vec<&str> = theirs
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().last().unwrap())
        .collect();
    assert_eq!(open, ["—", "—", "0", "—"], "{theirs}");
}

#[test]
fn edit_disable_and_enable_are_the_county_leads_and_audited() {
    let dir = tempfile::tempdir().unwrap();
    let db = county(&dir);
    add_township_lead(&db);
    // A township lead is a lead, but not the county's.
    let by_township = ["centre", "edit", "DL01", "--phone", "0572-1", "--as", "DLL"];
    refused(
        &run(&db, &by_township, LEAD_PIN),
        "Only a lead of the county centre adds, changes, disables or enables centres",
    );
    refused(
        &run(&db, &["centre", "edit", "DL01", "--as", "L001"], LEAD_PIN),
        "Say what to change",
    );
    let edit = [
        "centre",
        "edit",
        "DL01",
        "--phone",
        "0572-1234567",
        "--as",
        "L001",
    ];
    assert!(ok(&run(&db, &edit, LEAD_PIN)).contains("Changed centre DL01"));
    let c = rusqlite::Connection::open(&db).unwrap();
    let phone: String = c
        .query_row("SELECT phone FROM centres WHERE code = 'DL01'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(phone, "0572-1234567");
    // A township with active villages stays active; a village is disabled, never deleted.
    refused(
        &run(&db, &["centre", "disable", "DL", "--as", "L001"], LEAD_PIN),
        "Centres under this one are still active",
    );
    let off = ok(&run(
        &db,
        &["centre", "disable", "DL02", "--as", "L001"],
        LEAD_PIN,
    ));
    assert!(off.contains("Disabled centre DL02"), "{off}");
    let list = ok(&run(&db, &["centre", "list", "--as", "L001"], LEAD_PIN));
    assert!(
        list.lines()
            .any(|l| l.contains("DL02") && l.contains("disabled")),
        "{list}"
    );
    ok(&run(
        &db,
        &["centre", "enable", "DL02", "--as", "L001"],
        LEAD_PIN,
    ));
    // Init named the first centre; three added, one edited, one disabled, one enabled.
    assert_eq!(audit_count(&db, "centre.add"), 3);
    assert_eq!(audit_count(&db, "centre.edit"), 2);
    assert_eq!(audit_count(&db, "centre.disable"), 1);
    assert_eq!(audit_count(&db, "centre.enable"), 1);
}

#[test]
fn bad_centres_are_refused_clearly_and_before_any_pin() {
    let dir = tempfile::tempdir().unwrap();
    let db = county(&dir);
    // Refused before the PIN is read: the wrong one is never tried.
    let bad_code = [
        "centre", "add", "D-1", "--name", "x", "--level", "village", "--parent", "DL", "--as",
        "L001",
    ];
    refused(&run(&db, &bad_code, "999999"), "A centre code is 2 to 8");
    let no_name = [
        "centre", "add", "DL03", "--name", " ", "--level", "village", "--parent", "DL", "--as",
        "L001",
    ];
    refused(&run(&db, &no_name, "999999"), "Give the centre a name");
    assert_eq!(audit_count(&db, "auth.fail"), 0);
    let wrong_parent = [
        "centre", "add", "DL03", "--name", "三村", "--level", "village", "--parent", "MAIN",
        "--as", "L001",
    ];
    refused(
        &run(&db, &wrong_parent, LEAD_PIN),
        "A village station sits under a township centre",
    );
    let taken = [
        "centre",
        "add",
        "DL01",
        "--name",
        "又一村",
        "--level",
        "village",
        "--parent",
        "DL",
        "--as",
        "L001",
    ];
    refused(&run(&db, &taken, LEAD_PIN), "already in use");
    let unknown = [
        "staff", "add", "--code", "X1", "--name", "张三", "--role", "desk", "--centre", "NOPE",
        "--as", "L001",
    ];
    refused(&run(&db, &unknown, "999999"), "No such centre");
    assert_eq!(audit_count(&db, "auth.fail"), 0);
    assert_eq!(audit_count(&db, "centre.add"), 3);
}

#[test]
fn a_centres_own_hours_and_days_are_set_checked_and_listed() {
    let dir = tempfile::tempdir().unwrap();
    let db = county(&dir);
    // One centre's hours differ from nobody's yet: the list is as it always was.
    let before = ok(&run(&db, &["centre", "list", "--as", "L001"], LEAD_PIN));
    assert!(!before.contains("Own hours"), "{before}");
    // Bad hours are refused in words, before any PIN is asked (none is given), and change
    // nothing.
    for (flags, said) in [
        (
            &["--start", "8h"][..],
            "Opening and closing times look like 08:30",
        ),
        (
            &["--end", "07:00"][..],
            "The centre must open before it closes",
        ),
        (
            &["--days", "0-5"][..],
            "Working days are 1 (Monday) to 7 (Sunday)",
        ),
        (
            &["--days", "5-1"][..],
            "Working days are 1 (Monday) to 7 (Sunday)",
        ),
    ] {
        let mut args = vec!["centre", "edit", "DL01"];
        args.extend_from_slice(flags);
        args.extend_from_slice(&["--as", "L001"]);
        refused(&run(&db, &args, ""), said);
    }
    let both = [
        "centre",
        "edit",
        "DL01",
        "--start",
        "08:00",
        "--default-hours",
        "--as",
        "L001",
    ];
    assert!(!run(&db, &both, LEAD_PIN).status.success());
    assert_eq!(audit_count(&db, "centre.hours"), 0);
    // A market-day village: mornings, Monday to Saturday.
    let set = [
        "centre", "edit", "DL01", "--start", "08:00", "--end", "12:00", "--days", "1-6", "--as",
        "L001",
    ];
    assert!(ok(&run(&db, &set, LEAD_PIN)).contains("Changed centre DL01"));
    // A later change keeps the parts not given.
    let later = ["centre", "edit", "DL01", "--end", "12:30", "--as", "L001"];
    ok(&run(&db, &later, LEAD_PIN));
    assert_eq!(audit_count(&db, "centre.hours"), 2);
    // DL02 closes a day of its own, soon; a township lead marks it (DL is above DL02).
    add_township_lead(&db);
    let day = (chrono::Local::now().date_naive() + chrono::Duration::days(10))
        .format("%Y-%m-%d")
        .to_string();
    let closure = [
        "centre", "day", &day, "--centre", "DL02", "--name", "赶集", "--as", "DLL",
    ];
    let said = ok(&run(&db, &closure, LEAD_PIN));
    assert!(said.contains("marked closed for DL02"), "{said}");
    // A day for every centre is the county lead's.
    refused(
        &run(&db, &["centre", "day", &day, "--as", "DLL"], LEAD_PIN),
        "a day for every centre is a county lead's",
    );
    refused(
        &run(&db, &["centre", "day", "2026-13-01", "--as", "DLL"], ""),
        "Dates look like 2026-11-24",
    );
    refused(
        &run(
            &db,
            &["centre", "day", &day, "--centre", "NOPE", "--as", "DLL"],
            "",
        ),
        "No such centre",
    );
    let list = ok(&run(&db, &["centre", "list", "--as", "L001"], LEAD_PIN));
    assert!(
        list.lines().next().unwrap().ends_with("Own hours and days"),
        "{list}"
    );
    let line = |code: &str| {
        list.lines()
            .find(|l| l.trim_start().starts_with(&format!("{code} ")))
            .unwrap()
            .to_string()
    };
    assert!(line("DL01").ends_with("08:00-12:30 1-6"), "{list}");
    assert!(
        line("DL02").ends_with(&format!("{} closed 赶集", &day[5..])),
        "{list}"
    );
    assert!(!line("DL").contains(':'), "{list}");
    // Back to the default; the mark cleared.
    let back = ["centre", "edit", "DL01", "--default-hours", "--as", "L001"];
    ok(&run(&db, &back, LEAD_PIN));
    let clear = [
        "centre", "day", &day, "--centre", "DL02", "--clear", "--as", "DLL",
    ];
    assert!(ok(&run(&db, &clear, LEAD_PIN)).contains("the mark for DL02 is removed"));
    let after = ok(&run(&db, &["centre", "list", "--as", "L001"], LEAD_PIN));
    assert!(!after.contains("Own hours"), "{after}");
}

/// The county lead adds DLL, a lead of township DL.
fn add_township_lead(db: &str) {
    let add_lead = [
        "staff",
        "add",
        "--code",
        "DLL",
        "--name",
        "陈国栋",
        "--role",
        "lead",
        "--centre",
        "DL",
        "--as",
        "L001",
    ];
    ok(&run(db, &add_lead, LEAD_PIN));
}
