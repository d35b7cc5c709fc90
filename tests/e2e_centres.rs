//! The real binary in a pseudo-terminal, on the county demo: a village desk registers a case
//! (routed to a village mediator), the mediator records the village's three attempts, the
//! desk hands the case up; the township's lead finds it awaiting sign-off, signs for it and
//! reads its history; the village desk then reads it only, with its new status.
mod common;
use common::pty::{Pty, keys};

/// Logs `code` in (PIN 1234) on the county database `db`.
fn login(db: &str, code: &str) -> Pty {
    let mut p = Pty::spawn(&["--db", db, "--lang", "zh-CN"], &[], 120, 40);
    p.wait_for("工号");
    p.type_text(code);
    p.send(keys::ENTER);
    p.type_text("1234");
    p.send(keys::ENTER);
    p.wait_for(&format!("（{code}）"));
    p
}

fn quit(mut p: Pty) {
    p.send(keys::CTRL_Q);
    assert!(p.wait_exit().success());
    assert!(p.restored());
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

/// The staff code of the mediator highlighted in the routing list (`▶ 1. 姓名 DL01M1 …`).
fn highlighted_mediator(screen: &str) -> String {
    let line = screen
        .lines()
        .find(|l| l.contains("▶") && l.contains(" 1. "))
        .unwrap_or_else(|| panic!("no highlighted mediator:\n{screen}"));
    line.split_whitespace()
        .find(|w| w.starts_with("DL01M"))
        .unwrap_or_else(|| panic!("no village mediator in {line:?}"))
        .to_string()
}

/// Opens `no` in the cases pane by searching its number.
fn open_case(p: &mut Pty, no: &str) {
    p.send(keys::f(3));
    p.wait_for("┌ ");
    p.send("/");
    p.wait_for("搜索");
    p.type_text(no);
    p.wait_for(no);
    p.send(keys::ENTER);
    p.wait_for(&format!("┌ {no}"));
}

#[test]
fn a_village_hands_up_the_township_lead_signs_and_the_village_reads_it_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::cli::county_db(dir.path(), "county.db", 200);

    // The village desk registers a walk-in, routed to one of the village's mediators.
    let mut p = login(&db, "DL01D");
    p.wait_for("来访登记 · 东林镇东林村调解室");
    p.type_text("王秀兰");
    p.send(keys::ENTER);
    p.type_text("13912345678");
    p.send(keys::ENTER);
    p.send(keys::ENTER); // no ID number: the section ends → the respondent
    p.send(keys::ENTER); // no respondent → the category
    p.type_text("邻里");
    p.wait_for("邻里纠纷");
    p.send(keys::ENTER);
    p.type_text("宅基地边界争议");
    p.send(keys::ENTER);
    p.send(keys::ENTER); // no description → the flags
    p.send(keys::ENTER); // no flag → the routing list
    let screen = p.wait_for(" 1. ");
    let mediator = highlighted_mediator(&screen);
    p.send(keys::CTRL_S);
    let no = case_no(&p.wait_for("已登记。"));
    assert!(no.starts_with("DL01-"), "{no}");
    quit(p);

    // The mediator records the village's three attempts; the hand-up is proposed, left to
    // the desk.
    let mut p = login(&db, &mediator);
    open_case(&mut p, &no);
    for n in 1..=3 {
        p.send("t");
        p.wait_for(&format!("村（社区）第 {n}/3 次调解"));
        p.type_text(&format!("第{n}次调解未果"));
        p.send(keys::ENTER);
        p.wait_for(&format!("村（社区） {n}/3"));
    }
    p.wait_for("上报至东林镇综治中心");
    p.esc();
    quit(p);

    // The desk hands it up.
    let mut p = login(&db, "DL01D");
    open_case(&mut p, &no);
    p.send("e");
    p.wait_for("上报理由（本级调解次数已用完，可不填）");
    p.send(keys::ENTER);
    p.wait_for("已上报东林镇综治中心，待签收");
    p.wait_for("已上报 东林镇综治中心 待签收");
    quit(p);

    // The township's lead: counted in the status bar, listed awaiting sign-off; signs for it
    // and reads where it has been.
    let mut p = login(&db, "DLL");
    p.wait_for("待签收 1");
    p.send(keys::f(3));
    p.send("i");
    p.wait_for("┌ 待签收 · 共 1 件");
    p.wait_for(&no);
    p.send(keys::ENTER);
    p.wait_for("待本中心签收：s 签收 · r 退回");
    p.send("s");
    p.wait_for("签收后由本中心承办");
    p.send("y");
    p.wait_for("已签收，由本中心承办");
    let screen = p.wait_for("承办：东林镇综治中心 · 已上报 东林镇综治中心 已签收");
    for seen in [
        "层级: 乡镇（街道）",
        "── 流转经过",
        "东林镇东林村调解室 · 村（社区）",
        "调解 3 次",
        "东林镇综治中心 · 乡镇（街道）",
        "第3次调解未果",
    ] {
        assert!(screen.contains(seen), "{seen} missing:\n{screen}");
    }
    quit(p);

    // The village desk: the case it handed up, signed for; read-only there now.
    let mut p = login(&db, "DL01D");
    p.send(keys::f(3));
    p.send("h");
    p.wait_for("┌ 已上报");
    p.wait_for("已签收");
    p.send(keys::ENTER);
    let screen = p.wait_for("承办：东林镇综治中心（只读） · 已上报 东林镇综治中心 已签收");
    assert!(screen.contains(&format!("┌ {no}")), "{screen}");
    p.send("n");
    p.wait_for("此案由东林镇综治中心承办，本中心只读");
    quit(p);
}
