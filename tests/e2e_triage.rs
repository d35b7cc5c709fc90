//! The real binary in a pseudo-terminal: a complete intake typed with Chinese names, saved,
//! found again after a restart; and a form killed with SIGKILL comes back as a draft.
mod common;
use common::pty::{Pty, keys};
use std::time::{Duration, Instant};

fn login_desk(db: &str) -> Pty {
    let mut p = Pty::spawn(&["--db", db, "--lang", "zh-CN"], &[], 120, 40);
    p.wait_for("示范县");
    p.type_text("D001");
    p.send(keys::ENTER);
    p.type_text("1234");
    p.send(keys::ENTER);
    p.wait_for("张丽（D001）");
    p
}

/// The form opens on the applicant's name; Tab to the phone; 6 more fields to the respondent's
/// name; 7 to category.
fn type_intake(p: &mut Pty, applicant: &str, phone: &str) {
    p.wait_for("来访登记");
    p.type_text(applicant);
    p.tabs(1);
    p.type_text(phone);
    p.tabs(6);
    p.type_text("单建华");
    p.tabs(7);
    p.type_text("lljf");
    p.wait_for("邻里纠纷");
    p.send(keys::ENTER);
    p.type_text("楼上漏水，多次协商未果");
    p.wait_for("楼上漏水，多次协商未果");
}

/// The case number in the "案件 X 已登记。" message.
fn case_no(screen: &str) -> String {
    let line = screen
        .lines()
        .find(|l| l.contains("已登记。"))
        .expect("saved message");
    let start = line.find("案件 ").unwrap() + "案件 ".len();
    line[start..].split_whitespace().next().unwrap().to_string()
}

#[test]
fn typed_intake_is_saved_and_found_after_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::cli::demo_db(dir.path(), "centre.db", 200);
    let mut p = login_desk(&db);
    type_intake(&mut p, "欧阳娜娜", "13911112222");
    p.send(keys::CTRL_S);
    let screen = p.wait_for("已登记。");
    let no = case_no(&screen);
    assert!(screen.contains("受理回执"), "{screen}");
    p.send(keys::CTRL_Q);
    assert!(p.wait_exit().success());

    // The slip from the command line.
    let out = common::cli::run(&["--db", &db, "--lang", "zh-CN", "slip", &no]);
    let slip = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && slip.contains("欧阳娜娜") && slip.contains(&no),
        "{slip}"
    );

    // Restart: the visitor is found by pinyin initials and by phone.
    let mut p = login_desk(&db);
    p.wait_for("来访登记");
    p.type_text("oynn");
    p.wait_for(&no);
    p.tabs(1);
    p.type_text("13911112222");
    let screen = p.wait_until(|s| s.contains(&format!("★ {no}")), "exact phone match");
    assert!(screen.contains("重复来访"), "{screen}");
    p.send(keys::CTRL_Q);
    p.wait_for("退出");
    p.send("y");
    assert!(p.wait_exit().success());
}

fn draft_body(db: &str) -> String {
    let c = rusqlite::Connection::open(db).unwrap();
    c.query_row("SELECT body FROM drafts WHERE kind = 'intake'", [], |r| {
        r.get(0)
    })
    .unwrap_or_default()
}

#[test]
fn killed_mid_form_the_draft_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::cli::demo_db(dir.path(), "centre.db", 200);
    let mut p = login_desk(&db);
    type_intake(&mut p, "覃小梅", "");
    // Wait until the background writer has committed what was typed, then kill -9.
    let start = Instant::now();
    while !draft_body(&db).contains("楼上漏水，多次协商未果") {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "draft never written"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    p.kill();

    let mut p = login_desk(&db);
    p.wait_for("发现未保存的登记");
    p.send(keys::ENTER);
    let screen = p.wait_for("已恢复草稿");
    for text in ["覃小梅", "单建华", "楼上漏水，多次协商未果", "邻里纠纷"] {
        assert!(screen.contains(text), "{text} missing:\n{screen}");
    }
    p.send(keys::CTRL_S);
    p.wait_for("已登记。");
    assert!(
        draft_body(&db).is_empty() || {
            // The delete goes through the writer queue; wait for it.
            let start = Instant::now();
            while !draft_body(&db).is_empty() {
                assert!(start.elapsed() < Duration::from_secs(30));
                std::thread::sleep(Duration::from_millis(20));
            }
            true
        }
    );
    p.send(keys::CTRL_Q);
    assert!(p.wait_exit().success());
}
