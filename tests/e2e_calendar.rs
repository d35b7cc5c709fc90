//! The calendar in the real binary: book with "next free slot", a conflicting booking refused,
//! move a session with a reason and record it as held — then the database shows it all.
mod common;
use common::pty::{Pty, keys};

const BACKSPACE: &str = "\x7f";
const CTRL_N: &str = "\x0e";

/// Two active cases without booked sessions (so their parties are free) and with attempts
/// left on their ladder level, by case number.
fn free_cases(db: &str) -> (String, String) {
    let c = rusqlite::Connection::open(db).unwrap();
    let mut stmt = c
        .prepare(
            "SELECT case_no FROM cases WHERE active = 1 AND id NOT IN
               (SELECT case_id FROM sessions WHERE status = 'booked')
               AND ((level = 'village' AND attempts_village < 3)
                 OR (level = 'township' AND attempts_township < 2)
                 OR (level = 'county' AND attempts_county < 1))
             ORDER BY id LIMIT 2",
        )
        .unwrap();
    let v: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    (v[0].clone(), v[1].clone())
}

fn clear(p: &mut Pty, n: usize) {
    for _ in 0..n {
        p.send(BACKSPACE);
    }
}

#[test]
fn book_conflict_move_and_record_in_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = &common::cli::demo_db(dir.path(), "cal.db", 200);
    let (case_a, case_b) = free_cases(db);
    let attempts_before: i64 = rusqlite::Connection::open(db)
        .unwrap()
        .query_row(
            "SELECT attempts_village + attempts_township + attempts_county FROM cases
             WHERE case_no = ?1",
            [&case_a],
            |r| r.get(0),
        )
        .unwrap();

    let mut p = Pty::spawn(&["--db", db, "--lang", "en"], &[], 160, 50);
    p.wait_for("Staff code");
    p.type_text("L001");
    p.send(keys::ENTER);
    p.type_text("1234");
    p.send(keys::ENTER);
    p.wait_for("王建国（L001）");
    p.send(keys::f(4));
    p.wait_for("Calendar · Day · by mediator");

    // Book case A with M001 in the earliest free slot.
    p.type_text("n");
    p.wait_for("Book a session");
    p.type_text(&case_a);
    p.send(keys::TAB);
    p.type_text("M001");
    p.send(CTRL_N);
    // Old demo cases are past their deadline: then the form warns and still fills a slot.
    p.wait_until(
        |s| s.contains("Earliest free slot filled in") || s.contains("the earliest one is filled"),
        "a free slot",
    );
    p.send(keys::ENTER);
    let screen = p.wait_for("Session booked");
    let line = screen
        .lines()
        .find(|l| l.contains(&format!("▸ {case_a}")))
        .unwrap_or_else(|| panic!("booked session not selected:\n{screen}"))
        .to_string();
    // "▸ NO Colour · Party · MM-DD HH:MM–HH:MM · …": the date and start of the booking.
    let when: Vec<&str> = line
        .split(" · ")
        .nth(2)
        .unwrap()
        .split([' ', '–'])
        .collect();
    let (md, start) = (when[0].to_string(), when[1].to_string());

    // Case B with the same mediator at the same time: refused, saying what collides.
    p.type_text("n");
    p.wait_for("Book a session");
    p.type_text(&case_b);
    p.send(keys::TAB);
    p.type_text("M001");
    p.send(keys::TAB);
    p.send(keys::TAB);
    clear(&mut p, 12);
    p.type_text(&md);
    p.send(keys::TAB);
    p.type_text(&start);
    p.send(keys::ENTER);
    let screen = p.wait_for("Conflict:");
    assert!(
        screen.contains(&format!("has a session for case {case_a}")),
        "{screen}"
    );
    assert!(
        screen.contains("Book a session"),
        "the form stays open:\n{screen}"
    );
    p.esc();
    p.wait_until(|s| !s.contains("Book a session"), "form closed");

    // Move A to today 07:00 (a lead may book outside working hours), with a reason.
    p.type_text("m");
    p.wait_for("Move a session");
    clear(&mut p, 12);
    p.type_text("+0");
    p.send(keys::TAB);
    clear(&mut p, 5);
    p.type_text("07:00");
    p.send(keys::TAB);
    p.send(keys::TAB);
    p.type_text("mediator called to court");
    p.send(keys::ENTER);
    let screen = p.wait_for("Session moved");
    assert!(screen.contains("07:00–"), "{screen}");

    // Record it as held.
    p.type_text("r");
    p.wait_for("Record the session");
    p.type_text("both sides agreed to meet again");
    p.send(keys::ENTER);
    let screen = p.wait_for("Outcome recorded");
    assert!(screen.contains("· held ·"), "{screen}");
    p.send(keys::CTRL_Q);
    assert!(p.wait_exit().success());
    assert!(p.restored());

    // The store kept it all, audited, and counted the attempt.
    let c = rusqlite::Connection::open(db).unwrap();
    let (status, result, attempts): (String, String, i64) = c
        .query_row(
            "SELECT s.status, s.result, c.attempts_village + c.attempts_township + c.attempts_county
             FROM sessions s JOIN cases c ON c.id = s.case_id WHERE c.case_no = ?1
             ORDER BY s.id DESC LIMIT 1",
            [&case_a],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (status.as_str(), result.as_str()),
        ("held", "both sides agreed to meet again")
    );
    assert_eq!(
        attempts,
        attempts_before + 1,
        "a held session is an attempt"
    );
    let actions: String = c
        .query_row(
            "SELECT group_concat(a.action, ' ') FROM audit a JOIN cases c ON c.id = a.case_id
             WHERE c.case_no = ?1 AND (a.action LIKE 'session.%' OR a.action = 'case.attempt')",
            [&case_a],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        actions,
        "session.book session.move session.record case.attempt"
    );
    let b_sessions: i64 = c
        .query_row(
            "SELECT COUNT(*) FROM sessions s JOIN cases c ON c.id = s.case_id
             WHERE c.case_no = ?1 AND s.status = 'booked'",
            [&case_b],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(b_sessions, 0, "the refused booking left nothing behind");
}
