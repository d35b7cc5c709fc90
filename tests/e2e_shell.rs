//! The real binary in a pseudo-terminal: demo start, every pane, help, quit, terminal restored.
mod common;
use common::pty::{Pty, keys};

#[test]
fn demo_shell_switches_panes_opens_help_and_restores_the_terminal() {
    // HOME stands in for the real home: the demo's log must not go to its data directory.
    let home = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn(
        &["--demo"],
        &[("HOME", home.path().to_str().unwrap())],
        120,
        40,
    );
    let screen = p.wait_for("值班长");
    assert!(
        screen.contains("王建国"),
        "logged in as the demo lead:\n{screen}"
    );
    assert!(
        screen.contains("红 ") && screen.contains("橙 "),
        "status bar counts:\n{screen}"
    );
    for (n, label) in [
        (3, "F3 案件"),
        (4, "F4 调解日程"),
        (5, "F5 回访"),
        (6, "F6 交接班"),
        (2, "F2 分诊登记"),
    ] {
        p.send(keys::f(n));
        p.wait_until(|_| p.is_reversed(label), &format!("tab {label} active"));
    }
    p.send(keys::f(1));
    p.wait_for("全局按键");
    p.esc();
    p.wait_until(|s| !s.contains("全局按键"), "help closed");
    p.send(keys::f(9));
    p.wait_for("Shift lead");
    p.send(keys::CTRL_Q);
    let status = p.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    assert!(
        p.restored(),
        "terminal left in alternate screen, hidden cursor or paste mode"
    );
    assert_eq!(
        common::cli::everything_in(home.path()),
        Vec::<String>::new()
    );
}

#[test]
fn init_then_login_with_wrong_and_right_pin() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("centre.db");
    let db = db.to_str().unwrap();
    let out = common::cli::run_pin(
        &[
            "--db",
            db,
            "--lang",
            "en",
            "init",
            "--code",
            "L009",
            "--name",
            "周敏",
            "--centre",
            "城关镇综治中心",
        ],
        "246801",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let mut p = Pty::spawn(&["--db", db], &[], 80, 24);
    p.wait_for("城关镇综治中心");
    p.type_text("L009");
    p.send(keys::ENTER);
    p.type_text("1111");
    p.send(keys::ENTER);
    p.wait_for("还可尝试 2 次");
    p.type_text("246801");
    p.send(keys::ENTER);
    let screen = p.wait_for("周敏（L009）");
    assert!(screen.contains("红 0"), "{screen}");
    p.send(keys::CTRL_Q);
    assert!(p.wait_exit().success());
    assert!(p.restored());
}

#[test]
fn resizing_down_to_one_cell_while_typing_and_a_huge_paste_never_break_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = &common::cli::demo_db(dir.path(), "r.db", 30);
    let mut p = Pty::spawn(&["--db", db, "--lang", "en"], &[], 200, 60);
    p.wait_for("Staff code");
    let sizes = [
        (200, 60),
        (120, 40),
        (80, 24),
        (40, 10),
        (10, 3),
        (1, 1),
        (2, 1),
        (80, 24),
        (200, 60),
    ];
    for (i, (w, h)) in sizes.iter().enumerate() {
        p.resize(*w, *h);
        p.type_text(if i % 2 == 0 { "L" } else { "0" });
        assert!(p.is_running(), "died at {w}×{h}");
    }
    p.resize(80, 24);
    p.wait_for("Staff code");
    // A 1 MB paste into the 16-character code field: cut, no hang, still answering.
    p.send(&keys::paste(&"张".repeat(350_000)));
    p.send(keys::f(9));
    p.wait_for("工号");
    assert!(p.is_running());
    p.send(keys::CTRL_Q);
    assert!(p.wait_exit().success());
    assert!(p.restored());
}
