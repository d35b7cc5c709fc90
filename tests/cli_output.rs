//! Standard output that goes away: a reader that stops early (`onedoor find 张 | head -1`)
//! ends a command quietly — exit 0 and nothing on standard error, as ripgrep and fd do — and a
//! full disk (`> /dev/full`) is one clear translated line and a non-zero exit. Never a panic.
mod common;
use common::cli::{demo_db, ok, onedoor};
use std::io::{BufRead, BufReader};
use std::process::{ExitStatus, Output, Stdio};

/// A demo database in `dir` and the year prefix most of its case numbers share.
fn demo(dir: &tempfile::TempDir, cases: u32) -> (String, String) {
    let db = demo_db(dir.path(), "d.db", cases);
    let c = rusqlite::Connection::open(&db).unwrap();
    let year: String = c
        .query_row(
            "SELECT substr(case_no, 1, 4) y FROM cases GROUP BY y ORDER BY count(*) DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    (db, year)
}

/// Runs `args` with standard output into a pipe whose reader reads nothing and goes away
/// (`| true`): every write fails with EPIPE, whatever the output's size.
fn reader_gone(db: &str, args: &[&str]) -> (ExitStatus, String) {
    reader_gone_pin(db, args, "1234")
}

/// `reader_gone` with the PIN a command reads (a new lead's has 6 digits).
fn reader_gone_pin(db: &str, args: &[&str], pin: &str) -> (ExitStatus, String) {
    let mut child = onedoor()
        .env("ONEDOOR_PIN", pin)
        .args(["--db", db, "--lang", "en"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    (
        out.status,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs `args` with standard output into a one-page pipe; reads the first line and goes away
/// (`| head -1`). The output must be larger than the pipe and both buffers (about 20 KB) for
/// the command to meet the closed pipe.
#[cfg(target_os = "linux")]
fn head_1(db: &str, args: &[&str]) -> (String, ExitStatus, String) {
    use std::os::fd::AsRawFd;
    let (reader, writer) = std::io::pipe().unwrap();
    // The smallest pipe Linux makes (one page), so the test does not depend on its default.
    // SAFETY: fcntl on a descriptor we own; no memory is passed.
    let r = unsafe { libc::fcntl(reader.as_raw_fd(), libc::F_SETPIPE_SZ, 4096) };
    assert!(r > 0, "F_SETPIPE_SZ");
    let mut cmd = onedoor();
    cmd.args(["--db", db, "--lang", "en"])
        .args(args)
        .stdout(writer)
        .stderr(Stdio::piped());
    let child = cmd.spawn().unwrap();
    drop(cmd); // its copy of the pipe's writing end
    let mut first = String::new();
    BufReader::new(reader).read_line(&mut first).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        first,
        out.status,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn quiet(what: &str, status: ExitStatus, stderr: &str) {
    assert!(
        status.success(),
        "{what}: a closed pipe is not a failure, got {status}; stderr: {stderr}"
    );
    assert_eq!(stderr, "", "{what}: nothing on standard error");
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let (db, year) = demo(&dir, 1200);
    // `| head -1`: 1,000 lines of about 66 bytes, far more than the pipe and buffers hold.
    #[cfg(target_os = "linux")]
    {
        let (first, status, err) = head_1(&db, &["find", &year, "--limit", "1000"]);
        assert!(first.starts_with(&year), "{first}");
        quiet("find | head -1", status, &err);
    }
    // `| true`: the reader is gone before the first write.
    let case_no = ok(&onedoor()
        .args(["--db", &db, "find", &year, "--limit", "1", "--json"])
        .output()
        .unwrap());
    let case_no = case_no.split('"').nth(3).unwrap().to_string();
    let backup = dir.path().join("b.db");
    let commands: Vec<Vec<&str>> = vec![
        vec!["find", &year],
        vec!["find", &year, "--json"],
        vec!["staff", "list"],
        vec!["followups", "--week"],
        vec!["followups", "--format", "csv"],
        vec!["agenda", "--format", "ics"],
        vec!["handover"],
        vec!["stats"],
        vec!["slip", &case_no],
        vec!["check"],
        vec![
            "purge",
            "--closed-before",
            "2000-01-01",
            "--dry-run",
            "--as",
            "L001",
        ],
        vec!["backup", backup.to_str().unwrap()],
        vec!["staff", "disable", "D003", "--as", "L001"],
    ];
    for args in &commands {
        let (status, err) = reader_gone(&db, args);
        quiet(&args.join(" "), status, &err);
    }
    // Commands that make a database print when they are done.
    let new_db = dir.path().join("new.db");
    let (status, err) = reader_gone(new_db.to_str().unwrap(), &["demo", "--cases", "5"]);
    quiet("demo", status, &err);
    let init_db = dir.path().join("init.db");
    let (status, err) = reader_gone_pin(
        init_db.to_str().unwrap(),
        &["init", "--name", "王"],
        "123456",
    );
    quiet("init", status, &err);
}

/// Runs `args` with standard output on /dev/full (`> /dev/full`).
#[cfg(target_os = "linux")]
fn disk_full(db: &str, lang: &str, args: &[&str]) -> Output {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    onedoor()
        .args(["--db", db, "--lang", lang])
        .args(args)
        .stdout(full)
        .output()
        .unwrap()
}

#[test]
#[cfg(target_os = "linux")]
fn a_full_disk_is_one_clear_line_and_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    let (db, year) = demo(&dir, 100);
    for (lang, args, needle) in [
        (
            "en",
            &["staff", "list"][..],
            "Cannot write to standard output",
        ),
        ("zh-CN", &["staff", "list"][..], "无法写入标准输出"),
        (
            "en",
            &["find", &year][..],
            "Cannot write to standard output",
        ),
        ("en", &["handover"][..], "Cannot write to standard output"),
        ("en", &["followups"][..], "Cannot write to standard output"),
    ] {
        let out = disk_full(&db, lang, args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?}: {err}");
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: one line: {err}");
    }
}
