//! The benchmarks' shared database: `ONEDOOR_BENCH_DB`, or a 1,000,000-case demo database made
//! on first use under /tmp/onedoor-bench (about a minute). Benches that write use a copy.
#![allow(dead_code)] // each bench uses part of this
pub mod fzf;

use onedoor::store::Store;
use std::path::{Path, PathBuf};

/// The databases a bench runs on: the path given on the command line, else the 10,000- and
/// 1,000,000-case demo databases.
pub fn bench_dbs() -> Vec<PathBuf> {
    match std::env::args().skip(1).find(|a| !a.starts_with('-')) {
        Some(p) => vec![PathBuf::from(p)],
        None => vec![demo_db(10_000), big_db()],
    }
}

pub fn big_db() -> PathBuf {
    if let Ok(p) = std::env::var("ONEDOOR_BENCH_DB") {
        return PathBuf::from(p);
    }
    demo_db(1_000_000)
}

/// A demo database of `cases` cases, made once (seed 1, laid out around today).
pub fn demo_db(cases: u32) -> PathBuf {
    let dir = PathBuf::from("/tmp/onedoor-bench");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("demo-{cases}.db"));
    if !path.exists() {
        eprintln!("making {} with {cases} cases …", path.display());
        let mut s = Store::create(&path).unwrap();
        let opts = onedoor::demo::DemoOptions {
            cases,
            seed: 1,
            now: chrono::Local::now().naive_local(),
        };
        onedoor::demo::generate(&mut s, &opts, "1234").unwrap();
    }
    path
}

/// A consistent private copy of `db` for a bench that writes (made once per tag).
pub fn copy_of(db: &Path, tag: &str) -> PathBuf {
    let copy = db.with_extension(format!("{tag}.db"));
    if !copy.exists() {
        eprintln!("copying {} to {} …", db.display(), copy.display());
        Store::open(db).unwrap().backup_to(&copy).unwrap();
    }
    copy
}

/// The party names of `db`, one line each with their pinyin keys (what fzf searches).
pub fn names_file(db: &Path) -> PathBuf {
    let lines = db.with_extension("names.txt");
    fzf::lines_file(&lines, |out| {
        let mut line = String::new();
        Store::open(db)
            .unwrap()
            .for_each_party_name(|_, n, k| {
                line.clear();
                line.push_str(n);
                line.push(' ');
                line.push_str(k);
                out(&line);
            })
            .unwrap();
    });
    lines
}
