use super::*;
use crate::domain::centre::{Centre, CentreTree};
use crate::domain::ladder::Level;
use std::collections::HashMap;

fn centre(id: i64, code: &str, name: &str, level: Level, parent: Option<i64>) -> Centre {
    Centre {
        id,
        code: code.into(),
        name: name.into(),
        level,
        parent_id: parent,
        number_prefix: code.into(),
        address: String::new(),
        phone: String::new(),
        active: true,
        hours: None,
    }
}

/// T1 (2) with V1 (4) and V2 (5) below it, under a county (1) the reader does not see: V1
/// received 3 and resolved 1, T1 resolved 1 of V1's, V2 had nothing.
fn figures() -> CentreFigures {
    let tree = CentreTree::new(vec![
        centre(1, "MAIN", "县矛调中心", Level::County, None),
        centre(2, "T1", "东林镇综治中心", Level::Township, Some(1)),
        centre(4, "V1", "一村调解室", Level::Village, Some(2)),
        centre(5, "V2", "二村调解室", Level::Village, Some(2)),
    ]);
    let mut v1 = Tally {
        received: 3,
        resolved: 1,
        mediated: 1,
        agreements: 1,
        overdue: 1,
        handed_up: 1,
        ..Tally::default()
    };
    v1.resolved_at[0] = 1;
    v1.stays[0] = 2;
    v1.stay_days[0] = 5.0;
    v1.by_category.insert(
        "neighbour".into(),
        crate::domain::centre_report::CategoryCount {
            received: 3,
            resolved: 1,
        },
    );
    let mut t1 = Tally {
        resolved: 1,
        ..Tally::default()
    };
    t1.resolved_at[1] = 1;
    let own = HashMap::from([(2, t1), (4, v1), (5, Tally::default())]);
    CentreFigures {
        from: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        to: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        at: NaiveDate::from_ymd_opt(2026, 12, 3)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap(),
        tree,
        own,
    }
}

#[test]
fn the_summary_rolls_up_and_a_centre_with_nothing_files_a_zero_report() {
    let f = figures();
    let doc = monthly_doc(&f, 2, f.from, Lang::Zh);
    let txt = crate::report::text::txt(&doc);
    assert!(txt.starts_with("矛盾纠纷调处化解月报"), "{txt}");
    assert!(txt.contains("月份：2026-11"), "{txt}");
    let Block::Table(summary) = &doc.sections[0].blocks[0] else {
        panic!("summary table")
    };
    let cells = |r: usize| summary.rows[r][..3].to_vec();
    assert_eq!(cells(0), ["东林镇综治中心（T1）（含下级）", "3", "2"]);
    assert_eq!(cells(1), ["  本级", "0", "1"]);
    assert_eq!(cells(2), ["  一村调解室（V1）", "3", "1"]);
    assert_eq!(summary.rows[3][0], "  二村调解室（V2）");
    assert_eq!(summary.rows[3].last().unwrap(), "零报告");
    assert_eq!(summary.rows[2].last().unwrap(), "");
    assert_eq!(summary.rows.len(), 4, "nothing of the county above");
    // A section per centre; V2's says it has nothing to report.
    let headings: Vec<&str> = doc.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "汇总",
            "东林镇综治中心（T1）（含下级）",
            "一村调解室（V1）",
            "二村调解室（V2）",
            "说明"
        ]
    );
    assert_eq!(
        doc.sections[3].blocks,
        [Block::Note(tr(Lang::Zh, "ui.centres.zero_line").into())]
    );
    // T1 with V1 and V2: half resolved in the village, half in the township.
    assert!(txt.contains("村（社区）"), "{txt}");
    let level_rows: Vec<&Vec<String>> = doc.sections[1]
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) if t.headers[0] == "层级" => Some(&t.rows),
            _ => None,
        })
        .flatten()
        .collect();
    assert_eq!(level_rows[0][1..], ["1", "50.0%", "2.5"]);
    assert_eq!(level_rows[1][1..], ["1", "50.0%", "—"]);
    assert!(txt.contains("小事不出村"), "the notes define the share");
}

#[test]
fn a_village_alone_has_one_line_and_english_reads_as_english() {
    let f = figures();
    let doc = monthly_doc(&f, 4, f.from, Lang::En);
    let Block::Table(summary) = &doc.sections[0].blocks[0] else {
        panic!("summary table")
    };
    assert_eq!(summary.rows.len(), 1);
    assert_eq!(summary.rows[0][0], "一村调解室 (V1)");
    assert_eq!(doc.title, "Monthly report on dispute resolution");
    let txt = crate::report::text::txt(&monthly_doc(&f, 5, f.from, Lang::En));
    assert!(txt.contains("Zero report: nothing received"), "{txt}");
}
