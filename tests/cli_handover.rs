//! `onedoor handover` and `onedoor stats` through the real binary on a small demo database.
mod common;
use common::cli::{demo_db, run};

#[test]
fn sheet_and_statistics_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "d.db", 300);
    let cfg = dir.path().join("c.toml");
    std::fs::write(&cfg, "printer = \"onedoor-no-such-lp\"\n").unwrap();
    let cfg = cfg.to_str().unwrap();
    let base = ["--lang", "zh-CN", "--db", &db, "--config", cfg];
    let run = |extra: &[&str]| run(&[&base[..], extra].concat());

    let md = run(&["handover", "--format", "md", "--lead", "王建国"]);
    assert!(
        md.status.success(),
        "{}",
        String::from_utf8_lossy(&md.stderr)
    );
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.starts_with("# 交接班表"));
    assert!(md.contains("**值班长**：王建国"));
    assert!(md.contains("## 在办红色、橙色案件"));

    let out = run(&["handover", "--format", "pdf"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out"));
    let pdf = dir.path().join("s.pdf");
    let out = run(&[
        "handover",
        "--format",
        "pdf",
        "--shift",
        "am",
        "--out",
        pdf.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

    let out = run(&["handover", "--print"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("找不到打印命令") && err.contains("onedoor-no-such-lp"),
        "{err}"
    );

    let out = run(&["handover", "--shift", "night"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("不支持的班次"));

    let csv = run(&[
        "stats",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "--format",
        "csv",
    ]);
    assert!(csv.status.success());
    assert!(csv.stdout.starts_with(&[0xEF, 0xBB, 0xBF]));
    let table = run(&["stats", "--format", "table"]);
    assert!(
        String::from_utf8(table.stdout)
            .unwrap()
            .contains("调解成功率")
    );
    let out = run(&["stats", "--format", "xlsx"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out"));
}
