//! Four processes creating one new database at once make it exactly once, and none fails. (An
//! existing empty file is not theirs to fill: opening refuses it, see tests/cli_open.rs.)
use onedoor::store::Store;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// Every schema object as (type, name, sql), in name order.
fn schema_of(db: &Path) -> Vec<(String, String, Option<String>)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn four_processes_creating_one_database_apply_the_schema_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    let go = dir.path().join("go");
    let mut children: Vec<Child> = (0..4)
        .map(|_| {
            Command::new(std::env::current_exe().unwrap())
                .args(["child_migrate", "--exact", "--ignored", "--nocapture"])
                .env("ONEDOOR_FAULT_DB", &path)
                .env("ONEDOOR_FAULT_GO", &go)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    // Every child is loaded and spinning on the starting gun before it fires, so the four
    // open the file within microseconds of each other rather than a process start apart.
    let mut outs: Vec<_> = children
        .iter_mut()
        .map(|c| BufReader::new(c.stdout.take().unwrap()))
        .collect();
    for out in &mut outs {
        let mut line = String::new();
        while !line.contains("READY") {
            line.clear();
            assert!(out.read_line(&mut line).unwrap() > 0, "child ended early");
        }
    }
    std::fs::File::create(&go).unwrap();
    for (mut child, mut out) in children.into_iter().zip(outs) {
        let mut rest = String::new();
        std::io::Read::read_to_string(&mut out, &mut rest).unwrap();
        let status = child.wait().unwrap();
        let mut err = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
        assert!(status.success(), "a child failed: {rest}\n{err}");
        let want = format!("VERSION {}", onedoor::store::SCHEMA_VERSION);
        assert!(rest.contains(&want), "{rest}");
    }
    // The same schema objects, each once, as one process migrating alone makes.
    let alone = dir.path().join("alone.db");
    drop(Store::create(&alone).unwrap());
    assert_eq!(schema_of(&path), schema_of(&alone));
    let conn = rusqlite::Connection::open(&path).unwrap();
    let q = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    assert_eq!(
        q("SELECT COUNT(*) FROM sqlite_master WHERE name = 'cases'"),
        1
    );
    // Tables only later migrations add, one of them CREATE TABLE IF NOT EXISTS, which a
    // second run would pass silently: the version says it ran once.
    for t in ["handover_notes", "case_teams", "party_keys", "merges"] {
        let sql =
            format!("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{t}'");
        assert_eq!(q(&sql), 1, "{t}");
    }
    assert_eq!(q("PRAGMA user_version"), onedoor::store::SCHEMA_VERSION);
    assert_eq!(
        q("PRAGMA application_id"),
        i64::from(onedoor::store::APPLICATION_ID)
    );
    // No temporary file of any of the four is left behind.
    let temps: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(temps.is_empty(), "{temps:?}");
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}
