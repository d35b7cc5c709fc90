//! `onedoor import` run as a user runs it: a register saved from Excel (BOM, CRLF, GBK), a file
//! with mistakes, a dry run and a clerk who may not import. Nothing is half-written.
mod common;
use common::cli::{run_pin, stderr};
use std::path::Path;
use std::process::Output;

#[path = "cli_import/hardening.rs"]
mod hardening;

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn succeeded(out: &Output) -> String {
    assert!(out.status.success(), "failed: {}", stderr(out));
    assert!(stderr(out).is_empty(), "{}", stderr(out));
    stdout(out)
}

fn failed(out: &Output) -> String {
    let err = stderr(out);
    assert!(!out.status.success(), "expected failure: {}", stdout(out));
    assert!(!err.contains("panicked"), "a panic reached the user: {err}");
    assert!(stdout(out).is_empty(), "{}", stdout(out));
    err
}

/// Cases, parties and audit rows other than logins: what an import may change.
fn footprint(db: &str) -> (i64, i64, i64) {
    let c = rusqlite::Connection::open(db).unwrap();
    let n = |t: &str| {
        c.query_row(&format!("SELECT COUNT(*) FROM {t}"), [], |r| r.get(0))
            .unwrap()
    };
    (
        n("cases"),
        n("parties"),
        n("audit WHERE action NOT LIKE 'auth.%'"),
    )
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_str().unwrap().to_string()
}

const REGISTER: &str = "登记时间,渠道,类别,风险,摘要,申请人,电话,身份证号,被申请人,金额,人数\r\n\
2025-03-05 09:30,来电,欠薪,橙,工地欠薪三个月,王建国,13812345678,310115200002290021,某建筑公司,\"86,000\",12\r\n\
2025-03-05 08:10,来访,邻里纠纷,,\"楼上漏水，\r\n多次协商未果\",覃小燕,,,,,\r\n\
2025/3/6,网格上报,婚姻家庭·离婚,黄,离婚财产分割,李秀英,0851-85612345,,张强,1.5万,2\r\n";

#[test]
fn a_register_is_imported_numbered_and_found() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let db = db.to_str().unwrap();
    succeeded(&run_pin(
        &["demo", "--one-centre", "--db", db, "--cases", "20"],
        "",
    ));
    let before = footprint(db);
    let file = write(
        dir.path(),
        "台账.csv",
        &[b"\xEF\xBB\xBF", REGISTER.as_bytes()].concat(),
    );

    let dry = succeeded(&run_pin(
        &[
            "--lang",
            "zh-CN",
            "import",
            "--db",
            db,
            "--as",
            "L001",
            "--dry-run",
            &file,
        ],
        "1234",
    ));
    assert!(dry.contains("3 件案件可以导入"), "{dry}");
    assert_eq!(footprint(db), before, "a dry run writes nothing");

    let out = succeeded(&run_pin(
        &[
            "--lang", "zh-CN", "import", "--db", db, "--as", "L001", &file,
        ],
        "1234",
    ));
    // In file order; numbers of 03-05 follow the time received (08:10 before 09:30).
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "第 2 行 → 2025-0305-002", "{out}");
    assert_eq!(lines[1], "第 3 行 → 2025-0305-001", "{out}");
    assert_eq!(lines[2], "第 5 行 → 2025-0306-001", "{out}");
    assert!(lines[3].starts_with("已导入 3 件案件"), "{out}");
    let after = footprint(db);
    assert_eq!(after.0, before.0 + 3);
    assert_eq!(
        after.1,
        before.1 + 5,
        "three applicants and two respondents"
    );

    // Found by name and pinyin like any desk-made case.
    let found = succeeded(&run_pin(
        &["--lang", "en", "find", "--db", db, "qinxiaoyan"],
        "",
    ));
    assert!(found.contains("2025-0305-001"), "{found}");
    assert!(succeeded(&run_pin(&["check", "--db", db], "")).starts_with("ok"));

    // Excel on Chinese Windows saves GBK: refused without the option, naming the line…
    let (gbk, _, _) = encoding_rs::GBK.encode(REGISTER);
    let gbk_file = write(dir.path(), "gbk.csv", &gbk);
    let err = failed(&run_pin(
        &[
            "--lang", "en", "import", "--db", db, "--as", "L001", &gbk_file,
        ],
        "1234",
    ));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("Line 1") && err.contains("--encoding gbk"),
        "{err}"
    );
    assert_eq!(footprint(db), after);
    // …and read with it.
    let out = succeeded(&run_pin(
        &[
            "--lang",
            "en",
            "import",
            "--db",
            db,
            "--as",
            "L001",
            "--encoding",
            "gbk",
            &gbk_file,
        ],
        "1234",
    ));
    assert!(out.contains("Line 3 → 2025-0305-003"), "{out}");
    assert!(out.contains("Cases imported: 3"), "{out}");
}

#[test]
fn mistakes_are_all_listed_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let db = db.to_str().unwrap();
    succeeded(&run_pin(
        &["demo", "--one-centre", "--db", db, "--cases", "20"],
        "",
    ));
    let before = footprint(db);
    let text = "received_at,category,summary,applicant,phone\n\
                2025-03-05 09:30,labour.wages,Wages,Wang,13812345678\n\
                2025-13-05,pets,,Li,12345\n\
                2025-03-05,other,Question,Zhao,\n\
                05/03/2025,other,Question,Qian,1.38123E+10\n";
    let file = write(dir.path(), "bad.csv", text.as_bytes());
    let err = failed(&run_pin(
        &["--lang", "en", "import", "--db", db, "--as", "L001", &file],
        "1234",
    ));
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 7, "{err}");
    assert!(
        lines[0].starts_with("Line 3, column “received_at”: Cannot read the time"),
        "{err}"
    );
    assert!(
        lines[1].starts_with("Line 3, column “category”: Unknown category “pets”"),
        "{err}"
    );
    assert_eq!(lines[2], "Line 3, column “summary”: Write a short summary.");
    assert!(lines[3].starts_with("Line 3, column “phone”:"), "{err}");
    assert!(
        lines[4].starts_with("Line 5, column “received_at”:"),
        "{err}"
    );
    assert!(
        lines[5].starts_with("Line 5, column “phone”: Excel turned"),
        "{err}"
    );
    assert!(
        lines[6].contains("2 of 4 rows have problems (6 in all); nothing was written"),
        "{err}"
    );
    assert_eq!(footprint(db), before);

    // Invalid bytes with no option: one clear line, no garbage.
    let bad = write(
        dir.path(),
        "junk.csv",
        b"received_at,category\n\xff\xfe\x00junk\n",
    );
    let err = failed(&run_pin(
        &[
            "--lang", "zh-CN", "import", "--db", db, "--as", "L001", &bad,
        ],
        "1234",
    ));
    assert!(
        err.contains("第 2 行") && err.contains("--encoding gbk"),
        "{err}"
    );
    let xlsx = write(dir.path(), "book.xlsx", b"PK\x03\x04\x14\x00");
    let err = failed(&run_pin(
        &["--lang", "en", "import", "--db", db, "--as", "L001", &xlsx],
        "1234",
    ));
    assert!(err.contains("Excel workbook"), "{err}");
    assert_eq!(footprint(db), before);
}

#[test]
fn only_a_shift_lead_with_the_right_pin_imports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let db = db.to_str().unwrap();
    succeeded(&run_pin(
        &["demo", "--one-centre", "--db", db, "--cases", "20"],
        "",
    ));
    let before = footprint(db);
    let file = write(dir.path(), "ok.csv", REGISTER.as_bytes());
    let err = failed(&run_pin(
        &["--lang", "en", "import", "--db", db, "--as", "D001", &file],
        "1234",
    ));
    assert!(err.contains("Your role may not do this"), "{err}");
    let err = failed(&run_pin(
        &["--lang", "en", "import", "--db", db, "--as", "L001", &file],
        "9999",
    ));
    assert!(
        err.contains("L001") || err.to_lowercase().contains("pin"),
        "{err}"
    );
    assert_eq!(footprint(db), before);
}
