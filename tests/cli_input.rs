//! What people type on the command line: dates in every form README promises, for every
//! command that takes one; `find` queries typed with a Chinese input method; `--limit`; the
//! config's `pdf_font`. Accepted input means what it says; refused input is one translated line.
mod common;
use common::cli::{demo_db, ok, refused, run, run_pin};

/// 2026-11-24 as README says it may be typed.
const NOV_24: [&str; 6] = [
    "2026-11-24",
    "2026/11/24",
    "20261124",
    "２０２６－１１－２４",
    "２０２６／１１／２４",
    "２０２６１１２４",
];

/// Days that do not exist, or years nobody means.
const IMPOSSIBLE: [&str; 6] = [
    "2026-02-30",
    "2026/02/30",
    "20260230",
    "２０２６０２３０",
    "1899-12-31",
    "30000101",
];

#[test]
fn every_date_argument_takes_every_promised_form() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "d.db", 50);
    let en = |args: &[&str]| run_pin(&[&["--lang", "en", "--db", &db], args].concat(), "1234");
    for d in NOV_24 {
        let sheet = ok(&en(&["handover", "--date", d]));
        assert!(sheet.contains("Date: 2026-11-24"), "handover --date {d}");
        let stats = ok(&en(&["stats", "--from", d, "--to", d]));
        assert!(
            stats.contains("Period: 2026-11-24 ~ 2026-11-24"),
            "stats --from/--to {d}"
        );
        let agenda = ok(&en(&["agenda", "--date", d]));
        assert!(agenda.contains("2026-11-24 Tue"), "agenda --date {d}");
        let purge = ok(&en(&[
            "purge",
            "--closed-before",
            d,
            "--dry-run",
            "--as",
            "L001",
        ]));
        assert!(
            purge.contains("closed before 2026-11-24 "),
            "purge --closed-before {d}: {purge}"
        );
    }
    for d in IMPOSSIBLE {
        let msg = "Dates look like 2026-11-24, 2026/11/24 or 20261124";
        refused(&en(&["handover", "--date", d]), msg);
        refused(&en(&["stats", "--from", d]), msg);
        refused(&en(&["stats", "--to", d]), msg);
        refused(&en(&["agenda", "--date", d]), msg);
        let purge = ["purge", "--closed-before", d, "--dry-run", "--as", "L001"];
        refused(&en(&purge), msg);
    }
    let zh = run(&[
        "--lang", "zh-CN", "--db", &db, "handover", "--date", "20260230",
    ]);
    refused(&zh, "日期应为 2026-11-24、2026/11/24 或 20261124");
    refused(
        &en(&["stats", "--from", "2026/12/01", "--to", "20261101"]),
        "--from",
    );
}

/// Digits and Latin letters as a Chinese input method types them in full-width mode.
fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' | 'a'..='z' | 'A'..='Z' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
            c => c,
        })
        .collect()
}

#[test]
fn find_reads_full_width_queries_and_refuses_a_limit_of_0() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "d.db", 300);
    let c = rusqlite::Connection::open(&db).unwrap();
    let no: String = c
        .query_row(
            "SELECT case_no FROM cases ORDER BY received_at DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let find =
        |q: &str, more: &[&str]| run(&[&["--lang", "en", "--db", &db, "find", q], more].concat());
    // The day of the newest case (`1124`), its number without dashes (`1124007`), pinyin.
    let day = &no[5..9];
    let tail = format!("{day}{}", &no[10..]);
    for q in [day, tail.as_str(), "zh", "zw", "ZHANG", "wang"] {
        let ascii = ok(&find(q, &["--json"]));
        let wide = full_width(q);
        assert_eq!(
            ok(&find(&wide, &["--json"])),
            ascii,
            "{wide} finds what {q} finds"
        );
    }
    assert!(ok(&find(&full_width(day), &[])).contains(&no), "{no}");
    assert!(ok(&find(&full_width(&tail), &[])).starts_with(&no), "{no}");
    assert!(ok(&find("ｚｈ", &["--json"])).starts_with("[{"), "pinyin");

    for bad in ["0", "1001", "-1", "x", "２．５"] {
        refused(
            &find("张", &["--limit", bad]),
            "--limit takes a number from 1 to 1000",
        );
    }
    let zh = run(&["--lang", "zh-CN", "--db", &db, "find", "张", "--limit", "0"]);
    refused(&zh, "--limit 须为 1 到 1000 之间的整数");
    let one = ok(&find("张", &["--limit", "１"]));
    assert_eq!(one.lines().count(), 1, "{one}");
    let all = ok(&find("张", &["--limit", "1000"]));
    assert!(all.lines().count() > 1, "{all}");
}

#[test]
fn a_pdf_font_that_is_no_font_is_refused_at_start_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "d.db", 5);
    let cfg = dir.path().join("c.toml");
    let cfg = cfg.to_str().unwrap();
    let missing = dir.path().join("NotoSansCJK.ttc");
    let text = dir.path().join("font.txt");
    std::fs::write(&text, "not a font").unwrap();
    for (font, en, zh) in [
        (
            &missing,
            "pdf_font in the configuration file names no font file",
            "配置文件中 pdf_font 指定的字体文件不存在",
        ),
        (
            &text,
            "pdf_font in the configuration file is not a TrueType, OpenType or TTC font",
            "配置文件中 pdf_font 指定的不是 TrueType、OpenType 或 TTC 字体",
        ),
    ] {
        let font = font.to_str().unwrap();
        std::fs::write(cfg, format!("pdf_font = \"{font}\"\n")).unwrap();
        for (lang, words) in [("en", en), ("zh-CN", zh)] {
            let out = run(&["--lang", lang, "--db", &db, "--config", cfg, "check"]);
            refused(&out, words);
            refused(&out, &format!("pdf_font = {font}"));
        }
    }
    // A real font is taken.
    let bundled = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/fonts/NotoSansSC-Regular-GB2312.otf"
    );
    std::fs::write(cfg, format!("pdf_font = \"{bundled}\"\n")).unwrap();
    ok(&run(&["--db", &db, "--config", cfg, "check"]));
}
