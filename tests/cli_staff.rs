//! Staff accounts through the real binary: the PIN lockout under parallel commands, and the
//! rules for new accounts (codes, names, roles, PIN length of leads, enabling and disabling).
use std::process::{Command, Output, Stdio};

const LEAD_PIN: &str = "246810";

fn onedoor(db: &str, args: &[&str], pin: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_onedoor"));
    c.args(["--db", db, "--lang", "en"])
        .args(args)
        .env_remove("ONEDOOR_DB")
        .env("ONEDOOR_PIN", pin);
    c
}

fn run(db: &str, args: &[&str], pin: &str) -> Output {
    onedoor(db, args, pin).output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn ok(out: &Output) -> String {
    assert!(out.status.success(), "failed: {}", stderr(out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Refused with one clear line containing `needle`, no panic.
fn refused(out: &Output, needle: &str) {
    let err = stderr(out);
    assert!(!out.status.success(), "expected a refusal: {err}");
    assert!(err.contains(needle), "stderr lacks {needle:?}: {err}");
    assert!(!err.contains("panicked"), "a panic reached the user: {err}");
    assert_eq!(err.lines().count(), 1, "one clear line: {err}");
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
