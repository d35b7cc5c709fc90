//! Staff accounts through the real binary: the PIN lockout under parallel commands, and the
//! rules for new accounts (codes, names, roles, PIN length of leads, enabling and disabling).
mod common;
use common::cli::{ok, refused};
use std::process::{Command, Output, Stdio};

const LEAD_PIN: &str = "246810";

fn onedoor(db: &str, args: &[&str], pin: &str) -> Command {
    onedoor_in("en", db, args, pin)
}

fn onedoor_in(lang: &str, db: &str, args: &[&str], pin: &str) -> Command {
    let mut c = common::cli::onedoor();
    c.args(["--db", db, "--lang", lang])
        .args(args)
        .env("ONEDOOR_PIN", pin);
    c
}

fn run(db: &str, args: &[&str], pin: &str) -> Output {
    onedoor(db, args, pin).output().unwrap()
}

/// A new database with lead L001 (PIN 246810).
fn new_db(dir: &tempfile::TempDir) -> String {
    let db = dir.path().join("s.db").to_str().unwrap().to_string();
    ok(&run(
        &db,
        &["init", "--code", "L001", "--name", "王建国"],
        LEAD_PIN,
    ));
    db
}

fn audit_count(db: &str, action: &str) -> i64 {
    let c = rusqlite::Connection::open(db).unwrap();
    c.query_row(
        "SELECT COUNT(*) FROM audit WHERE action = ?1",
        [action],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn parallel_wrong_pins_lock_the_account() {
    const N: usize = 24;
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(&dir);
    // All started at once; each logs in as L001 with a wrong PIN.
    let children: Vec<_> = (0..N)
        .map(|_| {
            onedoor(&db, &["followups", "--as", "L001"], "9999")
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        refused(&child.wait_with_output().unwrap(), "Login failed");
    }
    // Three were checked (the lockout is 30 seconds, far longer than this test), the others
    // refused unchecked; each is in the audit.
    assert_eq!(audit_count(&db, "auth.fail"), 3);
    assert_eq!(audit_count(&db, "auth.locked"), N as i64 - 3);
    let c = rusqlite::Connection::open(&db).unwrap();
    let failed: i64 = c
        .query_row(
            "SELECT failed_logins FROM staff WHERE code = 'L001'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(failed, 3);
    // Even the right PIN is refused now, with the lockout message.
    refused(
        &run(&db, &["followups", "--as", "L001"], LEAD_PIN),
        "Too many wrong PINs; locked until",
    );
}

fn staff_list(db: &str) -> String {
    ok(&run(db, &["staff", "list"], ""))
}

#[test]
fn bad_staff_input_is_refused_with_a_clear_message_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(&dir);
    let add = |code: &str, name: &str, role: &str| {
        let args = [
            "staff", "add", "--code", code, "--name", name, "--role", role, "--as", "L001",
        ];
        // The lead's PIN, then the new account's (both from ONEDOOR_PIN).
        run(&db, &args, LEAD_PIN)
    };
    ok(&add("D001", "张丽", "desk"));
    refused(&add("d001", "李娜", "desk"), "staff code is taken");
    refused(&add("D-2", "李娜", "desk"), "1 to 16 letters");
    refused(&add("D2", "李\u{1b}[2J娜", "desk"), "control characters");
    refused(&add("D2", &"李".repeat(41), "desk"), "at most 40");
    let out = add("D2", "李娜", "boss");
    refused(&out, "boss");
    refused(&out, "desk, mediator or lead");
    let zh = onedoor_in(
        "zh-CN",
        &db,
        &[
            "staff", "add", "--code", "D2", "--name", "李娜", "--role", "boss", "--as", "L001",
        ],
        LEAD_PIN,
    )
    .output()
    .unwrap();
    refused(&zh, "desk、mediator 或 lead");
    let list = staff_list(&db);
    assert_eq!(list.lines().count(), 2, "{list}");
    assert!(!list.contains("D2") && !list.contains("d001"), "{list}");
}

#[test]
fn a_lead_enables_a_disabled_account_but_cannot_disable_themself() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(&dir);
    let args = [
        "staff", "add", "--code", "D001", "--name", "张丽", "--role", "desk", "--as", "L001",
    ];
    ok(&run(&db, &args, LEAD_PIN));
    refused(
        &run(&db, &["staff", "disable", "L001", "--as", "L001"], LEAD_PIN),
        "your own account",
    );
    assert!(!staff_list(&db).contains("disabled"));
    ok(&run(
        &db,
        &["staff", "disable", "D001", "--as", "L001"],
        LEAD_PIN,
    ));
    refused(
        &run(&db, &["followups", "--as", "D001"], LEAD_PIN),
        "account is disabled",
    );
    let out = ok(&run(
        &db,
        &["staff", "enable", "D001", "--as", "L001"],
        LEAD_PIN,
    ));
    assert!(out.contains("Enabled staff D001"), "{out}");
    assert!(!staff_list(&db).contains("disabled"));
    ok(&run(&db, &["followups", "--as", "D001"], LEAD_PIN));
    assert_eq!(audit_count(&db, "staff.enable"), 1);
    refused(
        &run(&db, &["staff", "enable", "X9", "--as", "L001"], LEAD_PIN),
        "X9",
    );
}

#[test]
fn a_lead_pin_has_at_least_six_digits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let db = path.to_str().unwrap();
    let init = ["init", "--code", "L001", "--name", "王建国"];
    refused(&run(db, &init, "1234"), "at least 6 digits");
    refused(&run(db, &init, "12345"), "at least 6 digits");
    // Nothing was created: init can simply be run again.
    assert!(!path.exists());
    // A bad name is refused before the database is made, too.
    refused(
        &run(db, &["init", "--name", "王\u{7}建国"], LEAD_PIN),
        "control characters",
    );
    assert!(!path.exists());
    ok(&run(db, &init, LEAD_PIN));
    // The lead's PIN answers the login, then ONEDOOR_PIN is also the new account's PIN: give
    // the new PIN on standard input instead.
    let add = |code: &str, role: &str, new_pin: &str| {
        let mut child = onedoor(
            db,
            &[
                "staff", "add", "--code", code, "--name", "李娜", "--role", role, "--as", "L001",
            ],
            "",
        )
        .env_remove("ONEDOOR_PIN")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        writeln!(stdin, "{LEAD_PIN}\n{new_pin}").unwrap();
        drop(stdin);
        child.wait_with_output().unwrap()
    };
    refused(&add("L002", "lead", "1234"), "at least 6 digits");
    ok(&add("D001", "desk", "1234"));
    ok(&add("L002", "lead", "135790"));
    let list = staff_list(db);
    assert!(list.contains("L002\t李娜\tlead"), "{list}");
    assert_eq!(list.lines().count(), 3, "{list}");
}
