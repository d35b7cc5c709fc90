//! The real binary in a pseudo-terminal: a mediator records an agreement, sees its follow-up
//! appear, records a breach and the case is reopened to them: it is back in their queue on the
//! Cases pane, and the database file agrees.
mod common;
use common::pty::{Pty, keys};
use rusqlite::Connection;

#[test]
fn agreement_followup_breach_reopens_the_case() {
    let dir = tempfile::tempdir().unwrap();
    let db_s = &common::cli::demo_db(dir.path(), "centre.db", 200);
    let db = std::path::PathBuf::from(db_s);

    // A case in mediation, owned by the mediator with the shortest queue (it fits the screen).
    let conn = Connection::open(&db).unwrap();
    let (case_id, case_no, mediator, owner_id): (i64, String, String, i64) = conn
        .query_row(
            "SELECT c.id, c.case_no, s.code, s.id FROM cases c JOIN staff s ON s.id = c.owner_id
             WHERE c.status = 'in_mediation' AND s.role = 'mediator'
             ORDER BY (SELECT COUNT(*) FROM cases q WHERE q.owner_id = s.id AND q.active = 1), c.id
             LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .expect("demo data has a case in mediation");
    drop(conn);

    let mut p = Pty::spawn(&["--db", db_s], &[], 120, 40);
    p.wait_for("工号");
    p.type_text(&mediator);
    p.send(keys::ENTER);
    p.type_text("1234");
    p.send(keys::ENTER);
    p.wait_for(&format!("（{mediator}）调解员"));
    p.send(keys::f(5));
    p.wait_for("负责人：M");

    // Record the agreement by case number (typed with Chinese terms).
    p.send("a");
    p.wait_for("新增回访");
    p.type_text(&case_no);
    p.send(keys::ENTER);
    p.wait_for("调解中");
    p.type_text("被申请人赔偿3000元，12月底前付清");
    p.send(keys::ENTER);
    p.wait_for("已记录达成协议");

    // Its 7-day follow-up is the last of the week's list: select it.
    p.send("\x1b[F"); // End
    let screen = p.wait_for(&format!("{case_no} · 达成协议"));
    assert!(screen.contains("7天后"), "{screen}");

    // With an agreement the case has left the mediator's queue (Cases pane, F3).
    p.send(keys::f(3));
    // Wait for the whole frame: the follow-up rows ("协议回访") must be gone, not just the title in.
    let queue = p.wait_until(
        |s| s.contains("的队列") && !s.contains("协议回访"),
        "the queue drawn",
    );
    assert!(!queue.contains(&case_no), "{queue}");
    p.send(keys::f(5));
    p.wait_for(&format!("{case_no} · 达成协议"));

    // Record a breach.
    p.send(keys::ENTER);
    p.wait_for("被申请人赔偿3000元");
    p.send(keys::TAB);
    p.type_text("申请人本人");
    p.send(keys::TAB);
    p.send("\x1b[C");
    p.send("\x1b[C");
    p.wait_for("保存后案件将重新打开");
    p.send(keys::ENTER);
    let screen = p.wait_for("违约，案件已重新打开");
    assert!(screen.contains("已分派"), "{screen}");

    // The Cases pane (F3) opens on the mediator's own queue: the case is back in it.
    p.send(keys::f(3));
    let queue = p.wait_until(
        |s| s.contains("的队列") && !s.contains("协议回访") && !s.contains("违约，案件"),
        "the queue drawn",
    );
    assert!(queue.contains(&case_no), "{queue}");
    p.send(keys::CTRL_Q);
    assert!(p.wait_exit().success());

    // Back in the mediator's active queue, at least yellow, with the audit trail.
    let conn = Connection::open(&db).unwrap();
    let (status, active, owner, colour): (String, bool, i64, i64) = conn
        .query_row(
            "SELECT status, active, owner_id, colour FROM cases WHERE id = ?1",
            [case_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(
        (status.as_str(), active, owner),
        ("assigned", true, owner_id)
    );
    assert!(colour <= 2, "at least yellow, got rank {colour}");
    let actions: Vec<String> = conn
        .prepare("SELECT action FROM audit WHERE case_id = ?1 ORDER BY id")
        .unwrap()
        .query_map([case_id], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    for a in [
        "case.outcome",
        "followup.add",
        "followup.record",
        "case.reopen",
    ] {
        assert!(
            actions.iter().any(|x| x == a),
            "{a} missing from {actions:?}"
        );
    }
    let queued: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM cases WHERE owner_id = ?1 AND active = 1 AND id = ?2",
            [owner_id, case_id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(queued, 1);
}
