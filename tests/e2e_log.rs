//! The log file of a real desk session: an intake typed in a pseudo-terminal, then a write the
//! database refuses. The log tells what happened, and never who came.
mod common;
use common::pty::{Pty, keys};

const NAME: &str = "欧阳娜娜";
const PHONE: &str = "13911112222";
/// A valid ID number (GB 11643 check digit).
const ID: &str = "520102198803150018";
const ADDRESS: &str = "城关镇幸福路8号";
const RESPONDENT: &str = "单建华";

#[test]
fn the_log_has_startup_and_refusals_but_no_personal_data() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::cli::demo_db(dir.path(), "centre.db", 200);
    let log_dir = dir.path().join("logs");
    let log = log_dir.to_str().unwrap();
    let mut p = Pty::spawn(
        &["--db", &db, "--lang", "zh-CN"],
        &[("ONEDOOR_LOG_DIR", log), ("ONEDOOR_LOG", "trace")],
        120,
        40,
    );
    p.wait_for("示范县");
    p.type_text("D001");
    p.send(keys::ENTER);
    p.type_text("1234");
    p.send(keys::ENTER);
    p.wait_for("张丽（D001）");

    // The form opens on the name → phone → ID → address; 4 more fields to the respondent; 7
    // to category.
    p.wait_for("来访登记");
    p.type_text(NAME);
    p.tabs(1);
    p.type_text(PHONE);
    p.tabs(1);
    p.type_text(ID);
    p.tabs(1);
    p.type_text(ADDRESS);
    p.tabs(4);
    p.type_text(RESPONDENT);
    p.tabs(7);
    p.type_text("lljf");
    p.wait_for("邻里纠纷");
    p.send(keys::ENTER);
    p.type_text("楼上漏水，多次协商未果");
    p.wait_for("楼上漏水，多次协商未果");
    p.send(keys::CTRL_S);
    p.wait_for("已登记。");
    p.send(keys::ENTER); // the next intake

    // A desk clerk may not close a case: the database refuses, and says why.
    p.send(keys::f(3));
    p.wait_for("案件");
    p.send(keys::ENTER);
    p.wait_for("办理记录");
    p.send("C");
    p.send("y");
    p.wait_for("无权");
    p.send(keys::CTRL_Q);
    p.wait_exit();

    let mut text = String::new();
    for e in std::fs::read_dir(&log_dir).unwrap() {
        text.push_str(&std::fs::read_to_string(e.unwrap().path()).unwrap());
    }
    assert!(text.contains("onedoor starting"), "{text}");
    assert!(text.contains("database opened"), "{text}");
    assert!(
        text.contains("err.forbidden"),
        "the refusal's reason: {text}"
    );
    for secret in [NAME, PHONE, ID, ADDRESS, RESPONDENT, "oynn", "ouyang"] {
        assert!(!text.contains(secret), "{secret} reached the log:\n{text}");
    }
}
