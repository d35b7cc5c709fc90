//! The real binary in a pseudo-terminal: a mediator logs in, lands on their queue, finds a case
//! by the applicant's pinyin initials, records an attempt, escalates, records an agreement and
//! sees it in the timeline.
mod common;
use common::pty::{Pty, keys};
use onedoor::domain::ladder::Level;
use onedoor::domain::status::Status;
use onedoor::store::Store;

#[test]
fn mediator_queue_search_attempt_escalate_agreement_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let db_s = &common::cli::demo_db(dir.path(), "centre.db", 300);
    let db = std::path::PathBuf::from(db_s);

    // Pick a case of M001 that is being handled at village level, and its search position.
    let now = chrono::Local::now().naive_local();
    let (case_no, initials, pos) = {
        let store = Store::open(&db).unwrap();
        let me = store.staff_by_code("M001").unwrap().unwrap().id;
        let f = onedoor::domain::case_filter::CaseFilter::queue(
            onedoor::domain::case_filter::OwnerFilter::Staff(me),
        );
        let rows = store
            .case_page(&f, Default::default(), None, false, 100, now)
            .unwrap();
        let row = rows
            .iter()
            .filter(|r| matches!(r.status, Status::Assigned | Status::InMediation))
            .filter(|r| r.level == Level::Village)
            .find(|r| store.case_detail(r.id).unwrap().ladder().remaining() > 0)
            .expect("M001 has a village-level case with attempts left")
            .clone();
        let keys = onedoor::domain::names::name_keys(&row.party);
        let initials = keys.split(' ').nth(1).unwrap_or(&keys).to_string();
        let hits = store.search_cases(&initials, 50, now).unwrap();
        let pos = hits
            .iter()
            .position(|h| h.row.id == row.id)
            .expect("found by initials");
        (row.case_no, initials, pos)
    };

    let mut p = Pty::spawn(&["--db", db_s], &[], 120, 40);
    p.wait_for("工号");
    p.type_text("M001");
    p.send(keys::ENTER);
    p.type_text("1234");
    p.send(keys::ENTER);
    p.wait_for("我的队列");
    p.send("/");
    p.wait_for("搜索");
    p.type_text(&initials);
    p.wait_for(&case_no);
    for _ in 0..pos {
        p.send(keys::DOWN);
    }
    p.send(keys::ENTER);
    p.wait_for("三二一调解");
    p.wait_for(&format!("┌ {case_no}"));

    p.send("t");
    p.wait_for("记录一次调解");
    p.type_text("电话沟通，双方愿意再谈");
    p.send(keys::ENTER);
    // The last attempt of a level proposes escalation at once; otherwise ask for it.
    let s = p.wait_until(
        |s| s.contains("已记录调解") || s.contains("升级到"),
        "attempt recorded",
    );
    if !s.contains("升级到") {
        p.send("e");
        p.wait_for("升级到");
    }
    p.send("y");
    p.wait_for("已升级");
    p.wait_for("层级: 乡镇");

    p.send("t");
    p.wait_for("记录一次调解");
    p.type_text("镇调委主持调解");
    p.send(keys::ENTER);
    p.wait_for("已记录调解");
    p.send("o");
    p.wait_for("记录结果");
    p.send("1");
    p.wait_for("协议内容");
    p.type_text("分期偿还三万元");
    p.send(keys::ENTER);
    p.wait_for("司法确认");
    p.send("y");
    p.wait_for("达成协议");
    p.send("y");
    p.wait_for("已记录结果");
    let screen = p.wait_for("状态: 达成协议");
    assert!(screen.contains("分期偿还三万元"), "{screen}");
    // The timeline, in order: attempt, escalation, attempt, outcome.
    let timeline = &screen[screen.find("── 办理记录").expect("timeline")..];
    let at = |s: &str| {
        timeline
            .find(s)
            .unwrap_or_else(|| panic!("{s} missing:\n{screen}"))
    };
    assert!(
        at("电话沟通") < at("升级") && at("升级") < at("镇调委主持调解"),
        "{screen}"
    );
    assert!(
        at("镇调委主持调解") < at("达成协议: 分期偿还三万元"),
        "{screen}"
    );
    p.send(keys::CTRL_Q);
    assert!(p.wait_exit().success());
    assert!(p.restored());
}
