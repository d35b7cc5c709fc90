//! What people type on the command line: dates in every form README promises, for every
//! command that takes one; `find` queries typed with a Chinese input method; `--limit`; the
//! config's `pdf_font`. Accepted input means what it says; refused input is one translated line.
use std::process::{Command, Output};

fn onedoor(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_onedoor"))
        .args(args)
        .env_remove("ONEDOOR_DB")
        .env_remove("ONEDOOR_CONFIG")
        .env("ONEDOOR_PIN", "1234")
        .output()
        .unwrap()
}

fn ok(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn refused(out: &Output, needle: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "expected a refusal; stderr: {err}");
    assert!(err.contains(needle), "stderr lacks {needle:?}: {err}");
    assert!(!err.contains("panicked"), "a panic reached the user: {err}");
    assert_eq!(err.lines().count(), 1, "one clear line: {err}");
}

fn demo(dir: &tempfile::TempDir, cases: &str) -> String {
    let db = dir.path().join("d.db").to_str().unwrap().to_string();
    ok(&onedoor(&["--db", &db, "demo", "--cases", cases]));
    db
}

/// 2026-11-24 as README says it may be typed.
const NOV_24: [&str; 6] = [
    "2026-11-24",
    "2026/11/24",
    "20261124",
    "２０２６－１１－２４",
    "２０２６／１１／２４",
    "２０２６１１２４",
];

/// Days that do not exist, or years nobody means.
const IMPOSSIBLE: [&str; 6] = [
    "2026-02-30",
    "2026/02/30",
    "20260230",
    "２０２６０２３０",
    "1899-12-31",
    "30000101",
];

#[test]
fn every_date_argument_takes_every_promised_form() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(&dir, "50");
    let en = |args: &[&str]| onedoor(&[&["--lang", "en", "--db", &db], args].concat());
    for d in NOV_24 {
        let sheet = ok(&en(&["handover", "--date", d]));
        assert!(sheet.contains("Date: 2026-11-24"), "handover --date {d}");
        let stats = ok(&en(&["stats", "--from", d, "--to", d]));
        assert!(
            stats.contains("Period: 2026-11-24 ~ 2026-11-24"),
            "stats --from/--to {d}"
        );
        let agenda = ok(&en(&["agenda", "--date", d]));
        assert!(agenda.contains("2026-11-24 Tue"), "agenda --date {d}");
        let purge = ok(&en(&[
            "purge",
            "--closed-before",
            d,
            "--dry-run",
            "--as",
            "L001",
        ]));
        assert!(
            purge.contains("closed before 2026-11-24 "),
            "purge --closed-before {d}: {purge}"
        );
    }
    for d in IMPOSSIBLE {
        let msg = "Dates look like 2026-11-24, 2026/11/24 or 20261124";
        refused(&en(&["handover", "--date", d]), msg);
        refused(&en(&["stats", "--from", d]), msg);
        refused(&en(&["stats", "--to", d]), msg);
        refused(&en(&["agenda", "--date", d]), msg);
        let purge = ["purge", "--closed-before", d, "--dry-run", "--as", "L001"];
        refused(&en(&purge), msg);
    }
    let zh = onedoor(&[
        "--lang", "zh-CN", "--db", &db, "handover", "--date", "20260230",
    ]);
    refused(&zh, "日期应为 2026-11-24、2026/11/24 或 20261124");
    refused(
        &en(&["stats", "--from", "2026/12/01", "--to", "20261101"]),
        "--from",
    );
}
