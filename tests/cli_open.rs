//! Only a onedoor database is ever opened for writing: every command refuses, untouched and
//! with one translated line naming the file, an empty file, an empty SQLite database, another
//! program's database, a backup cut off half-way and a device.
mod common;
use common::cli::{demo_db, refused, run_pin};
use std::path::Path;

fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Refused with one clear line containing each of `needles`, and no panic.
fn refused_all(out: &std::process::Output, needles: &[&str]) {
    for n in needles {
        refused(out, n);
    }
}

/// (folder name, what the English message must say) and how to make the file.
type Maker = fn(&Path, &Path);

fn makers() -> Vec<(&'static str, &'static str, Maker)> {
    vec![
        ("zero", "is an empty file", |p, _| {
            std::fs::File::create(p).unwrap();
        }),
        ("empty-sqlite", "is an empty SQLite database", |p, _| {
            rusqlite::Connection::open(p)
                .unwrap()
                .execute_batch("VACUUM")
                .unwrap();
        }),
        ("other", "another program's SQLite database", |p, _| {
            rusqlite::Connection::open(p)
                .unwrap()
                .execute_batch("CREATE TABLE foo (x); INSERT INTO foo VALUES (1);")
                .unwrap();
        }),
        ("half", "is incomplete", |p, whole| {
            let bytes = std::fs::read(whole).unwrap();
            std::fs::write(p, &bytes[..bytes.len() / 2]).unwrap();
        }),
    ]
}

#[test]
fn every_command_refuses_a_file_that_is_not_a_onedoor_database_untouched() {
    let root = tempfile::tempdir().unwrap();
    let whole = demo_db(root.path(), "whole.db", 30);
    let csv = root.path().join("r.csv");
    std::fs::write(
        &csv,
        "登记时间,类别,摘要,申请人\n2025-03-05 09:30,欠薪,工地欠薪,王建国\n",
    )
    .unwrap();
    let csv = csv.to_str().unwrap();
    for (name, says, make) in makers() {
        let dir = root.path().join(name);
        std::fs::create_dir(&dir).unwrap();
        let db = dir.join("onedoor.db");
        make(&db, Path::new(&whole));
        let before = std::fs::read(&db).unwrap();
        let names = names_in(&dir);
        let p = db.to_str().unwrap();
        for args in [
            &["check"][..],
            &["staff", "list"],
            &["find", "张伟"],
            &["import", "--as", "L001", "--dry-run", csv],
            &[
                "backup",
                root.path().join(format!("{name}.bak")).to_str().unwrap(),
            ],
            &[], // the application itself, before it takes the terminal
        ] {
            let mut all = vec!["--lang", "en", "--db", p];
            all.extend_from_slice(args);
            refused_all(&run_pin(&all, "1234"), &[says, p]);
            assert_eq!(std::fs::read(&db).unwrap(), before, "{name} {args:?}");
            assert_eq!(
                names_in(&dir),
                names,
                "{name} {args:?}: no -journal, -wal or -shm"
            );
        }
        refused_all(
            &run_pin(&["--lang", "zh-CN", "--db", p, "check"], "1234"),
            &["不是 onedoor 数据库", p],
        );
    }
    // No backup was made of any of them.
    assert!(!names_in(root.path()).iter().any(|n| n.contains("bak")));
}

#[cfg(unix)]
#[test]
fn a_device_or_a_folder_is_refused() {
    let journal = Path::new("/dev/null-journal");
    let had = journal.exists();
    refused_all(
        &run_pin(&["--lang", "en", "--db", "/dev/null", "check"], "1234"),
        &["/dev/null", "not a regular file"],
    );
    assert_eq!(journal.exists(), had, "no /dev/null-journal");
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().to_str().unwrap();
    refused_all(
        &run_pin(&["--lang", "en", "--db", p, "staff", "list"], "1234"),
        &[p, "is a folder"],
    );
    assert!(names_in(dir.path()).is_empty());
}
