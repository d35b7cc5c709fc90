//! `onedoor report monthly`, and the per-centre `handover` and `stats`, through the real binary
//! on a county built with the library: MAIN (county), T1 and T2 (townships), V1 and V2 under
//! T1, V3 under T2. In November 2026 V1 received two cases and resolved one, V3 received one;
//! nothing happened at V2.
mod common;
use chrono::{NaiveDate, NaiveDateTime};
use common::cli::{ok, refused};
use onedoor::domain::followup::FollowupPlan;
use onedoor::domain::intake::{NewCase, NewParty};
use onedoor::domain::ladder::Level;
use onedoor::domain::risk::ResponseHours;
use onedoor::domain::role::Role;
use onedoor::store::centres::NewCentre;
use onedoor::store::{Actor, Outcome, Store};
use std::path::Path;
use std::process::Output;

const PIN: &str = "246810";

fn at(d: u32, h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, d)
        .unwrap()
        .and_hms_opt(h, 0, 0)
        .unwrap()
}

fn staff(s: &mut Store, by: Option<Actor>, code: &str, role: Role, centre: Option<i64>) -> Actor {
    common::county::add_staff(s, by, code, role, centre, PIN, at(2, 8))
}

fn case(s: &mut Store, by: Actor, name: &str) -> i64 {
    let n = NewCase::walk_in(
        at(3, 9),
        "neighbour",
        "楼上漏水，多次协商未果",
        NewParty::named(name, Some("13812345678")),
    );
    s.create_case(by, &n, &ResponseHours::default()).unwrap().id
}

/// The county, in a file of `dir`.
fn county(dir: &Path) -> String {
    let path = dir.join("county.db");
    let mut s = Store::create(&path).unwrap();
    let lead = staff(&mut s, None, "L1", Role::Lead, None);
    for (code, name, level, parent) in [
        ("T1", "东林镇综治中心", Level::Township, "MAIN"),
        ("T2", "西山镇综治中心", Level::Township, "MAIN"),
        ("V1", "东林一村调解室", Level::Village, "T1"),
        ("V2", "东林二村调解室", Level::Village, "T1"),
        ("V3", "西山三村调解室", Level::Village, "T2"),
    ] {
        let c = NewCentre {
            code: code.into(),
            name: name.into(),
            level,
            parent: Some(parent.into()),
            address: String::new(),
            phone: String::new(),
        };
        s.add_centre(lead, &c, at(2, 8)).unwrap();
    }
    let l = Some(lead);
    staff(&mut s, l, "TL1", Role::Lead, Some(2));
    let v1 = staff(&mut s, l, "VD1", Role::Desk, Some(4));
    let m = staff(&mut s, l, "VM1", Role::Mediator, Some(4));
    let v3 = staff(&mut s, l, "VD3", Role::Desk, Some(6));
    let done = case(&mut s, v1, "张伟");
    case(&mut s, v1, "李娜");
    case(&mut s, v3, "赵敏");
    s.assign_case(v1, done, m.staff_id, "", at(3, 10)).unwrap();
    s.record_attempt(m, done, "调解中", at(4, 10)).unwrap();
    let agreement = Outcome::Agreement {
        terms: "双方和解".into(),
        judicial: false,
    };
    s.record_outcome(m, done, &agreement, &FollowupPlan::default(), at(6, 10))
        .unwrap();
    path.to_str().unwrap().to_string()
}

fn run(db: &str, lang: &str, args: &[&str]) -> Output {
    common::cli::onedoor()
        .args(["--db", db, "--lang", lang])
        .args(args)
        .env("ONEDOOR_PIN", PIN)
        .output()
        .unwrap()
}

const MONTHLY: [&str; 4] = ["report", "monthly", "--month", "2026-11"];

fn monthly(db: &str, lang: &str, extra: &[&str]) -> Output {
    run(db, lang, &[&MONTHLY[..], extra].concat())
}

#[test]
fn a_township_lead_reports_on_the_township_and_its_villages_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = county(dir.path());
    let txt = ok(&monthly(&db, "zh-CN", &["--as", "TL1"]));
    assert!(txt.starts_with("矛盾纠纷调处化解月报"), "{txt}");
    assert!(txt.contains("中心：东林镇综治中心（T1）"), "{txt}");
    assert!(txt.contains("月份：2026-11"), "{txt}");
    let line = |label: &str| {
        txt.lines()
            .find(|l| l.trim_start().starts_with(label))
            .unwrap_or_else(|| panic!("no line {label}:\n{txt}"))
            .split_whitespace()
            .collect::<Vec<_>>()
    };
    // Received, resolved, success rate, up, down, sent back, overdue, remark.
    assert_eq!(line("东林镇综治中心（T1）（含下级）")[1..3], ["2", "1"]);
    assert_eq!(line("东林一村调解室（V1）")[1..3], ["2", "1"]);
    let v2 = line("东林二村调解室（V2）");
    assert_eq!(v2.last(), Some(&"零报告"), "{txt}");
    assert!(
        txt.contains("零报告：本月无受理"),
        "V2's section says so:\n{txt}"
    );
    assert!(!txt.contains("西山"), "no other township's figures:\n{txt}");
    assert!(!txt.contains("MAIN"), "nor the county's:\n{txt}");

    // A centre below: V1 alone. One above or beside: refused.
    let v1 = ok(&monthly(&db, "en", &["--as", "TL1", "--centre", "V1"]));
    assert!(v1.contains("Centre: 东林一村调解室 (V1)"), "{v1}");
    assert!(!v1.contains("(with centres below)"), "{v1}");
    refused(
        &monthly(&db, "en", &["--as", "TL1", "--centre", "V3"]),
        "neither yours nor below yours",
    );
    refused(
        &monthly(&db, "en", &["--as", "VD1", "--centre", "T1"]),
        "neither yours nor below yours",
    );
    refused(
        &monthly(&db, "en", &["--as", "TL1", "--centre", "NOPE"]),
        "No such centre",
    );
    refused(&monthly(&db, "en", &[]), "holds 6 centres");
    // The county lead's report rolls everything up to the county.
    let all = ok(&monthly(&db, "en", &["--as", "L1"]));
    assert!(all.contains("西山三村调解室 (V3)"), "{all}");
}

#[test]
fn pdf_and_xlsx_go_to_a_new_private_file_only() {
    use calamine::{Data, Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    let db = county(dir.path());
    refused(
        &monthly(&db, "en", &["--as", "TL1", "--format", "pdf"]),
        "--out",
    );
    refused(
        &monthly(&db, "en", &["--as", "TL1", "--format", "docx"]),
        "Unsupported format",
    );
    refused(
        &run(
            &db,
            "en",
            &["report", "monthly", "--month", "2026-13", "--as", "TL1"],
        ),
        "A month looks like 2026-11",
    );
    let pdf = dir.path().join("t1.pdf");
    let pdf_s = pdf.to_str().unwrap();
    let out = monthly(
        &db,
        "zh-CN",
        &["--as", "TL1", "--format", "pdf", "--out", pdf_s],
    );
    ok(&out);
    assert!(common::cli::stderr(&out).contains(pdf_s));
    let bytes = std::fs::read(&pdf).unwrap();
    let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
    for needle in ["矛盾纠纷调处化解月报", "东林二村调解室", "零报告"] {
        assert!(text.contains(needle), "{needle} missing:\n{text}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&pdf).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // Never over an existing file.
    refused(
        &monthly(
            &db,
            "en",
            &["--as", "TL1", "--format", "pdf", "--out", pdf_s],
        ),
        "already exists",
    );
    assert_eq!(std::fs::read(&pdf).unwrap(), bytes);

    let xlsx = dir.path().join("t1.xlsx");
    let xlsx_s = xlsx.to_str().unwrap();
    ok(&monthly(
        &db,
        "zh-CN",
        &["--as", "TL1", "--format", "xlsx", "--out", xlsx_s],
    ));
    let mut wb: Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    assert_eq!(
        wb.sheet_names(),
        [
            "汇总",
            "东林镇综治中心（T1）（含下级）",
            "东林一村调解室（V1）",
            "东林二村调解室（V2）",
            "说明"
        ]
    );
    let summary = wb.worksheet_range("汇总").unwrap();
    assert_eq!(
        summary.get_value((0, 0)),
        Some(&Data::String("矛盾纠纷调处化解月报".into()))
    );
    let row = (0..summary.height() as u32)
        .find(|r| {
            summary.get_value((*r, 0)) == Some(&Data::String("  东林一村调解室（V1）".into()))
        })
        .expect("V1's line");
    assert_eq!(summary.get_value((row, 1)), Some(&Data::Float(2.0)));
    assert_eq!(summary.get_value((row, 2)), Some(&Data::Float(1.0)));
}

#[test]
fn the_sheet_is_one_centres_and_the_statistics_go_by_centre_and_level() {
    let dir = tempfile::tempdir().unwrap();
    let db = county(dir.path());
    let sheet = ok(&run(
        &db,
        "zh-CN",
        &["handover", "--date", "2026-11-03", "--as", "VD1"],
    ));
    assert!(sheet.starts_with("交接班表 · 东林一村调解室"), "{sheet}");
    assert!(
        sheet.contains("■ 新受理案件（2 件）"),
        "V1's two intakes:\n{sheet}"
    );
    let t1 = ok(&run(
        &db,
        "zh-CN",
        &[
            "handover",
            "--date",
            "2026-11-03",
            "--as",
            "TL1",
            "--centre",
            "V1",
        ],
    ));
    assert!(t1.contains("■ 新受理案件（2 件）"), "{t1}");
    let own = ok(&run(
        &db,
        "zh-CN",
        &["handover", "--date", "2026-11-03", "--as", "TL1"],
    ));
    assert!(own.starts_with("交接班表 · 东林镇综治中心"), "{own}");
    assert!(own.contains("■ 新受理案件（0 件）"), "{own}");
    refused(
        &run(&db, "en", &["handover", "--as", "TL1", "--centre", "V3"]),
        "neither yours nor below yours",
    );
    refused(&run(&db, "en", &["handover"]), "holds 6 centres");

    let stats = ok(&run(
        &db,
        "zh-CN",
        &[
            "stats",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--as",
            "L1",
        ],
    ));
    assert!(stats.contains("■ 按中心（本级）"), "{stats}");
    assert!(stats.contains("■ 按层级"), "{stats}");
    assert!(stats.contains("小事不出村"), "the notes: {stats}");
    let village = stats
        .lines()
        .find(|l| l.trim_start().starts_with("村（社区）"))
        .expect("the village row");
    assert_eq!(
        village.split_whitespace().collect::<Vec<_>>()[1..3],
        ["1", "100.0%"]
    );
    assert!(
        stats.contains("    西山三村调解室（V3）"),
        "indented by the tree: {stats}"
    );
}

#[test]
fn a_record_of_one_centre_reports_without_anyone_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::cli::demo_db(dir.path(), "one.db", 200);
    let txt = ok(&run(&db, "en", &MONTHLY));
    assert!(
        txt.contains("Monthly report on dispute resolution"),
        "{txt}"
    );
    // One centre: the statistics have no tables by centre or level, the sheet its old title.
    let stats = ok(&run(&db, "en", &["stats"]));
    assert!(!stats.contains("By level"), "{stats}");
    let sheet = ok(&run(&db, "en", &["handover"]));
    assert!(sheet.starts_with("Shift handover sheet\n"), "{sheet}");
}
