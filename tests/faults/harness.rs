//! What the fault tests share: the demo database, the intake a desk saves, and the desk
//! children (spawned, their `ACK` lines collected) with the check that nothing was lost.
use crate::common::app::{Demo, demo};
use chrono::{Local, NaiveDateTime};
use onedoor::domain::party::PartyRole;
use onedoor::store::{NewCase, NewParty};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub fn long() -> bool {
    std::env::var_os("ONEDOOR_FAULT_LONG").is_some()
}

pub fn now() -> NaiveDateTime {
    Local::now().naive_local()
}

/// A demo database with staff (desk clerks D001–D003) and a few cases.
pub fn demo_db(dir: &Path) -> PathBuf {
    let path = dir.join("faults.db");
    let demo = Demo {
        now: now(),
        ..demo(30).seed(3)
    };
    demo.create(&path);
    path
}

pub fn intake(desk: &str, i: u64) -> NewCase {
    let applicant = NewParty::named("王伟", Some("13812345678"));
    let mut c = NewCase::walk_in(
        now(),
        "labour.wages",
        &format!("{desk} 第{i}件 欠薪"),
        applicant,
    );
    c.parties
        .push((PartyRole::Respondent, NewParty::named("某建筑公司", None)));
    NewCase {
        description: "x".repeat(200),
        amount_yuan: Some(5000),
        people: 2,
        ..c
    }
}

pub fn spawn_child(db: &Path, desk: &str, n: u64) -> Child {
    spawn_child_env(db, desk, n, &[])
}

pub fn spawn_child_env(db: &Path, desk: &str, n: u64, env: &[(&str, &str)]) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .envs(env.iter().copied())
        .args([
            "child_desk",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("ONEDOOR_FAULT_DB", db)
        .env("ONEDOOR_FAULT_DESK", desk)
        .env("ONEDOOR_FAULT_N", n.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

pub type Acks = Arc<Mutex<Vec<String>>>;

/// Collects the child's acknowledgements on a thread, which ends when the child's stdout closes.
pub fn acks_of(child: &mut Child) -> (Acks, std::thread::JoinHandle<()>) {
    let acks = Arc::new(Mutex::new(Vec::new()));
    let out = child.stdout.take().unwrap();
    let a = Arc::clone(&acks);
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            // libtest prints "test child_desk ... " without a newline before the first line.
            if let Some((_, no)) = line.split_once("ACK ") {
                a.lock().unwrap().push(no.to_string());
            }
        }
    });
    (acks, reader)
}

pub fn wait_acks(acks: &Acks, at_least: usize) {
    let start = Instant::now();
    while acks.lock().unwrap().len() < at_least {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "child made no progress"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// Every acknowledged case is there and whole: parties, visit and audit entry.
pub fn check_whole(db: &Path, acked: &[String]) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    for no in acked {
        let n: i64 = conn
            .query_row("SELECT COUNT(*) FROM cases WHERE case_no = ?1", [no], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(n, 1, "acknowledged case {no} lost");
    }
    let half: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM cases c WHERE
               NOT EXISTS (SELECT 1 FROM case_parties cp WHERE cp.case_id = c.id)
            OR NOT EXISTS (SELECT 1 FROM visits v WHERE v.case_id = c.id)
            OR NOT EXISTS (SELECT 1 FROM audit a WHERE a.case_id = c.id AND a.action = 'case.create')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(half, 0, "half-written cases");
}
