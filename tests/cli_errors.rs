//! Bad databases and configs give one clear translated line and a non-zero exit, never a panic.
mod common;
use common::cli::{demo_db, ok, refused, run, run_pin};

#[test]
fn missing_corrupt_and_newer_databases_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n).to_str().unwrap().to_string();
    refused(
        &run(&["--lang", "en", "--db", &p("none.db"), "check"]),
        "No database found",
    );
    refused(
        &run(&["--lang", "zh-CN", "--db", &p("none.db"), "check"]),
        "找不到数据库",
    );

    std::fs::write(p("junk.db"), vec![7u8; 10_000]).unwrap();
    refused(
        &run(&["--lang", "en", "--db", &p("junk.db"), "check"]),
        "is not a database file",
    );

    demo_db(dir.path(), "new.db", 20);
    let conn = rusqlite::Connection::open(p("new.db")).unwrap();
    conn.pragma_update(None, "user_version", 999).unwrap();
    drop(conn);
    let before = std::fs::read(p("new.db")).unwrap();
    refused(
        &run(&["--lang", "en", "--db", &p("new.db"), "check"]),
        "newer onedoor",
    );
    assert_eq!(std::fs::read(p("new.db")).unwrap(), before, "untouched");
}

/// A sound database is reported in the user's language too.
#[test]
fn a_sound_database_is_reported_ok_in_either_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "d.db", 20);
    let said = |lang: &str| {
        let out = run(&["--lang", lang, "--db", &db, "check"]);
        ok(&out);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    let en = said("en");
    assert!(
        en.starts_with("ok: ") && en.contains("(20 cases, schema "),
        "{en}"
    );
    let zh = said("zh-CN");
    assert!(
        zh.starts_with("正常：") && zh.contains("（20 件案件，数据库结构版本 "),
        "{zh}"
    );
    assert!(!zh.contains("cases") && !zh.contains("schema"), "{zh}");
}

#[test]
fn bad_config_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("c.toml");
    std::fs::write(&cfg, "[response_hours]\nred = \"soon\"\n").unwrap();
    refused(
        &run(&["--lang", "en", "--config", cfg.to_str().unwrap(), "check"]),
        "configuration file",
    );
    std::fs::write(&cfg, [0xffu8, 0xfe, 0x41]).unwrap();
    refused(
        &run(&["--lang", "en", "--config", cfg.to_str().unwrap(), "check"]),
        "UTF-8",
    );
}

#[test]
fn demo_is_deterministic_for_a_seed() {
    let dir = tempfile::tempdir().unwrap();
    let dump = |name: &str, seed: &str| {
        let path = dir.path().join(name);
        let out = run(&[
            "--db",
            path.to_str().unwrap(),
            "demo",
            "--cases",
            "300",
            "--seed",
            seed,
        ]);
        assert!(out.status.success());
        let c = rusqlite::Connection::open(&path).unwrap();
        let q = "SELECT group_concat(case_no || p.name || ifnull(p.phone,'') || ifnull(p.id_number,''), ';')
                 FROM cases c JOIN parties p ON p.id = c.first_party_id";
        c.query_row(q, [], |r| r.get::<_, String>(0)).unwrap()
    };
    let a = dump("a.db", "5");
    assert_eq!(a, dump("b.db", "5"));
    assert_ne!(a, dump("c.db", "6"));
    // Every generated ID number passes the real validator.
    let c = rusqlite::Connection::open(dir.path().join("a.db")).unwrap();
    let mut stmt = c
        .prepare("SELECT id_number FROM parties WHERE id_number IS NOT NULL")
        .unwrap();
    let today = chrono::Local::now().date_naive();
    let ids: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(ids.len() > 50);
    for id in ids {
        onedoor::domain::idnum::parse_id_number(&id, today)
            .unwrap_or_else(|e| panic!("{id}: {e:?}"));
    }
}

#[test]
fn staff_commands_need_a_lead_and_take_effect() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let db = db.to_str().unwrap();
    let run =
        |args: &[&str], pin: &str| run_pin(&[&["--db", db, "--lang", "en"], args].concat(), pin);
    assert!(
        run(&["init", "--code", "L1", "--name", "王建国"], "246810")
            .status
            .success()
    );
    let add = [
        "staff",
        "add",
        "--code",
        "M7",
        "--name",
        "龙光明",
        "--role",
        "mediator",
        "--languages",
        "zh,hmn",
        "--as",
    ];
    // A wrong PIN for the lead: refused, nothing added.
    let out = run(&[&add[..], &["L1"]].concat(), "0000");
    refused(&out, "Login failed");
    let out = run(&[&add[..], &["L1"]].concat(), "246810");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A mediator may not add staff.
    let out = run(
        &[
            "staff", "add", "--code", "D9", "--name", "x", "--role", "desk", "--as", "M7",
        ],
        "246810",
    );
    refused(&out, "role may not");
    let list = String::from_utf8(run(&["staff", "list"], "").stdout).unwrap();
    assert!(list.contains("M7\t龙光明\tmediator\tzh,hmn"), "{list}");
    assert!(!list.contains("D9"));
    assert!(
        run(&["staff", "disable", "M7", "--as", "L1"], "246810")
            .status
            .success()
    );
    let list = String::from_utf8(run(&["staff", "list"], "").stdout).unwrap();
    let m7 = list.lines().find(|l| l.starts_with("M7\t")).unwrap();
    assert!(m7.ends_with("(disabled)"), "{list}");
    assert!(
        !list
            .lines()
            .find(|l| l.starts_with("L1\t"))
            .unwrap()
            .contains("disabled")
    );
}

#[test]
fn impossible_dates_on_the_command_line_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "d.db", 5);
    let en = |args: &[&str]| run(&[&["--lang", "en", "--db", &db], args].concat());
    refused(&en(&["handover", "--date", "2026-02-30"]), "2026-11-24");
    refused(&en(&["stats", "--from", "2026-13-01"]), "2026-11-24");
    refused(
        &en(&["stats", "--from", "2026-12-01", "--to", "2026-11-01"]),
        "--from",
    );
    refused(&en(&["agenda", "--date", "+-99999999999999"]), "+3");
    let purge = [
        "purge",
        "--closed-before",
        "+12026-01-01",
        "--dry-run",
        "--as",
        "L001",
    ];
    refused(&en(&purge), "2026-11-24");
}
