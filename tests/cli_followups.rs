//! `onedoor followups`: the morning call list as aligned text and as CSV for Excel / WPS, with
//! phone numbers masked unless the person running it logs in and may see them.
mod common;
use common::cli::{demo_db, ok, run, run_pin};
use unicode_width::UnicodeWidthStr;

/// An 11-digit mobile number written out whole.
fn has_whole_mobile(s: &str) -> bool {
    s.as_bytes()
        .windows(11)
        .any(|w| w[0] == b'1' && w.iter().all(u8::is_ascii_digit))
}

#[test]
fn call_list_text_csv_masking_and_audit() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "c.db", 400);
    let db = db.as_str();

    // Text: masked without --as; every column starts at the same display column.
    let txt = ok(&run(&["--db", db, "--lang", "zh-CN", "followups"]));
    let lines: Vec<&str> = txt.lines().collect();
    assert!(lines[0].starts_with("回访清单"), "{txt}");
    assert!(lines.len() > 3, "demo data has due follow-ups:\n{txt}");
    assert!(!has_whole_mobile(&txt), "numbers must be masked:\n{txt}");
    assert!(txt.contains("****"), "{txt}");
    // The masked phone comes after the Chinese names: it starts at the same display column.
    let phone_col = |l: &str| {
        let i = l.find("****")?;
        let start = l[..i].rfind(' ')? + 1;
        Some(l[..start].width())
    };
    let cols: Vec<_> = lines[2..lines.len() - 1]
        .iter()
        .filter_map(|l| phone_col(l))
        .collect();
    assert!(cols.len() > 2, "{txt}");
    assert!(
        cols.windows(2).all(|w| w[0] == w[1]),
        "columns drift: {cols:?}\n{txt}"
    );

    // CSV with BOM and CRLF; a lead who logs in sees whole numbers, and that is audited.
    let csv = run_pin(
        &["--db", db, "followups", "--format", "csv", "--as", "L001"],
        "1234",
    );
    let bytes = &csv.stdout;
    assert!(
        csv.status.success(),
        "{}",
        String::from_utf8_lossy(&csv.stderr)
    );
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "UTF-8 BOM for Excel"
    );
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.contains("\r\n"));
    assert!(has_whole_mobile(&text), "{text}");
    let conn = rusqlite::Connection::open(db).unwrap();
    let views: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM audit WHERE action = 'numbers.view'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(views, 1);

    // A wrong PIN is refused; a mediator's list is their own.
    let bad = run_pin(&["--db", db, "followups", "--as", "L001"], "9999");
    assert!(!bad.status.success());
    let week = ok(&run(&[
        "--db",
        db,
        "--lang",
        "en",
        "followups",
        "--week",
        "--mediator",
        "m003",
    ]));
    let m3: String = conn
        .query_row("SELECT name FROM staff WHERE code = 'M003'", [], |r| {
            r.get(0)
        })
        .unwrap();
    for l in week.lines().skip(2).filter(|l| l.starts_with("20")) {
        assert!(l.contains(&m3), "{l}");
        assert!(l.contains(" in "), "only upcoming: {l}");
    }
    let unknown = run(&["--db", db, "followups", "--mediator", "X9"]);
    assert!(!unknown.status.success());
    let flags = run(&["--db", db, "followups", "--due", "--overdue"]);
    assert!(!flags.status.success(), "--due and --overdue conflict");
}
